import { describe, expectTypeOf, it } from "vitest";
import { createFabricClient, type CreateWorkspaceRequest, type Workspace } from "../src/index.js";

const client = createFabricClient({ region: "cn-north-4", credentials: { token: "t" } });

describe("createWorkspace types", () => {
  it("takes the spec's request and resolves to the workspace", () => {
    expectTypeOf(client.createWorkspace).parameter(0).toEqualTypeOf<CreateWorkspaceRequest>();
    expectTypeOf(client.createWorkspace).returns.resolves.toEqualTypeOf<Workspace>();
    // documented as a string, sent as a number by the service
    expectTypeOf<Workspace["enterprise_project_id"]>().toEqualTypeOf<string | number | undefined>();
  });

  it("rejects misspelt fields and wrong shapes", () => {
    // @ts-expect-error misspelt field
    void client.createWorkspace({ name: "fabric", metastoreId: "x" });
    // @ts-expect-error tags are objects with key and value
    void client.createWorkspace({ name: "fabric", tags: ["a"] });
    // @ts-expect-error tag key is required
    void client.createWorkspace({ name: "fabric", tags: [{ value: "v" }] });
    // projectId is optional here
    createFabricClient({ region: "cn-southwest-2", credentials: { token: "t" } });
  });
});
