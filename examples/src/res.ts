// RES: create a workspace once (its create answer has no id: ensureWorkspace finds it by name),
// list, update, delete. Configuration from the environment, as in modelarts.ts.
import { createResClient, NotFoundError, SdkError } from "@ws/res";

const res = createResClient({});

try {
  const { workspace } = await res.ensureWorkspace({ name: "example-recsys", enterprise_project_id: "0" });
  console.log(`workspace ${workspace.id}`);
  for await (const ws of res.listWorkspaces()) console.log(`listed ${ws.name}`);
  await res.updateWorkspace(workspace.id!, { description: "ranking experiments" });
  await res.deleteWorkspace(workspace.id!);
  await res.getWorkspace(workspace.id!).catch((error: unknown) => {
    if (!(error instanceof NotFoundError)) throw error;
    console.log("deleted");
  });
} catch (error) {
  if (error instanceof SdkError) console.error(`${error.name}: ${error.message}`);
  process.exitCode = 1;
}
