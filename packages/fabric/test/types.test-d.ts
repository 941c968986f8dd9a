import { describe, expectTypeOf, it } from "vitest";
import {
  createFabricClient,
  type ApiError,
  type CreateWorkspaceRequest,
  type ListWorkspacesQuery,
  type ListWorkspacesResponse,
  type NotFoundError,
  type PagedAsyncIterableIterator,
  type UpdateWorkspaceRequest,
  type Workspace,
} from "../src/index.js";

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

describe("lifecycle types", () => {
  it("types each method's query, body and result", () => {
    expectTypeOf(client.listWorkspaces).parameter(0).toEqualTypeOf<ListWorkspacesQuery | undefined>();
    expectTypeOf(client.listWorkspaces()).toEqualTypeOf<PagedAsyncIterableIterator<Workspace>>();
    expectTypeOf(client.listWorkspaces().byPage()).toEqualTypeOf<AsyncIterableIterator<Workspace[]>>();
    expectTypeOf(client.getWorkspace).returns.resolves.toEqualTypeOf<Workspace>();
    expectTypeOf(client.updateWorkspace).parameter(1).toEqualTypeOf<UpdateWorkspaceRequest>();
    expectTypeOf(client.updateWorkspace).returns.resolves.toEqualTypeOf<Workspace>();
    expectTypeOf(client.deleteWorkspace).returns.resolves.toEqualTypeOf<void>();
    expectTypeOf(client.findWorkspaceByName).returns.resolves.toEqualTypeOf<Workspace | undefined>();
    expectTypeOf<ListWorkspacesQuery>().toEqualTypeOf<{ offset?: number; limit?: number; name?: string; id?: string; enterprise_project_id?: string }>();
    expectTypeOf<ListWorkspacesResponse["workspaces"]>().toEqualTypeOf<Workspace[] | undefined>();
    expectTypeOf<NotFoundError>().toMatchTypeOf<ApiError>();
  });

  it("accepts the documented filters and update fields", () => {
    void client.listWorkspaces({ name: "lake", id: "ws-1", enterprise_project_id: "all_granted_eps", offset: 0, limit: 100 });
    void client.updateWorkspace("ws-1", { name: "lake-2", description: "", metastore_id: "m".repeat(32), enterprise_project_id: "0" });
    void client.updateWorkspace("ws-1", {});
  });

  it("rejects misspelt query fields, wrong query types and unknown update fields", () => {
    // @ts-expect-error misspelt query field
    void client.listWorkspaces({ enterpriseProjectId: "0" });
    // @ts-expect-error Fabric's list has no sort_by (and no enum parameter at all)
    void client.listWorkspaces({ sort_by: "name" });
    // @ts-expect-error limit is a number
    void client.listWorkspaces({ limit: "10" });
    // @ts-expect-error tags cannot be changed by update
    void client.updateWorkspace("ws-1", { tags: [{ key: "k" }] });
    // @ts-expect-error misspelt update field
    void client.updateWorkspace("ws-1", { metastoreId: "m" });
    // @ts-expect-error the id is a string
    void client.deleteWorkspace(1);
  });
});
