// Loopback stand-ins for what the credential providers talk to: an ECS metadata
// service handing out short-lived temporary keys, a gateway that checks every
// signature with Huawei's official signer (and that a security token belongs to
// its key and has not expired), and IAM's project list.
import { startServer, type RecordedRequest, type Reply, type TestServer } from "./index.js";
import { verifyWithOfficialSigner } from "./official-signer.js";

export interface IssuedKey {
  accessKey: string;
  secretKey: string;
  securityToken?: string | undefined;
  /** Local time after which the gateway refuses the key. */
  expiresAt?: number | undefined;
}

/** Every key a test's gateway accepts, by access key. */
export class KeyRing {
  readonly keys = new Map<string, IssuedKey>();
  add(key: IssuedKey): IssuedKey {
    this.keys.set(key.accessKey, key);
    return key;
  }
  /** Checks a request as the gateway would; undefined when it is accepted. `expiry: false` checks afterwards: the signature and token only. */
  refusal(req: RecordedRequest, expiry = true): string | undefined {
    const verdict = verifyWithOfficialSigner(req, (ak) => this.keys.get(ak)?.secretKey);
    if (!verdict.valid) return verdict.reason ?? "invalid signature";
    const key = this.keys.get(verdict.accessKey!)!;
    if (key.securityToken !== undefined) {
      if (req.headers["x-security-token"] !== key.securityToken) return "the security token does not belong to the access key";
      if (!verdict.signedHeaders!.includes("x-security-token")) return "the security token is not signed";
    }
    if (expiry && key.expiresAt !== undefined && Date.now() >= key.expiresAt) return "the temporary key has expired";
    return undefined;
  }
}

/**
 * A service that checks the signature, then answers 200 with `reply` (default:
 * what it saw: the access key, the project in the path and in X-Project-Id).
 */
export function gateway(ring: KeyRing, reply?: (req: RecordedRequest) => unknown) {
  return (req: RecordedRequest): Reply => {
    const refusal = ring.refusal(req);
    if (refusal) return { status: 401, body: { error_code: "APIGW.0301", error_msg: `Incorrect IAM authentication information: ${refusal}` } };
    if (reply) return { status: 200, body: reply(req) };
    const projectInPath = /^\/v1\/([^/]+)\//.exec(req.url)?.[1];
    return { status: 200, body: { accessKey: /Access=([^,]+)/.exec(req.headers.authorization!)![1], projectInPath, projectHeader: req.headers["x-project-id"] } };
  };
}

export interface FakeMetadata {
  server: TestServer;
  url: string;
  /** `token`: session tokens; 404 / 405: the token request is answered so (token-less mode). */
  tokenMode: "token" | 404 | 405;
  /** Lifetime of each issued key. */
  lifetimeInMs: number;
  /** Answer the key request with this status instead (500, 404 "no agency"). */
  failWith: number | undefined;
  /** Expire every session token issued so far (the next key request with one gets 401). */
  expireSessions(): void;
  issued: IssuedKey[];
  keyRequests(): RecordedRequest[];
  tokenRequests(): RecordedRequest[];
  /** Back to the defaults: the real handler, session tokens, no failure, no recorded requests. */
  reset(): void;
  close(): Promise<void>;
}

export const NO_AGENCY_BODY = '{"error":{"message":"Please configure Cloud Service Agency first","code":"403"}}';

export async function startMetadata(ring: KeyRing, lifetimeInMs = 60 * 60_000): Promise<FakeMetadata> {
  let sessions = new Set<string>();
  let n = 0;
  const fake: FakeMetadata = {
    server: undefined as unknown as TestServer,
    url: "",
    tokenMode: "token",
    lifetimeInMs,
    failWith: undefined,
    expireSessions: () => {
      sessions = new Set();
    },
    issued: [],
    keyRequests: () => fake.server.requests.filter((r) => r.url === "/openstack/latest/securitykey"),
    tokenRequests: () => fake.server.requests.filter((r) => r.url === "/meta-data/latest/api/token"),
    reset: () => {},
    close: () => fake.server.close(),
  };
  const handler = (req: RecordedRequest): Reply => {
    if (req.url === "/meta-data/latest/api/token" && req.method === "PUT") {
      if (fake.tokenMode !== "token") return { status: fake.tokenMode, body: "Not Found" };
      if (req.headers["x-metadata-token-ttl-seconds"] !== "21600") return { status: 400, body: "missing X-Metadata-Token-Ttl-Seconds" };
      const token = `session-token-${++n}-abcdefghijklmnop`;
      sessions.add(token);
      return { status: 200, body: token };
    }
    if (req.url === "/openstack/latest/securitykey" && req.method === "GET") {
      if (fake.failWith === 404) return { status: 404, body: NO_AGENCY_BODY };
      if (fake.failWith !== undefined) return { status: fake.failWith, body: `failure echoing ${req.headers["x-metadata-token"] ?? ""}` };
      const token = req.headers["x-metadata-token"];
      if (fake.tokenMode === "token" && (!token || !sessions.has(token))) return { status: 401, body: '{"error":"invalid metadata token"}' };
      if (fake.tokenMode !== "token" && token) return { status: 400, body: "unexpected token" };
      const i = fake.issued.length + 1;
      const key = ring.add({
        accessKey: `TMPAK${String(i).padStart(4, "0")}EXAMPLE`,
        secretKey: `tmp-secret-${i}-0123456789abcdefghij`,
        securityToken: `tmp-security-token-${i}-ABCDEFGHIJKLMNOPQRSTUVWXYZ==`,
        expiresAt: Date.now() + fake.lifetimeInMs,
      });
      fake.issued.push(key);
      return {
        status: 200,
        // The service's clock, as the SDK reads it to count the lifetime: Date.now, faked or not.
        headers: { date: new Date(Date.now()).toUTCString() },
        body: { credential: { access: key.accessKey, secret: key.secretKey, securitytoken: key.securityToken, expires_at: new Date(key.expiresAt!).toISOString() } },
      };
    }
    return { status: 404, body: "no such path" };
  };
  fake.server = await startServer(handler);
  fake.reset = () => {
    fake.server.requests.length = 0;
    fake.server.handle(handler);
    fake.tokenMode = "token";
    fake.failWith = undefined;
    fake.lifetimeInMs = lifetimeInMs;
  };
  fake.url = fake.server.url;
  return fake;
}

/** IAM's GET /v3/projects?name=: the projects of each region, for requests the signer (or a token) accepts. */
export function iamProjects(ring: KeyRing, projects: Record<string, Array<{ id: string; name: string }>>, tokens: Set<string> = new Set()) {
  return (req: RecordedRequest): Reply => {
    const url = new URL(req.url, "http://iam");
    if (req.method !== "GET" || url.pathname !== "/v3/projects") return { status: 404, body: { error_msg: "no such path" } };
    const token = req.headers["x-auth-token"];
    const refusal = token ? (tokens.has(token) ? undefined : "bad token") : ring.refusal(req);
    if (refusal) return { status: 401, body: { error: { code: 401, message: `The request you have made requires authentication: ${refusal}`, title: "Unauthorized" } } };
    const name = url.searchParams.get("name") ?? "";
    return { status: 200, body: { projects: projects[name] ?? [], links: { self: "https://iam/v3/projects" } } };
  };
}

/** A URL nothing listens on. */
export async function closedUrl(): Promise<string> {
  const s = await startServer();
  await s.close();
  return s.url;
}
