// Issue 12 end to end: clients created with only a region (and Insight's
// instanceId) work against the emulator with credentials from each source of the
// default chain — the environment, a profile file, the metadata service — and the
// project id looked up in IAM. The services' hosts come from the endpoint
// variables Huawei's SDKs read (HUAWEICLOUD_SDK_REGION_{SERVICE}_{REGION}).
import { createFabricClient } from "@ws/fabric";
import { createInsightClient } from "@ws/insight";
import { createModelArtsClient } from "@ws/modelarts";
import { createResClient } from "@ws/res";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startEmulator, type Emulator } from "../src/index.js";

let emu: Emulator;
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ws-creds-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
// Each test has its own emulator: a test that fails or times out leaves nothing for the next.
afterEach(() => emu.close());
beforeEach(async () => {
  emu = await startEmulator();
  for (const service of ["MODELARTS", "RES", "DATAARTSFABRIC", "DATAARTSINSIGHT"]) vi.stubEnv(`HUAWEICLOUD_SDK_REGION_${service}_CN_NORTH_4`, emu.url);
  vi.stubEnv("HUAWEICLOUD_SDK_IAM_ENDPOINT", emu.iamEndpoint);
  vi.stubEnv("WS_SDK_METADATA_ENDPOINT", emu.metadataEndpoint);
  // Nothing from the machine running the tests.
  vi.stubEnv("HUAWEICLOUD_SDK_AK", "");
  vi.stubEnv("HUAWEICLOUD_SDK_SK", "");
  vi.stubEnv("HUAWEICLOUD_SDK_SECURITY_TOKEN", "");
  vi.stubEnv("HUAWEICLOUD_SDK_PROJECT_ID", "");
  vi.stubEnv("HUAWEICLOUD_SDK_CREDENTIALS_FILE", path.join(dir, "absent"));
});
afterEach(() => vi.unstubAllEnvs());

const region = "cn-north-4" as const;
const sources = {
  environment: () => {
    vi.stubEnv("HUAWEICLOUD_SDK_AK", emu.credentials.accessKey);
    vi.stubEnv("HUAWEICLOUD_SDK_SK", emu.credentials.secretKey);
  },
  "profile file": () => {
    const file = path.join(dir, "credentials");
    fs.writeFileSync(file, `[other]\nak = WRONGWRONGWRONG\nsk = wrong\n\n[basic]\nak = ${emu.credentials.accessKey}\nsk = ${emu.credentials.secretKey}\n`);
    vi.stubEnv("HUAWEICLOUD_SDK_CREDENTIALS_FILE", file);
  },
  "metadata service": () => {},
};

describe.each(Object.keys(sources) as Array<keyof typeof sources>)("credentials from the %s, only a region in the code", (source) => {
  beforeEach(() => sources[source]());

  it("every Huawei package creates and lists, the project id found in IAM", async () => {
    const clients = {
      res: createResClient({ region }),
      insight: createInsightClient({ region, instanceId: emu.credentials.instanceId }),
      modelarts: createModelArtsClient({ region }),
      fabric: createFabricClient({ region }),
    };
    await clients.res.createWorkspace({ name: "from-chain", enterprise_project_id: "0" });
    await clients.insight.createWorkspace({ name: "from-chain", eps_id: "0" });
    await clients.modelarts.createWorkspace({ name: "from-chain" });
    await clients.fabric.createWorkspace({ name: "from-chain" });
    for (const client of Object.values(clients)) {
      await expect(client.findWorkspaceByName("from-chain")).resolves.toMatchObject({ name: "from-chain" });
    }
    const stored = emu.workspaces();
    expect(Object.keys(stored).sort()).toEqual(
      [`fabric:${emu.credentials.projectId}`, `insight:${emu.credentials.projectId}/${emu.credentials.instanceId}`, `modelarts:${emu.credentials.projectId}`, `res:${emu.credentials.projectId}`].sort(),
    );
    // The project id is looked up once per client, never again: the three whose paths need
    // it, and Fabric, which names it in X-Project-Id as the official SDKs do.
    expect(emu.requests("iam:projects")).toBe(4);
    if (source === "metadata service") expect(emu.requests("metadata:securitykey")).toBeGreaterThanOrEqual(1);
    else expect(emu.requests("metadata")).toBe(0);
  });
});

it("with no source at all, the first call says what was tried and why, with no secret", async () => {
  emu.close(); // the metadata service is unreachable too
  const error = await createModelArtsClient({ region }).createWorkspace({ name: "nowhere" }).catch((e: unknown) => e);
  emu = await startEmulator();
  expect(error).toMatchObject({ name: expect.stringMatching(/ConfigurationError|CredentialsUnavailableError/) });
  const message = (error as Error).message;
  expect(message).toMatch(/HUAWEICLOUD_SDK_AK/);
  expect(message).toMatch(/absent/);
  expect(message).toMatch(/metadata/i);
});
