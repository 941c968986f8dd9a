import { describe, expectTypeOf, it } from "vitest";
import {
  createTrueWatchClient,
  NotFoundError,
  ApiError,
  type CreateWorkspaceRequest,
  type CreateWorkspaceResult,
  type TrueWatchSite,
  type UpdateWorkspaceRequest,
  type Workspace,
} from "../src/index.js";

const client = createTrueWatchClient({ site: "eu1", apiKey: "k" });

describe("createWorkspace types", () => {
  it("takes the spec's request and resolves to the envelope's content", () => {
    expectTypeOf(client.createWorkspace).parameter(0).toEqualTypeOf<CreateWorkspaceRequest>();
    expectTypeOf(client.createWorkspace).returns.resolves.toEqualTypeOf<CreateWorkspaceResult>();
    expectTypeOf<NonNullable<CreateWorkspaceResult["wsInfo"]>>().toEqualTypeOf<Workspace>();
    expectTypeOf<"guance-cn1">().toExtend<TrueWatchSite>();
  });

  it("rejects misspelt fields, wrong enum values and missing keys", () => {
    // @ts-expect-error misspelt field
    void client.createWorkspace({ name: "ws", description: "x" });
    // @ts-expect-error wrong enum value
    void client.createWorkspace({ name: "ws", language: "de" });
    // apiKey may come from TRUEWATCH_API_KEY
    expectTypeOf(createTrueWatchClient).toBeCallableWith({ site: "us1" });
    // @ts-expect-error unknown site
    createTrueWatchClient({ site: "eu2", apiKey: "k" });
  });
});

describe("getWorkspace and updateWorkspace types", () => {
  it("getWorkspace takes only call options and resolves to a Workspace", () => {
    expectTypeOf(client.getWorkspace).toBeCallableWith();
    expectTypeOf(client.getWorkspace).toBeCallableWith({ maxRetries: 0 });
    expectTypeOf(client.getWorkspace).returns.resolves.toEqualTypeOf<Workspace>();
    // @ts-expect-error no workspace id: the key's own workspace is read
    void client.getWorkspace("wksp_1");
  });

  it("updateWorkspace takes the modify body and resolves to the updated Workspace", () => {
    expectTypeOf(client.updateWorkspace).parameter(0).toEqualTypeOf<UpdateWorkspaceRequest>();
    expectTypeOf(client.updateWorkspace).returns.resolves.toEqualTypeOf<Workspace>();
    expectTypeOf<UpdateWorkspaceRequest>().toEqualTypeOf<{ name?: string; desc?: string }>();
    expectTypeOf(client.updateWorkspace).toBeCallableWith({});
    // @ts-expect-error unknown field in the update body
    void client.updateWorkspace({ name: "ws", description: "x" });
    // @ts-expect-error create's fields are not modify's
    void client.updateWorkspace({ menuStyle: "Operations" });
    // @ts-expect-error desc may not be null on modify (it may on create)
    void client.updateWorkspace({ desc: null });
    // @ts-expect-error no id before the body
    void client.updateWorkspace("wksp_1", { name: "ws" });
  });

  it("Workspace fields have the documented types", () => {
    expectTypeOf<Workspace["uuid"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Workspace["updateAt"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Workspace["memberCount"]>().toEqualTypeOf<number | string | undefined>();
    expectTypeOf<Workspace["desc"]>().toEqualTypeOf<string | null | undefined>();
  });

  it("has no list, delete or find-by-name: the OpenAPI has no such calls", () => {
    // @ts-expect-error no listWorkspaces
    void client.listWorkspaces;
    // @ts-expect-error no deleteWorkspace
    void client.deleteWorkspace;
    // @ts-expect-error no findWorkspaceByName
    void client.findWorkspaceByName;
    // @ts-expect-error no list query type either
    type _Query = import("../src/index.js").ListWorkspacesQuery;
  });

  it("exports NotFoundError as an ApiError", () => {
    expectTypeOf<NotFoundError>().toExtend<ApiError>();
  });
});

describe("no create-once and no waiters for TrueWatch", () => {
  it("has no ensureWorkspace (it cannot list) and no waiters", () => {
    const tw = createTrueWatchClient({ site: "eu1", apiKey: "k" });
    // @ts-expect-error TrueWatch cannot look a name up, so it cannot create once
    void tw.ensureWorkspace;
    // @ts-expect-error no workspace states to wait for
    void tw.waitUntilWorkspaceReady;
  });
});
