import { describe, expect, it } from "vitest";
import { assertValid, check, type Schema } from "../../src/operations/validate.js";
import { ValidationError, type ValidationIssue } from "../../src/errors/errors.js";

const issuesOf = (schema: Schema, value: unknown) => {
  const issues: ValidationIssue[] = [];
  check(schema, value, "", issues);
  return issues;
};

describe("check: each keyword", () => {
  it.each<[string, Schema, unknown, unknown, RegExp]>([
    ["type string", { type: "string" }, 1, "1", /must be a string \(got number\)/],
    ["type integer", { type: "integer" }, 1.5, 2, /must be an integer \(got number\)/],
    ["type number", { type: "number" }, Number.NaN, 1.5, /must be a number/],
    ["type null|string", { type: ["string", "null"] }, 1, null, /must be a string or null/],
    ["type object", { type: "object" }, [], {}, /must be an object \(got array\)/],
    ["enum", { enum: ["a", null] }, "b", null, /must be one of "a", null \(got "b"\)/],
    ["const", { const: "x" }, "y", "x", /must be "x"/],
    ["not const", { not: { const: "default" } }, "default", "other", /must not be "default" \(reserved\)/],
    ["not enum", { not: { enum: ["a", "b"] } }, "b", "c", /must not be "a" or "b"/],
    ["minLength", { minLength: 2 }, "a", "ab", /at least 2 characters \(got 1\)/],
    ["minLength empty", { minLength: 1 }, "", "a", /must not be empty/],
    ["maxLength counts code points", { maxLength: 2 }, "😀😀😀", "😀😀", /at most 2 characters \(got 3\)/],
    ["pattern (unicode)", { pattern: "^\\p{L}+$" }, "ab1", "абв", /must match/],
    ["minimum", { minimum: 1 }, 0, 1, /must be >= 1/],
    ["maximum", { maximum: 1 }, 2, 1, /must be <= 1/],
    ["exclusiveMinimum", { exclusiveMinimum: 1 }, 1, 2, /must be > 1/],
    ["exclusiveMaximum", { exclusiveMaximum: 1 }, 1, 0, /must be < 1/],
    ["minItems", { minItems: 1 }, [], [1], /at least 1 item/],
    ["maxItems", { maxItems: 1 }, [1, 2], [1], /at most 1 items/],
    ["items", { items: { type: "string" } }, ["a", 1], ["a"], /\[1\] must be a string/],
    ["required", { required: ["a"] }, {}, { a: 1 }, /a is required/],
    ["additionalProperties false", { properties: { a: {} }, additionalProperties: false }, { b: 1 }, { a: 1 }, /b is not a known field; known fields: a/],
    ["additionalProperties schema", { additionalProperties: { type: "string" } }, { k: 1 }, { k: "v" }, /k must be a string/],
    ["minProperties", { properties: { x: {}, y: {} }, minProperties: 1 }, {}, { y: 1 }, /must set at least 1 of x, y/],
    ["maxProperties", { maxProperties: 1 }, { a: 1, b: 2 }, { a: 1 }, /at most 1 fields/],
    ["allOf", { allOf: [{ minLength: 1 }, { maxLength: 2 }] }, "abc", "ab", /at most 2/],
    ["anyOf", { anyOf: [{ type: "string" }, { type: "integer" }] }, true, 3, /must satisfy one of/],
    [
      "if/then",
      { if: { properties: { t: { const: "I" } }, required: ["t"] }, then: { required: ["g"] } },
      { t: "I" },
      { t: "P" },
      /g is required \(when t is "I"\)/,
    ],
    ["if/else", { if: { required: ["a"] }, then: {}, else: { required: ["b"] } }, {}, { b: 1 }, /b is required/],
  ])("%s", (_, schema, refused, accepted, message) => {
    const issues = issuesOf(schema, refused);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.map((i) => i.message).join("; ")).toMatch(message);
    expect(issuesOf(schema, accepted)).toEqual([]);
  });

  it("does not treat inherited names as declared properties", () => {
    const schema: Schema = { properties: { a: {} }, additionalProperties: false };
    expect(issuesOf(schema, JSON.parse('{"constructor": 1, "__proto__": {"x": 1}}')).map((i) => i.path)).toEqual([
      "constructor",
      "__proto__",
    ]);
  });

  it("ignores fields set to undefined, as JSON does", () => {
    expect(issuesOf({ properties: { a: { type: "string" } }, additionalProperties: false }, { a: undefined, b: undefined })).toEqual([]);
  });

  it("truncates long values in messages", () => {
    const [issue] = issuesOf({ pattern: "^a$" }, "b".repeat(500));
    expect(issue!.message.length).toBeLessThan(120);
  });
});

describe("assertValid", () => {
  it("throws one ValidationError listing every issue", () => {
    const schema: Schema = { type: "object", required: ["a", "b"], properties: { a: {}, b: {} } };
    expect(() => assertValid(schema, {}, { provider: "p", operation: "op" })).toThrow(ValidationError);
    try {
      assertValid(schema, {}, { provider: "p", operation: "op" });
    } catch (e) {
      const error = e as ValidationError;
      expect(error.message).toBe("Invalid p op request, nothing was sent: a is required; b is required");
      expect(error.issues).toHaveLength(2);
      expect(error.attempts).toBe(0);
      expect(error.outcomeUnknown).toBe(false);
    }
  });
});
