// DataArts Insight: create, list (all pages), update, delete. The instance id comes from
// WS_INSIGHT_INSTANCE_ID; the rest from the environment, as in modelarts.ts.
import { createInsightClient, SdkError } from "@ws/insight";

const instanceId = process.env.WS_INSIGHT_INSTANCE_ID;
if (!instanceId) throw new Error("set WS_INSIGHT_INSTANCE_ID to your DataArts Insight instance");
const insight = createInsightClient({ instanceId });

try {
  const { workspace } = await insight.ensureWorkspace({ name: "example-sales", eps_id: "0", configs: { default_dataset_permission: "0" } });
  for await (const page of insight.listWorkspaces().byPage()) console.log(`a page of ${page.length}`);
  await insight.updateWorkspace(workspace.id!, { name: "example-sales", eps_id: "0", description: "EMEA" });
  await insight.deleteWorkspace(workspace.id!);
  console.log(`deleted ${workspace.id}`);
} catch (error) {
  if (error instanceof SdkError) console.error(`${error.name}: ${error.message}`);
  process.exitCode = 1;
}
