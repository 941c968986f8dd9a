// DataArts Fabric, in the `/api` form: a context and one function per operation, so a
// bundle keeps only the operations it calls. Create, find by name, list, update, delete.
// Configuration from the environment, as in modelarts.ts (Fabric's paths carry no
// project: the project id, if any, is signed as X-Project-Id).
import { SdkError } from "@ws/fabric";
import { createFabricContext, deleteWorkspace, ensureWorkspace, findWorkspaceByName, listWorkspaces, updateWorkspace } from "@ws/fabric/api";

const ctx = createFabricContext({});

try {
  const { workspace } = await ensureWorkspace(ctx, { name: "example-lake", tags: [{ key: "team", value: "data" }] });
  console.log(`found by name: ${(await findWorkspaceByName(ctx, "example-lake"))?.id === workspace.id}`);
  for await (const ws of listWorkspaces(ctx, { name: "example" })) console.log(`listed ${ws.name}`);
  await updateWorkspace(ctx, workspace.id!, { description: "raw zone" });
  await deleteWorkspace(ctx, workspace.id!);
  console.log("deleted");
} catch (error) {
  if (error instanceof SdkError) console.error(`${error.name}: ${error.message}`);
  process.exitCode = 1;
}
