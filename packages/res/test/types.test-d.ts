import { describe, expectTypeOf, it } from "vitest";
import { createResClient, type CreateWorkspaceRequest, type CreateWorkspaceResponse } from "../src/index.js";

const client = createResClient({ region: "cn-north-4", projectId: "p", credentials: { token: "t" } });

describe("createWorkspace types", () => {
  it("takes the spec's request and resolves to RES's success body", () => {
    expectTypeOf(client.createWorkspace).parameter(0).toEqualTypeOf<CreateWorkspaceRequest>();
    expectTypeOf(client.createWorkspace).returns.resolves.toEqualTypeOf<CreateWorkspaceResponse>();
    expectTypeOf<CreateWorkspaceResponse["is_success"]>().toEqualTypeOf<boolean | undefined>();
  });

  it("rejects misspelt and missing fields", () => {
    // @ts-expect-error enterprise_project_id is required
    void client.createWorkspace({ name: "ws1" });
    // @ts-expect-error misspelt field
    void client.createWorkspace({ name: "ws1", enterprise_project_id: "0", desc: "x" });
    // @ts-expect-error name is a string
    void client.createWorkspace({ name: 1, enterprise_project_id: "0" });
    // @ts-expect-error RES has one region
    createResClient({ region: "cn-east-3", projectId: "p", credentials: { token: "t" } });
  });
});
