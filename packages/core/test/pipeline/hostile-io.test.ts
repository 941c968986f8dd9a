// Issue 17, the promises about what comes in and goes out: the response byte
// limit (a gzip bomb behind a small Content-Length, or chunked), the region that
// names a host, the bounded secret list, redaction of every encoded form in every
// field, `.`/`..` in raw paths, plain http to names that only look local, and
// headers fetch manages. Each over real loopback HTTP; numbers are checked with
// counters, never the clock.
import { startServer, TEST_ACCESS_KEY, TEST_SECRET_KEY, type TestServer } from "@ws/testkit";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";
import { gzipSync } from "node:zlib";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  ApiError,
  ConfigurationError,
  ConnectionError,
  createHuaweiService,
  createServiceClient,
  createSecretSet,
  createTransport,
  huaweiRetryClassifier,
  normalizeEndpoint,
  RECENT_SECRETS,
  resolveBaseUrl,
  SdkError,
  tokenAuthenticator,
  ValidationError,
  type HuaweiClientOptions,
  type OperationSpec,
} from "../../src/index.js";
import { iamEndpointFor } from "../../src/huawei/iam.js";
import { createMetadataClient } from "../../src/credentials/metadata.js";

const projectId = "0123456789abcdef0123456789abcdef";
const getOp: OperationSpec = { provider: "modelarts", id: "getWorkspace", method: "GET", path: "/v1/{project_id}/workspaces/{id}", idempotent: true };

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.handle(() => ({ status: 200, body: { id: "ws-1" } }));
});
afterEach(() => {
  vi.unstubAllEnvs();
});

function client(options: Partial<HuaweiClientOptions<string>> = {}, extra: { projectId?: string; projectIdIn?: "path" } = { projectId }) {
  return createHuaweiService<{}, string>({
    provider: "modelarts",
    endpoints: {},
    ...extra,
    options: { endpoint: server.url, credentials: { accessKey: TEST_ACCESS_KEY, secretKey: TEST_SECRET_KEY }, retryDelayInMs: 1, maxRetries: 0, ...options } as HuaweiClientOptions<string>,
  });
}
const get = (c: ReturnType<typeof client>, id = "ws-1") => c.call<{ id: string }>(getOp, { params: { project_id: projectId, id } });

/** The call's rejection (and a failed test when it resolves). */
const failure = (promise: Promise<unknown>): Promise<SdkError> =>
  promise.then(
    () => expect.unreachable("the call should have failed"),
    (error: unknown) => {
      expect(error).toBeInstanceOf(SdkError);
      return error as SdkError;
    },
  );

/**
 * The real fetch, with the response body handed over one chunk per read and counted:
 * `read` is the decoded bytes the SDK pulled, `largestChunk` the biggest single read.
 */
function countingFetch() {
  const counter = { read: 0, largestChunk: 0 };
  const fetchImpl: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    if (!response.body) return response;
    const reader = response.body.getReader();
    const counted = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          const { done, value } = await reader.read();
          if (done) return controller.close();
          counter.read += value.byteLength;
          counter.largestChunk = Math.max(counter.largestChunk, value.byteLength);
          controller.enqueue(value);
        },
        cancel: (reason) => reader.cancel(reason),
      },
      { highWaterMark: 0 },
    );
    return new Response(counted, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
  return { counter, fetch: fetchImpl };
}

describe("maxResponseBytes counts the decoded bytes, on every path", () => {
  const limit = 1024 * 1024;
  // 32 MiB of JSON whitespace, gzipped to ~32 KB: what reaches the SDK is 32 times the limit.
  let bomb: Buffer;
  beforeAll(() => {
    bomb = gzipSync(Buffer.alloc(32 * 1024 * 1024, 0x20));
  }, 30_000);
  const withLength = () => server.handle((_, { res }) => {
    res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip", "content-length": String(bomb.length) });
    res.end(bomb);
    return "handled";
  });
  const chunked = () => server.handle((_, { res }) => {
    res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
    for (let i = 0; i < bomb.length; i += 4096) res.write(bomb.subarray(i, i + 4096));
    res.end();
    return "handled";
  });

  it.each([
    ["a gzip bomb with a small Content-Length", withLength],
    ["a chunked gzip bomb", chunked],
  ])("%s: not read past the limit", async (_, arrange) => {
    expect(bomb.length).toBeLessThan(limit);
    arrange();
    const { counter, fetch } = countingFetch();
    const error = await failure(get(client({ maxResponseBytes: limit, fetch })));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toMatch(/exceeded the size limit/);
    expect(error).toMatchObject({ status: 200, attempts: 1 });
    expect(counter.read).toBeLessThanOrEqual(limit + counter.largestChunk);
    expect(server.requests).toHaveLength(1);
  });

  it("the IAM token request has the client's limit too", async () => {
    withLength();
    const { counter, fetch } = countingFetch();
    const c = client({
      maxResponseBytes: limit,
      fetch,
      credentials: { iam: { username: "user", password: "iam-password-0123", domainName: "domain", endpoint: server.url } },
    });
    const error = await failure(get(c));
    expect(error).toMatchObject({ provider: "iam", status: 200 });
    expect(error.message).toMatch(/exceeded the size limit/);
    expect(counter.read).toBeLessThanOrEqual(limit + counter.largestChunk);
  });

  it("the IAM project lookup has the client's limit too", async () => {
    withLength();
    const { counter, fetch } = countingFetch();
    const c = client({ maxResponseBytes: limit, fetch, region: "cn-north-4", iamEndpoint: server.url }, { projectIdIn: "path" });
    const error = await failure(c.call(getOp, { params: { id: "ws-1" } }));
    expect(error).toMatchObject({ provider: "iam", status: 200 });
    expect(counter.read).toBeLessThanOrEqual(limit + counter.largestChunk);
  });
});

describe("the region names no host it should not", () => {
  const hostile = ["attacker.example/#", "cn-north-4.attacker.example", "cn-north-4@attacker.example", "CN-NORTH-4", "cn north 4", "-cn", "a".repeat(64)];
  const iam = { username: "user", password: "iam-password-0123", domainName: "domain" };

  it.each(hostile)("%j as the region option, with an endpoint: ConfigurationError before any request", (region) => {
    expect(() => client({ region, credentials: { iam } })).toThrow(ConfigurationError);
    expect(() => client({ region }, { projectIdIn: "path" })).toThrow(/is not a region name/);
    expect(server.requests).toHaveLength(0);
  });

  it("from HUAWEICLOUD_SDK_REGION, and the message names the variable", () => {
    vi.stubEnv("HUAWEICLOUD_SDK_REGION", "attacker.example/#");
    expect(() => client({ credentials: { iam } })).toThrow(/HUAWEICLOUD_SDK_REGION "attacker\.example\/#" is not a region name/);
    expect(server.requests).toHaveLength(0);
  });

  it("from the credentials file", () => {
    const dir = mkdtempSync(join(tmpdir(), "ws-region-"));
    try {
      writeFileSync(join(dir, "credentials"), "[basic]\nregion = attacker.example/#\n");
      vi.stubEnv("HUAWEICLOUD_SDK_CREDENTIALS_FILE", join(dir, "credentials"));
      vi.stubEnv("HUAWEICLOUD_SDK_REGION", "");
      expect(() => client({ credentials: { iam } })).toThrow(/region in the \[basic\] section .* is not a region name/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("every builder checks it too: the IAM host, and a site beside an endpoint", () => {
    expect(() => iamEndpointFor("attacker.example/#")).toThrow(ConfigurationError);
    expect(iamEndpointFor("cn-north-4")).toBe("https://iam.cn-north-4.myhuaweicloud.com");
    const what = { service: "truewatch", option: "site" as const };
    expect(() => resolveBaseUrl({ eu1: "https://eu1.example.com" }, { name: "eu1/#", endpoint: server.url }, what)).toThrow(/not a region name/);
    expect(resolveBaseUrl({ eu1: "https://eu1.example.com" }, { name: "eu1", endpoint: server.url }, what)).toBe(server.url);
  });

  it("documented regions still work", () => {
    for (const region of ["cn-north-4", "eu-de", "ap-southeast-1", "la-north-2"]) expect(() => client({ region, credentials: { iam } })).not.toThrow();
  });
});

describe("the secret list stays bounded", () => {
  it("10,000 rotating tokens: never more than RECENT_SECRETS entries", async () => {
    const secrets = createSecretSet();
    let n = 0;
    const auth = tokenAuthenticator("x-auth-token", () => `rotating-token-${++n}-abcdef`, secrets);
    for (let i = 0; i < 10_000; i++) {
      await auth.authenticate({ method: "GET", url: "http://127.0.0.1/", headers: {}, idempotent: true, operation: "x", context: { attempts: 0, retry: 0 } });
      expect(secrets.size).toBeLessThanOrEqual(RECENT_SECRETS);
    }
    expect(secrets.size).toBe(RECENT_SECRETS);
  }, 60_000);

  it("more calls in flight than the list holds: every error still redacts the token its call sent", async () => {
    const secrets = createSecretSet();
    let n = 0;
    const service = createServiceClient<{}>({
      provider: "modelarts",
      baseUrl: server.url,
      authenticator: tokenAuthenticator("x-auth-token", () => `in-flight-token-${++n}-abcdef`, secrets),
      classifier: huaweiRetryClassifier,
      secrets,
      options: { maxRetries: 0 },
    });
    // Answers only once every call has been sent, echoing each call's token.
    const calls = RECENT_SECRETS * 3;
    const waiting: Array<() => void> = [];
    server.handle(
      (req) =>
        new Promise((resolve) => {
          waiting.push(() => resolve({ status: 400, body: { error_code: "X.1", error_msg: `bad token ${req.headers["x-auth-token"]}` } }));
          if (waiting.length === calls) waiting.forEach((answer) => answer());
        }),
    );
    const errors = await Promise.all(Array.from({ length: calls }, () => failure(service.call(getOp, { params: { project_id: projectId, id: "ws-1" } }))));
    for (const error of errors) {
      expect(error.message).not.toMatch(/in-flight-token-\d+/);
      expect(JSON.stringify(error)).not.toMatch(/in-flight-token-\d+/);
    }
    expect(secrets.size).toBeLessThanOrEqual(RECENT_SECRETS);
  }, 60_000);
});

describe("redaction: every encoded form, in every field", () => {
  const token = "MIItoken/ä+secret 0123456789";
  const escapedForms = [
    JSON.stringify(token).slice(1, -1).replace(/\//g, "\\/"),
    JSON.stringify(token).slice(1, -1).replace("ä", "\\u00e4").replace("M", "\\u004D"),
    encodeURIComponent(token),
    Buffer.from(`Bearer:${token}`).toString("base64"),
    Buffer.from(token).toString("base64url"),
  ];

  it("a token echoed escaped is gone from message, body, bodyText, headers, JSON, inspect and log lines", async () => {
    const echoed = escapedForms.join(" | ");
    server.handle(() => ({
      status: 400,
      headers: { "content-type": "application/json", "x-echo": encodeURIComponent(token) },
      body: `{"error_code":"X.1","error_msg":"bad token ${echoed}","detail":{"token":"${escapedForms[1]}","list":["${escapedForms[0]}"]}}`,
    }));
    const lines: string[] = [];
    const c = client({ credentials: { token }, logger: (line, record) => lines.push(line, JSON.stringify(record)) });
    const error = (await failure(get(c))) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect((error.body as { detail: { token: string } }).detail.token).toBe("[REDACTED]");
    const texts = [
      error.message,
      String(error.stack),
      JSON.stringify(error),
      JSON.stringify(error.body),
      inspect(error, { depth: 8 }),
      inspect(error, { depth: 8, showHidden: true }),
      error.response!.bodyText,
      JSON.stringify([...error.response!.headers]),
      ...lines,
    ];
    for (const text of texts) {
      for (const form of [token, ...escapedForms, "ä+secret", "secret 0123"]) expect(text).not.toContain(form);
    }
  });

  it("userinfo is refused in every endpoint, and the password is not repeated", () => {
    const password = "hunter2-password";
    for (const endpoint of [`https://user:${password}@example.com`, `http://user:${password}@127.0.0.1:1`, `https://user:${password}@exa mple.com`]) {
      for (const make of [
        () => client({ endpoint }),
        () => client({ iamEndpoint: endpoint, region: "cn-north-4" }, { projectIdIn: "path" }),
        () => client({ credentials: { iam: { username: "u", password: "p-123456", domainName: "d", endpoint } } }),
        () => createMetadataClient({ endpoint }),
      ]) {
        let thrown: unknown;
        try {
          make();
        } catch (error) {
          thrown = error;
        }
        // The IAM endpoint option is read at the first call; the others at creation.
        if (thrown === undefined) continue;
        expect(thrown).toBeInstanceOf(ConfigurationError);
        expect(inspect(thrown)).not.toContain(password);
      }
    }
    expect(() => client({ endpoint: `https://user:${password}@example.com` })).toThrow(/user info/);
    expect(() => createMetadataClient({ endpoint: `http://user:${password}@127.0.0.1:1` })).toThrow(/user info/);
  });

  it("userinfo in the IAM endpoint is refused at the lookup, before any request", async () => {
    const c = client({ iamEndpoint: `https://user:hunter2-password@example.com`, region: "cn-north-4" }, { projectIdIn: "path" });
    const error = await failure(c.call(getOp, { params: { id: "ws-1" } }));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(inspect(error)).not.toContain("hunter2-password");
    expect(server.requests).toHaveLength(0);
  });
});

describe("raw refuses . and .. as the typed methods do", () => {
  it.each([".", "..", ""])("DELETE with id %j: ValidationError, nothing sent", async (id) => {
    const raw = client({ credentials: { token: "token-0123456789" } }).raw as unknown as {
      DELETE(path: string, init: unknown): Promise<unknown>;
    };
    const error = await failure(raw.DELETE("/v1/{project_id}/workspaces/{id}", { params: { path: { project_id: projectId, id } } }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]).toMatchObject({ path: "id" });
    expect(server.requests).toHaveLength(0);
  });

  it.each([".", ".."])("request(\"delete\", ...) with id %j: ValidationError, nothing sent", async (id) => {
    const raw = client({ credentials: { token: "token-0123456789" } }).raw as unknown as {
      request(method: string, path: string, init: unknown): Promise<unknown>;
    };
    const error = await failure(raw.request("delete", "/v1/{project_id}/workspaces/{id}", { params: { path: { project_id: projectId, id } } }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).operation).toBe("DELETE /v1/{project_id}/workspaces/{id}");
    expect(server.requests).toHaveLength(0);
  });

  it("ordinary ids still go out, encoded in their segment", async () => {
    const raw = client({ credentials: { token: "token-0123456789" } }).raw as unknown as {
      GET(path: string, init: unknown): Promise<unknown>;
    };
    await raw.GET("/v1/{project_id}/workspaces/{id}", { params: { path: { project_id: projectId, id: "../x" } } });
    await raw.GET("/v1/{project_id}/workspaces/{id}", { params: { path: { project_id: projectId, id: 7 } } });
    expect(server.requests.map((r) => r.url)).toEqual([`/v1/${projectId}/workspaces/..%2Fx`, `/v1/${projectId}/workspaces/7`]);
  });
});

describe("plain http only to literal loopback addresses, and localhost pinned", () => {
  it("*.localhost is not loopback: it is resolved through DNS", () => {
    for (const endpoint of ["http://api.localhost:4010", "http://localhost.attacker.example", "http://127.0.0.1.nip.io"]) {
      expect(() => client({ endpoint })).toThrow(/clear text/);
    }
  });

  it("http://localhost goes to 127.0.0.1 without a lookup", async () => {
    const port = new URL(server.url).port;
    await get(client({ endpoint: `http://localhost:${port}`, credentials: { token: "token-0123456789" } }));
    expect(server.requests[0]!.headers.host).toBe(`127.0.0.1:${port}`);
    expect(normalizeEndpoint("http://[::1]:1")).toBe("http://[::1]:1");
  });
});

describe("headers fetch manages", () => {
  const managed = ["content-length", "Host", "transfer-encoding", "connection", "keep-alive", "upgrade", "expect", "te", "trailer"];

  it.each(managed)("%s per call: ValidationError at once, nothing sent", async (name) => {
    const c = client({ credentials: { token: "token-0123456789" }, timeoutInMs: 600_000 });
    const error = await failure(c.call(getOp, { params: { project_id: projectId, id: "ws-1" } }, { headers: { [name]: "100" } }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]).toMatchObject({ path: `headers.${name.toLowerCase()}`, rule: "managedHeader" });
    expect(server.requests).toHaveLength(0);
  });

  it("on the client: ConfigurationError; through raw: ValidationError", async () => {
    expect(() => client({ headers: { "Content-Length": "5" } })).toThrow(ConfigurationError);
    const raw = client({ credentials: { token: "token-0123456789" }, timeoutInMs: 600_000 }).raw as unknown as {
      GET(path: string, init: unknown): Promise<unknown>;
    };
    const error = await failure(raw.GET("/v1/{project_id}/workspaces/{id}", { params: { path: { project_id: projectId, id: "a" } }, headers: { "content-length": "100" } }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    ["connection", "x"],
    ["transfer-encoding", "chunked"],
    ["expect", "100-continue"],
  ])("a request fetch refuses before sending (%s) is reported as not sent", async (name, value) => {
    const send = createTransport({ provider: "modelarts" });
    const error = await failure(
      send({ method: "POST", url: `${server.url}/x`, headers: { [name]: value }, body: "{}", idempotent: false, operation: "createWorkspace", context: { attempts: 0, retry: 0 } }),
    );
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ sent: false, outcomeUnknown: false });
    expect(error.message).not.toMatch(/may have been sent/);
    expect(server.requests).toHaveLength(0);
  });
});
