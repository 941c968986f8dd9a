// The transport and retry policy over a real loopback server.
import { holdTimeouts, startServer, until, useTestServer } from "@ws/testkit";
import { describe, expect, it, onTestFinished } from "vitest";
import {
  ApiError,
  ConnectionError,
  createServiceClient,
  huaweiRetryClassifier,
  createSecretSet,
  TimeoutError,
  tokenAuthenticator,
  type ClientOptions,
  type OperationSpec,
} from "../../src/index.js";

const create: OperationSpec = { provider: "test", id: "createThing", method: "POST", path: "/things", idempotent: false, body: { type: "object" } };
const get: OperationSpec = { provider: "test", id: "getThing", method: "GET", path: "/things/1", idempotent: true };

const server = useTestServer(() => ({ status: 200, body: {} }));

function client(options: ClientOptions = {}, baseUrl = server().url) {
  const secrets = createSecretSet();
  return createServiceClient<{}>({
    provider: "test",
    baseUrl,
    authenticator: tokenAuthenticator("x-auth-token", "token-123456", secrets),
    classifier: huaweiRetryClassifier,
    secrets,
    options: { retryDelayInMs: 1, ...options },
  });
}

describe("transport basics", () => {
  it("retries a 503 and returns the later success", async () => {
    let n = 0;
    server().handle(() => (++n < 3 ? { status: 503, body: { error_code: "APIGW.0613", error_msg: "IAM unavailable" } } : { status: 200, body: { id: "t1" } }));
    await expect(client().call(create, { body: {} })).resolves.toEqual({ id: "t1" });
    expect(server().requests).toHaveLength(3);
  });

  it("does not retry a 500 on a create, and says the outcome is unknown", async () => {
    server().handle(() => ({ status: 500, body: { error_code: "X.500", error_msg: "internal" } }));
    const error = (await client().call(create, { body: {} }).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 500, attempts: 1, outcomeUnknown: true });
    expect(server().requests).toHaveLength(1);
  });

  it("retries a 500 on an idempotent request", async () => {
    server().handle(() => ({ status: 500, body: {} }));
    const error = (await client().call(get, {}).catch((e: unknown) => e)) as ApiError;
    expect(error).toMatchObject({ status: 500, attempts: 3 });
    expect(server().requests).toHaveLength(3);
  });

  it("times out one attempt and does not resend a create", async () => {
    server().handle(() => new Promise(() => {}));
    // The attempt's limit is held and fired once the request is there: the server's count is not the machine's speed.
    const limit = holdTimeouts(4_321);
    onTestFinished(() => limit.restore());
    const pending = client({ timeoutInMs: 4_321 }).call(create, { body: {} }).catch((e: unknown) => e);
    await until(() => server().requests.length === 1 && limit.pending === 1, "the create");
    limit.fire();
    const error = (await pending) as TimeoutError;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ attempts: 1, outcomeUnknown: true, timeoutInMs: 4_321 });
    expect(server().requests).toHaveLength(1);
  });

  it("retries a refused connection: nothing was sent", async () => {
    const dead = await startServer();
    const url = dead.url;
    await dead.close();
    const error = (await client({}, url).call(create, { body: {} }).catch((e: unknown) => e)) as ConnectionError;
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ code: "ECONNREFUSED", sent: false, outcomeUnknown: false, attempts: 3 });
  });

  it("does not follow redirects", async () => {
    server().handle(() => ({ status: 307, headers: { location: "https://elsewhere.example.com/things" } }));
    const error = (await client().call(create, { body: {} }).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toMatch(/unexpected redirect to https:\/\/elsewhere\.example\.com\/things/);
    expect(server().requests).toHaveLength(1);
  });

  it("serves the raw openapi-fetch client over the same pipeline", async () => {
    let n = 0;
    server().handle(() => (++n === 1 ? { status: 503, body: {} } : { status: 200, body: { ok: true } }));
    const raw = client().raw as unknown as { GET(path: string): Promise<{ data: unknown; response: Response }> };
    const { data, response } = await raw.GET("/things/1");
    expect(data).toEqual({ ok: true });
    expect(response.status).toBe(200);
    expect(server().requests.map((r) => r.headers["x-auth-token"])).toEqual(["token-123456", "token-123456"]);
  });
});
