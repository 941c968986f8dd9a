// The spans the five SDKs emit through the real OpenTelemetry SDK (an in-memory
// exporter, AsyncLocalStorage context), over real loopback HTTP to the emulator
// or to a small test server: names, kinds, parents, attributes, events, error
// statuses, and no credential anywhere in them.
import { context, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { workspaceWaiters, type WaiterClock } from "@ws/core";
import { startEmulator, type Emulator } from "@ws/emulator";
import { createFabricClient } from "@ws/fabric";
import { createInsightClient } from "@ws/insight";
import { AbortError, createModelArtsClient, MODELARTS_STATES, ValidationError, type Workspace } from "@ws/modelarts";
import { createResClient } from "@ws/res";
import { requestExample, startServer, type TestServer } from "@ws/testkit";
import { createTrueWatchClient } from "@ws/truewatch";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { registerWsInstrumentation } from "../src/index.js";

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const contextManager = new AsyncLocalStorageContextManager().enable();
let emulator: Emulator;
let unregister: () => void;
/** Every credential any test used: none may appear in any span. */
const secrets = new Set<string>();

beforeAll(async () => {
  trace.setGlobalTracerProvider(provider);
  context.setGlobalContextManager(contextManager);
  unregister = registerWsInstrumentation();
  emulator = await startEmulator({ seed: "otel" });
  const { modelarts, truewatch } = emulator.clientOptions;
  secrets.add(modelarts.credentials.secretKey).add(truewatch.apiKey);
  secrets.add(emulator.iamClientOptions.modelarts.credentials.iam.password);
});
afterAll(async () => {
  unregister();
  await emulator?.close();
  await provider.shutdown();
  trace.disable();
  context.disable();
});
beforeEach(() => {
  emulator.reset();
  exporter.reset();
});
afterEach(() => {
  // No credential in a name, an attribute, an event or a status, in any test.
  const text = JSON.stringify(exporter.getFinishedSpans().map((s) => [s.name, s.attributes, s.events, s.status]));
  for (const secret of secrets) expect(text).not.toContain(secret);
});

const spans = () => exporter.getFinishedSpans();
const byKind = (kind: SpanKind) => spans().filter((s) => s.kind === kind);
const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
const id = (span: ReadableSpan) => span.spanContext().spanId;
const fast = { retryDelayInMs: 1 };

describe("a call", () => {
  it("a create that gets a 503 then succeeds: one call span, two attempt spans under it, the second a resend", async () => {
    const ma = createModelArtsClient({ ...emulator.clientOptions.modelarts, ...fast });
    emulator.inject({ kind: "unavailable", provider: "modelarts" });
    await ma.createWorkspace({ name: "otel-503" });

    const [call] = byKind(SpanKind.INTERNAL);
    expect(byKind(SpanKind.INTERNAL)).toHaveLength(1);
    expect(call!.name).toBe("modelarts.createWorkspace");
    expect(call!.status.code).not.toBe(SpanStatusCode.ERROR);
    expect(call!.attributes).toMatchObject({
      "rpc.system": "huaweicloud",
      "rpc.service": "modelarts",
      "rpc.method": "createWorkspace",
      "cloud.provider": "huawei_cloud",
    });
    const attempts = byKind(SpanKind.CLIENT);
    expect(attempts.map((s) => s.name)).toEqual(["POST", "POST"]);
    for (const attempt of attempts) expect(parentOf(attempt)).toBe(id(call!));
    const url = new URL(emulator.url);
    const path = `/v1/${emulator.clientOptions.modelarts.projectId}/workspaces`;
    expect(attempts[0]!.attributes).toMatchObject({
      "http.request.method": "POST",
      "server.address": url.hostname,
      "server.port": Number(url.port),
      "url.full": `${emulator.url}${path}`,
      "http.response.status_code": 503,
      "error.type": "503",
      "rpc.system": "huaweicloud",
      "rpc.method": "createWorkspace",
    });
    expect(attempts[0]!.attributes).not.toHaveProperty("http.request.resend_count");
    expect(attempts[0]!.status.code).toBe(SpanStatusCode.ERROR);
    expect(attempts[1]!.attributes).toMatchObject({ "http.response.status_code": 200, "http.request.resend_count": 1 });
    expect(attempts[1]!.attributes).not.toHaveProperty("error.type");
    expect(attempts[1]!.status.code).not.toBe(SpanStatusCode.ERROR);
  });

  it("a ValidationError: one call span with the error, no attempt span", async () => {
    const ma = createModelArtsClient(emulator.clientOptions.modelarts);
    await expect(ma.createWorkspace({} as never)).rejects.toBeInstanceOf(ValidationError);
    expect(spans()).toHaveLength(1);
    const [call] = spans();
    expect(call!.name).toBe("modelarts.createWorkspace");
    expect(call!.status.code).toBe(SpanStatusCode.ERROR);
    expect(call!.attributes["error.type"]).toBe("ValidationError");
    expect(call!.events.map((e) => e.name)).toEqual(["exception"]);
  });

  it("is a child of the caller's active span", async () => {
    const ma = createModelArtsClient(emulator.clientOptions.modelarts);
    const tracer = trace.getTracer("test");
    await tracer.startActiveSpan("job", async (job) => {
      await ma.createWorkspace({ name: "otel-parent" });
      job.end();
    });
    const job = spans().find((s) => s.name === "job")!;
    const call = spans().find((s) => s.name === "modelarts.createWorkspace")!;
    expect(parentOf(call)).toBe(id(job));
    expect(call.spanContext().traceId).toBe(job.spanContext().traceId);
  });

  it("an abort ends the call span as aborted", async () => {
    const controller = new AbortController();
    const server = await startServer(() => {
      controller.abort(); // while the client waits to retry the 503
      return { status: 503, body: { error_code: "ModelArts.0001", error_msg: "busy" } };
    });
    try {
      const ma = createModelArtsClient({ endpoint: server.url, projectId: emulator.clientOptions.modelarts.projectId, credentials: { token: "MIIZ-otel-token-0123456789" }, retryDelayInMs: 60_000 });
      secrets.add("MIIZ-otel-token-0123456789");
      await expect(ma.createWorkspace({ name: "otel-abort" }, { abortSignal: controller.signal })).rejects.toBeInstanceOf(AbortError);
    } finally {
      await server.close();
    }
    const [call] = byKind(SpanKind.INTERNAL);
    expect(call!.status.code).toBe(SpanStatusCode.ERROR);
    expect(call!.attributes["error.type"]).toBe("AbortError");
    expect(byKind(SpanKind.CLIENT)).toHaveLength(1);
  });
});

describe("redaction", () => {
  it("a service answer that echoes the token: not in the exception event, the status or any attribute", async () => {
    const token = "MIIZ-echoed-token-0123456789";
    secrets.add(token);
    const server = await startServer((req) => ({
      status: 400,
      headers: { "x-request-id": `req-${req.headers["x-auth-token"]}` },
      body: { error_code: "ModelArts.0001", error_msg: `bad token ${req.headers["x-auth-token"]}` },
    }));
    try {
      const ma = createModelArtsClient({ endpoint: server.url, projectId: "0123456789abcdef0123456789abcdef", credentials: { token } });
      await expect(ma.createWorkspace({ name: "otel-echo" })).rejects.toThrow(/REDACTED/);
    } finally {
      await server.close();
    }
    const [call] = byKind(SpanKind.INTERNAL);
    expect(call!.attributes["error.type"]).toBe("ApiError");
    expect(call!.attributes["ws.request_id"]).toBe("req-[REDACTED]");
    expect(String(call!.events[0]!.attributes?.["exception.message"])).toContain("[REDACTED]");
    // afterEach: the token is nowhere in the spans.
  });
});

describe("events", () => {
  it("a list over three pages: one call span, three page events, three attempts", async () => {
    const ma = createModelArtsClient(emulator.clientOptions.modelarts);
    for (const name of ["page-a", "page-b", "page-c"]) await ma.createWorkspace({ name });
    exporter.reset();
    const names: string[] = [];
    // Pages of one workspace, filtered by name: three pages.
    for await (const ws of ma.listWorkspaces({ name: "page-", limit: 1 })) names.push(ws.name!);
    expect(names.sort()).toEqual(["page-a", "page-b", "page-c"]);
    const calls = byKind(SpanKind.INTERNAL);
    expect(calls.map((s) => s.name)).toEqual(["modelarts.listWorkspaces"]);
    const pages = calls[0]!.events.filter((e) => e.name === "page");
    expect(pages.map((e) => e.attributes)).toEqual([1, 2, 3].map((page) => ({ "ws.page": page, "ws.page.items": 1 })));
    expect(byKind(SpanKind.CLIENT)).toHaveLength(3);
    for (const attempt of byKind(SpanKind.CLIENT)) expect(parentOf(attempt)).toBe(id(calls[0]!));
  });

  it("a waiter: one span, one event per poll with the state and the delay", async () => {
    let polls = 0;
    const server: TestServer = await startServer(() => ({ body: { id: "ws-1", status: ++polls < 3 ? "CREATING" : "NORMAL" } }));
    try {
      const ma = createModelArtsClient({ endpoint: server.url, projectId: "0123456789abcdef0123456789abcdef", credentials: { token: "MIIZ-otel-token-0123456789" } });
      let now = 0;
      const clock: WaiterClock = { now: () => now, sleep: async (ms) => void (now += ms) };
      const { waitUntilWorkspaceReady } = workspaceWaiters<Workspace>("modelarts", ma.getWorkspace, MODELARTS_STATES, clock);
      await waitUntilWorkspaceReady("ws-1", { maxWaitInMs: 60_000, minDelayInMs: 10, maxDelayInMs: 10 });
    } finally {
      await server.close();
    }
    const calls = byKind(SpanKind.INTERNAL);
    expect(calls.map((s) => s.name)).toEqual(["modelarts.waitUntilWorkspaceReady"]);
    expect(calls[0]!.events.map((e) => e.attributes)).toEqual([
      { "ws.poll": 1, "ws.state": "CREATING", "ws.delay_ms": 10 },
      { "ws.poll": 2, "ws.state": "CREATING", "ws.delay_ms": 10 },
      { "ws.poll": 3, "ws.state": "NORMAL" },
    ]);
    expect(byKind(SpanKind.CLIENT)).toHaveLength(3);
  });

  it("ensureWorkspace: one span, an event per step, and whether it created", async () => {
    const ma = createModelArtsClient(emulator.clientOptions.modelarts);
    await ma.ensureWorkspace({ name: "otel-ensure" });
    const calls = byKind(SpanKind.INTERNAL);
    expect(calls.map((s) => s.name)).toEqual(["modelarts.ensureWorkspace"]);
    expect(calls[0]!.events.filter((e) => e.name === "step").map((e) => e.attributes?.["ws.step"])).toEqual(["lookup", "create"]);
    expect(calls[0]!.attributes["ws.created"]).toBe(true);
  });
});

describe("credentials and the project", () => {
  it("the project lookup and a credential refresh are spans of their own, under the call", async () => {
    const { accessKey, secretKey } = emulator.clientOptions.modelarts.credentials;
    const ma = createModelArtsClient({
      endpoint: emulator.url,
      region: "cn-north-4",
      iamEndpoint: emulator.iamEndpoint,
      credentials: async () => ({ accessKey, secretKey }),
    });
    await ma.createWorkspace({ name: "otel-lookup" });
    const call = spans().find((s) => s.name === "modelarts.createWorkspace")!;
    const lookup = spans().find((s) => s.name === "iam.lookupProject")!;
    const refresh = spans().find((s) => s.name === "modelarts.refreshCredentials")!;
    expect(parentOf(lookup)).toBe(id(call));
    expect(parentOf(refresh)).toBe(id(call));
    expect(lookup.attributes).toMatchObject({ "rpc.service": "iam", "cloud.region": "cn-north-4" });
    expect(call.attributes).toMatchObject({ "cloud.region": "cn-north-4" });
    // The lookup's request is an attempt span of its own, under the lookup.
    const lookupAttempts = byKind(SpanKind.CLIENT).filter((s) => parentOf(s) === id(lookup));
    expect(lookupAttempts.map((s) => s.name)).toEqual(["GET"]);
    expect(String(lookupAttempts[0]!.attributes["url.full"])).toContain("/v3/projects?name=cn-north-4");
  });

  it("IAM password credentials: the token request is a span under the first call, with its attempt; no password in any span", async () => {
    const ma = createModelArtsClient(emulator.iamClientOptions.modelarts);
    await ma.createWorkspace({ name: "otel-iam" });
    const call = spans().find((s) => s.name === "modelarts.createWorkspace")!;
    const getToken = spans().filter((s) => s.name === "iam.getToken");
    expect(getToken).toHaveLength(1);
    expect(parentOf(getToken[0]!)).toBe(id(call));
    expect(getToken[0]!.attributes).toMatchObject({ "rpc.service": "iam", "rpc.method": "getToken" });
    const tokenAttempts = byKind(SpanKind.CLIENT).filter((s) => parentOf(s) === id(getToken[0]!));
    expect(tokenAttempts.map((s) => [s.name, s.attributes["http.response.status_code"]])).toEqual([["POST", 201]]);
    expect(String(tokenAttempts[0]!.attributes["url.full"])).toContain("/v3/auth/tokens");
    // The token is kept: the next call asks IAM nothing.
    exporter.reset();
    await ma.createWorkspace({ name: "otel-iam-2" });
    expect(spans().map((s) => s.name).filter((name) => name.startsWith("iam."))).toEqual([]);
  });
});

describe("all five packages", () => {
  const cases = [
    ["res", "huaweicloud", () => createResClient(emulator.clientOptions.res).createWorkspace(requestExample("res", "createWorkspace"))],
    ["insight", "huaweicloud", () => createInsightClient(emulator.clientOptions.insight).createWorkspace(requestExample("insight", "createWorkspace"))],
    ["modelarts", "huaweicloud", () => createModelArtsClient(emulator.clientOptions.modelarts).createWorkspace({ name: "otel-ma" })],
    ["fabric", "huaweicloud", () => createFabricClient(emulator.clientOptions.fabric).createWorkspace(requestExample("fabric", "createWorkspace"))],
    ["truewatch", "truewatch", () => createTrueWatchClient(emulator.clientOptions.truewatch).createWorkspace({ name: "otel-tw" })],
  ] as const;
  for (const [service, system, create] of cases) {
    it(`${service}: a call span and an attempt span`, async () => {
      await create();
      const [call] = byKind(SpanKind.INTERNAL);
      expect(call!.name).toBe(`${service}.createWorkspace`);
      expect(call!.attributes).toMatchObject({ "rpc.system": system, "rpc.service": service, "rpc.method": "createWorkspace" });
      const [attempt] = byKind(SpanKind.CLIENT);
      expect(parentOf(attempt!)).toBe(id(call!));
      expect(attempt!.attributes["http.response.status_code"]).toBe(200);
      if (call!.attributes["ws.request_id"] !== undefined) expect(attempt!.attributes["ws.request_id"]).toBe(call!.attributes["ws.request_id"]);
    });
  }
});

describe("propagation", () => {
  it("sends no traceparent by default, and one with propagateTraceContext", async () => {
    const server = await startServer(() => ({ body: { id: "0123456789abcdef0123456789abcdef", name: "x" } }));
    try {
      const make = () => createModelArtsClient({ endpoint: server.url, projectId: "0123456789abcdef0123456789abcdef", credentials: { token: "MIIZ-otel-token-0123456789" } });
      await make().getWorkspace("0123456789abcdef0123456789abcdef");
      expect(server.requests[0]!.headers.traceparent).toBeUndefined();
      const off = registerWsInstrumentation({ propagateTraceContext: true });
      try {
        await make().getWorkspace("0123456789abcdef0123456789abcdef");
      } finally {
        off();
      }
      const attempt = byKind(SpanKind.CLIENT).at(-1)!;
      expect(server.requests[1]!.headers.traceparent).toBe(`00-${attempt.spanContext().traceId}-${id(attempt)}-01`);
    } finally {
      await server.close();
    }
  });

  it("without the plugin registered nothing is emitted", async () => {
    unregister();
    try {
      await createModelArtsClient(emulator.clientOptions.modelarts).createWorkspace({ name: "otel-off" });
      expect(spans()).toHaveLength(0);
    } finally {
      unregister = registerWsInstrumentation();
    }
  });
});
