// Every operation of every provider, through the built bin against the emulator, as a
// shell script would run them.
import { startEmulator, type Emulator } from "@ws/emulator";
import { createFabricClient } from "@ws/fabric";
import { createInsightClient } from "@ws/insight";
import { createModelArtsClient } from "@ws/modelarts";
import { createResClient } from "@ws/res";
import { createTrueWatchClient } from "@ws/truewatch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../src/commands.js";
import { emulatorEnv, expectNoSecrets, ws, wsJson, type Env } from "./helpers.js";

let emulator: Emulator;
let env: Env;
beforeAll(async () => {
  emulator = await startEmulator();
  env = await emulatorEnv(emulator);
});
afterAll(async () => {
  const a = emulator.credentials;
  expectNoSecrets([a.secretKey, a.accessKey, a.apiKey, a.password]);
  await emulator.close();
});

describe("every wrapped method has a command", () => {
  it("for each provider, the client's methods are exactly the CLI's operations", () => {
    const c = { accessKey: "AKAKAKAKAK", secretKey: "SKSKSKSKSK" };
    const clients = {
      res: createResClient({ endpoint: "http://127.0.0.1:1", projectId: "p", credentials: c }),
      insight: createInsightClient({ endpoint: "http://127.0.0.1:1", projectId: "p", instanceId: "i", credentials: c }),
      modelarts: createModelArtsClient({ endpoint: "http://127.0.0.1:1", projectId: "p", credentials: c }),
      fabric: createFabricClient({ endpoint: "http://127.0.0.1:1", credentials: c }),
      truewatch: createTrueWatchClient({ endpoint: "http://127.0.0.1:1", apiKey: "k-0123456789" }),
    };
    for (const [provider, client] of Object.entries(clients)) {
      const methods = Object.entries(client)
        .filter(([name, value]) => typeof value === "function" && name !== "raw")
        .map(([name]) => name)
        .sort();
      const commands = COMMANDS[provider as keyof typeof COMMANDS].map((d) => d.method).sort();
      expect(commands, provider).toEqual(methods);
    }
  });
});

describe("res", () => {
  it("create, find, list, get, update, ensure, list enterprise projects, delete", async () => {
    const created = await wsJson(["res", "create-workspace", "--name", "recsys-a", "--enterprise-project-id", "0", "--description", "ranking"], env);
    expect(created).toMatchObject({ is_success: true });
    const found = await wsJson(["res", "find-workspace", "--name", "recsys-a"], env);
    expect(found).toMatchObject({ name: "recsys-a", description: "ranking" });
    const list = await wsJson(["res", "list-workspaces"], env);
    expect(list.map((w: { name: string }) => w.name)).toContain("recsys-a");
    expect(await wsJson(["res", "get-workspace", "--workspace-id", found.id], env)).toMatchObject({ id: found.id, name: "recsys-a" });
    await wsJson(["res", "update-workspace", "--workspace-id", found.id, "--description", "ranking v2"], env);
    expect(await wsJson(["res", "get-workspace", "--workspace-id", found.id, "--query", "description"], env)).toBe("ranking v2");
    const ensured = await wsJson(["res", "ensure-workspace", "--name", "recsys-a", "--enterprise-project-id", "0"], env);
    expect(ensured).toMatchObject({ created: false, workspace: { id: found.id } });
    const projects = await wsJson(["res", "list-enterprise-projects"], env);
    expect(Array.isArray(projects)).toBe(true);
    expect((await ws(["res", "delete-workspace", "--workspace-id", found.id], env)).code).toBe(0);
    expect(await wsJson(["res", "find-workspace", "--name", "recsys-a"], env)).toBeNull();
  });
});

describe("insight", () => {
  it("create, list, get, update, find, ensure, delete", async () => {
    const created = await wsJson(["insight", "create-workspace", "--name", "sales", "--eps-id", "0", "--configs", '{"default_dataset_permission":"0"}'], env);
    expect(created).toMatchObject({ name: "sales", eps_id: "0" });
    expect((await wsJson(["insight", "list-workspaces", "--name", "sales"], env)).map((w: { id: string }) => w.id)).toContain(created.id);
    expect(await wsJson(["insight", "get-workspace", "--workspace-id", created.id], env)).toMatchObject({ id: created.id, name: "sales" });
    await wsJson(["insight", "update-workspace", "--workspace-id", created.id, "--name", "sales-eu", "--eps-id", "0"], env);
    expect(await wsJson(["insight", "find-workspace", "--name", "sales-eu"], env)).toMatchObject({ id: created.id });
    const ensured = await wsJson(["insight", "ensure-workspace", "--name", "marketing", "--eps-id", "0"], env);
    expect(ensured).toMatchObject({ created: true, workspace: { name: "marketing" } });
    const deleted = await ws(["insight", "delete-workspace", "--workspace-id", created.id], env);
    expect(deleted).toMatchObject({ code: 0, stdout: "", stderr: "" }); // the call answers nothing: nothing is printed
    expect((await ws(["insight", "get-workspace", "--workspace-id", created.id], env)).code).toBe(1);
  });
});

describe("modelarts", () => {
  it("create, list, get, update, find, ensure, quotas, delete and wait for it", async () => {
    const created = await wsJson(["modelarts", "create-workspace", "--name", "team-a", "--auth-type", "PRIVATE"], env);
    expect(created).toMatchObject({ name: "team-a", auth_type: "private", status: "NORMAL" });
    const names = await wsJson(["modelarts", "list-workspaces", "--sort-by", "name", "--order", "asc", "--query", "[].name"], env);
    expect(names).toContain("team-a");
    expect(await wsJson(["modelarts", "get-workspace", "--workspace-id", created.id], env)).toMatchObject({ id: created.id });
    expect(await wsJson(["modelarts", "update-workspace", "--workspace-id", created.id, "--description", "ML team A"], env)).toEqual({ workspace_id: created.id });
    expect(await wsJson(["modelarts", "find-workspace", "--name", "team-a", "--query", "description"], env)).toBe("ML team A");
    expect(await wsJson(["modelarts", "ensure-workspace", "--name", "team-a"], env)).toMatchObject({ created: false, workspace: { id: created.id } });
    expect(await wsJson(["modelarts", "wait-workspace-ready", "--workspace-id", created.id], env)).toMatchObject({ id: created.id, status: "NORMAL" });
    const quotas = await wsJson(["modelarts", "get-workspace-quotas", "--workspace-id", created.id], env);
    expect(quotas.quotas.length).toBeGreaterThan(0);
    const { resource, min_quota: min } = quotas.quotas[0];
    const target = Math.max(min ?? 1, 1);
    const updated = await wsJson(["modelarts", "update-workspace-quotas", "--workspace-id", created.id, "--quotas", JSON.stringify([{ resource, quota: target }])], env);
    expect(updated.quotas).toEqual(expect.arrayContaining([expect.objectContaining({ resource, quota: target })]));
    expect(await wsJson(["modelarts", "delete-workspace", "--workspace-id", created.id], env)).toEqual({ workspace_id: created.id });
    const gone = await wsJson(["modelarts", "wait-workspace-deleted", "--workspace-id", created.id, "--poll-delay", "100ms"], env);
    expect(gone).toEqual({ deleted: true, workspace_id: created.id });
  });
});

describe("fabric", () => {
  it("create (with tags as JSON), list, get, update, find, ensure, delete", async () => {
    const created = await wsJson(["fabric", "create-workspace", "--name", "lake-01", "--tags", '[{"key":"team","value":"data"}]'], env);
    expect(created).toMatchObject({ name: "lake-01", tags: [{ key: "team", value: "data" }] });
    expect((await wsJson(["fabric", "list-workspaces", "--query", "[].id"], env))).toContain(created.id);
    expect(await wsJson(["fabric", "get-workspace", "--workspace-id", created.id], env)).toMatchObject({ id: created.id });
    expect(await wsJson(["fabric", "update-workspace", "--workspace-id", created.id, "--description", "raw zone"], env)).toMatchObject({ description: "raw zone" });
    expect(await wsJson(["fabric", "find-workspace", "--name", "lake-01", "--query", "id"], env)).toBe(created.id);
    expect(await wsJson(["fabric", "ensure-workspace", "--name", "lake-02"], env)).toMatchObject({ created: true });
    expect((await ws(["fabric", "delete-workspace", "--workspace-id", created.id], env)).code).toBe(0);
    expect(await wsJson(["fabric", "find-workspace", "--name", "lake-01"], env)).toBeNull();
  });
});

describe("truewatch", () => {
  it("create (with an API key), get and update the key's own workspace", async () => {
    const created = await wsJson(["truewatch", "create-workspace", "--name", "staging", "--need-create-ak", "--ak-name", "ci"], env);
    expect(created).toMatchObject({ wsInfo: { name: "staging" }, akInfo: { name: "ci" } });
    const mine = await wsJson(["truewatch", "get-workspace"], env);
    expect(mine).toHaveProperty("uuid");
    const updated = await wsJson(["truewatch", "update-workspace", "--desc", "staging, EU"], env);
    expect(updated).toMatchObject({ desc: "staging, EU" });
    expect(await wsJson(["truewatch", "get-workspace", "--query", "desc"], env)).toBe("staging, EU");
  });
});
