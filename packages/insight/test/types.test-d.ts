import { describe, expectTypeOf, it } from "vitest";
import { createInsightClient, type CreateWorkspaceRequest, type Workspace } from "../src/index.js";

const client = createInsightClient({ region: "cn-north-4", projectId: "p", instanceId: "i", credentials: { token: "t" } });

describe("createWorkspace types", () => {
  it("takes the spec's request and resolves to the workspace", () => {
    expectTypeOf(client.createWorkspace).parameter(0).toEqualTypeOf<CreateWorkspaceRequest>();
    expectTypeOf(client.createWorkspace).returns.resolves.toEqualTypeOf<Workspace>();
    expectTypeOf<Workspace["is_default"]>().toEqualTypeOf<0 | 1 | undefined>();
  });

  it("rejects misspelt fields, wrong enum values and missing options", () => {
    // @ts-expect-error misspelt field
    void client.createWorkspace({ name: "ws", epsId: "0" });
    // @ts-expect-error default_dataset_permission is "0" or "1"
    void client.createWorkspace({ name: "ws", eps_id: "0", configs: { default_dataset_permission: "2" } });
    // @ts-expect-error configs values are strings
    void client.createWorkspace({ name: "ws", eps_id: "0", configs: { mode: 0 } });
    // @ts-expect-error instanceId is required
    createInsightClient({ region: "cn-north-4", projectId: "p", credentials: { token: "t" } });
  });
});
