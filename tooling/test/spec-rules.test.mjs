import { describe, expect, it } from "vitest";
import { compactSchema, extractCommands, extractEndpoints, extractOperations } from "../spec-rules.mjs";

const spec = {
  paths: {
    "/v1/{project_id}/things": {
      post: {
        operationId: "createThing",
        parameters: [{ $ref: "#/components/parameters/project_id" }, { name: "X-Auth-Token", in: "header" }],
        requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } } },
      },
      get: { operationId: "listThings", parameters: [{ name: "limit", in: "query", schema: { type: "integer", minimum: 1 } }] },
    },
  },
  components: {
    parameters: { project_id: { name: "project_id", in: "path", required: true, schema: { type: "string", minLength: 1 } } },
    schemas: {
      Thing: {
        type: "object",
        description: "dropped",
        required: ["name"],
        properties: { name: { type: "string", pattern: "^[a-z]+$", examples: ["x"], "x-note": "dropped" } },
      },
    },
  },
};

describe("extractOperations", () => {
  it("keeps method, path, params and body rules, and drops annotations", () => {
    const ops = extractOperations(spec);
    const create = ops.find((o) => o.id === "createThing");
    const list = ops.find((o) => o.id === "listThings");
    expect(create).toEqual({
      id: "createThing",
      method: "POST",
      path: "/v1/{project_id}/things",
      idempotent: false,
      params: { project_id: { required: true, schema: { type: "string", minLength: 1 } } },
      body: { type: "object", required: ["name"], properties: { name: { type: "string", pattern: "^[a-z]+$" } } },
    });
    expect(list).toMatchObject({ id: "listThings", idempotent: true, query: { limit: { required: false, schema: { type: "integer", minimum: 1 } } } });
  });

  it("refuses a keyword the runtime validator does not enforce", () => {
    expect(() => compactSchema({}, { type: "string", format: "uuid", uniqueItems: true }, "Thing")).toThrow(/uniqueItems.*not enforced/);
    expect(() => compactSchema({}, { oneOf: [] }, "Thing")).toThrow(/oneOf/);
  });

  it("refuses a pattern that is not a valid Unicode-mode regular expression", () => {
    expect(() => compactSchema({}, { pattern: "[a-" }, "Thing")).toThrow();
    // Unicode mode is stricter than the default: "\-" is allowed inside a class only.
    expect(() => compactSchema({}, { pattern: "^\\-$" }, "Thing")).toThrow();
    expect(() => compactSchema({}, { pattern: "^[\\p{L}\\-]$" }, "Thing")).not.toThrow();
  });
});

describe("extractEndpoints", () => {
  it("expands a region variable and adds named exceptions", () => {
    expect(
      extractEndpoints({
        servers: [
          { url: "https://svc.{region}.example.com", variables: { region: { default: "a-1", enum: ["a-1", "b-2"] } } },
          { url: "https://svc.c-3.example.cn", "x-region": "c-3" },
        ],
      }),
    ).toEqual({ "a-1": "https://svc.a-1.example.com", "b-2": "https://svc.b-2.example.com", "c-3": "https://svc.c-3.example.cn" });
  });
  it("refuses a plain-http server", () => {
    expect(() => extractEndpoints({ servers: [{ url: "http://svc.example.com", "x-site": "s" }] })).toThrow(/not https/);
  });
});

describe("extractCommands (the CLI's flags and help)", () => {
  const withHelp = {
    paths: {
      "/v1/{project_id}/things": {
        post: {
          operationId: "createThing",
          summary: "Create a thing",
          description: "Creates a thing.\nOn two lines.\n\nSecond paragraph.",
          "x-notes": "an author's note",
          parameters: [{ $ref: "#/components/parameters/project_id" }, { name: "X-Auth-Token", in: "header" }],
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } } },
        },
        get: {
          operationId: "listThings",
          "x-paging": { style: "none", items: "things" },
          parameters: [{ name: "limit", in: "query", description: "Page size.", schema: { type: "integer", minimum: 1, default: 10 } }],
        },
      },
    },
    components: {
      parameters: { project_id: { name: "project_id", in: "path", required: true, description: "Project ID.", schema: { type: "string" } } },
      schemas: {
        Name: { type: "string", minLength: 1, maxLength: 8, description: "The name.", "x-notes": "why 8" },
        Thing: {
          type: "object",
          required: ["name"],
          properties: {
            name: { $ref: "#/components/schemas/Name" },
            kind: { type: "string", enum: ["a", "b"], description: "Kind." },
            tags: { type: "array", items: { type: "object" }, "x-notes": "dropped" },
            id: { type: ["string", "integer"] },
          },
        },
      },
    },
  };

  it("keeps summaries, descriptions, types, enums, limits and defaults; drops x- notes and header parameters", () => {
    const ops = extractCommands(withHelp);
    expect(ops.createThing).toEqual({
      operationId: "createThing",
      method: "POST",
      path: "/v1/{project_id}/things",
      summary: "Create a thing",
      description: "Creates a thing. On two lines.\n\nSecond paragraph.",
      fields: [
        { name: "project_id", in: "path", type: "string", required: true, description: "Project ID." },
        { name: "name", in: "body", type: "string", required: true, description: "The name.", minLength: 1, maxLength: 8 },
        { name: "kind", in: "body", type: "string", required: false, description: "Kind.", enum: ["a", "b"] },
        { name: "tags", in: "body", type: "array", required: false, items: "object" },
        { name: "id", in: "body", type: "string|integer", required: false },
      ],
      body: { required: true },
    });
    expect(ops.listThings).toMatchObject({ paged: true, fields: [{ name: "limit", in: "query", type: "integer", minimum: 1, default: 10, description: "Page size." }] });
    expect(JSON.stringify(ops)).not.toMatch(/author|why 8|dropped/);
  });
});

describe("error codes by name", () => {
  it("names codes as constants users can read", async () => {
    const { errorCodeName } = await import("../spec-rules.mjs");
    expect(errorCodeName("ModelArts.0102")).toBe("MODELARTS_0102");
    expect(errorCodeName("DataArtsInsight.24150005")).toBe("DATAARTSINSIGHT_24150005");
    expect(errorCodeName("ft.InvalidAPIKey")).toBe("FT_INVALID_API_KEY");
    expect(errorCodeName("RouterNotFound")).toBe("ROUTER_NOT_FOUND");
    expect(errorCodeName("00010003")).toBe("E_00010003");
  });

  it("collects each code of the error examples once, with its statuses and first message", async () => {
    const { extractErrorCodes } = await import("../spec-rules.mjs");
    const err = (code, msg) => ({ content: { "application/json": { examples: { a: { value: { error_code: code, error_msg: msg } } } } } });
    const spec = { paths: { "/x": { get: { responses: { 400: err("X.1", "bad"), 404: err("X.1", "other") } }, post: { responses: { 401: { content: { "application/json": { examples: { b: { value: { error: { code: 401, message: "no" } } } } } } } } } } } };
    expect(extractErrorCodes(spec)).toEqual([{ code: "X.1", statuses: [400, 404], meaning: "bad" }]);
  });
});
