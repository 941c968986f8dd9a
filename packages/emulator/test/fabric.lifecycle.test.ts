// DataArts Fabric's whole workspace lifecycle through @ws/fabric against the
// emulator, signed with AK/SK (the project in X-Project-Id): create, list across
// pages (the offset counts records, `total` ends the walk), get (the list's id
// filter), find by name, update, delete, then NotFoundError; the documented code
// for a missing workspace (dataartsfabric.00010003, HTTP 400), the emulator's
// duplicate-name code, and the delete's empty 200 answer.
import { ApiError } from "@ws/core";
import { createFabricClient, NotFoundError, type Workspace } from "@ws/fabric";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../src/index.js";

let emu: Emulator;
// Each test has its own emulator: a test that fails or times out leaves nothing for the next.
beforeEach(async () => {
  emu = await startEmulator({ accounts: [{}, {}], transitionDelayInMs: 0 });
});
afterEach(() => emu.close());

const client = () =>
  createFabricClient({
    endpoint: emu.url,
    projectId: emu.credentials.projectId,
    credentials: { accessKey: emu.credentials.accessKey, secretKey: emu.credentials.secretKey },
    retryDelayInMs: 1,
  });
const stored = () => emu.workspaces()[`fabric:${emu.credentials.projectId}`] ?? [];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function collect<T>(iterator: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterator) out.push(item);
  return out;
}

async function rejection(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => undefined,
    (e: unknown) => e,
  );
}

async function createFive(): Promise<Workspace[]> {
  const fabric = client();
  const created: Workspace[] = [];
  for (const [name, eps] of [["lake-a", "0"], ["lake-b", "0"], ["other", "eps-1"], ["lake-c", "0"], ["lake-d", "eps-1"]] as const) {
    created.push(await fabric.createWorkspace({ name, description: `${name} space`, enterprise_project_id: eps }));
  }
  return created;
}

describe("fabric lifecycle against the emulator", () => {
  it("create, list across pages, get, find, update, delete, then NotFoundError", async () => {
    const fabric = client();
    const created = await createFive();
    expect(created.map((w) => w.id)).toEqual(stored().map((w) => w.id));
    for (const w of created) {
      expect(w.id).toMatch(UUID);
      expect(w.create_time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+00:00$/);
      expect(w).toMatchObject({ create_domain_name: emu.credentials.domainName, create_user_name: emu.credentials.username });
    }

    // two a page: offsets 0, 2, 4 count records; the short third page reaches the total
    const before = emu.requests("fabric");
    const pages = await collect(fabric.listWorkspaces({ limit: 2 }).byPage());
    expect(pages.map((p) => p.map((w) => w.name))).toEqual([["lake-a", "lake-b"], ["other", "lake-c"], ["lake-d"]]);
    expect(emu.requests("fabric") - before).toBe(3);
    expect(pages.flat()).toEqual(created);
    // from record 3 on
    expect((await collect(fabric.listWorkspaces({ offset: 3, limit: 2 }))).map((w) => w.name)).toEqual(["lake-c", "lake-d"]);

    // name is fuzzy (case-insensitive), id exact, enterprise_project_id exact unless all_granted_eps
    expect((await collect(fabric.listWorkspaces({ name: "LAKE" }))).map((w) => w.name)).toEqual(["lake-a", "lake-b", "lake-c", "lake-d"]);
    expect((await collect(fabric.listWorkspaces({ id: created[2]!.id! }))).map((w) => w.name)).toEqual(["other"]);
    expect((await collect(fabric.listWorkspaces({ enterprise_project_id: "eps-1" }))).map((w) => w.name)).toEqual(["other", "lake-d"]);
    expect((await collect(fabric.listWorkspaces({ enterprise_project_id: "all_granted_eps" }))).map((w) => w.name)).toHaveLength(5);

    const target = created[3]!;
    await expect(fabric.getWorkspace(target.id!)).resolves.toEqual(target);
    await expect(fabric.findWorkspaceByName("lake-c")).resolves.toEqual(target);
    await expect(fabric.findWorkspaceByName("lake")).resolves.toBeUndefined();

    // fields left out keep their value
    const updated = await fabric.updateWorkspace(target.id!, { name: "lake-c2", enterprise_project_id: "eps-1" });
    expect(updated).toEqual({ ...target, name: "lake-c2", enterprise_project_id: "eps-1" });
    await expect(fabric.getWorkspace(target.id!)).resolves.toEqual(updated);
    await expect(fabric.findWorkspaceByName("lake-c")).resolves.toBeUndefined();
    await expect(fabric.findWorkspaceByName("lake-c2")).resolves.toEqual(updated);
    expect((await collect(fabric.listWorkspaces({ enterprise_project_id: "eps-1" }))).map((w) => w.name)).toEqual(["other", "lake-c2", "lake-d"]);

    await expect(fabric.deleteWorkspace(target.id!)).resolves.toBeUndefined();
    expect(stored().map((w) => w.id)).toEqual(created.filter((w) => w !== target).map((w) => w.id));
    const gone = await rejection(fabric.getWorkspace(target.id!));
    expect(gone).toBeInstanceOf(NotFoundError);
    expect((gone as Error).message).toMatch(/does not exist/);
    await expect(fabric.findWorkspaceByName("lake-c2")).resolves.toBeUndefined();

    for (const call of [() => fabric.updateWorkspace(target.id!, { description: "x" }), () => fabric.deleteWorkspace(target.id!)]) {
      const error = await rejection(call());
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error).toMatchObject({ status: 400, code: "dataartsfabric.00010003", requestId: expect.stringMatching(/^[0-9a-f]{32}$/) });
      expect((error as Error).message).toMatch(/Workspace does not exist\./);
    }
    expect(stored()).toHaveLength(4);
  });

  it("walks 100 a page when the caller gives no limit, and the emulator's default page is 10", async () => {
    const fabric = client();
    for (let i = 0; i < 12; i++) await fabric.createWorkspace({ name: `lake-${String(i).padStart(2, "0")}` });
    const before = emu.requests("fabric");
    await expect(collect(fabric.listWorkspaces())).resolves.toHaveLength(12);
    expect(emu.requests("fabric") - before).toBe(1);

    const { data } = await fabric.raw.GET("/v1/workspaces", {});
    expect(data!.total).toBe(12);
    expect(data!.workspaces!.map((w) => w.name)).toEqual(stored().slice(0, 10).map((w) => w.name));
    const tail = await fabric.raw.GET("/v1/workspaces", { params: { query: { offset: 10 } } });
    expect(tail.data).toEqual({ total: 12, workspaces: stored().slice(10) });
  });

  it("an update to a name in use is refused with the emulator's duplicate-name code; the workspace's own name is fine", async () => {
    const fabric = client();
    const [a, b] = await createFive();
    const error = await rejection(fabric.updateWorkspace(b!.id!, { name: a!.name! }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).not.toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 400, code: "dataartsfabric.EMULATOR_DUPLICATE_NAME", body: { error_code: "dataartsfabric.EMULATOR_DUPLICATE_NAME", solution_msg: "Use another name." } });
    await expect(fabric.updateWorkspace(b!.id!, { name: b!.name!, description: "same name" })).resolves.toMatchObject({ name: "lake-b", description: "same name" });
  });

  it("delete answers 200 with an empty body and an X-request-id header", async () => {
    const fabric = client();
    const [a] = await createFive();
    const result = await fabric.raw.DELETE("/v1/workspaces/{workspace_id}", { params: { path: { workspace_id: a!.id! } }, parseAs: "text" });
    expect(result.response.status).toBe(200);
    expect(result.data).toBe("");
    expect(result.response.headers.get("x-request-id")).toMatch(/^[0-9a-f]{32}$/);
  });

  it("a missing workspace answers in Fabric's error shape", async () => {
    const fabric = client();
    const error = (await rejection(
      fabric.raw.PUT("/v1/workspaces/{workspace_id}", { params: { path: { workspace_id: "no-such-workspace" } }, body: { description: "x" } }),
    )) as ApiError;
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.body).toEqual({ error_code: "dataartsfabric.00010003", error_msg: "Workspace does not exist." });
  });

  it("checks list queries and update bodies against the spec (raw calls, which the SDK does not check)", async () => {
    const fabric = client();
    const [a] = await createFive();
    for (const call of [
      () => fabric.raw.GET("/v1/workspaces", { params: { query: { limit: 101 } } }),
      () => fabric.raw.GET("/v1/workspaces", { params: { query: { name: "ab" } } }),
      () => fabric.raw.PUT("/v1/workspaces/{workspace_id}", { params: { path: { workspace_id: a!.id! } }, body: { tags: [] } as never }),
      () => fabric.raw.DELETE("/v1/workspaces/{workspace_id}", { params: { path: { workspace_id: "x".repeat(37) } } }),
    ]) {
      const error = (await rejection(call())) as ApiError;
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ status: 400, code: "common.01000001" });
      expect(error.message).toMatch(/failed to read http request/);
    }
    expect(stored()).toHaveLength(5);
  });

  it("another account's project does not see the workspaces", async () => {
    const [a] = await createFive();
    const second = emu.accounts[1]!;
    const other = createFabricClient({ endpoint: emu.url, projectId: second.projectId, credentials: { accessKey: second.accessKey, secretKey: second.secretKey } });
    await expect(collect(other.listWorkspaces())).resolves.toEqual([]);
    await expect(other.getWorkspace(a!.id!)).rejects.toBeInstanceOf(NotFoundError);
    await expect(other.deleteWorkspace(a!.id!)).rejects.toMatchObject({ name: "NotFoundError", code: "dataartsfabric.00010003" });
    expect(stored()).toHaveLength(5);
  });
});
