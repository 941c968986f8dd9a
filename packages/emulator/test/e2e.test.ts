// The five packages against the emulator as a whole service: the documents'
// example requests, AK/SK and IAM credentials, and the reliability rules under
// injected faults (throttled and unavailable answers are retried; a create that
// may have been processed is not, and can be found again by name).
import { createFabricClient } from "@ws/fabric";
import { createInsightClient } from "@ws/insight";
import { createModelArtsClient } from "@ws/modelarts";
import { createResClient } from "@ws/res";
import { requestExample } from "@ws/testkit";
import { createTrueWatchClient } from "@ws/truewatch";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../src/index.js";

let emu: Emulator;
// Each test has its own emulator: a test that fails or times out leaves nothing for the next.
beforeEach(async () => {
  emu = await startEmulator();
});
afterEach(() => emu.close());

type Credentials = "aksk" | "iam";
const fast = { retryDelayInMs: 1 };

/** Per provider: create with a given name, and look a name up again (undefined: the API has no lookup). */
function providers(credentials: Credentials) {
  const a = emu.credentials;
  const huawei =
    credentials === "aksk"
      ? { accessKey: a.accessKey, secretKey: a.secretKey }
      : { iam: { username: a.username, password: a.password, domainName: a.domainName, endpoint: emu.url } };
  const res = createResClient({ endpoint: emu.url, projectId: a.projectId, credentials: huawei, ...fast });
  const insight = createInsightClient({ endpoint: emu.url, projectId: a.projectId, instanceId: a.instanceId, credentials: huawei, ...fast });
  const modelarts = createModelArtsClient({ endpoint: emu.url, projectId: a.projectId, credentials: huawei, ...fast });
  const fabric = createFabricClient({ endpoint: emu.url, projectId: a.projectId, credentials: huawei, ...fast });
  const truewatch = createTrueWatchClient({ endpoint: emu.url, apiKey: a.apiKey, ...fast });
  const path = { params: { path: { project_id: a.projectId } } };
  return {
    res: {
      example: () => res.createWorkspace(requestExample("res", "createWorkspace")),
      create: (name: string) => res.createWorkspace({ name, enterprise_project_id: "0" }),
      lookup: async (name: string) => (await res.raw.GET("/v2.0/{project_id}/workspaces", path)).data?.workspaces?.filter((w) => w.name === name),
    },
    insight: {
      example: () => insight.createWorkspace(requestExample("insight", "createWorkspace")),
      create: (name: string) => insight.createWorkspace({ name, eps_id: "0" }),
      lookup: async (name: string) =>
        (await insight.raw.GET("/v1/{project_id}/instances/{instance_id}/workspaces", { params: { path: { project_id: a.projectId, instance_id: a.instanceId }, query: { name } } })).data?.page_data?.filter((w) => w.name === name),
    },
    modelarts: {
      example: () => modelarts.createWorkspace(requestExample("modelarts", "createWorkspace")),
      create: (name: string) => modelarts.createWorkspace({ name }),
      lookup: async (name: string) => (await modelarts.raw.GET("/v1/{project_id}/workspaces", { ...path, params: { ...path.params, query: { name } } })).data?.workspaces?.filter((w) => w.name === name),
    },
    fabric: {
      example: () => fabric.createWorkspace(requestExample("fabric", "createWorkspace")),
      create: (name: string) => fabric.createWorkspace({ name }),
      lookup: async (name: string) => (await fabric.raw.GET("/v1/workspaces", { params: { query: { name } } })).data?.workspaces?.filter((w) => w.name === name),
    },
    truewatch: {
      example: () => truewatch.createWorkspace(requestExample("truewatch", "createWorkspace")),
      create: (name: string) => truewatch.createWorkspace({ name }),
      lookup: undefined,
    },
  };
}

const names = ["res", "insight", "modelarts", "fabric", "truewatch"] as const;
const cases = names.flatMap((provider) =>
  (provider === "truewatch" ? (["aksk"] as const) : (["aksk", "iam"] as const)).map((credentials) => ({ provider, credentials })),
);
const stored = (provider: string) =>
  Object.entries(emu.workspaces())
    .filter(([key]) => key.startsWith(`${provider}:`))
    .flatMap(([, list]) => list);

describe.each(cases)("$provider with $credentials credentials", ({ provider, credentials }) => {
  const api = () => providers(credentials)[provider];
  const calls = () => emu.requests(provider);

  it("creates the document's example workspace", async () => {
    await api().example();
    expect(stored(provider)).toHaveLength(1);
    expect(calls()).toBe(1);
  });

  it("absorbs a throttle and a 503: three requests, one workspace", async () => {
    emu.inject([
      { kind: "throttle", retryAfter: 0, provider },
      { kind: "unavailable", provider },
    ]);
    await api().create("steady-1");
    expect(calls()).toBe(3);
    expect(stored(provider)).toHaveLength(1);
  });

  it.each(["error", "drop", "malformed"] as const)("after a processed create that answers with %s: one request, outcomeUnknown, found again by name", async (kind) => {
    emu.inject({ kind, provider });
    const error = await api()
      .create("maybe-1")
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toMatchObject({ outcomeUnknown: true, attempts: 1 });
    expect(calls()).toBe(1);
    expect(stored(provider)).toHaveLength(1);
    const lookup = api().lookup;
    if (lookup) expect(await lookup("maybe-1")).toHaveLength(1);
  });
});
