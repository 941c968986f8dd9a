// Who is calling: the gateway's checks, as Huawei documents them (an AK/SK
// signature within 15 minutes of the server's clock, signing host and
// x-sdk-date; five failures in a row lock the key for five minutes; IAM tokens
// valid 24 hours; temporary AK/SK valid only with their signed X-Security-Token
// and until they expire), and TrueWatch's DF-API-KEY.
import { randomBytes } from "node:crypto";
import { createSigner, formatSdkDate, parseSdkDate, type SignableRequest, type Signer } from "@ws/core";
import { hex, projectsOf, type Account } from "./accounts.js";

export interface Incoming {
  method: string;
  /** Path and query as received. */
  url: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: string;
}

export type AuthResult =
  | { ok: true; account: Account; via: "aksk" | "token" | "apiKey"; projectId?: string | undefined }
  | { ok: false; status: number; code: string; message: string };

const AUTHORIZATION = /^SDK-HMAC-SHA256 Access=([^,\s]+), SignedHeaders=([^,\s]+), Signature=([0-9a-f]{64})$/;
const SKEW_LIMIT_IN_MS = 15 * 60_000;
const LOCK_AFTER = 5;
const LOCK_FOR_IN_MS = 5 * 60_000;
const TOKEN_LIFETIME_IN_MS = 24 * 60 * 60_000;

interface IssuedToken {
  account: Account;
  projectId: string;
  expiresAt: number;
  revoked: boolean;
}

/** Temporary AK/SK and security token (what the ECS metadata service hands out), for one account. */
export interface TemporaryCredentials {
  accessKey: string;
  secretKey: string;
  securityToken: string;
  /** Epoch ms on the emulator's clock. */
  expiresAt: number;
}

interface IssuedTemporary extends TemporaryCredentials {
  account: Account;
  signer: Signer;
}

const TEMPORARY_KEY_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

export class Gatekeeper {
  private readonly failures = new Map<string, { count: number; lockedUntil: number }>();
  private readonly tokens = new Map<string, IssuedToken>();
  private readonly signers = new Map<Account, Signer>();
  private readonly temporaries = new Map<string, IssuedTemporary>();

  constructor(
    private readonly accounts: Account[],
    private readonly now: () => number,
  ) {}

  private signerFor(account: Account): Signer {
    let signer = this.signers.get(account);
    if (!signer) this.signers.set(account, (signer = createSigner(account.accessKey, account.secretKey)));
    return signer;
  }

  private fail(code: string, message: string, status = 401): AuthResult {
    return { ok: false, status, code, message: `Incorrect IAM authentication information: ${message}` };
  }

  /** Huawei services: AK/SK signature or X-Auth-Token. */
  huawei(request: Incoming): AuthResult {
    if (request.headers.authorization) return this.signature(request);
    const token = request.headers["x-auth-token"];
    if (!token) return this.fail("APIGW.0301", "x-auth-token not found");
    const issued = this.tokens.get(token);
    if (!issued) return this.fail("APIGW.0301", "decrypt token fail");
    if (issued.revoked) return { ok: false, status: 401, code: "APIGW.0307", message: "The token must be updated." };
    if (this.now() >= issued.expiresAt) return this.fail("APIGW.0301", `token expires, expires_at: ${new Date(issued.expiresAt).toISOString()}`);
    return { ok: true, account: issued.account, via: "token", projectId: issued.projectId };
  }

  private signature(request: Incoming): AuthResult {
    const match = AUTHORIZATION.exec(request.headers.authorization ?? "");
    if (!match) return this.fail("APIGW.0301", "verify aksk signature fail, invalid Authorization header");
    const [, accessKey, signedList, signature] = match as unknown as [string, string, string, string];
    const permanent = this.accounts.find((a) => a.accessKey === accessKey);
    const temporary = permanent ? undefined : this.temporaries.get(accessKey);
    const account = permanent ?? temporary?.account;
    if (!account) return this.fail("APIGW.0301", "Get secretKey failed");
    const state = this.failures.get(accessKey) ?? { count: 0, lockedUntil: 0 };
    if (this.now() < state.lockedUntil) return this.fail("APIGW.0301", "AK access failed to reach the limit,forbidden");

    const refuse = (message: string): AuthResult => {
      state.count++;
      if (state.count > LOCK_AFTER) state.lockedUntil = this.now() + LOCK_FOR_IN_MS;
      this.failures.set(accessKey, state);
      return this.fail("APIGW.0301", message);
    };
    const signed = signedList.split(";");
    // A temporary key is only good with the security token it was issued with, sent
    // and signed, and only until it expires; a permanent key takes no security token.
    const securityToken = request.headers["x-security-token"];
    if (temporary) {
      if (securityToken === undefined) return refuse("verify aksk signature fail, a temporary access key needs its x-security-token");
      if (securityToken !== temporary.securityToken) return refuse("verify securitytoken fail, the security token does not belong to this access key");
      if (this.now() >= temporary.expiresAt) {
        return this.fail("APIGW.0301", `security token expires, expires_at: ${new Date(temporary.expiresAt).toISOString()}`);
      }
      if (!signed.includes("x-security-token")) return refuse("verify aksk signature fail, x-security-token must be signed");
    } else if (securityToken !== undefined) {
      return refuse("verify securitytoken fail, the security token does not belong to this access key");
    }
    if (!signed.includes("host") || !signed.includes("x-sdk-date")) return refuse("verify aksk signature fail, host and x-sdk-date must be signed");
    const signedAt = parseSdkDate(request.headers["x-sdk-date"]);
    if (signedAt === undefined) return refuse("verify aksk signature fail, invalid x-sdk-date");
    if (Math.abs(this.now() - signedAt) > SKEW_LIMIT_IN_MS) {
      return refuse(`signature expired, signature time:${request.headers["x-sdk-date"]},server time:${formatSdkDate(new Date(this.now()))}`);
    }
    const headers: Record<string, string> = {};
    for (const name of signed) {
      if (name === "host") continue;
      const value = request.headers[name];
      if (value === undefined) return refuse(`verify aksk signature fail, signed header ${name} is missing`);
      headers[name] = value;
    }
    // Sign the request as received, with the date it claims, and compare: the
    // canonical form, payload hash and HMAC are core's signer's, not a copy of them.
    const expected: SignableRequest = { method: request.method, url: `http://${request.headers.host ?? ""}${request.url}`, headers, body: request.body };
    if ((temporary?.signer ?? this.signerFor(account)).sign(expected, new Date(signedAt)) instanceof Promise) {
      throw new Error("the emulator needs the synchronous node:crypto signer (the node export condition)");
    }
    if (!expected.headers.authorization?.endsWith(`Signature=${signature}`)) return refuse("verify aksk signature fail");
    this.failures.delete(accessKey);
    // X-Project-Id: any project of the account (its own, or one of `projects`); X-Domain-Id (global
    // services such as IAM): the account's. Without X-Project-Id the caller acts in the account's own project.
    const projectId = request.headers["x-project-id"];
    if (projectId !== undefined && !projectsOf(account).some((p) => p.id === projectId && p.enabled !== false)) {
      return { ok: false, status: 403, code: "APIGW.0310", message: "The project is unavailable." };
    }
    const domainId = request.headers["x-domain-id"];
    if (domainId !== undefined && domainId !== account.domainId) {
      return this.fail("APIGW.0301", "verify aksk signature fail, x-domain-id is not the access key's account");
    }
    return { ok: true, account, via: "aksk", projectId: projectId ?? account.projectId };
  }

  /**
   * New temporary AK/SK and security token for `account`, valid `ttlInMs` on the emulator's clock
   * (what the ECS metadata service hands to an instance whose agency belongs to the account).
   */
  issueTemporary(account: Account, ttlInMs: number): TemporaryCredentials {
    const accessKey = Array.from(randomBytes(20), (b) => TEMPORARY_KEY_CHARS[b % TEMPORARY_KEY_CHARS.length]).join("");
    const secretKey = randomBytes(30).toString("base64");
    const issued: IssuedTemporary = {
      account,
      accessKey,
      secretKey,
      securityToken: `gQ${randomBytes(96).toString("base64")}`,
      expiresAt: this.now() + ttlInMs,
      signer: createSigner(accessKey, secretKey),
    };
    this.temporaries.set(accessKey, issued);
    return { accessKey, secretKey, securityToken: issued.securityToken, expiresAt: issued.expiresAt };
  }

  /** Makes every temporary key issued so far expired (the gateway then refuses it: APIGW.0301). */
  expireTemporaryCredentials(): void {
    const now = this.now();
    for (const issued of this.temporaries.values()) issued.expiresAt = Math.min(issued.expiresAt, now);
  }

  /** TrueWatch: the DF-API-KEY of one of the account's workspaces. */
  apiKey(request: Incoming, keys: Map<string, Account>): AuthResult {
    const key = request.headers["df-api-key"];
    const account = key ? keys.get(key) : undefined;
    if (!account) return { ok: false, status: 403, code: "ft.InvalidAPIKey", message: "Invalid API Key" };
    return { ok: true, account, via: "apiKey" };
  }

  /** IAM POST /v3/auth/tokens, password method: a token scoped to one of the account's (enabled) projects, by id or name. */
  issueToken(body: unknown): { status: number; headers?: Record<string, string>; body: unknown } {
    const b = body as any;
    const user = b?.auth?.identity?.password?.user;
    const scope = b?.auth?.scope?.project;
    if (!Array.isArray(b?.auth?.identity?.methods) || !b.auth.identity.methods.includes("password") || !user || !scope) {
      return { status: 400, body: { error: { code: 400, message: "The request body is invalid.", title: "Bad Request" } } };
    }
    const account = this.accounts.find(
      (a) => a.username === user.name && a.password === user.password && a.domainName === user.domain?.name,
    );
    if (!account) return { status: 401, body: { error: { code: 401, message: "The username or password is wrong.", title: "Unauthorized" } } };
    const project = projectsOf(account).find(
      (p) => p.enabled !== false && (scope.id === undefined || p.id === scope.id) && (scope.name === undefined || p.name === scope.name),
    );
    if (!project) {
      return { status: 401, body: { error: { code: 401, message: "The project does not exist or is not accessible.", title: "Unauthorized" } } };
    }
    const token = `MIIemu${hex(32)}`;
    const issuedAt = this.now();
    const expiresAt = issuedAt + TOKEN_LIFETIME_IN_MS;
    this.tokens.set(token, { account, projectId: project.id, expiresAt, revoked: false });
    return {
      status: 201,
      headers: { "x-subject-token": token },
      body: {
        token: {
          methods: ["password"],
          issued_at: new Date(issuedAt).toISOString(),
          expires_at: new Date(expiresAt).toISOString(),
          project: { id: project.id, name: project.name, domain: { id: account.domainId, name: account.domainName } },
          user: { name: account.username, domain: { name: account.domainName } },
        },
      },
    };
  }

  /** Makes every token issued so far answer "The token must be updated" (APIGW.0307). */
  revokeTokens(): void {
    for (const token of this.tokens.values()) token.revoked = true;
  }
}
