// TrueWatch's workspace lifecycle through @ws/truewatch against the emulator, with
// DF-API-KEY: the account key's own workspace (made on first use), create with a
// minted key, get and modify through that key, answers checked against the spec's
// envelope schema, the update rules refused by the emulator's own validator, a key
// whose workspace is gone (403 ft.InvalidAPIKey), and modify retried after a
// processed-then-failed answer (it is idempotent) where create is not.
import { ApiError } from "@ws/core";
import { truewatchUpdateRules } from "@ws/testkit";
import { createTrueWatchClient, NotFoundError, type Workspace } from "@ws/truewatch";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { specs } from "../src/generated/specs.js";
import { startEmulator, type Emulator } from "../src/index.js";

let emu: Emulator;
// Each test has its own emulator: a test that fails or times out leaves nothing for the next.
beforeEach(async () => {
  emu = await startEmulator({ transitionDelayInMs: 0 });
});
afterEach(() => emu.close());

const client = (apiKey = emu.credentials.apiKey) => createTrueWatchClient({ endpoint: emu.url, apiKey, retryDelayInMs: 1 });
const stored = () => emu.workspaces()[`truewatch:${emu.credentials.apiKey}`] ?? [];
const homeUuid = () => `wksp_${emu.credentials.domainId}`;

const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema(specs.truewatch, "spec:truewatch");
const envelopeSchema = (name: string) => ajv.compile({ $ref: `spec:truewatch#/components/schemas/${name}` });
const isWorkspaceEnvelope = envelopeSchema("WorkspaceEnvelope");
const isErrorEnvelope = envelopeSchema("ErrorEnvelope");

function expectValid(check: ReturnType<typeof envelopeSchema>, body: unknown): void {
  expect(check(body), JSON.stringify(check.errors)).toBe(true);
}

async function rejection(call: Promise<unknown>): Promise<ApiError> {
  return (await call.then(
    () => undefined,
    (e: unknown) => e,
  )) as ApiError;
}

describe("the account key's own workspace", () => {
  it("is made on first get, first in the account's list, with the documented fields and the envelope of the spec", async () => {
    const { data, response } = await client().raw.GET("/api/v1/workspace/get");
    expect(response.status).toBe(200);
    expectValid(isWorkspaceEnvelope, data);
    expect(data).toMatchObject({ code: 200, errorCode: "", message: "", success: true, traceId: expect.stringMatching(/^TRACE-[0-9A-F]{32}$/) });
    const ws = data!.content!;
    expect(ws).toMatchObject({
      uuid: homeUuid(),
      name: "emulator-user's workspace",
      desc: "",
      creator: `acnt_${emu.credentials.domainId}`,
      status: 0,
      isLocked: 0,
      lockAt: -1,
      deleteAt: -1,
      versionType: "pay",
      billingState: "normal",
    });
    expect(ws.createAt).toBe(ws.updateAt);
    expect(Number.isInteger(ws.createAt)).toBe(true);
    expect(ws.durationSet).toEqual({ apm: "7d", backup_log: "180d", keyevent: "14d", logging: "14d", network: "2d", rp: "30d" });
    expect(stored()).toEqual([ws]);
  });

  it("is the same workspace on every call, and stays first after creates", async () => {
    const created = await client().createWorkspace({ name: "created-first" });
    const first = await client().getWorkspace();
    const again = await client().getWorkspace();
    expect(again).toEqual(first);
    expect(first.uuid).toBe(homeUuid());
    expect(stored().map((w) => w.uuid)).toEqual([homeUuid(), created.wsInfo!.uuid]);
  });

  it("is what modify with the account key changes (not a created workspace)", async () => {
    const created = await client().createWorkspace({ name: "other", desc: "kept" });
    const renamed = await client().updateWorkspace({ name: "home-renamed", desc: "the account's own" });
    expect(renamed).toMatchObject({ uuid: homeUuid(), name: "home-renamed", desc: "the account's own", updator: emu.credentials.apiKey });
    expect(stored().find((w) => w.uuid === created.wsInfo!.uuid)).toMatchObject({ name: "other", desc: "kept" });
  });
});

describe("create, then get and modify through the minted key", () => {
  it("walks the lifecycle: create, get, update (whole and partial), get again", async () => {
    // create
    const { wsInfo, akInfo, ownerInfo } = await client().createWorkspace({ name: "staging", desc: "ci", needCreateAk: true, akName: "ci" });
    expect(wsInfo).toMatchObject({ uuid: expect.stringMatching(/^wksp_[0-9a-f]{32}$/), name: "staging", desc: "ci", creator: emu.credentials.apiKey });
    expect(akInfo).toMatchObject({ keyId: expect.stringMatching(/^wsak_[0-9a-f]{32}$/), name: "ci" });
    expect(ownerInfo?.accountUUID).toBe(`acnt_${emu.credentials.domainId}`);
    const staging = client(akInfo!.keyId!);

    // get: the minted key's workspace is the new one, as created
    const got = await staging.getWorkspace();
    expect(got).toEqual(wsInfo);

    // update: both fields; updateAt moves forward in seconds (with a fraction), updator is the key
    const updated = await staging.updateWorkspace({ name: "staging-eu", desc: "CI runs here" });
    expect(updated).toMatchObject({ uuid: wsInfo!.uuid, name: "staging-eu", desc: "CI runs here", createAt: wsInfo!.createAt, updator: akInfo!.keyId });
    expect(updated.updateAt).toBeGreaterThanOrEqual(wsInfo!.updateAt!);
    expect(updated.updateAt).toBeLessThan(wsInfo!.updateAt! + 60);

    // update: one field left out is not changed
    const partial = await staging.updateWorkspace({ desc: "" });
    expect(partial).toMatchObject({ name: "staging-eu", desc: "" });

    // get again, and the emulator's state
    const again: Workspace = await staging.getWorkspace();
    expect(again).toEqual(partial);
    expect(stored().find((w) => w.uuid === wsInfo!.uuid)).toEqual(partial);
    // the account key still reads its own workspace, untouched
    expect((await client().getWorkspace()).uuid).toBe(homeUuid());
    expect(stored()).toHaveLength(2);
  });

  it("a workspace created with a minted key gets that key as creator, and its own minted key reads it", async () => {
    const parent = await client().createWorkspace({ name: "parent", needCreateAk: true });
    const child = await client(parent.akInfo!.keyId!).createWorkspace({ name: "child", needCreateAk: true });
    expect(child.wsInfo).toMatchObject({ name: "child", creator: parent.akInfo!.keyId });
    expect((await client(child.akInfo!.keyId!).getWorkspace()).name).toBe("child");
    expect((await client(parent.akInfo!.keyId!).getWorkspace()).name).toBe("parent");
    expect(stored()).toHaveLength(2);
  });

  it("modify's answer has the spec's envelope shape", async () => {
    const { akInfo } = await client().createWorkspace({ name: "shape", needCreateAk: true });
    const { data, response } = await client(akInfo!.keyId!).raw.POST("/api/v1/workspace/modify", { body: { name: "shape-2" } });
    expect(response.status).toBe(200);
    expectValid(isWorkspaceEnvelope, data);
    expect(data!.content).toMatchObject({ name: "shape-2" });
  });
});

describe("failures", () => {
  it("a minted key whose workspace is gone (after a reset) is an invalid key: 403 ft.InvalidAPIKey", async () => {
    const { akInfo } = await client().createWorkspace({ name: "gone", needCreateAk: true });
    emu.reset();
    for (const call of [client(akInfo!.keyId!).getWorkspace(), client(akInfo!.keyId!).updateWorkspace({ name: "x" })]) {
      const error = await rejection(call);
      expect(error).toBeInstanceOf(ApiError);
      expect(error).not.toBeInstanceOf(NotFoundError);
      expect(error).toMatchObject({ status: 403, code: "ft.InvalidAPIKey", requestId: expect.stringMatching(/^TRACE-/), attempts: 1 });
      expectValid(isErrorEnvelope, error.body);
    }
    expect(stored()).toEqual([]);
  });

  it("an unknown key: 403 ft.InvalidAPIKey, and nothing is made", async () => {
    const error = await rejection(client("wsak_not-a-key-0000").getWorkspace());
    expect(error).toMatchObject({ status: 403, code: "ft.InvalidAPIKey" });
    expect(emu.workspaces()).toEqual({});
  });

  it("there is no list or delete route: RouterNotFound", async () => {
    const raw = client().raw as unknown as { GET(path: string): Promise<unknown>; POST(path: string, init: object): Promise<unknown> };
    for (const call of [raw.GET("/api/v1/workspace/list"), raw.POST("/api/v1/workspace/delete", { body: {} })]) {
      expect(await rejection(call)).toMatchObject({ status: 400, code: "RouterNotFound" });
    }
  });

  describe("the emulator refuses what the update rules refuse, and accepts what they accept", () => {
    it.each(truewatchUpdateRules)("$field $rule", async ({ refused, accepted, field }) => {
      const raw = client().raw;
      const error = await rejection(raw.POST("/api/v1/workspace/modify", { body: refused as never }));
      expect(error).toMatchObject({ status: 400, code: "ft.EMULATOR_INVALID_PARAMETER" });
      expect(error.message).toContain(field);
      const { response } = await raw.POST("/api/v1/workspace/modify", { body: accepted as never });
      expect(response.status).toBe(200);
    });
  });
});

describe("retries against injected faults", () => {
  it("modify processed, then answered 500: sent again (idempotent), same result, one workspace", async () => {
    const { akInfo, wsInfo } = await client().createWorkspace({ name: "retry", needCreateAk: true });
    const before = emu.requests("truewatch");
    emu.inject({ kind: "error", provider: "truewatch" });
    const ws = await client(akInfo!.keyId!).updateWorkspace({ name: "retry-2" });
    expect(ws).toMatchObject({ uuid: wsInfo!.uuid, name: "retry-2" });
    expect(emu.requests("truewatch") - before).toBe(2);
    expect(stored()).toHaveLength(1);
  });

  it("create processed, then answered 500: not sent again, outcomeUnknown", async () => {
    emu.inject({ kind: "error", provider: "truewatch" });
    const error = await rejection(client().createWorkspace({ name: "once" }));
    expect(error).toMatchObject({ status: 500, outcomeUnknown: true, attempts: 1 });
    expect(emu.requests("truewatch")).toBe(1);
    expect(stored().map((w) => w.name)).toEqual(["once"]);
  });

  it("get and modify absorb a rate limit (401 ft.TriggerApiAkCurrentLimiting) and a 503", async () => {
    emu.inject([
      { kind: "throttle", retryAfter: 0, provider: "truewatch" },
      { kind: "unavailable", provider: "truewatch" },
    ]);
    expect((await client().getWorkspace()).uuid).toBe(homeUuid());
    emu.inject([
      { kind: "throttle", retryAfter: 0, provider: "truewatch" },
      { kind: "unavailable", provider: "truewatch" },
    ]);
    expect((await client().updateWorkspace({ name: "steady" })).name).toBe("steady");
    expect(emu.requests("truewatch")).toBe(6);
  });
});
