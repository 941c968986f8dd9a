// The spec-side judgement of `pnpm check:change`: pure functions of two specs.
import { describe, expect, it } from "vitest";
import { addedRules, diffLevel, diffSpecs, requestRules, requiredBump } from "../check-change/spec-diff.mjs";

const clone = (v) => structuredClone(v);
const base = {
  openapi: "3.1.0",
  info: { title: "t", version: "1", description: "d" },
  servers: [{ url: "https://{region}.example", variables: { region: { default: "r1", enum: ["r1", "r2"] } } }],
  paths: {
    "/v1/things": {
      post: {
        operationId: "createThing",
        parameters: [{ name: "dry", in: "query", schema: { type: "boolean" } }],
        requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/CreateThing" } } } },
        responses: { 200: { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } } } },
      },
      get: { operationId: "listThings", responses: { 200: { description: "ok" } } },
    },
  },
  components: {
    schemas: {
      CreateThing: {
        type: "object",
        additionalProperties: false,
        required: ["name"],
        properties: {
          name: { type: "string", minLength: 4, maxLength: 64, pattern: "^[a-z]+$" },
          kind: { type: "string", enum: ["A", "B"] },
          grants: { type: "array", minItems: 1, items: { type: "object", properties: { user_id: { type: "string", minLength: 1 } } } },
        },
      },
      Thing: { type: "object", required: ["id"], properties: { id: { type: "string" }, name: { type: "string" }, status: { type: "string", enum: ["OK"] } } },
    },
  },
};
const edit = (f) => {
  const spec = clone(base);
  f(spec);
  return spec;
};
const create = (s) => s.components.schemas.CreateThing;
const levels = (changes) => changes.map((c) => `${c.level} ${c.where}: ${c.change}`);

describe("diffSpecs", () => {
  it("finds nothing between equal specs", () => {
    expect(diffSpecs(base, clone(base))).toEqual([]);
    expect(diffLevel(diffSpecs(base, clone(base)))).toBe("none");
  });

  it("calls a description-only change a patch", () => {
    const after = edit((s) => (s.components.schemas.Thing.description = "now described"));
    expect(levels(diffSpecs(base, after))).toEqual(["patch spec: descriptions, examples or notes only"]);
  });

  it("calls an optional request field added minor, a required one major", () => {
    const optional = edit((s) => (create(s).properties.tags = { type: "array", items: { type: "string" } }));
    expect(levels(diffSpecs(base, optional))).toEqual(["minor POST /v1/things body.tags: optional request field added"]);
    const required = edit((s) => {
      create(s).properties.owner = { type: "string" };
      create(s).required.push("owner");
    });
    expect(diffLevel(diffSpecs(base, required))).toBe("major");
  });

  it("calls a removed response field, a response field no longer always present, and a removed request field breaking", () => {
    expect(levels(diffSpecs(base, edit((s) => delete s.components.schemas.Thing.properties.name)))).toEqual([
      "major POST /v1/things response 200.name: response field removed",
    ]);
    expect(levels(diffSpecs(base, edit((s) => (s.components.schemas.Thing.required = []))))).toEqual([
      "major POST /v1/things response 200.id: no longer always present",
    ]);
    expect(diffLevel(diffSpecs(base, edit((s) => delete create(s).properties.kind)))).toBe("major");
  });

  it("tells stricter limits (breaking) from looser ones (additions)", () => {
    const cases = [
      [(s) => (create(s).properties.name.maxLength = 32), "major", "maxLength 64 → 32 (stricter)"],
      [(s) => (create(s).properties.name.maxLength = 128), "minor", "maxLength 64 → 128 (looser)"],
      [(s) => (create(s).properties.name.minLength = 5), "major", "minLength 4 → 5 (stricter)"],
      [(s) => delete create(s).properties.name.minLength, "minor", "minLength 4 → none (looser)"],
      [(s) => (create(s).properties.grants.maxItems = 500), "major", "maxItems none → 500 (stricter)"],
      [(s) => (create(s).properties.name.pattern = "^[a-z0-9]+$"), "major", "pattern ^[a-z]+$ → ^[a-z0-9]+$ (cannot tell whether looser)"],
      [(s) => delete create(s).properties.name.pattern, "minor", "pattern ^[a-z]+$ removed (looser)"],
      [(s) => (create(s).properties.grants.items.properties.user_id.minLength = 2), "major", "minLength 1 → 2 (stricter)"],
    ];
    for (const [change, level, text] of cases) {
      const [found] = diffSpecs(base, edit(change));
      expect(found.level, text).toBe(level);
      expect(found.change).toBe(text);
    }
  });

  it("judges enum values by direction: removed from a request is breaking, added to a response is breaking", () => {
    expect(levels(diffSpecs(base, edit((s) => (create(s).properties.kind.enum = ["A"]))))).toEqual(['major POST /v1/things body.kind: enum value ["B"] removed']);
    expect(levels(diffSpecs(base, edit((s) => create(s).properties.kind.enum.push("C"))))).toEqual(['minor POST /v1/things body.kind: enum value ["C"] added']);
    expect(diffLevel(diffSpecs(base, edit((s) => s.components.schemas.Thing.properties.status.enum.push("GONE"))))).toBe("major");
    expect(diffLevel(diffSpecs(base, edit((s) => (s.components.schemas.Thing.properties.status.enum = []))))).toBe("minor");
  });

  it("finds removed operations, parameters, named types and regions, and added ones", () => {
    expect(diffLevel(diffSpecs(base, edit((s) => delete s.paths["/v1/things"].get)))).toBe("major");
    expect(diffLevel(diffSpecs(base, edit((s) => (s.paths["/v1/things"].post.parameters = []))))).toBe("major");
    expect(levels(diffSpecs(base, edit((s) => s.paths["/v1/things"].post.parameters.push({ name: "page", in: "query", schema: { type: "integer" } }))))).toEqual([
      "minor POST /v1/things: optional query parameter page added",
    ]);
    expect(levels(diffSpecs(base, edit((s) => (s.paths["/v1/things"].post.parameters[0].required = true))))).toEqual([
      "major POST /v1/things query parameter dry: now required",
    ]);
    expect(levels(diffSpecs(base, edit((s) => (s.servers[0].variables.region.enum = ["r1"]))))).toEqual(["major servers: region r2 removed"]);
    expect(levels(diffSpecs(base, edit((s) => (s.components.schemas.Extra = { type: "string" }))))).toEqual(["minor components.schemas: named type Extra added"]);
  });

  it("calls additionalProperties: false and a narrowed type breaking in a request", () => {
    expect(diffLevel(diffSpecs(base, edit((s) => (create(s).properties.grants.items.additionalProperties = false))))).toBe("major");
    expect(diffLevel(diffSpecs(base, edit((s) => (create(s).properties.name.type = ["string", "null"]))))).toBe("minor");
  });
});

describe("requiredBump", () => {
  it("asks 0.x packages for minor on a breaking change, 1.x for major", () => {
    expect(requiredBump("major", "0.3.0")).toBe("minor");
    expect(requiredBump("major", "1.0.0")).toBe("major");
    expect(requiredBump("minor", "0.3.0")).toBe("minor");
    expect(requiredBump("patch", "0.3.0")).toBe("patch");
    expect(requiredBump("none", "0.3.0")).toBe("none");
  });
});

describe("requestRules and addedRules", () => {
  it("names rules as the testkit's tables do", () => {
    const rules = requestRules(base).map((r) => `${r.operationId} ${r.field} ${r.rule}`);
    expect(rules).toContain("createThing name required");
    expect(rules).toContain("createThing name maxLength");
    expect(rules).toContain("createThing grants minItems");
    expect(rules).toContain("createThing grants[0].user_id minLength");
  });

  it("lists the rules a change adds", () => {
    const after = edit((s) => {
      create(s).properties.tags = { type: "array", maxItems: 20, items: { type: "string", maxLength: 36 } };
      create(s).properties.name.maxLength = 32;
    });
    expect(addedRules(base, after).map((r) => `${r.field} ${r.rule}`)).toEqual(["tags type", "tags maxItems", "tags[0] type", "tags[0] maxLength"]);
  });
});
