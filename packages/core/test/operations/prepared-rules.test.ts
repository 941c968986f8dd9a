// The checker prepares each schema once (its keywords in one shape, sub-schemas linked):
// what it reports must not depend on whether a schema was seen before, and a schema that
// contains itself, or a pattern that does not compile, behave as they did when read afresh.
import { describe, expect, it } from "vitest";
import type { ValidationIssue } from "../../src/errors/errors.js";
import { check, type Schema } from "../../src/operations/validate.js";

const issuesOf = (schema: Schema, value: unknown) => {
  const issues: ValidationIssue[] = [];
  check(schema, value, "", issues);
  return issues;
};

describe("prepared rules", () => {
  it("report the same issues on the first check of a schema and on later ones", () => {
    const schema: Schema = {
      type: "object",
      additionalProperties: false,
      required: ["name"],
      properties: { name: { type: "string", minLength: 4, pattern: "^[a-z-]+$", not: { const: "default" } }, tags: { type: "array", items: { type: "string", enum: ["a", "b"] } } },
      if: { properties: { name: { const: "team" } } },
      then: { required: ["tags"] },
    };
    const bad = { name: "Te", tags: ["c"], nmae: 1 };
    const first = issuesOf(schema, bad);
    expect(first.map((i) => i.rule)).toEqual(["minLength", "pattern", "enum", "additionalProperties"]);
    expect(issuesOf(schema, bad)).toEqual(first);
    expect(issuesOf(schema, { name: "team" }).map((i) => i.message)).toEqual(["tags is required (when name is \"team\")"]);
    expect(issuesOf(schema, { name: "default" }).map((i) => i.rule)).toEqual(["not"]);
  });

  it("check a schema that contains itself", () => {
    const tree: Schema = { type: "object", properties: { name: { type: "string" } } };
    tree.properties!.children = { type: "array", items: tree };
    expect(issuesOf(tree, { name: "a", children: [{ name: "b", children: [{ name: 3 }] }] })).toEqual([
      { path: "children[0].children[0].name", rule: "type", message: "children[0].children[0].name must be a string (got number)" },
    ]);
  });

  it("compile a pattern only when a string meets it", () => {
    const schema: Schema = { type: ["string", "number"], pattern: "(" };
    expect(issuesOf(schema, 3)).toEqual([]);
    expect(() => issuesOf(schema, "x")).toThrow(SyntaxError);
  });

  it("match enum values with ===", () => {
    expect(issuesOf({ enum: [Number.NaN] }, Number.NaN).map((i) => i.rule)).toEqual(["enum"]);
  });
});
