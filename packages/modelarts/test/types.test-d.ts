import { describe, expectTypeOf, it } from "vitest";
import { createModelArtsClient, type CreateWorkspaceRequest, type ModelArtsRegion, type Workspace } from "../src/index.js";

const client = createModelArtsClient({ region: "cn-north-4", projectId: "p", credentials: { token: "t" } });

describe("createWorkspace types", () => {
  it("takes the spec's request body and resolves to the spec's workspace", () => {
    expectTypeOf(client.createWorkspace).parameter(0).toEqualTypeOf<CreateWorkspaceRequest>();
    expectTypeOf(client.createWorkspace).returns.resolves.toEqualTypeOf<Workspace>();
    expectTypeOf<Workspace["create_time"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<CreateWorkspaceRequest["auth_type"]>().toEqualTypeOf<
      "PUBLIC" | "PRIVATE" | "INTERNAL" | "public" | "private" | "internal" | undefined
    >();
  });

  it("rejects misspelt fields, wrong enum values and missing required fields", () => {
    // @ts-expect-error misspelt field
    void client.createWorkspace({ name: "team-a", authType: "PUBLIC" });
    // @ts-expect-error wrong enum value
    void client.createWorkspace({ name: "team-a", auth_type: "SECRET" });
    // @ts-expect-error name is required
    void client.createWorkspace({ description: "no name" });
    // @ts-expect-error grants items have user_id / user_name / user_type only
    void client.createWorkspace({ name: "team-a", grants: [{ id: "u1" }] });
  });

  it("knows the regions and needs a region or an endpoint", () => {
    expectTypeOf<"eu-de">().toExtend<ModelArtsRegion>();
    expectTypeOf<"ap-southeast-1">().toExtend<ModelArtsRegion>();
    // @ts-expect-error unknown region
    createModelArtsClient({ region: "mars-1", projectId: "p", credentials: { token: "t" } });
    // @ts-expect-error neither region nor endpoint
    createModelArtsClient({ projectId: "p", credentials: { token: "t" } });
    // @ts-expect-error projectId is required
    createModelArtsClient({ region: "cn-north-4", credentials: { token: "t" } });
  });

  it("types the raw client by the spec's paths", () => {
    void client.raw.POST("/v1/{project_id}/workspaces", { params: { path: { project_id: "p" } }, body: { name: "team-a" } });
    // @ts-expect-error path not in the spec
    void client.raw.POST("/v1/{project_id}/notebooks", { params: { path: { project_id: "p" } } });
  });
});
