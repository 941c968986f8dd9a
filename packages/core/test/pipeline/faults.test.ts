// Fault injection over real loopback HTTP. A small workspace service records
// every create by name and can misbehave before processing a request (throttle,
// unavailable, refuse) or after it (500, reset, stall, garbage). For each
// scenario: the exact number of requests the server received, the error class
// and flags, and that no workspace was created twice.
import { holdTimeouts, startServer, TEST_ACCESS_KEY, TEST_SECRET_KEY, until, verifyWithOfficialSigner, type Handler, type RecordedRequest, type Reply, type TestServer } from "@ws/testkit";
import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from "vitest";
import {
  AbortError,
  ApiError,
  ConfigurationError,
  ConnectionError,
  createHuaweiService,
  SdkError,
  TimeoutError,
  type CallOptions,
  type HuaweiClientOptions,
  type OperationSpec,
} from "../../src/index.js";

const projectId = "0123456789abcdef0123456789abcdef";
const createOp: OperationSpec = {
  provider: "modelarts",
  id: "createWorkspace",
  method: "POST",
  path: "/v1/{project_id}/workspaces",
  idempotent: false,
  params: { project_id: { required: true, schema: { type: "string", minLength: 1 } } },
  body: { type: "object", required: ["name"], properties: { name: { type: "string" } } },
};
const getOp: OperationSpec = { provider: "modelarts", id: "getWorkspace", method: "GET", path: "/v1/{project_id}/workspaces/{id}", idempotent: true };

type Fault = (req: RecordedRequest, raw: Parameters<Handler>[1]) => Reply | "handled" | Promise<Reply | "handled">;

let server: TestServer;
let faults: Array<{ fault: Fault; afterProcessing: boolean }> = [];
const created = new Map<string, number>();
let signaturesChecked = 0;

function process_(req: RecordedRequest): Reply {
  if (req.headers.authorization) {
    const verdict = verifyWithOfficialSigner(req, (k) => (k === TEST_ACCESS_KEY ? TEST_SECRET_KEY : undefined));
    signaturesChecked++;
    if (!verdict.valid) return { status: 401, body: { error_code: "APIGW.0301", error_msg: `verify aksk signature fail: ${verdict.reason}` } };
  } else if (req.headers["x-auth-token"] !== "token-0123456789") {
    return { status: 401, body: { error_code: "APIGW.0307", error_msg: "The token must be updated." } };
  }
  if (req.method === "GET") return { status: 200, body: { id: "ws-1" } };
  const { name } = JSON.parse(req.body);
  created.set(name, (created.get(name) ?? 0) + 1);
  return { status: 200, headers: { "x-request-id": `req-${name}` }, body: { id: `id-${name}`, name } };
}

// Each test has its own server: a request of a test that failed or timed out, arriving
// late, can neither take the next test's fault nor be counted as its request.
beforeEach(async () => {
  faults = [];
  created.clear();
  signaturesChecked = 0;
  server = await startServer(async (req, raw) => {
    const next = faults.shift();
    if (!next) return process_(req);
    if (next.afterProcessing) process_(req);
    return next.fault(req, raw);
  });
});
afterEach(() => server.close());

const before = (...fs: Fault[]) => fs.forEach((fault) => faults.push({ fault, afterProcessing: false }));
const after = (...fs: Fault[]) => fs.forEach((fault) => faults.push({ fault, afterProcessing: true }));
const reply = (status: number, body: unknown, headers: Record<string, string> = {}): Fault => () => ({ status, body, headers });
const reset: Fault = (_, { req }) => {
  req.socket.destroy();
  return "handled";
};
const stall: Fault = () => new Promise<never>(() => {});

/**
 * The attempt timeout for stalled requests: held, and fired by `timeOutEach` once the
 * server has the request, so that "n requests arrived" never depends on whether the
 * machine sent one before its timer ran.
 */
const HELD_TIMEOUT = 4_321;
function heldTimeouts() {
  const timeouts = holdTimeouts(HELD_TIMEOUT);
  onTestFinished(() => timeouts.restore());
  return {
    /** Lets each of `n` attempts reach the server, then time out. */
    async timeOutEach(n: number) {
      for (let sent = 1; sent <= n; sent++) {
        await until(() => server.requests.length >= sent && timeouts.pending > 0, `request ${sent}`);
        timeouts.fire();
      }
    },
  };
}

function client(options: Partial<HuaweiClientOptions<string>> = {}) {
  return createHuaweiService<{}, string>({
    provider: "modelarts",
    endpoints: {},
    projectId,
    options: {
      endpoint: server.url,
      credentials: { accessKey: TEST_ACCESS_KEY, secretKey: TEST_SECRET_KEY },
      retryDelayInMs: 1,
      ...options,
    } as HuaweiClientOptions<string>,
  });
}
let seq = 0;
const create = (c = client(), abortSignal?: AbortSignal) =>
  c.call<{ id: string; name: string }>(createOp, { params: { project_id: projectId }, body: { name: `ws-${++seq}` } }, { abortSignal });
const createWith = (c: ReturnType<typeof client>, options: CallOptions) =>
  c.call<{ id: string; name: string }>(createOp, { params: { project_id: projectId }, body: { name: `ws-${++seq}` } }, options);
const get = (c = client()) => c.call<{ id: string }>(getOp, { params: { project_id: projectId, id: "ws-1" } });

async function failure(promise: Promise<unknown>): Promise<SdkError> {
  const outcome = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(outcome, "the call should have failed").toBeInstanceOf(SdkError);
  return outcome as SdkError;
}

function noDoubleCreates() {
  for (const [name, count] of created) expect(count, `${name} created ${count} times`).toBeLessThanOrEqual(1);
}

const throttled = { error_code: "APIGW.0308", error_msg: "The throttling threshold has been reached: policy user over ratelimit,limit:200,time:1 second" };

describe("retried: the service said it did not process the request", () => {
  it.each([
    ["429 APIGW.0308, then success", [reply(429, { error_code: "APIGW.0308", error_msg: "The throttling threshold has been reached" })]],
    ["429 APIG.0308 (old prefix), then success", [reply(429, { error_code: "APIG.0308", error_msg: "throttled" })]],
    ["429 ModelArts.2799, then success", [reply(429, { error_code: "ModelArts.2799", error_msg: "Too many requests" })]],
    ["429 with Retry-After: 0, then success", [reply(429, { error_code: "APIGW.0308", error_msg: "throttled" }, { "retry-after": "0" })]],
    ["503 twice, then success", [reply(503, { error_code: "APIGW.0613", error_msg: "IAM unavailable" }), reply(503, "Service Unavailable")]],
  ] as Array<[string, Fault[]]>)("create: %s", async (_, fs) => {
    before(...fs);
    await expect(create()).resolves.toMatchObject({ name: expect.stringMatching(/^ws-/) });
    expect(server.requests).toHaveLength(fs.length + 1);
    expect(created.size).toBe(1);
    noDoubleCreates();
  });

  it("create: throttled on every attempt fails after maxRetries with the 429", async () => {
    before(reply(429, throttled), reply(429, throttled), reply(429, throttled), reply(429, throttled));
    const error = await failure(create(client({ maxRetryAfterInMs: 60_000, retryDelayInMs: 1 })));
    // the gateway's window (1 second) is waited out twice: the cost of being throttled
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, code: "APIGW.0308", attempts: 3, outcomeUnknown: false, retryAfterInMs: 1000 });
    expect(server.requests).toHaveLength(3);
    expect(created.size).toBe(0);
  }, 10_000);

  it("create: a Retry-After beyond maxRetryAfterInMs fails at once, saying how long to wait", async () => {
    before(reply(429, { error_code: "APIGW.0308", error_msg: "throttled" }, { "retry-after": "120" }));
    const error = await failure(create());
    expect(error).toMatchObject({ status: 429, attempts: 1, retryAfterInMs: 120_000, outcomeUnknown: false });
    expect(server.requests).toHaveLength(1);
  });

  it("create: a gateway window beyond maxRetryAfterInMs fails at once too", async () => {
    before(reply(429, { error_code: "APIGW.0308", error_msg: "The throttling threshold has been reached: policy user over ratelimit,limit:100,time:1 minute" }));
    const error = await failure(create(client({ maxRetryAfterInMs: 10_000 })));
    expect(error).toMatchObject({ status: 429, attempts: 1, retryAfterInMs: 60_000 });
    expect(server.requests).toHaveLength(1);
  });

  it("create: a refused connection is retried (nothing was sent)", async () => {
    const dead = await startServer();
    const url = dead.url;
    await dead.close();
    const error = await failure(create(client({ endpoint: url })));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ code: "ECONNREFUSED", sent: false, attempts: 3, outcomeUnknown: false });
  });

  it("create: a DNS failure is retried (nothing was sent)", async () => {
    const error = await failure(create(client({ endpoint: "http://ws-sdk-test.invalid", allowInsecureHttp: true })));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ code: "ENOTFOUND", sent: false, attempts: 3, outcomeUnknown: false });
  });
});

describe("never sent twice: the create may have been processed", () => {
  it.each([
    ["500 after processing", reply(500, { error_code: "ModelArts.0001", error_msg: "internal error" }), ApiError, { status: 500 }],
    ["502 after processing", reply(502, { error_code: "APIGW.0201", error_msg: "backend unavailable" }), ApiError, { status: 502 }],
    ["504 after processing", reply(504, { error_code: "APIGW.0201", error_msg: "backend timeout" }), ApiError, { status: 504 }],
    ["408 after processing", reply(408, { error_code: "common.00000408", error_msg: "timeout exception occurred" }), ApiError, { status: 408 }],
    ["an HTML 502 page", reply(502, "<html><body><h1>502 Bad Gateway</h1></body></html>"), ApiError, { status: 502, code: undefined }],
    ["a reset after sending", reset, ConnectionError, { sent: true, code: "UND_ERR_SOCKET" }],
    ["malformed JSON on 200", reply(200, '{"id": "ws-1", "name": '), ApiError, { status: 200 }],
    ["an empty 200", reply(200, ""), ApiError, { status: 200 }],
    [
      "a body cut off mid-way",
      ((_, { res }) => {
        res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
        res.write('{"id": "ws-');
        setTimeout(() => res.socket?.destroy(), 10);
        return "handled";
      }) as Fault,
      ConnectionError,
      { sent: true },
    ],
  ] as Array<[string, Fault, typeof SdkError, Record<string, unknown>]>)("%s: one request, outcomeUnknown", async (_, fault, cls, fields) => {
    after(fault);
    const error = await failure(create());
    expect(error).toBeInstanceOf(cls);
    expect(error).toMatchObject({ attempts: 1, outcomeUnknown: true, ...fields });
    expect(server.requests).toHaveLength(1);
    expect(created.size).toBe(1);
    noDoubleCreates();
  });

  it("a timeout after processing: one request, TimeoutError, outcomeUnknown", async () => {
    after(stall);
    const timeouts = heldTimeouts();
    const pending = failure(create(client({ timeoutInMs: HELD_TIMEOUT })));
    await timeouts.timeOutEach(1);
    const error = await pending;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ attempts: 1, outcomeUnknown: true, timeoutInMs: HELD_TIMEOUT });
    expect(server.requests).toHaveLength(1);
    noDoubleCreates();
  });

  it("a body that stalls after the headers: TimeoutError", async () => {
    after((_, { res }) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"id": ');
      return "handled";
    });
    const timeouts = heldTimeouts();
    const pending = failure(create(client({ timeoutInMs: HELD_TIMEOUT })));
    await timeouts.timeOutEach(1);
    const error = await pending;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ attempts: 1, outcomeUnknown: true });
    expect(server.requests).toHaveLength(1);
  });

  it("a 503 then a 500: two requests (the first was not processed), outcomeUnknown", async () => {
    before(reply(503, "unavailable"));
    after(reply(500, { error_code: "X.500", error_msg: "internal" }));
    const error = await failure(create());
    expect(error).toMatchObject({ status: 500, attempts: 2, outcomeUnknown: true });
    expect(server.requests).toHaveLength(2);
    expect(created.size).toBe(1);
  });
});

describe("idempotent requests are retried after ambiguous failures", () => {
  it.each([
    ["500", reply(500, { error_code: "X", error_msg: "internal" })],
    ["502", reply(502, "bad gateway")],
    ["504", reply(504, "gateway timeout")],
    ["a reset", reset],
  ] as Array<[string, Fault]>)("GET after %s: retried, then succeeds", async (_, fault) => {
    before(fault, fault);
    await expect(get()).resolves.toEqual({ id: "ws-1" });
    expect(server.requests).toHaveLength(3);
  });

  it("GET that times out every time: three requests, TimeoutError", async () => {
    before(stall, stall, stall);
    const timeouts = heldTimeouts();
    const pending = failure(get(client({ timeoutInMs: HELD_TIMEOUT })));
    await timeouts.timeOutEach(3);
    const error = await pending;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.attempts).toBe(3);
    expect(server.requests).toHaveLength(3);
  });
});

describe("not retried: the answer will not change", () => {
  it.each([
    ["400", 400, { error_code: "ModelArts.0101", error_msg: "bad name" }],
    ["401 signature", 401, { error_code: "APIGW.0301", error_msg: "Incorrect IAM authentication information: verify aksk signature fail" }],
    ["403", 403, { error_code: "APIGW.0302", error_msg: "not authorised" }],
    ["404", 404, { error_code: "APIGW.0101", error_msg: "API not found" }],
  ] as Array<[string, number, object]>)("%s: one request", async (_, status, body) => {
    before(reply(status, body));
    const error = await failure(create());
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status, attempts: 1, outcomeUnknown: false, fault: "client" });
    expect(server.requests).toHaveLength(1);
  });

  it("a redirect is not followed", async () => {
    before(reply(307, "", { location: "http://127.0.0.1:1/elsewhere" }));
    const error = await failure(create());
    expect(error).toMatchObject({ status: 307, attempts: 1, outcomeUnknown: true });
    expect(server.requests).toHaveLength(1);
  });
});

describe("abort", () => {
  it("before the call: nothing is sent", async () => {
    const error = await failure(create(client(), AbortSignal.abort()));
    expect(error).toBeInstanceOf(AbortError);
    expect(error).toMatchObject({ attempts: 0, outcomeUnknown: false });
    expect(server.requests).toHaveLength(0);
  });

  it("in flight: rejects at once, outcomeUnknown, not retried", async () => {
    after(stall);
    const controller = new AbortController();
    const pending = create(client(), controller.signal);
    await until(() => server.requests.length === 1, "the request");
    controller.abort();
    const error = await failure(pending);
    expect(error).toBeInstanceOf(AbortError);
    expect(error).toMatchObject({ attempts: 1, outcomeUnknown: true });
    expect(server.requests).toHaveLength(1);
  });

  it("while waiting to retry: rejects at once, leaves no timer behind", async () => {
    // The SDK's timers for this call (the attempt timeout, 25 s here, and the 30 s wait) must be
    // cleared; undici's own timer wheel is left out by their delays.
    const sdkTimers = holdTimeouts(25_000, 30_000);
    onTestFinished(() => sdkTimers.restore());
    before(reply(429, { error_code: "APIGW.0308", error_msg: "throttled" }, { "retry-after": "30" }));
    const controller = new AbortController();
    const pending = create(client({ timeoutInMs: 25_000 }), controller.signal);
    await until(() => sdkTimers.created === 2, "the 30 s wait before the retry"); // the attempt's timeout (cleared), then the wait
    controller.abort();
    const error = await failure(pending);
    expect(error).toBeInstanceOf(AbortError);
    expect(error).toMatchObject({ attempts: 1, outcomeUnknown: false });
    expect(server.requests).toHaveLength(1);
    expect(sdkTimers.pending).toBe(0);
  });
});

describe("hostile responses", () => {
  it("a huge body is not read past maxResponseBytes", async () => {
    after((_, { res }) => {
      res.writeHead(200, { "content-type": "application/json" });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 64 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        res.end();
      };
      res.on("close", () => (sent = Number.POSITIVE_INFINITY));
      pump();
      return "handled";
    });
    const error = await failure(create(client({ maxResponseBytes: 1024 * 1024 })));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toMatch(/exceeded the size limit/);
    expect(error).toMatchObject({ status: 200, attempts: 1, outcomeUnknown: true });
    expect(server.requests).toHaveLength(1);
  });

  it("JSON with __proto__ and constructor keys pollutes nothing", async () => {
    const hostile = '{"id":"ws-1","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted2":"yes"}},"nested":{"__proto__":{"x":1}}}';
    after(reply(200, hostile, { "content-type": "application/json" }));
    const result = await create();
    expect(result.id).toBe("ws-1");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted2).toBeUndefined();
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect((result as unknown as Record<string, unknown>).polluted).toBeUndefined();
    before(reply(400, '{"error_code":"X.1","error_msg":"bad","__proto__":{"polluted3":"yes"}}'));
    const error = await failure(create());
    expect(error).toMatchObject({ code: "X.1" });
    expect(({} as Record<string, unknown>).polluted3).toBeUndefined();
  });

  it("truncated JSON on an error keeps the status and shows the text", async () => {
    before(reply(400, '{"error_code":"ModelArts.01'));
    const error = await failure(create());
    expect(error).toMatchObject({ status: 400, code: undefined, body: undefined, attempts: 1 });
    expect(error.message).toContain('{"error_code":"ModelArts.01');
  });
});

describe("hostile input, refused before sending", () => {
  it("header values with CR/LF", () => {
    expect(() => client({ headers: { "X-Trace": "a\r\nX-Injected: 1" } })).toThrow(ConfigurationError);
    expect(() => client({ headers: { "Bad Name": "x" } })).toThrow(/not a valid HTTP header name/);
    expect(server.requests).toHaveLength(0);
  });

  it("a token function that returns CR/LF", async () => {
    const error = await failure(create(client({ credentials: { token: async () => "tok\r\nX-Injected: 1" } })));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toMatch(/token returned by the credentials function contains a line break/);
    expect(server.requests).toHaveLength(0);
  });

  it("path parameters stay inside their segment", async () => {
    // A token here: the official signer used as the verifier double-encodes encoded paths (its documented quirk).
    const c = client({ credentials: { token: "token-0123456789" } });
    for (const id of ["../admin", "a/b", "%2e%2e", "模型 ü"]) {
      await c.call(getOp, { params: { project_id: projectId, id } });
    }
    expect(server.requests.map((r) => r.url)).toEqual([
      `/v1/${projectId}/workspaces/..%2Fadmin`,
      `/v1/${projectId}/workspaces/a%2Fb`,
      `/v1/${projectId}/workspaces/%252e%252e`,
      `/v1/${projectId}/workspaces/%E6%A8%A1%E5%9E%8B%20%C3%BC`,
    ]);
    for (const id of ["..", "."]) {
      await expect(c.call(getOp, { params: { project_id: projectId, id } })).rejects.toThrow(/must not be "\." or "\.\."/);
    }
    expect(server.requests).toHaveLength(4);
  });

  it("plain http:// to a host that is not loopback, unless allowInsecureHttp", () => {
    expect(() => client({ endpoint: "http://modelarts.example.com" })).toThrow(/clear text/);
    expect(() => client({ endpoint: "http://modelarts.example.com", allowInsecureHttp: true })).not.toThrow();
  });

  it("options that make no sense", () => {
    expect(() => client({ maxRetries: -1 })).toThrow(/maxRetries must be a whole number >= 0/);
    expect(() => client({ timeoutInMs: 0 })).toThrow(/timeoutInMs must be a positive number/);
  });
});

describe("logging", () => {
  it("one redacted line per attempt: method, URL, status, attempt, duration, request id", async () => {
    before(reply(503, "unavailable"));
    const lines: string[] = [];
    await create(client({ logger: (line) => lines.push(line) }));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(new RegExp(`^\\[ws:modelarts\\] createWorkspace POST ${server.url}/v1/${projectId}/workspaces -> 503 \\(attempt 1, \\d+ ms\\)$`));
    expect(lines[1]).toMatch(/^\[ws:modelarts\] createWorkspace: retry 1 of 2 in \d+ ms after HTTP 503$/);
    expect(lines[2]).toMatch(/-> 200 \(attempt 2, \d+ ms, request id req-ws-\d+\)$/);
    for (const line of lines) expect(line).not.toContain(TEST_SECRET_KEY);
  });

  it("WS_SDK_LOG=info: retries and failures on standard error, not the successful attempts; debug: every attempt", async () => {
    const seen: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((line: string) => void seen.push(line));
    try {
      vi.stubEnv("WS_SDK_LOG", "info");
      before(reply(503, "unavailable"));
      await create(client());
      expect(seen.map((l) => l.replace(/\d+ ms/g, "N ms"))).toEqual([
        `[ws:modelarts] createWorkspace POST ${server.url}/v1/${projectId}/workspaces -> 503 (attempt 1, N ms)`,
        "[ws:modelarts] createWorkspace: retry 1 of 2 in N ms after HTTP 503",
      ]);
      seen.length = 0;
      vi.stubEnv("WS_SDK_LOG", "debug");
      await create(client());
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatch(/-> 200 \(attempt 1/);
      seen.length = 0;
      vi.stubEnv("WS_SDK_LOG", "");
      await create(client());
      expect(seen).toEqual([]);
      // The logger option wins over the variable.
      vi.stubEnv("WS_SDK_LOG", "info");
      const mine: string[] = [];
      await create(client({ logger: (line) => mine.push(line) }));
      expect(mine).toHaveLength(1);
      expect(seen).toEqual([]);
    } finally {
      vi.unstubAllEnvs();
      spy.mockRestore();
    }
  });
});

describe("per-call options", () => {
  it("timeoutInMs, maxRetries and headers for one call beat the client's", async () => {
    // A client that would retry twice and wait 30 s; this call: no retry, 100 ms.
    before(stall);
    const timeouts = heldTimeouts();
    const pending = client().call(getOp, { params: { project_id: projectId, id: "w" } }, { timeoutInMs: HELD_TIMEOUT, maxRetries: 0 }).catch((e: unknown) => e);
    await timeouts.timeOutEach(1);
    const error = await pending;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ attempts: 1, timeoutInMs: HELD_TIMEOUT });
    await createWith(client({ headers: { "x-team": "client" } }), { headers: { "X-Team": "call", "x-extra": "1" } });
    const sent = server.requests.at(-1)!;
    expect(sent.headers["x-team"]).toBe("call");
    expect(sent.headers["x-extra"]).toBe("1");
    await create(client({ headers: { "x-team": "client" } }));
    expect(server.requests.at(-1)!.headers["x-team"]).toBe("client");
  });

  it("refuses a bad per-call option before sending", async () => {
    await expect(createWith(client(), { maxRetries: -1 })).rejects.toThrow(/maxRetries must be a whole number >= 0/);
    await expect(createWith(client(), { headers: { "x-bad": "a\nb" } })).rejects.toThrow(ConfigurationError);
    expect(server.requests).toHaveLength(0);
  });
});

describe("User-Agent", () => {
  it("names the SDK, the package and the runtime, adds the attempt on retries, and is not signed", async () => {
    before(reply(503, "unavailable"));
    await create(client());
    const [first, second] = server.requests;
    expect(first!.headers["user-agent"]).toBe(`ws-sdk-js @ws/modelarts node/${process.versions.node}`);
    expect(second!.headers["user-agent"]).toBe(`ws-sdk-js @ws/modelarts node/${process.versions.node} attempt/2`);
    expect(first!.headers.authorization).not.toMatch(/user-agent/);
    await create(client({ headers: { "User-Agent": "my-app/1.0" } }));
    expect(server.requests.at(-1)!.headers["user-agent"]).toBe(`ws-sdk-js @ws/modelarts node/${process.versions.node} my-app/1.0`);
  });
});

describe("load", () => {
  // 200 calls show what 500 did (one client signing concurrently, nothing mixed up or sent
  // twice); each is also checked by the official signer in this process, so the budget is
  // for a loaded 2-core machine.
  it("200 concurrent creates on one AK/SK client: all succeed, all signatures valid, none twice", async () => {
    const c = client();
    const results = await Promise.all(Array.from({ length: 200 }, () => create(c)));
    expect(results).toHaveLength(200);
    expect(server.requests).toHaveLength(200);
    expect(signaturesChecked).toBe(200);
    expect(created.size).toBe(200);
    noDoubleCreates();
  }, 120_000);
});

describe("secrets", () => {
  const token = "MIItoken-secret-0123456789abcdef";
  const securityToken = "gQpjbi1ub3J0aC00SecurityTokenSecret==";
  const everywhere = (error: unknown, lines: string[]) => [
    String(error),
    (error as Error).stack ?? "",
    JSON.stringify(error),
    inspect(error, { depth: 8 }),
    inspect(error, { depth: 8, showHidden: true }),
    ...lines,
  ];

  it.each([
    ["ApiError echoing the credentials", () => after((req) => ({ status: 400, body: { error_code: "X", error_msg: `got ${req.headers["x-auth-token"] ?? ""} ${req.headers["x-security-token"] ?? ""}` } })), ApiError],
    ["ConnectionError", () => after(reset), ConnectionError],
    ["TimeoutError", () => after(stall), TimeoutError],
  ] as Array<[string, () => void, typeof SdkError]>)("%s: no token, secret key or security token in message, stack, JSON, inspect or log", async (_, arrange, cls) => {
    const timeouts = heldTimeouts();
    for (const credentials of [{ token }, { accessKey: TEST_ACCESS_KEY, secretKey: TEST_SECRET_KEY, securityToken }]) {
      arrange();
      server.requests.length = 0;
      const lines: string[] = [];
      const c = client({ credentials, timeoutInMs: HELD_TIMEOUT, logger: (line, record) => lines.push(line, JSON.stringify(record)) });
      const pending = failure(create(c));
      if (cls === TimeoutError) await timeouts.timeOutEach(1);
      const error = await pending;
      expect(error).toBeInstanceOf(cls);
      for (const text of [...everywhere(error, lines), inspect(c, { depth: 8, showHidden: true })]) {
        expect(text).not.toContain(token);
        expect(text).not.toContain(TEST_SECRET_KEY);
        expect(text).not.toContain(securityToken);
      }
    }
  });
});
