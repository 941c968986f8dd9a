// Every Huawei credential form over loopback: AK/SK checked the way the gateway
// checks it (by Huawei's official signer), caller tokens, IAM password tokens
// against a server that behaves as IAM documents, and the environment.
import { startServer, useTestServer, verifyWithOfficialSigner, type RecordedRequest, type Reply, type TestServer } from "@ws/testkit";
import { inspect } from "node:util";
import { afterEach, beforeAll, afterAll, describe, expect, it, vi } from "vitest";
import {
  ApiError,
  ConfigurationError,
  CredentialsUnavailableError,
  createHuaweiService,
  formatSdkDate,
  type HuaweiClientOptions,
  type OperationSpec,
} from "../../src/index.js";

const create: OperationSpec = { provider: "modelarts", id: "createWorkspace", method: "POST", path: "/v1/{project_id}/workspaces", idempotent: false, body: { type: "object" } };
const projectId = "0123456789abcdef0123456789abcdef";
const ak = "HPUALEXAMPLEACCESSKEY";
const sk = "sK9+example/SECRET/key0123456789abcdefgh";
const securityToken = "gQpjbi1ub3J0aC00ExampleSecurityTokenValue==";

/** A gateway on loopback: verifies AK/SK with the official signer, accepts tokens in `tokens`. */
function gateway(tokens: Set<string>, clockOffsetInMs = 0) {
  return (req: RecordedRequest): Reply => {
    const now = Date.now() + clockOffsetInMs;
    if (req.headers.authorization) {
      const verdict = verifyWithOfficialSigner(req, (key) => (key === ak ? sk : undefined), { now });
      if (!verdict.valid) {
        const message =
          verdict.reason === "signature expired"
            ? `Incorrect IAM authentication information: signature expired, signature time:${req.headers["x-sdk-date"]},server time:${formatSdkDate(new Date(now))}`
            : `Incorrect IAM authentication information: verify aksk signature fail (${verdict.reason})`;
        return { status: 401, headers: { date: new Date(now).toUTCString() }, body: { error_code: "APIG.0301", error_msg: message, request_id: "gw" } };
      }
      return { status: 200, body: { id: "ws-1", signedHeaders: verdict.signedHeaders } };
    }
    const token = req.headers["x-auth-token"];
    if (token && tokens.has(token)) return { status: 200, body: { id: "ws-1" } };
    return { status: 401, body: { error_code: "APIGW.0307", error_msg: "The token must be updated." } };
  };
}

const validTokens = new Set<string>(["caller-token-1"]);
const server = useTestServer(gateway(validTokens));

function client(options: Partial<HuaweiClientOptions<string>> = {}) {
  return createHuaweiService<{}, string>({
    provider: "modelarts",
    endpoints: {},
    projectId,
    options: { endpoint: server().url, retryDelayInMs: 1, ...options } as HuaweiClientOptions<string>,
  });
}
const call = (c: ReturnType<typeof client>) => c.call<{ id: string; signedHeaders?: string[] }>(create, { params: { project_id: projectId }, body: { name: "team-a" } });

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

describe("AK/SK", () => {
  it("signs requests the official signer verifies, with X-Project-Id signed", async () => {
    const result = await call(client({ credentials: { accessKey: ak, secretKey: sk } }));
    expect(result.signedHeaders).toEqual(["content-type", "host", "x-project-id", "x-sdk-date"]);
    const [sent] = server().requests;
    expect(sent!.headers["x-project-id"]).toBe(projectId);
    expect(sent!.headers.host).toMatch(/^127\.0\.0\.1:\d+$/); // non-default port, signed as sent
    expect(sent!.headers["x-auth-token"]).toBeUndefined();
  });

  it("adds and signs X-Security-Token for temporary credentials", async () => {
    const result = await call(client({ credentials: { accessKey: ak, secretKey: sk, securityToken } }));
    expect(result.signedHeaders).toEqual(["content-type", "host", "x-project-id", "x-sdk-date", "x-security-token"]);
    expect(server().requests[0]!.headers["x-security-token"]).toBe(securityToken);
  });

  it("signs the caller's extra headers too", async () => {
    const result = await call(client({ credentials: { accessKey: ak, secretKey: sk }, headers: { "X-Client-Trace": "Abc-1" } }));
    expect(result.signedHeaders).toContain("x-client-trace");
  });

  it("signs every attempt afresh, with a new date", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-23T10:00:00Z"));
    let n = 0;
    server().handle((req) => {
      if (++n === 1) {
        vi.setSystemTime(new Date("2026-11-23T10:00:05Z"));
        return { status: 503, body: { error_code: "APIGW.0613", error_msg: "IAM unavailable" } };
      }
      return gateway(validTokens)(req);
    });
    await call(client({ credentials: { accessKey: ak, secretKey: sk } }));
    const dates = server().requests.map((r) => r.headers["x-sdk-date"]);
    expect(dates).toEqual(["20261123T100000Z", "20261123T100005Z"]);
    expect(server().requests[0]!.headers.authorization).not.toBe(server().requests[1]!.headers.authorization);
  });

  it("refuses a wrong secret once and does not try again", async () => {
    const error = (await call(client({ credentials: { accessKey: ak, secretKey: "wrong-secret-key-000000" } })).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: "APIG.0301", attempts: 1 });
    expect(server().requests).toHaveLength(1);
  });

  it("corrects a skewed clock from the server's time, re-signs once, and keeps the correction", async () => {
    server().handle(gateway(validTokens, 60 * 60_000)); // the gateway's clock is an hour ahead
    const c = client({ credentials: { accessKey: ak, secretKey: sk } });
    await expect(call(c)).resolves.toMatchObject({ id: "ws-1" });
    expect(server().requests).toHaveLength(2);
    server().requests.length = 0;
    await expect(call(c)).resolves.toMatchObject({ id: "ws-1" });
    expect(server().requests).toHaveLength(1); // the offset was kept
  });

  it("refuses credentials that would break a header, before sending", async () => {
    expect(() => client({ credentials: { accessKey: "AK\r\nX-Evil: 1", secretKey: sk } })).toThrow(ConfigurationError);
    expect(() => client({ credentials: { accessKey: ak, secretKey: sk, securityToken: "tok\nen" } })).toThrow(/securityToken contains a line break/);
    expect(() => client({ credentials: { accessKey: "", secretKey: sk } })).toThrow(/accessKey must be a non-empty string/);
    expect(server().requests).toHaveLength(0);
  });

  it("never shows the secret key or security token", async () => {
    server().handle(() => ({ status: 400, body: { error_code: "X.1", error_msg: `bad ${sk} ${securityToken}` } }));
    const lines: string[] = [];
    const c = client({ credentials: { accessKey: ak, secretKey: sk, securityToken }, logger: (line) => lines.push(line) });
    const error = await call(c).catch((e: unknown) => e);
    for (const text of [String(error), JSON.stringify(error), inspect(error, { showHidden: true, depth: 6 }), inspect(c, { showHidden: true, depth: 6 }), ...lines]) {
      expect(text).not.toContain(sk);
      expect(text).not.toContain(securityToken);
    }
  });
});

describe("caller-managed tokens", () => {
  it("sends a string token as X-Auth-Token", async () => {
    await call(client({ credentials: { token: "caller-token-1" } }));
    expect(server().requests[0]!.headers["x-auth-token"]).toBe("caller-token-1");
    expect(server().requests[0]!.headers.authorization).toBeUndefined();
  });

  it("asks a token function before every attempt, and replays once when it has a newer token", async () => {
    const issued = ["expired-token-0", "caller-token-1"];
    let asked = 0;
    const token = async () => issued[Math.min(asked++, 1)]!;
    await expect(call(client({ credentials: { token } }))).resolves.toEqual({ id: "ws-1" });
    expect(server().requests.map((r) => r.headers["x-auth-token"])).toEqual(["expired-token-0", "caller-token-1"]);
  });

  it("does not replay when the function returns the same rejected token", async () => {
    const error = (await call(client({ credentials: { token: () => "stale-token-9" } })).catch((e: unknown) => e)) as ApiError;
    expect(error).toMatchObject({ status: 401, code: "APIGW.0307", attempts: 1 });
    expect(server().requests).toHaveLength(1);
  });
});

describe("IAM password credentials", () => {
  let iam: TestServer;
  let issuedCount = 0;
  let lifetimeInMs = 24 * 60 * 60_000;
  const password = "Pa55word!example-secret";
  beforeAll(async () => {
    iam = await startServer();
  });
  afterAll(() => iam.close());

  /** Behaves as IAM documents: 201, the token in X-Subject-Token, token.expires_at in the body. */
  function iamBehaviour(req: RecordedRequest): Reply {
    const body = JSON.parse(req.body);
    const user = body.auth.identity.password.user;
    if (req.url !== "/v3/auth/tokens?nocatalog=true" || user.password !== password) {
      return { status: 401, body: { error: { code: 401, message: "The username or password is wrong.", title: "Unauthorized" } } };
    }
    const token = `MIIiam-token-${++issuedCount}-${"x".repeat(40)}`;
    validTokens.add(token);
    const issued = new Date();
    return {
      status: 201,
      headers: { "X-Subject-Token": token },
      body: { token: { issued_at: issued.toISOString(), expires_at: new Date(issued.getTime() + lifetimeInMs).toISOString(), methods: ["password"], project: { id: body.auth.scope.project.id } } },
    };
  }

  function iamClient(extra: Partial<HuaweiClientOptions<string>> = {}) {
    return client({ credentials: { iam: { username: "robot", password, domainName: "acme", endpoint: iam.url } }, ...extra });
  }

  it("gets a project-scoped token once and shares it between concurrent first calls", async () => {
    iam.requests.length = 0;
    iam.handle(iamBehaviour);
    const c = iamClient();
    const results = await Promise.all(Array.from({ length: 10 }, () => call(c)));
    expect(results).toHaveLength(10);
    expect(iam.requests).toHaveLength(1);
    const sent = JSON.parse(iam.requests[0]!.body);
    expect(iam.requests[0]!.method).toBe("POST");
    expect(sent).toEqual({
      auth: {
        identity: { methods: ["password"], password: { user: { name: "robot", password, domain: { name: "acme" } } } },
        scope: { project: { id: projectId } },
      },
    });
    expect(new Set(server().requests.map((r) => r.headers["x-auth-token"])).size).toBe(1);
  });

  it("renews the token a margin before it expires", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-23T10:00:00Z"));
    iam.requests.length = 0;
    iam.handle(iamBehaviour);
    const c = iamClient();
    await call(c);
    vi.setSystemTime(new Date("2026-11-24T09:45:00Z")); // 23 h 45 min: still outside the 10-minute margin
    await call(c);
    expect(iam.requests).toHaveLength(1);
    vi.setSystemTime(new Date("2026-11-24T09:55:00Z")); // inside the margin
    await call(c);
    expect(iam.requests).toHaveLength(2);
  });

  it("on 'the token must be updated' fetches a new token and replays once", async () => {
    iam.requests.length = 0;
    iam.handle(iamBehaviour);
    const c = iamClient();
    await call(c);
    validTokens.clear(); // the service revokes every token so far
    server().requests.length = 0;
    await expect(call(c)).resolves.toEqual({ id: "ws-1" });
    expect(iam.requests).toHaveLength(2);
    expect(server().requests).toHaveLength(2);
    expect(server().requests[0]!.headers["x-auth-token"]).not.toBe(server().requests[1]!.headers["x-auth-token"]);
    validTokens.add("caller-token-1");
  });

  it("gives up after the single refresh when the new token is refused too", async () => {
    iam.requests.length = 0;
    iam.handle((req) => {
      const reply = iamBehaviour(req);
      validTokens.clear(); // tokens are refused as soon as they are issued
      return reply;
    });
    const error = (await call(iamClient()).catch((e: unknown) => e)) as ApiError;
    expect(error).toMatchObject({ status: 401, code: "APIGW.0307" });
    expect(iam.requests).toHaveLength(2);
    expect(server().requests).toHaveLength(2);
    validTokens.add("caller-token-1");
  });

  it("reports a wrong password as an IAM error without the password, and does not ask IAM again for five minutes", async () => {
    iam.requests.length = 0;
    iam.handle(iamBehaviour);
    const lines: string[] = [];
    const c = client({ credentials: { iam: { username: "robot", password: "wrong-password-123", domainName: "acme", endpoint: iam.url } }, logger: (l) => lines.push(l) });
    const first = (await call(c).catch((e: unknown) => e)) as ApiError;
    expect(first).toBeInstanceOf(ApiError);
    expect(first).toMatchObject({ provider: "iam", status: 401, code: "401" });
    expect(first.message).toMatch(/The username or password is wrong/);
    const second = await call(c).catch((e: unknown) => e);
    expect(second).toBe(first);
    expect(iam.requests).toHaveLength(1);
    expect(server().requests).toHaveLength(0);
    for (const text of [String(first), JSON.stringify(first), inspect(first, { showHidden: true, depth: 6 }), ...lines]) {
      expect(text).not.toContain("wrong-password-123");
    }
  });

  it("defaults the IAM endpoint to the region's, and needs a region or endpoint to find it", () => {
    const make = (region?: string) =>
      createHuaweiService<{}, string>({
        provider: "modelarts",
        endpoints: { "cn-north-4": "https://modelarts.cn-north-4.myhuaweicloud.com", "eu-de": "https://modelarts.eu-de.otc.t-systems.com" },
        projectId,
        options: { region, endpoint: region ? undefined : server().url, credentials: { iam: { username: "u", password: "p", domainName: "d" } } } as HuaweiClientOptions<string>,
      });
    expect(() => make("cn-north-4")).not.toThrow();
    expect(() => make("eu-de")).not.toThrow();
    expect(() => make()).toThrow(/IAM credentials need a region/);
  });
});

describe("environment", () => {
  it("signs with HUAWEICLOUD_SDK_AK / _SK / _SECURITY_TOKEN when no credentials are passed", async () => {
    vi.stubEnv("HUAWEICLOUD_SDK_AK", ak);
    vi.stubEnv("HUAWEICLOUD_SDK_SK", sk);
    vi.stubEnv("HUAWEICLOUD_SDK_SECURITY_TOKEN", securityToken);
    const result = await call(client());
    expect(result.signedHeaders).toContain("x-security-token");
  });

  it("says which providers it tried and why each gave nothing, at the first call", async () => {
    const closed = await startServer();
    await closed.close();
    vi.stubEnv("HUAWEICLOUD_SDK_AK", "");
    vi.stubEnv("HUAWEICLOUD_SDK_SK", "");
    vi.stubEnv("HUAWEICLOUD_SDK_CREDENTIALS_FILE", "/nonexistent/huaweicloud/credentials");
    vi.stubEnv("WS_SDK_METADATA_ENDPOINT", closed.url);
    const error = (await call(client()).catch((e: unknown) => e)) as CredentialsUnavailableError;
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toBeInstanceOf(CredentialsUnavailableError);
    expect(error.message).toMatch(/^modelarts: no credentials found\. Tried environment: HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK are not set; profile: no file \/nonexistent\/huaweicloud\/credentials; metadata: the metadata service at http:\/\/127\.0\.0\.1:\d+ is unreachable/);
    expect(error.message).toMatch(/Pass credentials, or set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK/);
    expect(error.tried.map((t) => t.source)).toEqual(["environment", "profile", "metadata"]);
    expect(server().requests).toHaveLength(0);
  });
});
