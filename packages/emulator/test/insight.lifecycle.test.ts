// DataArts Insight's whole workspace lifecycle through @ws/insight against the
// emulator, signed with AK/SK: create, list across pages (the offset counts
// pages), get, find by name, update, delete, then NotFoundError; the documented
// codes for a missing workspace (24150005, HTTP 400), a missing instance
// (24010003, 404), a name in use (24150001) and an invalid name (24150000).
import { createInsightClient, NotFoundError, type Workspace } from "@ws/insight";
import { ApiError } from "@ws/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../src/index.js";

let emu: Emulator;
// Each test has its own emulator: a test that fails or times out leaves nothing for the next.
beforeEach(async () => {
  emu = await startEmulator({ accounts: [{ quota: 250 }], transitionDelayInMs: 0 });
});
afterEach(() => emu.close());

const client = (instanceId = emu.credentials.instanceId) =>
  createInsightClient({
    endpoint: emu.url,
    projectId: emu.credentials.projectId,
    instanceId,
    credentials: { accessKey: emu.credentials.accessKey, secretKey: emu.credentials.secretKey },
    retryDelayInMs: 1,
  });
const stored = () => emu.workspaces()[`insight:${emu.credentials.projectId}/${emu.credentials.instanceId}`] ?? [];
const path = () => ({ project_id: emu.credentials.projectId, instance_id: emu.credentials.instanceId });

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

/** The ApiError a raw call rejects with (raw calls are not validated by the SDK, so the emulator's own checks answer). */
async function rawError(call: Promise<unknown>): Promise<ApiError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe("insight lifecycle against the emulator", () => {
  it("create, list across pages, get, find, update, delete, then NotFoundError", async () => {
    const insight = client();
    const created: Workspace[] = [];
    for (const name of ["team-a", "team-b", "other", "team-c", "team-d"]) {
      created.push(await insight.createWorkspace({ name, eps_id: "0", description: `${name} space`, configs: { works_public: "1" } }));
    }
    expect(created.map((w) => w.id)).toEqual(stored().map((w) => w.id));
    for (const w of created) expect(w.id).toMatch(/^[0-9a-f]{32}$/);

    // two a page: offset 0, 1, 2 are pages, and the third (short) one ends the listing
    const before = emu.requests("insight");
    const pages = await collect(insight.listWorkspaces({ limit: 2 }).byPage());
    expect(pages.map((p) => p.map((w) => w.name))).toEqual([["team-a", "team-b"], ["other", "team-c"], ["team-d"]]);
    expect(emu.requests("insight") - before).toBe(3);
    expect(pages.flat()).toEqual(created);

    // the name filter is fuzzy (and case-insensitive)
    expect((await collect(insight.listWorkspaces({ name: "TEAM" }))).map((w) => w.name)).toEqual(["team-a", "team-b", "team-c", "team-d"]);

    const target = created[3]!;
    await expect(insight.getWorkspace(target.id!)).resolves.toEqual(target);
    await expect(insight.findWorkspaceByName("team-c")).resolves.toEqual(target);
    await expect(insight.findWorkspaceByName("team")).resolves.toBeUndefined();

    await expect(insight.updateWorkspace(target.id!, { name: "team-c2", eps_id: "0", configs: { works_public: "0" } })).resolves.toEqual({ id: target.id });
    const updated = await insight.getWorkspace(target.id!);
    // PUT replaces what it is given; the description it did not send stays
    expect(updated).toMatchObject({ id: target.id, name: "team-c2", description: "team-c space", configs: { works_public: "0" }, create_time: target.create_time });
    expect(updated.update_time).toBeGreaterThanOrEqual(target.update_time!);
    await expect(insight.findWorkspaceByName("team-c")).resolves.toBeUndefined();
    await expect(insight.findWorkspaceByName("team-c2")).resolves.toEqual(updated);

    await expect(insight.deleteWorkspace(target.id!)).resolves.toBeUndefined();
    expect(stored().map((w) => w.id)).toEqual(created.filter((w) => w !== target).map((w) => w.id));

    const gone = await insight.getWorkspace(target.id!).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(NotFoundError);
    expect(gone).toMatchObject({ status: 404, operation: "getWorkspace" });
    for (const call of [() => insight.updateWorkspace(target.id!, { name: "x", eps_id: "0" }), () => insight.deleteWorkspace(target.id!)]) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error).toMatchObject({ status: 400, code: "DataArtsInsight.24150005", requestId: expect.stringMatching(/^[0-9a-f]{32}$/) });
    }
    expect(stored()).toHaveLength(4);
  });

  it("lists more than one default page (100): every workspace once, in three requests", async () => {
    const insight = client();
    await createAll(Array.from({ length: 230 }, (_, i) => `ws-${i}`), (name) => insight.createWorkspace({ name, eps_id: "0" }));
    const before = emu.requests("insight");
    const names = (await collect(insight.listWorkspaces())).map((w) => w.name);
    expect(names).toEqual(stored().map((w) => w.name)); // in the service's order, each once
    expect(new Set(names)).toEqual(new Set(Array.from({ length: 230 }, (_, i) => `ws-${i}`)));
    expect(emu.requests("insight") - before).toBe(3);
    await expect(insight.getWorkspace(String(stored()[229]!.id))).resolves.toMatchObject({ name: stored()[229]!.name });
  }, HEAVY);

  it("the offset counts pages and the limit defaults to 10, as the spec's x-paging says", async () => {
    const insight = client();
    for (let i = 0; i < 12; i++) await insight.createWorkspace({ name: `p-${i}`, eps_id: "0" });
    const get = (query: { offset?: number; limit?: number }) =>
      insight.raw.GET("/v1/{project_id}/instances/{instance_id}/workspaces", { params: { path: path(), query } });
    const page1 = (await get({ offset: 1, limit: 5 })).data!;
    expect(page1.count).toBe(12);
    expect(page1.page_data!.map((w) => w.name)).toEqual(["p-5", "p-6", "p-7", "p-8", "p-9"]);
    expect((await get({})).data!.page_data).toHaveLength(10);
    expect((await get({ offset: 1 })).data!.page_data!.map((w) => w.name)).toEqual(["p-10", "p-11"]);
    expect((await get({ offset: 3, limit: 5 })).data).toEqual({ count: 12, page_data: [] });
  });

  it("refuses a name another workspace has (24150001), on update as on create", async () => {
    const insight = client();
    await insight.createWorkspace({ name: "taken", eps_id: "0" });
    const mine = await insight.createWorkspace({ name: "mine", eps_id: "0" });
    const error = await insight.updateWorkspace(mine.id!, { name: "taken", eps_id: "0" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).not.toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 400, code: "DataArtsInsight.24150001" });
    // keeping one's own name is no conflict
    await expect(insight.updateWorkspace(mine.id!, { name: "mine", eps_id: "0", description: "d" })).resolves.toEqual({ id: mine.id });
    expect(stored().map((w) => w.name)).toEqual(["taken", "mine"]);
  });

  it("an unknown instance is 24010003 (404) on every operation: NotFoundError", async () => {
    const insight = client("0000000000000000000000000000dead");
    for (const call of [
      () => collect(insight.listWorkspaces()),
      () => insight.getWorkspace("x"),
      () => insight.updateWorkspace("x", { name: "n", eps_id: "0" }),
      () => insight.deleteWorkspace("x"),
    ]) {
      await expect(call()).rejects.toMatchObject({ name: "NotFoundError", status: 404, code: "DataArtsInsight.24010003" });
    }
  });

  it("answers invalid names with 24150000 and other invalid input with its own code (raw calls: no SDK checks)", async () => {
    const insight = client();
    const ws = await insight.createWorkspace({ name: "ok", eps_id: "0" });
    const put = (body: unknown) =>
      insight.raw.PUT("/v1/{project_id}/instances/{instance_id}/workspaces/{workspace_id}", { params: { path: { ...path(), workspace_id: ws.id! } }, body: body as never });

    const tooLong = await rawError(put({ name: "n".repeat(1025), eps_id: "0" }));
    expect(tooLong).toMatchObject({ status: 400, code: "DataArtsInsight.24150000" });
    expect(tooLong.message).toMatch(/Invalid workspace name.*name must NOT have more than 1024 characters/);
    await expect(rawError(put({ name: 5, eps_id: "0" }))).resolves.toMatchObject({ code: "DataArtsInsight.24150000", message: expect.stringMatching(/name must be string/) });
    await expect(rawError(put({ name: "x" }))).resolves.toMatchObject({ status: 400, code: "DataArtsInsight.EMULATOR_INVALID_PARAMETER", message: expect.stringMatching(/eps_id/) });
    await expect(rawError(put({ name: "x", eps_id: "0", epsId: "0" }))).resolves.toMatchObject({ code: "DataArtsInsight.EMULATOR_INVALID_PARAMETER" });
    // the documented range is [0, 1024] with no character rule: these are accepted, as by the SDK
    await expect(insight.updateWorkspace(ws.id!, { name: "Test name ".repeat(102) + "name", eps_id: "0" })).resolves.toEqual({ id: ws.id });
    await expect(insight.createWorkspace({ name: "", eps_id: "0" })).resolves.toMatchObject({ name: "" });
    expect(stored()).toHaveLength(2);
  });
});
