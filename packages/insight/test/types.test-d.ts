import { describe, expectTypeOf, it } from "vitest";
import { createInsightClient, type CreateWorkspaceRequest, type Workspace } from "../src/index.js";

const client = createInsightClient({ region: "cn-north-4", projectId: "p", instanceId: "i", credentials: { token: "t" } });

describe("createWorkspace types", () => {
  it("takes the spec's request and resolves to the workspace", () => {
    expectTypeOf(client.createWorkspace).parameter(0).toEqualTypeOf<CreateWorkspaceRequest>();
    expectTypeOf(client.createWorkspace).returns.resolves.toEqualTypeOf<Workspace>();
    // "0 or 1" in the documents, any integer in the Java SDK: the response type stays open.
    expectTypeOf<Workspace["is_default"]>().toEqualTypeOf<number | undefined>();
  });

  it("rejects misspelt fields, wrong value types and missing options", () => {
    // @ts-expect-error misspelt field
    void client.createWorkspace({ name: "ws", epsId: "0" });
    // default_dataset_permission is any string: only "0" and "1" are explained, no range is documented
    void client.createWorkspace({ name: "ws", eps_id: "0", configs: { default_dataset_permission: "2" } });
    // @ts-expect-error default_dataset_permission is a string
    void client.createWorkspace({ name: "ws", eps_id: "0", configs: { default_dataset_permission: 1 } });
    // @ts-expect-error configs values are strings
    void client.createWorkspace({ name: "ws", eps_id: "0", configs: { mode: 0 } });
    // @ts-expect-error instanceId is required
    createInsightClient({ region: "cn-north-4", projectId: "p", credentials: { token: "t" } });
  });
});
