// RES's whole workspace lifecycle through @ws/res against the emulator, signed
// with AK/SK: create, list (one answer, no paging), get, find by name, update,
// delete, then NotFoundError; the documented codes for a missing workspace
// (RES.3403, HTTP 400), a name in use (RES.3406, HTTP 400) and invalid input
// (RES.1001), in RES's error shape; the enterprise projects.
import { createResClient, NotFoundError, type Workspace } from "@ws/res";
import { ApiError } from "@ws/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../src/index.js";

let emu: Emulator;
// Each test has its own emulator: a test that fails or times out leaves nothing for the next.
beforeEach(async () => {
  emu = await startEmulator({ accounts: [{ quota: 250 }], transitionDelayInMs: 0 });
});
afterEach(() => emu.close());

const client = () =>
  createResClient({
    endpoint: emu.url,
    projectId: emu.credentials.projectId,
    credentials: { accessKey: emu.credentials.accessKey, secretKey: emu.credentials.secretKey },
    retryDelayInMs: 1,
  });
const stored = () => emu.workspaces()[`res:${emu.credentials.projectId}`] ?? [];

// Hundreds of signed creates (each validated by the SDK and the emulator): 25 at a time,
// with a budget that holds on a loaded machine.
const HEAVY = 120_000;
async function createAll(names: string[], create: (name: string) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < names.length; i += 25) await Promise.all(names.slice(i, i + 25).map(create));
}

async function collect<T>(iterator: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterator) out.push(item);
  return out;
}

/** What a call rejects with. */
async function failure(call: Promise<unknown>): Promise<ApiError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe("res lifecycle against the emulator", () => {
  it("create, list, get, find, update, delete, then NotFoundError", async () => {
    const res = client();
    const before = Date.now();
    for (const [name, eps] of [["recsys-a", "0"], ["recsys-b", "5d1c5366e616426a88b70f80c1873f18"], ["other", "0"], ["推荐_1", "0"]] as const) {
      await expect(res.createWorkspace({ name, enterprise_project_id: eps, description: `${name} space` })).resolves.toEqual({
        is_success: true,
        message: "Succeed to create workspace.",
      });
    }
    const after = Date.now();

    // no paging: one request answers every workspace, as one page
    const requests = emu.requests("res");
    const pages = await collect(res.listWorkspaces().byPage());
    expect(emu.requests("res") - requests).toBe(1);
    expect(pages).toHaveLength(1);
    const listed = pages[0]!;
    expect(listed.map((w) => w.name)).toEqual(["recsys-a", "recsys-b", "other", "推荐_1"]);
    expect(listed).toEqual(stored());
    const [a, b] = listed as [Workspace, Workspace];
    expect(a).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      name: "recsys-a",
      description: "recsys-a space",
      enterprise_project_id: "0",
      enterprise_project_name: "default",
      owner: emu.credentials.username,
      status: "NORMAL",
      created_at: expect.any(Number),
      update_at: a.created_at,
      userId: expect.stringMatching(/^[0-9a-f]{32}$/),
      projectId: emu.credentials.projectId,
    });
    // epoch milliseconds, the caller's user on every workspace
    expect(a.created_at).toBeGreaterThanOrEqual(before);
    expect(a.created_at).toBeLessThanOrEqual(after);
    expect(b).toMatchObject({ enterprise_project_id: "5d1c5366e616426a88b70f80c1873f18", enterprise_project_name: "emulated-eps", userId: a.userId });
    expect(new Set(listed.map((w) => w.id)).size).toBe(4);

    await expect(res.getWorkspace(b.id!)).resolves.toEqual(b);
    await expect(res.findWorkspaceByName("recsys-b")).resolves.toEqual(b);
    await expect(res.findWorkspaceByName("推荐_1")).resolves.toEqual(listed[3]);
    await expect(res.findWorkspaceByName("recsys")).resolves.toBeUndefined();

    await expect(res.updateWorkspace(b.id!, { description: "modified" })).resolves.toEqual({ is_success: true, message: "Succeed to update workspace. " });
    const described = await res.getWorkspace(b.id!);
    expect(described).toEqual({ ...b, description: "modified", update_at: expect.any(Number) });
    expect(described.update_at).toBeGreaterThanOrEqual(b.update_at!);
    // a new name (the SDK model has it) is applied; an empty body changes nothing but the time
    await res.updateWorkspace(b.id!, { name: "recsys-b2" });
    await res.updateWorkspace(b.id!, {});
    await expect(res.getWorkspace(b.id!)).resolves.toMatchObject({ id: b.id, name: "recsys-b2", description: "modified", created_at: b.created_at });
    await expect(res.findWorkspaceByName("recsys-b")).resolves.toBeUndefined();
    await expect(res.findWorkspaceByName("recsys-b2")).resolves.toMatchObject({ id: b.id });

    await expect(res.deleteWorkspace(b.id!)).resolves.toEqual({ is_success: true, message: "Succeed to delete workspace." });
    expect(stored().map((w) => w.id)).toEqual(listed.filter((w) => w !== b).map((w) => w.id));
    expect((await collect(res.listWorkspaces())).map((w) => w.name)).toEqual(["recsys-a", "other", "推荐_1"]);

    for (const call of [() => res.getWorkspace(b.id!), () => res.updateWorkspace(b.id!, { description: "x" }), () => res.deleteWorkspace(b.id!)]) {
      const error = await failure(call());
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error).toMatchObject({ status: 400, code: "RES.3403", requestId: expect.stringMatching(/^[0-9a-f]{32}$/), provider: "res" });
      expect(error.body).toEqual({ is_success: false, error_code: "RES.3403", error_msg: `workspace Error: workspace (${b.id}) does not exist` });
    }
    expect(stored()).toHaveLength(3);
  });

  it("lists 230 workspaces in one request, and gets the last", async () => {
    const res = client();
    await createAll(Array.from({ length: 230 }, (_, i) => `ws-${i}`), (name) => res.createWorkspace({ name, enterprise_project_id: "0" }));
    const requests = emu.requests("res");
    const names = (await collect(res.listWorkspaces())).map((w) => w.name);
    expect(names).toEqual(stored().map((w) => w.name)); // in the service's order, each once
    expect(new Set(names)).toEqual(new Set(Array.from({ length: 230 }, (_, i) => `ws-${i}`)));
    expect(emu.requests("res") - requests).toBe(1);
    await expect(res.getWorkspace(String(stored()[229]!.id))).resolves.toMatchObject({ name: stored()[229]!.name });
  }, HEAVY);

  it("refuses a name another workspace has (RES.3406, HTTP 400), on create as on update", async () => {
    const res = client();
    await res.createWorkspace({ name: "taken", enterprise_project_id: "0" });
    const created = await failure(res.createWorkspace({ name: "taken", enterprise_project_id: "0", description: "again" }));
    expect(created).not.toBeInstanceOf(NotFoundError);
    expect(created).toMatchObject({ status: 400, code: "RES.3406", outcomeUnknown: false });
    expect(created.body).toEqual({ is_success: false, error_code: "RES.3406", error_msg: "Basic Error: workspace (taken) already exists" });
    // names are compared exactly
    await res.createWorkspace({ name: "Taken", enterprise_project_id: "0" });

    await res.createWorkspace({ name: "mine", enterprise_project_id: "0" });
    const mine = (await res.findWorkspaceByName("mine"))!;
    const updated = await failure(res.updateWorkspace(mine.id!, { name: "taken" }));
    expect(updated).toMatchObject({ name: "ApiError", status: 400, code: "RES.3406" });
    // keeping one's own name is no conflict
    await expect(res.updateWorkspace(mine.id!, { name: "mine", description: "d" })).resolves.toMatchObject({ is_success: true });
    expect(stored().map((w) => w.name)).toEqual(["taken", "Taken", "mine"]);
  });

  it("lists the enterprise projects, the default one first", async () => {
    const projects = await client().listEnterpriseProjects();
    expect(projects).toEqual([
      { id: "0", name: "default", status: 1 },
      {
        id: "5d1c5366e616426a88b70f80c1873f18",
        name: "emulated-eps",
        description: "An enterprise project of the emulator",
        status: 1,
        created_at: "2019-12-12T06:41:26Z",
        updated_at: "2019-12-12T06:41:26Z",
      },
    ]);
  });

  it("retries an idempotent call through a throttle and a 503; a dropped delete is retried and then finds nothing", async () => {
    const res = client();
    await res.createWorkspace({ name: "steady", enterprise_project_id: "0" });
    const ws = (await res.findWorkspaceByName("steady"))!;
    emu.inject([
      { kind: "throttle", retryAfter: 0, provider: "res" },
      { kind: "unavailable", provider: "res" },
    ]);
    let requests = emu.requests("res");
    await expect(res.getWorkspace(ws.id!)).resolves.toEqual(ws);
    expect(emu.requests("res") - requests).toBe(3);

    // the delete is processed, the answer lost: the retry meets RES.3403, which says it is gone
    emu.inject({ kind: "drop", provider: "res" });
    requests = emu.requests("res");
    await expect(res.deleteWorkspace(ws.id!)).rejects.toMatchObject({ name: "NotFoundError", code: "RES.3403" });
    expect(emu.requests("res") - requests).toBe(2);
    expect(stored()).toEqual([]);
  });

  it("answers input the spec forbids with RES.1001 (raw calls: no SDK checks)", async () => {
    const res = client();
    await res.createWorkspace({ name: "ok", enterprise_project_id: "0" });
    const ws = (await res.findWorkspaceByName("ok"))!;
    const put = (body: unknown) =>
      res.raw.PUT("/v2.0/{project_id}/workspaces/{workspace_id}", {
        params: { path: { project_id: emu.credentials.projectId, workspace_id: ws.id! } },
        body: body as never,
      });
    for (const [body, field] of [
      [{ name: "team-" }, /name/],
      [{ name: "n".repeat(65) }, /name/],
      [{ description: 5 }, /description/],
      [{ enterprise_project_id: "0" }, /enterprise_project_id/],
    ] as const) {
      const error = await failure(put(body));
      expect(error, JSON.stringify(body)).toMatchObject({ status: 400, code: "RES.1001" });
      expect(error.message).toMatch(field);
      expect(error.body).toMatchObject({ is_success: false, error_code: "RES.1001", error_msg: expect.stringMatching(/^Basic Error: request parameter value/) });
    }
    await expect(res.getWorkspace(ws.id!)).resolves.toEqual(ws);
  });
});
