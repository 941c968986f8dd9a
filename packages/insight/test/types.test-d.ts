import { describe, expectTypeOf, it } from "vitest";
import {
  createInsightClient,
  type ApiError,
  type CallOptions,
  type CreateWorkspaceRequest,
  type ListWorkspacesQuery,
  type NotFoundError,
  type PagedAsyncIterableIterator,
  type UpdateWorkspaceRequest,
  type UpdateWorkspaceResponse,
  type Workspace,
} from "../src/index.js";

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

describe("lifecycle types", () => {
  it("types each method's arguments and results from the spec", () => {
    expectTypeOf(client.listWorkspaces).parameter(0).toEqualTypeOf<ListWorkspacesQuery | undefined>();
    expectTypeOf(client.listWorkspaces).returns.toEqualTypeOf<PagedAsyncIterableIterator<Workspace>>();
    expectTypeOf(client.listWorkspaces().byPage()).toEqualTypeOf<AsyncIterableIterator<Workspace[]>>();
    expectTypeOf(client.getWorkspace).parameters.toEqualTypeOf<[id: string, options?: CallOptions]>();
    expectTypeOf(client.getWorkspace).returns.resolves.toEqualTypeOf<Workspace>();
    expectTypeOf(client.updateWorkspace).parameter(1).toEqualTypeOf<UpdateWorkspaceRequest>();
    expectTypeOf(client.updateWorkspace).returns.resolves.toEqualTypeOf<UpdateWorkspaceResponse>();
    expectTypeOf<UpdateWorkspaceResponse>().toEqualTypeOf<{ id?: string }>();
    // the documents disagree on the delete answer: it resolves to nothing
    expectTypeOf(client.deleteWorkspace).returns.resolves.toEqualTypeOf<void>();
    expectTypeOf(client.findWorkspaceByName).returns.resolves.toEqualTypeOf<Workspace | undefined>();
    expectTypeOf<ListWorkspacesQuery>().toEqualTypeOf<{ name?: string; offset?: number; limit?: number }>();
    expectTypeOf<NotFoundError>().toMatchTypeOf<ApiError>();
  });

  it("rejects misspelt query fields, wrong query types and unknown update fields", () => {
    void client.listWorkspaces({ name: "sales", offset: 0, limit: 50 });
    // @ts-expect-error misspelt query field
    void client.listWorkspaces({ nmae: "sales" });
    // @ts-expect-error no sort_by on this list (the service has no sort or enum parameter)
    void client.listWorkspaces({ sort_by: "name" });
    // @ts-expect-error offset is a number
    void client.listWorkspaces({ offset: "1" });
    // @ts-expect-error unknown update field
    void client.updateWorkspace("id", { name: "ws", eps_id: "0", epsId: "0" });
    // @ts-expect-error name and eps_id are required on update
    void client.updateWorkspace("id", { description: "d" });
    // @ts-expect-error configs values are strings
    void client.updateWorkspace("id", { name: "ws", eps_id: "0", configs: { mode: 0 } });
    // @ts-expect-error the id is a string
    void client.getWorkspace(1);
  });
});
