#!/usr/bin/env node
// `pnpm demo`: starts the emulator, creates one workspace with each package, then
// shows a refused bad input and a duplicate-name error. Without --emulator it
// talks to the real services, configured from the environment.
import { startEmulator } from "@ws/emulator";
import { ApiError, ValidationError } from "@ws/modelarts";
import { clientsFor, createOneEach } from "./create-workspaces.mjs";

const useEmulator = process.argv.includes("--emulator");
let emulator;
let target;
if (useEmulator) {
  emulator = await startEmulator();
  const account = emulator.credentials;
  target = {
    endpoint: emulator.url,
    credentials: { accessKey: account.accessKey, secretKey: account.secretKey },
    apiKey: account.apiKey,
    projectId: account.projectId,
    instanceId: account.instanceId,
  };
  console.log(`Emulator on ${emulator.url} (AK/SK for the Huawei services, an API key for TrueWatch)\n`);
} else {
  const missing = ["HUAWEICLOUD_SDK_AK", "HUAWEICLOUD_SDK_SK", "WS_PROJECT_ID", "WS_INSIGHT_INSTANCE_ID", "TRUEWATCH_API_KEY"].filter((v) => !process.env[v]);
  if (missing.length > 0) {
    console.error(`To use the real services set ${missing.join(", ")} (and WS_REGION, TRUEWATCH_SITE if not cn-north-4 / us1); or run with --emulator.`);
    process.exit(1);
  }
  target = {
    region: process.env.WS_REGION ?? "cn-north-4",
    site: process.env.TRUEWATCH_SITE ?? "us1",
    projectId: process.env.WS_PROJECT_ID,
    instanceId: process.env.WS_INSIGHT_INSTANCE_ID,
  };
  console.log(`Real services: region ${target.region}, TrueWatch site ${target.site}\n`);
}

try {
  const clients = clientsFor(target);
  const suffix = Date.now().toString(36);
  console.table(await createOneEach(clients, suffix));

  try {
    await clients.modelarts.createWorkspace({ name: "default", description: "x".repeat(300) });
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    console.log(`\nRefused before sending (${error.issues.length} rules): ${error.message}`);
  }

  try {
    await clients.insight.createWorkspace({ name: `demo-insight-${suffix}`, eps_id: "0" });
    throw new Error("the duplicate name was accepted");
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    console.log(`\nDuplicate name: ${error.name} ${error.status} ${error.code}: ${error.message}`);
  }
} finally {
  await emulator?.close();
}
