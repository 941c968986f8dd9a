// ModelArts: create a workspace once, wait until it is ready, list, update, delete and wait until it is gone.
// Runs against the real service or the emulator: everything comes from the environment
// (`eval "$(ws-emulator --print-env &)"`, or your own HUAWEICLOUD_SDK_* variables / ~/.huaweicloud/credentials).
import { createModelArtsClient, SdkError } from "@ws/modelarts";

const ma = createModelArtsClient({}); // region, keys and project: HUAWEICLOUD_SDK_* or ~/.huaweicloud/credentials
const tenMinutes = { maxWaitInMs: 10 * 60_000, minDelayInMs: 50, maxDelayInMs: 2_000 };

try {
  const { workspace, created } = await ma.ensureWorkspace({ name: "example-team", description: "made by examples/src/modelarts.ts" });
  console.log(`${created ? "created" : "found"} ${workspace.id} (${workspace.status})`);
  const ready = await ma.waitUntilWorkspaceReady(workspace.id!, { ...tenMinutes, onPoll: (ws, n) => console.log(`  poll ${n}: ${ws.status}`) });

  for await (const ws of ma.listWorkspaces({ name: "example", sort_by: "name", order: "asc" })) console.log(`listed ${ws.name}`);
  await ma.updateWorkspace(ready.id!, { description: "updated" });
  console.log(`description: ${(await ma.getWorkspace(ready.id!)).description}`);

  await ma.deleteWorkspace(ready.id!);
  await ma.waitUntilWorkspaceDeleted(ready.id!, tenMinutes);
  console.log("deleted");
} catch (error) {
  if (error instanceof SdkError) console.error(`${error.name}: ${error.message}`);
  process.exitCode = 1;
}
