// Work shared by concurrent calls (the IAM token request, the project lookup, the
// metadata service's keys) stops when no call waits for it any more: the last
// waiting call's abort aborts the request in flight (the server sees its
// connection closed) and its retry waits (the process exits), while a call that
// still waits keeps it going. Checked with events and counters, not elapsed time.
import { fakeClock, runNodeScript, startServer, type TestServer } from "@ws/testkit";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AbortError, createHuaweiService, fromMetadata, TimeoutError, type HuaweiClientOptions, type OperationSpec } from "../../src/index.js";

const op: OperationSpec = { provider: "modelarts", id: "createWorkspace", method: "POST", path: "/v1/{project_id}/workspaces", idempotent: false, body: { type: "object" } };
const projectId = "0123456789abcdef0123456789abcdef";
const dist = fileURLToPath(new URL("../../dist/index.js", import.meta.url));

/** A server whose every request waits until the test answers it; tells when one arrives and when its connection closes. */
async function stallingServer() {
  const arrivals: Array<{ path: string; closed: Promise<true>; answer: (status: number, body: unknown, headers?: Record<string, string>) => void }> = [];
  let arrived: () => void = () => {};
  const server = await startServer((req, raw) => {
    let closedNow: (v: true) => void = () => {};
    const closed = new Promise<true>((resolve) => (closedNow = resolve));
    raw.res.on("close", () => closedNow(true));
    return new Promise((resolve) => {
      arrivals.push({ path: req.url, closed, answer: (status, body, headers) => resolve({ status, body, headers }) });
      arrived();
    });
  });
  return {
    server,
    arrivals,
    /** Resolves once `n` requests have arrived. */
    async arrival(n: number) {
      while (arrivals.length < n) await new Promise<void>((resolve) => (arrived = resolve));
      return arrivals[n - 1]!;
    },
  };
}

/** Whether `closed` settles before the server is told to wait no longer (a guard, not a measurement). */
const closedOrStillOpen = (closed: Promise<true>) => Promise.race([closed, new Promise<false>((resolve) => setTimeout(() => resolve(false), 3_000))]);

let servers: TestServer[] = [];
beforeEach(() => vi.stubEnv("HUAWEICLOUD_SDK_CREDENTIALS_FILE", "/nonexistent/credentials"));
afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

const client = (options: HuaweiClientOptions<string>, withProject = true) =>
  createHuaweiService<{}, string>({ provider: "modelarts", endpoints: {}, projectId: withProject ? projectId : undefined, projectIdIn: "path", options: { maxRetries: 0, ...options } });
const create = (c: ReturnType<typeof client>, signal?: AbortSignal) => c.call(op, { params: {}, body: { name: "a" } }, { abortSignal: signal });

describe("the last waiting call's abort stops the shared request", () => {
  it("IAM token: the token request's connection is closed", async () => {
    const iam = await stallingServer();
    servers.push(iam.server);
    const c = client({ endpoint: iam.server.url, credentials: { iam: { username: "u", password: "p-0123456789", domainName: "d", endpoint: iam.server.url } } });
    const controller = new AbortController();
    const call = create(c, controller.signal);
    const first = await iam.arrival(1);
    controller.abort();
    await expect(call).rejects.toBeInstanceOf(AbortError);
    expect(await closedOrStillOpen(first.closed)).toBe(true);
    expect(iam.arrivals).toHaveLength(1);
  });

  it("IAM token: while another call still waits, one call's abort leaves the request going; it serves the other", async () => {
    const iam = await stallingServer();
    servers.push(iam.server);
    const c = client({ endpoint: iam.server.url, credentials: { iam: { username: "u", password: "p-0123456789", domainName: "d", endpoint: iam.server.url } } });
    const controller = new AbortController();
    const aborted = create(c, controller.signal);
    const other = create(c, new AbortController().signal);
    const token = await iam.arrival(1);
    controller.abort();
    await expect(aborted).rejects.toBeInstanceOf(AbortError);
    token.answer(201, { token: { expires_at: new Date(Date.now() + 86_400_000).toISOString() } }, { "x-subject-token": "MIIZ-token-0123456789" });
    const createRequest = await iam.arrival(2);
    expect(createRequest.path).toBe(`/v1/${projectId}/workspaces`);
    createRequest.answer(200, { id: "w" });
    await expect(other).resolves.toEqual({ id: "w" });
  });

  it("project lookup: the IAM request's connection is closed", async () => {
    const iam = await stallingServer();
    servers.push(iam.server);
    const c = client({ region: "cn-north-4", iamEndpoint: iam.server.url, endpoint: iam.server.url, credentials: { accessKey: "AKEXAMPLE0000000001", secretKey: "sk-0123456789" } }, false);
    const controller = new AbortController();
    const call = create(c, controller.signal);
    const lookup = await iam.arrival(1);
    expect(lookup.path).toBe("/v3/projects?name=cn-north-4");
    controller.abort();
    await expect(call).rejects.toBeInstanceOf(AbortError);
    expect(await closedOrStillOpen(lookup.closed)).toBe(true);
  });

  it("metadata keys: the metadata request's connection is closed", async () => {
    const metadata = await stallingServer();
    servers.push(metadata.server);
    const c = client({ endpoint: metadata.server.url, credentials: fromMetadata({ endpoint: metadata.server.url, timeoutInMs: 60_000 }) });
    const controller = new AbortController();
    const call = create(c, controller.signal);
    const token = await metadata.arrival(1);
    expect(token.path).toBe("/meta-data/latest/api/token");
    controller.abort();
    await expect(call).rejects.toBeInstanceOf(AbortError);
    expect(await closedOrStillOpen(token.closed)).toBe(true);
  });
});

describe("a call's deadline ends its wait for shared work", () => {
  it("IAM token that never comes: TimeoutError (deadlineReached) by the deadline, and the token request is aborted", async () => {
    const iam = await stallingServer();
    servers.push(iam.server);
    const c = client({ endpoint: iam.server.url, credentials: { iam: { username: "u", password: "p-0123456789", domainName: "d", endpoint: iam.server.url } } });
    // On this clock the time passes at once while nothing answers.
    const clock = fakeClock();
    const error = await c.call(op, { params: {}, body: { name: "a" } }, { deadline: { at: 500, clock } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ deadlineReached: true, message: expect.stringMatching(/deadline passed while waiting for credentials/) });
    expect(clock.time).toBeLessThanOrEqual(500);
    // The token request was aborted with its last caller: whether or not it reached IAM, nothing is left open.
    for (const arrival of iam.arrivals) expect(await closedOrStillOpen(arrival.closed)).toBe(true);
    expect(iam.arrivals.length).toBeLessThanOrEqual(1);
  });
});

describe("process exit after an abort", () => {
  it("an IAM token request waiting 30 s to retry (Retry-After) holds no timer once its only caller aborted: the process exits", async () => {
    let tokenRequests = 0;
    const iam = await startServer(() => {
      tokenRequests++;
      return { status: 503, headers: { "retry-after": "30" }, body: { error_msg: "busy" } };
    });
    servers.push(iam);
    const script = `
      import { createHuaweiService } from ${JSON.stringify(dist)};
      const c = createHuaweiService({ provider: "modelarts", endpoints: {}, projectId: ${JSON.stringify(projectId)}, projectIdIn: "path",
        options: { endpoint: ${JSON.stringify(iam.url)}, maxRetries: 2, credentials: { iam: { username: "u", password: "p-0123456789", domainName: "d", endpoint: ${JSON.stringify(iam.url)} } } } });
      const op = ${JSON.stringify(op)};
      const controller = new AbortController();
      const pending = c.call(op, { params: {}, body: { name: "a" } }, { abortSignal: controller.signal });
      setTimeout(() => controller.abort(), 300); // the token request is then waiting 30 s to retry
      await pending.catch((e) => console.log(e.name));
      console.log("done");
    `;
    const { exit, out } = await runNodeScript(script);
    expect(out).toContain("AbortError\ndone");
    expect(exit).toBe(0);
    expect(tokenRequests).toBe(1);
  }, 20_000);
});
