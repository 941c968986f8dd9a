// ensureWorkspace over loopback, under every fault: a server that keeps the
// workspaces it created by name and misbehaves before or after processing a
// create, or on the lookup. In every case at most one workspace exists at the
// end, and the result names it.
import { useTestServer, type RecordedRequest, type Reply } from "@ws/testkit";
import { beforeEach, describe, expect, it } from "vitest";
import { ApiError, ConnectionError, createHuaweiService, ensureWorkspace, SdkError, workspaceMethods, type OperationSpec } from "../../src/index.js";

const projectId = "0123456789abcdef0123456789abcdef";
const project = { project_id: { required: true, schema: { type: "string" as const } } };
const createOp: OperationSpec = { provider: "test", id: "createWorkspace", method: "POST", path: "/v1/{project_id}/workspaces", idempotent: false, params: project, body: { type: "object", required: ["name"] } };
const listOp: OperationSpec = {
  provider: "test",
  id: "listWorkspaces",
  method: "GET",
  path: "/v1/{project_id}/workspaces",
  idempotent: true,
  params: project,
  query: { name: { required: false, schema: { type: "string" } } },
  paging: { style: "none", items: "workspaces" },
};

type Fault = "throttle" | "error-before" | "error-after" | "drop-after" | "malformed-after" | "duplicate" | "list-503" | "list-down" | "no-id";
let workspaces: Array<{ id: string; name: string }> = [];
let faults: Fault[] = [];
let seq = 0;

function take(fault: Fault): boolean {
  const i = faults.indexOf(fault);
  if (i === -1) return false;
  faults.splice(i, 1);
  return true;
}

const server = useTestServer((req: RecordedRequest, raw) => {
  if (req.method === "GET") {
    if (take("list-503") || faults.includes("list-down")) return { status: 503, body: { error_code: "APIGW.0613", error_msg: "unavailable" } };
    const name = new URL(req.url, "http://x").searchParams.get("name") ?? "";
    return { body: { workspaces: workspaces.filter((w) => w.name.includes(name)) } };
  }
  if (take("throttle")) return { status: 429, body: { error_code: "APIGW.0308", error_msg: "throttled" } };
  if (take("error-before")) return { status: 500, body: { error_code: "Test.0500", error_msg: "internal error" } };
  const { name } = JSON.parse(req.body) as { name: string };
  if (take("duplicate")) {
    workspaces.push({ id: `other-${++seq}`, name }); // someone else got there first
    return { status: 400, body: { error_code: "Test.0409", error_msg: "name exists" } };
  }
  if (workspaces.some((w) => w.name === name)) return { status: 400, body: { error_code: "Test.0409", error_msg: "name exists" } };
  const workspace = { id: `id-${++seq}`, name };
  workspaces.push(workspace);
  if (take("error-after")) return { status: 500, body: { error_code: "Test.0500", error_msg: "internal error" } };
  if (take("drop-after")) {
    raw.req.socket.destroy();
    return "handled";
  }
  if (take("malformed-after")) return { status: 200, body: '{"id": "id-' } as Reply;
  if (faults.includes("no-id")) return { body: { is_success: true, message: "created" } };
  return { body: workspace };
});

beforeEach(() => {
  workspaces = [];
  faults = [];
});

function ensure(name = "team-a") {
  const service = createHuaweiService<{}, string>({
    provider: "test",
    endpoints: {},
    options: { endpoint: server().url, credentials: { token: "t0ken-value-0123456789" }, retryDelayInMs: 1 },
    projectId,
  });
  const params = { project_id: projectId };
  const methods = workspaceMethods<{ id: string; name: string }, { name?: string }, never, never, never>(service, { operations: { list: listOp }, params, nameFilter: "name" });
  return ensureWorkspace(
    {
      provider: "test",
      create: (body, options) => service.call(createOp, { params, body }, options),
      findWorkspaceByName: methods.findWorkspaceByName,
      duplicateCodes: ["Test.0409"],
      lookupDelayInMs: 1,
    },
    { name },
  );
}

const creates = () => server().requests.filter((r) => r.method === "POST").length;

describe("ensureWorkspace", () => {
  it("returns the existing workspace without creating one", async () => {
    workspaces = [{ id: "id-0", name: "team-a" }, { id: "id-9", name: "team-a-2" }];
    await expect(ensure()).resolves.toEqual({ workspace: { id: "id-0", name: "team-a" }, created: false });
    expect(creates()).toBe(0);
  });

  it("creates it when the name is free", async () => {
    const result = await ensure();
    expect(result).toEqual({ workspace: workspaces[0], created: true });
    expect(creates()).toBe(1);
  });

  it("finds the id by name when the create answer has none (RES)", async () => {
    faults = ["no-id"];
    const result = await ensure();
    expect(result).toEqual({ workspace: workspaces[0], created: true });
    expect(result.workspace.id).toMatch(/^id-/);
  });

  const cases: Array<[string, Fault[], number]> = [
    ["throttled, then created (retried: not processed)", ["throttle"], 2],
    ["500 before processing: outcome unknown, the lookup answers 'none', created again once", ["error-before"], 2],
    ["500 after processing: found by name, not created again", ["error-after"], 1],
    ["dropped connection after processing: found by name", ["drop-after"], 1],
    ["malformed 200 after processing: found by name", ["malformed-after"], 1],
    ["duplicate name (someone else won the race): theirs, created false", ["duplicate"], 1],
    ["lookup failing once: retried by the transport", ["list-503", "error-after"], 1],
  ];
  it.each(cases)("%s", async (_, scenario, expectedCreates) => {
    faults = [...scenario];
    const result = await ensure();
    expect(workspaces.filter((w) => w.name === "team-a")).toHaveLength(1);
    expect(result.workspace).toEqual(workspaces[0]);
    expect(result.created).toBe(!scenario.includes("duplicate"));
    expect(creates()).toBe(expectedCreates);
  });

  it("when the lookup after an unknown outcome fails, it never creates again and says so", async () => {
    faults = ["error-after"];
    let listing = 0;
    server().handle((req, raw) => {
      if (req.method === "GET" && ++listing > 1) return { status: 503, body: { error_code: "APIGW.0613", error_msg: "unavailable" } };
      if (req.method === "GET") return { body: { workspaces: [] } };
      workspaces.push({ id: "id-1", name: "team-a" });
      return { status: 500, body: { error_code: "Test.0500", error_msg: "internal error" } };
    });
    const error = (await ensure().catch((e: unknown) => e)) as SdkError & { lookupError?: unknown };
    expect(error).toBeInstanceOf(ApiError);
    expect(error.outcomeUnknown).toBe(true);
    expect(error.lookupError).toBeInstanceOf(ApiError);
    expect(creates()).toBe(1);
    expect(workspaces).toHaveLength(1);
  });

  it("a create refused for a reason that is not the name fails as it is", async () => {
    server().handle((req) => (req.method === "GET" ? { body: { workspaces: [] } } : { status: 403, body: { error_code: "APIGW.0302", error_msg: "forbidden" } }));
    await expect(ensure()).rejects.toMatchObject({ status: 403, outcomeUnknown: false });
    expect(creates()).toBe(1);
  });

  it("a connection that failed before sending is retried by the transport, not by ensure", async () => {
    const error = await ensureWorkspace(
      {
        provider: "test",
        create: () => Promise.reject(new ConnectionError("refused", { sent: false, outcomeUnknown: false })),
        findWorkspaceByName: async () => undefined,
      },
      { name: "team-a" },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
  });
});
