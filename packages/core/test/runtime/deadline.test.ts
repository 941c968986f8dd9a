// maxWaitInMs bounds the whole wait: each poll's attempts (their timeout is the
// smaller of timeoutInMs and the time left), their retry waits and the waiter's
// own sleeps all end by the deadline, and the WaiterError (reason "timeout")
// says so. Measured on a fake clock that moves only when something sleeps on
// it, against a loopback server that answers 503 with Retry-After, or never.
import { fakeClock, useTestServer, type Reply } from "@ws/testkit";
import { beforeEach, describe, expect, it } from "vitest";
import {
  createHuaweiService,
  realClock,
  TimeoutError,
  WaiterError,
  workspaceMethods,
  workspaceWaiters,
  type ClientOptions,
  type OperationSpec,
  type WaiterClock,
} from "../../src/index.js";

const projectId = "0123456789abcdef0123456789abcdef";
const params = { project_id: { required: true, schema: { type: "string" as const } }, workspace_id: { required: true, schema: { type: "string" as const } } };
const getOp: OperationSpec = { provider: "test", id: "getWorkspace", method: "GET", path: "/v1/{project_id}/workspaces/{workspace_id}", idempotent: true, params };

let reply: () => Reply | Promise<Reply> = () => ({ status: 503, headers: { "retry-after": "0.1" }, body: { error_code: "APIGW.0613", error_msg: "unavailable" } });
const server = useTestServer(() => reply());
const unavailable = reply;
beforeEach(() => {
  reply = unavailable;
});

function waiters(clock: WaiterClock, options: ClientOptions) {
  const service = createHuaweiService<{}, string>({
    provider: "test",
    endpoints: {},
    options: { endpoint: server().url, credentials: { token: "t0ken-value-0123456789" }, ...options },
    projectId,
  });
  const methods = workspaceMethods<{ id: string; status: string }, never, never, never, never>(service, { operations: { get: getOp }, params: { project_id: projectId } });
  return { service, ...workspaceWaiters("test", methods.getWorkspace, { ready: ["NORMAL"], readyFailures: [], deleteFailures: [] }, clock) };
}

const total = (clock: { sleeps: number[] }) => clock.sleeps.reduce((a, b) => a + b, 0);

describe("maxWaitInMs bounds everything under a wait", () => {
  it("503 with Retry-After: the poll's retry waits stop at the deadline; WaiterError timeout within maxWaitInMs", async () => {
    const clock = fakeClock();
    const error = await waiters(clock, { maxRetries: 50, retryDelayInMs: 1 }).waitUntilWorkspaceReady("w1", { maxWaitInMs: 500 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaiterError);
    expect(error).toMatchObject({ reason: "timeout", polls: 0 });
    expect((error as WaiterError).waitedInMs).toBeLessThanOrEqual(500);
    expect(total(clock)).toBeLessThanOrEqual(500);
    expect((error as WaiterError).message).toMatch(/maxWaitInMs/);
    expect((error as WaiterError).cause).toMatchObject({ name: "TimeoutError", deadlineReached: true, outcomeUnknown: false });
    // 100 ms apart on the clock: the first attempt and four retries; a fifth could only start at the deadline.
    expect(server().requests).toHaveLength(5);
    expect(clock.sleeps).toEqual([100, 100, 100, 100]);
  });

  it("with the default retry options, a Retry-After longer than the time left is not waited for", async () => {
    reply = () => ({ status: 503, headers: { "retry-after": "30" }, body: { error_code: "APIGW.0613", error_msg: "unavailable" } });
    const clock = fakeClock();
    const error = await waiters(clock, {}).waitUntilWorkspaceReady("w1", { maxWaitInMs: 10_000 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "WaiterError", reason: "timeout" });
    expect(total(clock)).toBeLessThanOrEqual(10_000);
    expect(server().requests).toHaveLength(1);
  });

  it("a server that never answers: the attempt's timeout is the time left (not timeoutInMs), and the wait ends in a WaiterError", async () => {
    reply = () => new Promise<Reply>(() => {});
    const clock = fakeClock();
    const error = await waiters(clock, { timeoutInMs: 30_000, maxRetries: 0 }).waitUntilWorkspaceReady("w1", { maxWaitInMs: 150 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "WaiterError", reason: "timeout" });
    const cause = (error as WaiterError).cause as TimeoutError;
    expect(cause).toBeInstanceOf(TimeoutError);
    expect(cause).toMatchObject({ timeoutInMs: 150, deadlineReached: true });
    expect(server().requests).toHaveLength(1);
  }, 10_000);

  it("the waiter's own sleeps end at the deadline, and no poll is sent at it", async () => {
    reply = () => ({ body: { id: "w1", status: "CREATING" } });
    const clock = fakeClock();
    const error = (await waiters(clock, {}).waitUntilWorkspaceReady("w1", { maxWaitInMs: 45_000, minDelayInMs: 5_000, maxDelayInMs: 20_000 }).catch((e: unknown) => e)) as WaiterError;
    expect(error).toMatchObject({ reason: "timeout", waitedInMs: 45_000 });
    expect(total(clock)).toBe(45_000);
    expect(error.polls).toBe(server().requests.length);
  });

  it("a plain call with a deadline: nothing is sent once it has passed", async () => {
    const { service } = waiters(fakeClock(), {});
    const error = await service.call(getOp, { params: { project_id: projectId, workspace_id: "w1" } }, { deadline: { at: Date.now() - 1, clock: realClock } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "TimeoutError", deadlineReached: true, attempts: 0 });
    expect(server().requests).toHaveLength(0);
  });
});
