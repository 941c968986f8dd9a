import { describe, expectTypeOf, it } from "vitest";
import { createTrueWatchClient, type CreateWorkspaceRequest, type CreateWorkspaceResult, type TrueWatchSite } from "../src/index.js";

const client = createTrueWatchClient({ site: "eu1", apiKey: "k" });

describe("createWorkspace types", () => {
  it("takes the spec's request and resolves to the envelope's content", () => {
    expectTypeOf(client.createWorkspace).parameter(0).toEqualTypeOf<CreateWorkspaceRequest>();
    expectTypeOf(client.createWorkspace).returns.resolves.toEqualTypeOf<CreateWorkspaceResult>();
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
