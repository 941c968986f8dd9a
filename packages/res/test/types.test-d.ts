import { describe, expectTypeOf, it } from "vitest";
import {
  createResClient,
  type ApiError,
  type CallOptions,
  type CreateWorkspaceRequest,
  type CreateWorkspaceResponse,
  type DeleteWorkspaceResponse,
  type EnterpriseProject,
  type ListWorkspacesQuery,
  type NotFoundError,
  type PagedAsyncIterableIterator,
  type UpdateWorkspaceRequest,
  type UpdateWorkspaceResponse,
  type Workspace,
} from "../src/index.js";

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

describe("lifecycle types", () => {
  it("types each method's arguments and results from the spec", () => {
    expectTypeOf(client.listWorkspaces).parameter(0).toEqualTypeOf<ListWorkspacesQuery | undefined>();
    // RES documents no query parameter: the only query is an empty one
    expectTypeOf<ListWorkspacesQuery>().toEqualTypeOf<Record<string, never>>();
    expectTypeOf(client.listWorkspaces).returns.toEqualTypeOf<PagedAsyncIterableIterator<Workspace>>();
    expectTypeOf(client.listWorkspaces().byPage()).toEqualTypeOf<AsyncIterableIterator<Workspace[]>>();
    expectTypeOf(client.getWorkspace).parameters.toEqualTypeOf<[id: string, options?: CallOptions]>();
    expectTypeOf(client.getWorkspace).returns.resolves.toEqualTypeOf<Workspace>();
    expectTypeOf(client.updateWorkspace).parameter(1).toEqualTypeOf<UpdateWorkspaceRequest>();
    expectTypeOf<UpdateWorkspaceRequest>().toEqualTypeOf<{ name?: string; description?: string }>();
    expectTypeOf(client.updateWorkspace).returns.resolves.toEqualTypeOf<UpdateWorkspaceResponse>();
    expectTypeOf(client.deleteWorkspace).returns.resolves.toEqualTypeOf<DeleteWorkspaceResponse>();
    expectTypeOf<DeleteWorkspaceResponse["message"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf(client.findWorkspaceByName).returns.resolves.toEqualTypeOf<Workspace | undefined>();
    expectTypeOf(client.listEnterpriseProjects).parameters.toEqualTypeOf<[options?: CallOptions]>();
    expectTypeOf(client.listEnterpriseProjects).returns.resolves.toEqualTypeOf<EnterpriseProject[]>();
    // the workspace's quirks: update_at (not updated_at), camelCase userId/projectId, epoch numbers
    expectTypeOf<Workspace["update_at"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Workspace["created_at"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Workspace["userId"]>().toEqualTypeOf<string | undefined>();
    // an enterprise project's times are strings, and its status a number
    expectTypeOf<EnterpriseProject["updated_at"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<EnterpriseProject["status"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<NotFoundError>().toMatchTypeOf<ApiError>();
  });

  it("rejects query fields, wrong types and unknown update fields", () => {
    void client.listWorkspaces();
    void client.listWorkspaces({});
    void client.listWorkspaces(undefined, { abortSignal: new AbortController().signal });
    // @ts-expect-error misspelt (and undocumented) query field
    void client.listWorkspaces({ nmae: "recsys" });
    // @ts-expect-error no sort_by on this list (RES documents no sort, filter or enum parameter)
    void client.listWorkspaces({ sort_by: "name" });
    // @ts-expect-error no paging parameters either
    void client.listWorkspaces({ offset: 0, limit: 10 });
    void client.updateWorkspace("id", {});
    void client.updateWorkspace("id", { name: "ws", description: "d" });
    // @ts-expect-error unknown update field (the enterprise project cannot be changed)
    void client.updateWorkspace("id", { description: "d", enterprise_project_id: "0" });
    // @ts-expect-error misspelt update field
    void client.updateWorkspace("id", { desc: "d" });
    // @ts-expect-error description is a string
    void client.updateWorkspace("id", { description: 1 });
    // @ts-expect-error the id is a string
    void client.getWorkspace(1);
    // @ts-expect-error listEnterpriseProjects takes no query
    void client.listEnterpriseProjects({ name: "default" });
  });
});
