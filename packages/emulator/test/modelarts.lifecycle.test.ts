// ModelArts' whole workspace lifecycle through @ws/modelarts against the emulator,
// signed with AK/SK: create, list across pages (the offset counts records, 1000 a
// page), get, find by name, update, delete (asynchronous: DELETING, then gone), then
// NotFoundError (ModelArts.7005, HTTP 400, as the live service answers); the injected create-failed and
// delete-failed faults; per-workspace quotas; duplicate names refused with the
// emulator's own ModelArts.EMULATOR_DUPLICATE_NAME; answers checked against the spec.
import { ApiError } from "@ws/core";
import { createModelArtsClient, NotFoundError, type ModelArtsClient, type Workspace, type WorkspaceId } from "@ws/modelarts";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { manualClock, type ManualClock } from "@ws/testkit";
import { specs } from "../src/generated/specs.js";
import { startEmulator, type Emulator } from "../src/index.js";

let emu: Emulator;
let clock: ManualClock;
// Each test has its own emulator: a test that fails or times out leaves nothing for the next.
// Its clock moves only when a test moves it: DELETING (and a create that is to fail) lasts a
// minute of it, so a state changes at a step of the test, not with the machine's speed.
const TRANSITION = 60_000;
beforeEach(async () => {
  clock = manualClock();
  emu = await startEmulator({ accounts: [{ quota: 1100 }], clock, transitionDelayInMs: TRANSITION });
});
afterEach(() => emu.close());

const client = (): ModelArtsClient =>
  createModelArtsClient({
    endpoint: emu.url,
    projectId: emu.credentials.projectId,
    credentials: { accessKey: emu.credentials.accessKey, secretKey: emu.credentials.secretKey },
    retryDelayInMs: 1,
  });
const stored = () => emu.workspaces()[`modelarts:${emu.credentials.projectId}`] ?? [];
const path = () => ({ project_id: emu.credentials.projectId });

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
ajv.addSchema(specs.modelarts, "spec:modelarts");
const schema = (name: string) => ajv.compile({ $ref: `spec:modelarts#/components/schemas/${name}` });
const isWorkspace = schema("Workspace");
const isList = schema("ListWorkspacesResponse");
const isIdAnswer = schema("WorkspaceIdResponse");
const isQuotas = schema("WorkspaceQuotasResponse");
const isError = schema("ErrorBody");
function expectValid(check: ReturnType<typeof schema>, body: unknown): void {
  expect(check(body), JSON.stringify(check.errors)).toBe(true);
}

async function collect<T>(iterator: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterator) out.push(item);
  return out;
}

async function rejection(call: Promise<unknown>): Promise<ApiError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

/**
 * Gets the workspace until `done` says so or it is gone (NotFoundError), moving the
 * emulator's clock half a transition after each get (at most 10 times): the statuses
 * seen on the way, and how it ended.
 */
async function pollWorkspace(ma: ModelArtsClient, id: WorkspaceId, done: (ws: Workspace) => boolean): Promise<{ seen: string[]; last: Workspace | NotFoundError }> {
  const seen: string[] = [];
  for (let i = 0; i < 10; i++) {
    const ws = await ma.getWorkspace(id).catch((e: unknown) => {
      if (e instanceof NotFoundError) return e;
      throw e;
    });
    if (ws instanceof NotFoundError || done(ws)) return { seen, last: ws };
    seen.push(ws.status!);
    clock.advance(TRANSITION / 2);
  }
  throw new Error(`workspace ${id} did not settle: ${seen.slice(-3).join(", ")}`);
}

describe("modelarts lifecycle against the emulator", () => {
  it("create, list across pages, get, find, update, delete (DELETING, then gone), then NotFoundError", async () => {
    const ma = client();
    const created: Workspace[] = [];
    for (const name of ["team-a", "team-b", "other", "team-c", "team-d"]) {
      created.push(await ma.createWorkspace({ name, description: `${name} space`, auth_type: "INTERNAL", grants: [{ user_name: `${name}-user` }] }));
    }
    for (const w of created) {
      expectValid(isWorkspace, w);
      expect(w).toMatchObject({ id: expect.stringMatching(/^[0-9a-f]{32}$/), status: "NORMAL", status_info: "", auth_type: "internal", owner: emu.credentials.username });
    }
    expect(created.map((w) => w.id)).toEqual(stored().map((w) => w.id));

    // two a page, by name ascending: offsets 0, 2, 4 count records; total_count (5) ends the listing
    const before = emu.requests("modelarts");
    const pages = await collect(ma.listWorkspaces({ limit: 2, sort_by: "name", order: "asc" }).byPage());
    expect(pages.map((p) => p.map((w) => w.name))).toEqual([["other", "team-a"], ["team-b", "team-c"], ["team-d"]]);
    expect(emu.requests("modelarts") - before).toBe(3);
    // list items leave out grants
    const { grants: _grants, ...teamA } = created[0]!;
    expect(pages[0]![1]).toEqual(teamA);

    // the documented default order is by name, descending; the name filter is fuzzy and case-insensitive
    expect((await collect(ma.listWorkspaces())).map((w) => w.name)).toEqual(["team-d", "team-c", "team-b", "team-a", "other"]);
    expect((await collect(ma.listWorkspaces({ name: "TEAM", order: "asc" }))).map((w) => w.name)).toEqual(["team-a", "team-b", "team-c", "team-d"]);

    const target = created[3]!;
    const got = await ma.getWorkspace(target.id!);
    expectValid(isWorkspace, got);
    expect(got).toEqual(target);
    await expect(ma.findWorkspaceByName("team-c")).resolves.toEqual(listed(target));
    await expect(ma.findWorkspaceByName("team")).resolves.toBeUndefined();

    const answer = await ma.updateWorkspace(target.id!, { name: "team-c2", auth_type: "private", grants: [{ user_id: "u1", user_type: "AGENCY" }] });
    expectValid(isIdAnswer, answer);
    expect(answer).toEqual({ workspace_id: target.id });
    const updated = await ma.getWorkspace(target.id!);
    // fields left out stay
    expect(updated).toMatchObject({ id: target.id, name: "team-c2", description: "team-c space", auth_type: "private", grants: [{ user_id: "u1", user_type: "AGENCY" }], create_time: target.create_time });
    expect(updated.update_time).toBeGreaterThanOrEqual(target.update_time!);
    await expect(ma.findWorkspaceByName("team-c")).resolves.toBeUndefined();
    await expect(ma.findWorkspaceByName("team-c2")).resolves.toEqual(listed(updated));

    await expect(ma.deleteWorkspace(target.id!)).resolves.toEqual({ workspace_id: target.id });
    const { seen, last } = await pollWorkspace(ma, target.id!, () => false);
    expect(seen).toEqual(["DELETING", "DELETING"]);
    expect(last).toBeInstanceOf(NotFoundError);
    expect(last).toMatchObject({ status: 400, code: "ModelArts.7005", operation: "getWorkspace", requestId: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(stored().map((w) => w.id)).toEqual(created.filter((w) => w !== target).map((w) => w.id));

    for (const call of [() => ma.updateWorkspace(target.id!, { description: "x" }), () => ma.deleteWorkspace(target.id!), () => ma.getWorkspaceQuotas(target.id!)]) {
      const error = await rejection(call());
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error).toMatchObject({ status: 400, code: "ModelArts.7005", message: expect.stringContaining("The workspace does not exist.") });
      expectValid(isError, error.body);
    }
    expect(stored()).toHaveLength(4);
  });

  it("lists more than one default page (1000): every workspace once, in two requests", async () => {
    const ma = client();
    const names = Array.from({ length: 1003 }, (_, i) => `ws-${String(i).padStart(4, "0")}`);
    // 1003 creates through the SDK, 50 at a time (one by one is slow on a loaded CI machine).
    for (let i = 0; i < names.length; i += 50) await Promise.all(names.slice(i, i + 50).map((name) => ma.createWorkspace({ name })));
    const before = emu.requests("modelarts");
    const pages = await collect(ma.listWorkspaces({ order: "asc" }).byPage());
    expect(pages.map((p) => p.length)).toEqual([1000, 3]);
    expect(pages.flat().map((w) => w.name)).toEqual(names);
    expect(emu.requests("modelarts") - before).toBe(2);
    await expect(ma.getWorkspace(String(stored()[1002]!.id))).resolves.toMatchObject({ name: "ws-1002" });
    await expect(ma.findWorkspaceByName("ws-0007")).resolves.toMatchObject({ name: "ws-0007" });
  }, 120_000);
});

const listed = (w: Workspace): Workspace => {
  const { grants: _grants, ...rest } = w;
  return rest;
};

describe("the list's query, as the spec's x-paging and parameters say", () => {
  const list = (query: Record<string, unknown>) => client().raw.GET("/v1/{project_id}/workspaces", { params: { path: path(), query } });

  it("offset counts records, limit defaults to 1000, total_count counts every match", async () => {
    const ma = client();
    for (let i = 0; i < 12; i++) await ma.createWorkspace({ name: `p-${String(i).padStart(2, "0")}` });
    const page = (await list({ offset: 5, limit: 4, order: "asc" })).data!;
    expectValid(isList, page);
    expect(page).toMatchObject({ total_count: 12, count: 4 });
    expect(page.workspaces!.map((w) => w.name)).toEqual(["p-05", "p-06", "p-07", "p-08"]);
    expect((await list({})).data).toMatchObject({ total_count: 12, count: 12 });
    expect((await list({ offset: 10, order: "asc" })).data!.workspaces!.map((w) => w.name)).toEqual(["p-10", "p-11"]);
    expect((await list({ offset: 12, limit: 5 })).data).toEqual({ total_count: 12, count: 0, workspaces: [] });
    // the name filter applies before paging: p-10 and p-11 match, the page starts at the second
    expect((await list({ name: "p-1", offset: 1, order: "asc" })).data).toMatchObject({ total_count: 2, count: 1, workspaces: [{ name: "p-11" }] });
  });

  it("sorts by update_time and status, filters by enterprise project, accepts filter_accessible", async () => {
    const ma = client();
    const a = await ma.createWorkspace({ name: "aaaa", enterprise_project_id: "eps-1" });
    const b = await ma.createWorkspace({ name: "bbbb" });
    const c = await ma.createWorkspace({ name: "cccc" });
    clock.advance(1_000);
    await ma.updateWorkspace(a.id!, { description: "touched last" });
    const byUpdate = (await list({ sort_by: "update_time", order: "desc" })).data!.workspaces!.map((w) => w.name);
    expect(byUpdate[0]).toBe("aaaa");
    emu.inject({ kind: "delete-failed", provider: "modelarts" });
    await ma.deleteWorkspace(b.id!);
    await pollWorkspace(ma, b.id!, (ws) => ws.status !== "DELETING");
    const byStatus = (await list({ sort_by: "status", order: "asc", filter_accessible: true })).data!.workspaces!.map((w) => `${w.name}:${w.status}`);
    expect(byStatus).toEqual(["bbbb:DELETE_FAILED", "aaaa:NORMAL", `cccc:NORMAL`]);
    expect(c.status).toBe("NORMAL");
    expect((await list({ enterprise_project_id: "eps-1" })).data!.workspaces!.map((w) => w.name)).toEqual(["aaaa"]);
    expect((await list({ enterprise_project_id: "0" })).data!.workspaces!.map((w) => w.name)).not.toContain("aaaa");
  });

  it("answers a query the spec forbids with ModelArts.0104 (raw calls: no SDK checks)", async () => {
    for (const query of [{ sort_by: "create_time" }, { order: "DESC" }, { limit: 0 }, { offset: -1 }]) {
      const error = await rejection(list(query));
      expect(error).toMatchObject({ status: 400, code: "ModelArts.0104" });
      expect(error.message).toMatch(/Parameter error\./);
    }
  });
});

describe("asynchronous states and injected faults", () => {
  it("a deletion shows DELETING while it lasts, and a second delete does not start it again", async () => {
    const slow = await startEmulator({ transitionDelayInMs: 60_000 });
    try {
      const ma = createModelArtsClient({ endpoint: slow.url, projectId: slow.credentials.projectId, credentials: { accessKey: slow.credentials.accessKey, secretKey: slow.credentials.secretKey } });
      const ws = await ma.createWorkspace({ name: "going" });
      await expect(ma.deleteWorkspace(ws.id!)).resolves.toEqual({ workspace_id: ws.id });
      await expect(ma.getWorkspace(ws.id!)).resolves.toMatchObject({ status: "DELETING", status_info: "" });
      await expect(ma.findWorkspaceByName("going")).resolves.toMatchObject({ status: "DELETING" });
      await expect(ma.deleteWorkspace(ws.id!)).resolves.toEqual({ workspace_id: ws.id });
      await expect(ma.getWorkspace(ws.id!)).resolves.toMatchObject({ status: "DELETING" });
    } finally {
      await slow.close();
    }
  });

  it("delete-failed: the deletion is accepted, then the workspace ends in DELETE_FAILED with a status_info; deleting again removes it", async () => {
    const ma = client();
    const ws = await ma.createWorkspace({ name: "sticky" });
    emu.inject({ kind: "delete-failed", provider: "modelarts" });
    await expect(ma.deleteWorkspace(ws.id!)).resolves.toEqual({ workspace_id: ws.id });
    const { seen, last } = await pollWorkspace(ma, ws.id!, (w) => w.status !== "DELETING");
    expect(seen).toEqual(["DELETING", "DELETING"]);
    expect(last).toMatchObject({ id: ws.id, status: "DELETE_FAILED", status_info: expect.stringMatching(/could not be cleared/) });
    expectValid(isWorkspace, last);

    await ma.deleteWorkspace(ws.id!);
    await expect(ma.getWorkspace(ws.id!)).resolves.toMatchObject({ status: "DELETING", status_info: "" });
    expect((await pollWorkspace(ma, ws.id!, () => false)).last).toBeInstanceOf(NotFoundError);
  });

  it("create-failed: the create answers the workspace (NORMAL), which then ends in CREATE_FAILED with a status_info", async () => {
    const ma = client();
    emu.inject({ kind: "create-failed", provider: "modelarts" });
    const ws = await ma.createWorkspace({ name: "doomed" });
    expect(ws).toMatchObject({ name: "doomed", status: "NORMAL" });
    const { seen, last } = await pollWorkspace(ma, ws.id!, (w) => w.status !== "NORMAL");
    expect(seen).toEqual(["NORMAL", "NORMAL"]);
    expect(last).toMatchObject({ id: ws.id, status: "CREATE_FAILED", status_info: expect.stringMatching(/Creating the workspace failed/) });
    // the fault was for one create only: a workspace created before a second faulty one stays NORMAL after that one failed
    const fine = await ma.createWorkspace({ name: "fine" });
    emu.inject({ kind: "create-failed", provider: "modelarts" });
    const doomed2 = await ma.createWorkspace({ name: "doomed-2" });
    expect((await pollWorkspace(ma, doomed2.id!, (w) => w.status !== "NORMAL")).last).toMatchObject({ status: "CREATE_FAILED" });
    await expect(ma.getWorkspace(fine.id!)).resolves.toMatchObject({ status: "NORMAL", status_info: "" });
  });
});

describe("names", () => {
  it("refuses a name another workspace has (ModelArts.EMULATOR_DUPLICATE_NAME), on update as on create", async () => {
    const ma = client();
    await ma.createWorkspace({ name: "taken" });
    const mine = await ma.createWorkspace({ name: "mine" });
    for (const call of [() => ma.createWorkspace({ name: "taken" }), () => ma.updateWorkspace(mine.id!, { name: "taken" })]) {
      const error = await rejection(call());
      expect(error).not.toBeInstanceOf(NotFoundError);
      expect(error).toMatchObject({ status: 400, code: "ModelArts.EMULATOR_DUPLICATE_NAME", message: expect.stringContaining('"taken"') });
      expectValid(isError, error.body);
    }
    // keeping one's own name is no conflict
    await expect(ma.updateWorkspace(mine.id!, { name: "mine", description: "d" })).resolves.toEqual({ workspace_id: mine.id });
    expect(stored().map((w) => w.name)).toEqual(["taken", "mine"]);
  });

  it("answers an update body the spec forbids with ModelArts.0104 (raw calls: no SDK checks)", async () => {
    const ma = client();
    const ws = await ma.createWorkspace({ name: "valid" });
    const put = (body: unknown) => ma.raw.PUT("/v1/{project_id}/workspaces/{workspace_id}", { params: { path: { ...path(), workspace_id: ws.id as string } }, body: body as never });
    for (const body of [{ name: "default" }, { name: "abc" }, { auth_type: "SHARED" }, { enterprise_project_id: "0" }]) {
      await expect(rejection(put(body))).resolves.toMatchObject({ status: 400, code: "ModelArts.0104" });
    }
    await expect(ma.getWorkspace(ws.id!)).resolves.toMatchObject({ name: "valid", auth_type: "public" });
  });
});

describe("quotas", () => {
  it("are unlimited until set; set within min..max; answered in the documented shapes", async () => {
    const ma = client();
    const ws = await ma.createWorkspace({ name: "quota-ws" });
    const initial = await ma.getWorkspaceQuotas(ws.id!);
    expectValid(isQuotas, initial);
    expect(initial.quotas!.map((q) => q.resource)).toEqual(["exemlProject.gpu_duration", "notebook.gpu_duration", "train.gpu_duration"]);
    for (const q of initial.quotas!) expect(q).toMatchObject({ quota: -1, used_quota: null, min_quota: -1, update_time: ws.create_time, unit_en: "minute" });

    const set = await ma.updateWorkspaceQuotas(ws.id!, { quotas: [{ resource: "exemlProject.gpu_duration", quota: 10, workspace_id: String(ws.id) }] });
    expectValid(isQuotas, set);
    expect(set.quotas).toHaveLength(1);
    expect(set.quotas![0]).toMatchObject({ resource: "exemlProject.gpu_duration", quota: 10, min_quota: -1, max_quota: 60000 });
    expect(set.quotas![0]).not.toHaveProperty("used_quota");
    const after = await ma.getWorkspaceQuotas(ws.id!);
    expect(after.quotas![0]).toMatchObject({ quota: 10, used_quota: 0, update_time: set.quotas![0]!.update_time });
    expect(after.quotas!.slice(1).map((q) => q.quota)).toEqual([-1, -1]);

    // back to unlimited
    await ma.updateWorkspaceQuotas(ws.id!, { quotas: [{ resource: "exemlProject.gpu_duration", quota: -1 }] });
    expect((await ma.getWorkspaceQuotas(ws.id!)).quotas![0]).toMatchObject({ quota: -1, used_quota: null });
  });

  it("refuses an unknown resource and a quota above max_quota with ModelArts.0107, changing nothing", async () => {
    const ma = client();
    const ws = await ma.createWorkspace({ name: "quota-bad" });
    const tooMuch = await rejection(ma.updateWorkspaceQuotas(ws.id!, { quotas: [{ resource: "train.gpu_duration", quota: 5 }, { resource: "exemlProject.gpu_duration", quota: 70000 }] }));
    expect(tooMuch).toMatchObject({ status: 400, code: "ModelArts.0107", message: expect.stringContaining("(quota,70000)") });
    const unknown = await rejection(ma.updateWorkspaceQuotas(ws.id!, { quotas: [{ resource: "gpu.hours", quota: 5 }] }));
    expect(unknown).toMatchObject({ status: 400, code: "ModelArts.0107", message: expect.stringContaining("(resource,gpu.hours)") });
    expect((await ma.getWorkspaceQuotas(ws.id!)).quotas!.map((q) => q.quota)).toEqual([-1, -1, -1]);
  });

  it("belong to one workspace each", async () => {
    const ma = client();
    const one = await ma.createWorkspace({ name: "one-ws" });
    const two = await ma.createWorkspace({ name: "two-ws" });
    await ma.updateWorkspaceQuotas(one.id!, { quotas: [{ resource: "notebook.gpu_duration", quota: 100 }] });
    expect((await ma.getWorkspaceQuotas(two.id!)).quotas![1]).toMatchObject({ quota: -1, used_quota: null });
    expect((await ma.getWorkspaceQuotas(one.id!)).quotas![1]).toMatchObject({ quota: 100, used_quota: 0 });
  });
});
