// The emulator's gateway ends the metadata service's temporary keys early
// (expireTemporaryCredentials: 401 APIGW.0301 "security token expires"): the
// client gets new keys from the metadata service once and replays the call once.
import { createModelArtsClient, fromMetadata } from "@ws/modelarts";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../src/index.js";

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

it("keys expired early at the gateway: one new pair from the metadata service, one replay, the call succeeds", async () => {
  const ma = createModelArtsClient({ endpoint: emu.url, projectId: emu.credentials.projectId, credentials: fromMetadata({ endpoint: emu.metadataEndpoint }), maxRetries: 0 });
  await ma.createWorkspace({ name: "before-expiry" });
  expect(emu.requests("metadata:securitykey")).toBe(1);
  emu.expireTemporaryCredentials();
  // A create: the gateway's 401 means "not processed", so it is safe to send again.
  await expect(ma.createWorkspace({ name: "after-expiry" })).resolves.toMatchObject({ name: "after-expiry" });
  expect(emu.requests("metadata:securitykey")).toBe(2);
  expect(emu.requests("modelarts")).toBe(3);
  expect(Object.values(emu.workspaces()).flat().map((w) => w.name).sort()).toEqual(["after-expiry", "before-expiry"]);
});
