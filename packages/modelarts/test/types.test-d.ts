import { describe, expectTypeOf, it } from "vitest";
import {
  createModelArtsClient,
  type CreateWorkspaceRequest,
  type DeleteWorkspaceResponse,
  type ListWorkspacesQuery,
  type ModelArtsRegion,
  type PagedAsyncIterableIterator,
  type UpdateWorkspaceRequest,
  type UpdateWorkspaceResponse,
  type Workspace,
  type WorkspaceId,
  type WorkspaceQuotasResponse,
} from "../src/index.js";

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

  it("knows the regions; region, projectId and credentials may come from the environment or the credentials file", () => {
    expectTypeOf<"eu-de">().toExtend<ModelArtsRegion>();
    expectTypeOf<"ap-southeast-1">().toExtend<ModelArtsRegion>();
    // @ts-expect-error unknown region
    createModelArtsClient({ region: "mars-1", projectId: "p", credentials: { token: "t" } });
    // HUAWEICLOUD_SDK_REGION (or the file) at run time; the project looked up in IAM; the default chain
    expectTypeOf(createModelArtsClient).toBeCallableWith({});
    expectTypeOf(createModelArtsClient).toBeCallableWith({ region: "cn-north-4" });
    expectTypeOf(createModelArtsClient).toBeCallableWith({ region: "cn-north-4", credentials: async () => ({ accessKey: "a", secretKey: "s", expiration: new Date() }) });
    // @ts-expect-error a provider returns a key pair
    createModelArtsClient({ region: "cn-north-4", credentials: async () => ({ token: "t" }) });
  });

  it("types the raw client by the spec's paths", () => {
    void client.raw.POST("/v1/{project_id}/workspaces", { params: { path: { project_id: "p" } }, body: { name: "team-a" } });
    // @ts-expect-error path not in the spec
    void client.raw.POST("/v1/{project_id}/notebooks", { params: { path: { project_id: "p" } } });
  });
});

describe("lifecycle types", () => {
  it("types every method's arguments and results by the spec", () => {
    expectTypeOf(client.listWorkspaces).parameter(0).toEqualTypeOf<ListWorkspacesQuery | undefined>();
    expectTypeOf(client.listWorkspaces()).toEqualTypeOf<PagedAsyncIterableIterator<Workspace>>();
    expectTypeOf(client.listWorkspaces().byPage()).toEqualTypeOf<AsyncIterableIterator<Workspace[]>>();
    expectTypeOf(client.getWorkspace).returns.resolves.toEqualTypeOf<Workspace>();
    expectTypeOf(client.findWorkspaceByName).returns.resolves.toEqualTypeOf<Workspace | undefined>();
    expectTypeOf(client.updateWorkspace).parameter(1).toEqualTypeOf<UpdateWorkspaceRequest>();
    expectTypeOf(client.updateWorkspace).returns.resolves.toEqualTypeOf<UpdateWorkspaceResponse>();
    expectTypeOf(client.deleteWorkspace).returns.resolves.toEqualTypeOf<DeleteWorkspaceResponse>();
    expectTypeOf<UpdateWorkspaceResponse["workspace_id"]>().toEqualTypeOf<string | undefined>();
    // auth_type comes back in lower case: comparing with "PUBLIC" is a type error, not a silent mismatch
    expectTypeOf<Workspace["auth_type"]>().toEqualTypeOf<"public" | "private" | "internal" | undefined>();
    expectTypeOf(client.getWorkspaceQuotas).returns.resolves.toEqualTypeOf<WorkspaceQuotasResponse>();
    expectTypeOf(client.updateWorkspaceQuotas).returns.resolves.toEqualTypeOf<WorkspaceQuotasResponse>();
    expectTypeOf<NonNullable<WorkspaceQuotasResponse["quotas"]>[number]["used_quota"]>().toEqualTypeOf<number | null | undefined>();
    // status is open: states beyond the documented four are strings too
    expectTypeOf<Workspace["status"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<ListWorkspacesQuery["sort_by"]>().toEqualTypeOf<"name" | "update_time" | "status" | undefined>();
  });

  it("types ids as strings, the default workspace's \"0\" included", () => {
    expectTypeOf<WorkspaceId>().toEqualTypeOf<string>();
    expectTypeOf<Workspace["id"]>().toEqualTypeOf<string | undefined>();
    void (async () => {
      const ws = await client.getWorkspace("0");
      const id: string | undefined = ws.id;
      void id;
      // @ts-expect-error an id is a string, not a number
      await client.getWorkspace(0);
      // @ts-expect-error auth_type answers are lower case
      if (ws.auth_type === "PUBLIC") void ws;
      await client.updateWorkspace(ws.id!, { description: "d" });
      await client.deleteWorkspace(ws.id!);
      await client.getWorkspaceQuotas(ws.id!);
      await client.updateWorkspaceQuotas(ws.id!, { quotas: [{ resource: "exemlProject.gpu_duration", quota: -1 }] });
      for await (const listed of client.listWorkspaces({ name: "team", sort_by: "update_time", order: "asc", filter_accessible: true })) void listed.id;
    });
  });

  it("rejects misspelt query fields, wrong enum values and unknown body fields", () => {
    // @ts-expect-error misspelt query field
    void client.listWorkspaces({ nmae: "team" });
    // @ts-expect-error wrong enum value for sort_by
    void client.listWorkspaces({ sort_by: "create_time" });
    // @ts-expect-error wrong enum value for order
    void client.listWorkspaces({ order: "DESC" });
    // @ts-expect-error limit is a number
    void client.listWorkspaces({ limit: "10" });
    // @ts-expect-error update body with an unknown field (enterprise_project_id is create-only)
    void client.updateWorkspace("id", { enterprise_project_id: "0" });
    // @ts-expect-error update body with a misspelt field
    void client.updateWorkspace("id", { authType: "PUBLIC" });
    // @ts-expect-error wrong auth_type value
    void client.updateWorkspace("id", { auth_type: "SHARED" });
    // @ts-expect-error a quota needs resource and quota
    void client.updateWorkspaceQuotas("id", { quotas: [{ resource: "r" }] });
    // @ts-expect-error the quotas list is required
    void client.updateWorkspaceQuotas("id", {});
    // @ts-expect-error ids are text or numbers
    void client.getWorkspace({ id: "x" });
  });
});

describe("waiters and ensureWorkspace types", () => {
  it("maxWaitInMs is required; the waiters resolve to the workspace and to undefined", () => {
    // @ts-expect-error a wait without a deadline does not compile
    void client.waitUntilWorkspaceReady("id", {});
    // @ts-expect-error nor without options at all
    void client.waitUntilWorkspaceDeleted("id");
    expectTypeOf(client.waitUntilWorkspaceReady("id", { maxWaitInMs: 1000 })).resolves.toEqualTypeOf<Workspace>();
    expectTypeOf(client.waitUntilWorkspaceDeleted("0", { maxWaitInMs: 1000 })).resolves.toEqualTypeOf<undefined>();
    void client.waitUntilWorkspaceReady("id", { maxWaitInMs: 1000, onPoll: (ws, attempt) => expectTypeOf(ws.status).toEqualTypeOf<string | undefined>() && attempt });
  });

  it("ensureWorkspace takes the create body and says whether it created", () => {
    expectTypeOf(client.ensureWorkspace).parameter(0).toEqualTypeOf<CreateWorkspaceRequest>();
    expectTypeOf(client.ensureWorkspace({ name: "team-a" })).resolves.toEqualTypeOf<{ workspace: Workspace; created: boolean }>();
  });
});
