// DataArts Fabric: create, find by name, list, update, delete. Configuration from the environment,
// as in modelarts.ts (Fabric's paths carry no project: the project id, if any, is signed as X-Project-Id).
import { createFabricClient, SdkError } from "@ws/fabric";

const fabric = createFabricClient({});

try {
  const { workspace } = await fabric.ensureWorkspace({ name: "example-lake", tags: [{ key: "team", value: "data" }] });
  console.log(`found by name: ${(await fabric.findWorkspaceByName("example-lake"))?.id === workspace.id}`);
  for await (const ws of fabric.listWorkspaces({ name: "example" })) console.log(`listed ${ws.name}`);
  await fabric.updateWorkspace(workspace.id!, { description: "raw zone" });
  await fabric.deleteWorkspace(workspace.id!);
  console.log("deleted");
} catch (error) {
  if (error instanceof SdkError) console.error(`${error.name}: ${error.message}`);
  process.exitCode = 1;
}
