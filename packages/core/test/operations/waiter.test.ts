// Waiters over loopback: a server scripted with the states a workspace goes
// through. The deadline tests use a fake clock (no real waiting); abort tests
// use real, short timers to show nothing is sent after the abort.
import { fakeClock, useTestServer, type RecordedRequest } from "@ws/testkit";
import { describe, expect, it } from "vitest";
import {
  AbortError,
  ApiError,
  ConfigurationError,
  createHuaweiService,
  waiterDelay,
  WaiterError,
  workspaceMethods,
  workspaceWaiters,
  type OperationSpec,
  type WaiterClock,
  type WorkspaceStates,
} from "../../src/index.js";

const projectId = "0123456789abcdef0123456789abcdef";
const params = { project_id: { required: true, schema: { type: "string" as const } }, workspace_id: { required: true, schema: { type: "string" as const } } };
const getOp: OperationSpec = { provider: "test", id: "getWorkspace", method: "GET", path: "/v1/{project_id}/workspaces/{workspace_id}", idempotent: true, params };
const states: WorkspaceStates = { ready: ["NORMAL"], readyFailures: ["CREATE_FAILED", "DELETING", "DELETE_FAILED"], deleteFailures: ["DELETE_FAILED"] };

type Step = { status?: number; body: unknown } | "stall";
let script: Step[] = [];
const server = useTestServer((_req: RecordedRequest) => {
  const step = script.length > 1 ? script.shift()! : script[0]!;
  if (step === "stall") return new Promise(() => {});
  return step;
});
const ws = (status: string, extra: Record<string, unknown> = {}) => ({ body: { id: "w1", name: "team", status, status_info: "", ...extra } });
const gone = { status: 400, body: { error_code: "Test.0102", error_msg: "The workspace does not exist." } };

function waiters(clock?: WaiterClock) {
  const service = createHuaweiService<{}, string>({
    provider: "test",
    endpoints: {},
    options: { endpoint: server().url, credentials: { token: "t0ken-value-0123456789" }, retryDelayInMs: 1 },
    projectId,
    notFoundCodes: ["Test.0102"],
  });
  const methods = workspaceMethods<{ id: string; status: string }, never, never, never, never>(service, { operations: { get: getOp }, params: { project_id: projectId } });
  return workspaceWaiters("test", methods.getWorkspace, states, clock);
}

describe("waitUntilWorkspaceReady", () => {
  it("polls through states it does not know (CREATING) until a ready state, reporting each poll", async () => {
    script = [ws("CREATING"), ws("CREATING"), ws("NORMAL")];
    const clock = fakeClock();
    const seen: Array<[string, number]> = [];
    const result = await waiters(clock).waitUntilWorkspaceReady("w1", { maxWaitInMs: 60_000, onPoll: (w, n) => seen.push([w.status, n]) });
    expect(result).toMatchObject({ id: "w1", status: "NORMAL" });
    expect(seen).toEqual([["CREATING", 1], ["CREATING", 2], ["NORMAL", 3]]);
    expect(server().requests.map((r) => r.url)).toEqual(Array(3).fill(`/v1/${projectId}/workspaces/w1`));
    // Exponential backoff with jitter between 2 s and 30 s: 2 s..2 s, then 2 s..4 s.
    expect(clock.sleeps).toHaveLength(2);
    expect(clock.sleeps[0]).toBe(2000);
    expect(clock.sleeps[1]).toBeGreaterThanOrEqual(2000);
    expect(clock.sleeps[1]).toBeLessThanOrEqual(4000);
  });

  it("a failure state rejects at once with WaiterError: reason, state, status_info, last workspace", async () => {
    script = [ws("CREATING"), ws("CREATE_FAILED", { status_info: "quota of OBS buckets reached" })];
    const error = (await waiters(fakeClock()).waitUntilWorkspaceReady("w1", { maxWaitInMs: 60_000 }).catch((e: unknown) => e)) as WaiterError;
    expect(error).toBeInstanceOf(WaiterError);
    expect(error).toMatchObject({ name: "WaiterError", reason: "failure", state: "CREATE_FAILED", statusInfo: "quota of OBS buckets reached", polls: 2 });
    expect(error.lastWorkspace).toMatchObject({ status: "CREATE_FAILED" });
    expect(error.message).toMatch(/workspace "w1" is CREATE_FAILED \(quota of OBS buckets reached\)/);
    expect(Object.keys(JSON.parse(JSON.stringify(error)))).not.toContain("lastWorkspace");
  });

  it("a workspace that disappears while waiting for ready is a failure", async () => {
    script = [ws("CREATING"), gone];
    const error = await waiters(fakeClock()).waitUntilWorkspaceReady("w1", { maxWaitInMs: 60_000 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: "failure", polls: 2 });
    expect((error as Error).message).toMatch(/does not exist/);
  });

  it("the deadline rejects with reason timeout, the time waited and the polls, never sleeping past it", async () => {
    script = [ws("CREATING")];
    const clock = fakeClock();
    const error = (await waiters(clock).waitUntilWorkspaceReady("w1", { maxWaitInMs: 45_000, minDelayInMs: 5_000, maxDelayInMs: 20_000 }).catch((e: unknown) => e)) as WaiterError;
    expect(error).toMatchObject({ reason: "timeout", waitedInMs: 45_000, state: "CREATING" });
    expect(error.polls).toBe(server().requests.length);
    expect(clock.sleeps.reduce((a, b) => a + b, 0)).toBe(45_000);
    for (const ms of clock.sleeps) expect(ms).toBeLessThanOrEqual(20_000);
  });

  it("a transient failure is retried by the transport; one that will not change ends the wait", async () => {
    script = [{ status: 503, body: { error_code: "APIGW.0613", error_msg: "unavailable" } }, ws("NORMAL")];
    await expect(waiters(fakeClock()).waitUntilWorkspaceReady("w1", { maxWaitInMs: 60_000 })).resolves.toMatchObject({ status: "NORMAL" });
    server().requests.length = 0;
    script = [{ status: 403, body: { error_code: "APIGW.0302", error_msg: "forbidden" } }];
    const error = await waiters(fakeClock()).waitUntilWorkspaceReady("w1", { maxWaitInMs: 60_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 403 });
    expect(server().requests).toHaveLength(1);
  });

  it("refuses to start without maxWaitInMs", async () => {
    const wait = waiters(fakeClock()).waitUntilWorkspaceReady("w1", {} as never);
    await expect(wait).rejects.toThrow(ConfigurationError);
    await expect(wait).rejects.toThrow(/maxWaitInMs is required/);
    expect(server().requests).toHaveLength(0);
  });
});

describe("waitUntilWorkspaceDeleted", () => {
  it("resolves undefined once the workspace is gone, polling through DELETING", async () => {
    script = [ws("DELETING"), ws("DELETING"), gone];
    await expect(waiters(fakeClock()).waitUntilWorkspaceDeleted("w1", { maxWaitInMs: 60_000 })).resolves.toBeUndefined();
    expect(server().requests).toHaveLength(3);
  });

  it("DELETE_FAILED rejects with the service's status_info", async () => {
    script = [ws("DELETING"), ws("DELETE_FAILED", { status_info: "resources still in use" })];
    const error = await waiters(fakeClock()).waitUntilWorkspaceDeleted("w1", { maxWaitInMs: 60_000 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: "failure", state: "DELETE_FAILED", statusInfo: "resources still in use" });
  });
});

describe("abort", () => {
  it("mid-sleep: rejects at once, sends nothing more", async () => {
    script = [ws("CREATING")];
    const controller = new AbortController();
    const wait = waiters().waitUntilWorkspaceReady("w1", { maxWaitInMs: 600_000, minDelayInMs: 60_000, abortSignal: controller.signal, onPoll: () => setTimeout(() => controller.abort(), 5) });
    await expect(wait).rejects.toBeInstanceOf(AbortError);
    expect(server().requests).toHaveLength(1);
  });

  it("mid-request: rejects at once; the poll in flight is cancelled and none follows", async () => {
    script = [ws("CREATING"), "stall"];
    const controller = new AbortController();
    let polls = 0;
    const wait = waiters().waitUntilWorkspaceReady("w1", { maxWaitInMs: 600_000, minDelayInMs: 1, maxDelayInMs: 1, abortSignal: controller.signal, onPoll: () => polls++ });
    while (server().requests.length < 2) await new Promise((r) => setTimeout(r, 2));
    controller.abort();
    await expect(wait).rejects.toBeInstanceOf(AbortError);
    expect(polls).toBe(1);
    expect(server().requests).toHaveLength(2);
  });

  it("an already aborted signal sends nothing", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(waiters().waitUntilWorkspaceReady("w1", { maxWaitInMs: 1000, abortSignal: controller.signal })).rejects.toBeInstanceOf(AbortError);
    expect(server().requests).toHaveLength(0);
  });
});

describe("waiterDelay", () => {
  it("is between min and min·2ⁿ, capped at max", () => {
    expect(waiterDelay(0, 2000, 30000, () => 0.99)).toBe(2000);
    expect(waiterDelay(3, 2000, 30000, () => 0)).toBe(2000);
    expect(waiterDelay(3, 2000, 30000, () => 1)).toBe(16000);
    expect(waiterDelay(10, 2000, 30000, () => 1)).toBe(30000);
  });
});
