// Differential test of the SDK's validator: for every request schema of every
// spec (bodies, path and query parameters), generate valid and near-valid inputs
// and compare @ws/core's verdict (on the rules the generator extracts) with a
// reference JSON Schema 2020-12 validator (Ajv, on the spec itself). Any
// disagreement is a bug in one of them, or a decision to document here.
import { Ajv2020 } from "ajv/dist/2020.js";
import { check } from "@ws/core";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { extractOperations, resolveRef } from "../spec-rules.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const config = parseYaml(fs.readFileSync(path.join(root, "redocly.yaml"), "utf8"));
const specs = Object.fromEntries(
  Object.entries(config.apis).map(([name, api]) => [name, parseYaml(fs.readFileSync(path.join(root, api.root), "utf8"))]),
);

// A small deterministic PRNG, so that a failure reproduces.
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Characters that probe the rules: ASCII classes, separators, CJK, an astral
// character (a surrogate pair) and lone surrogates.
const ALPHABET = ["a", "Z", "0", "9", "_", "-", ".", " ", "@", "#", "/", "\\", ":", "=", "+", "中", "é", "😀", "\ud800", "\udc00"];

function typesOf(schema) {
  if (schema.type === undefined) return ["string", "integer", "boolean", "object", "array", "null"];
  return Array.isArray(schema.type) ? schema.type : [schema.type];
}

function stringOf(length, random) {
  let s = "";
  for (let i = 0; i < length; i++) s += ALPHABET[Math.floor(random() * ALPHABET.length)];
  return s;
}

/** A value that probably satisfies `schema` (the validators decide; this only aims near the rules). */
function sample(schema, random, depth = 0) {
  if (schema.enum) return schema.enum[Math.floor(random() * schema.enum.length)];
  if ("const" in schema) return schema.const;
  if (schema.anyOf && random() < 0.7) return sample({ ...schema.anyOf[Math.floor(random() * schema.anyOf.length)], anyOf: undefined }, random, depth);
  const types = typesOf(schema).filter((t) => depth < 3 || (t !== "object" && t !== "array"));
  const type = types[Math.floor(random() * types.length)] ?? "null";
  switch (type) {
    case "string": {
      const min = schema.minLength ?? 0;
      const max = Math.min(schema.maxLength ?? min + 12, min + 40);
      const length = min + Math.floor(random() * (max - min + 1));
      if (schema.pattern) {
        const re = new RegExp(schema.pattern, "u");
        for (let i = 0; i < 40; i++) {
          const candidate = stringOf(length, random);
          if (re.test(candidate)) return candidate;
        }
        for (const candidate of ["a".repeat(Math.max(length, 1)), "abcd", "team-a", "0", "a-b_c"]) if (re.test(candidate)) return candidate;
      }
      return stringOf(length, random);
    }
    case "integer":
    case "number": {
      const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -5);
      const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : min + 100);
      const n = min + Math.floor(random() * (Math.min(max, min + 1000) - min + 1));
      return type === "number" && random() < 0.3 ? n + 0.5 : n;
    }
    case "boolean":
      return random() < 0.5;
    case "null":
      return null;
    case "array": {
      const min = schema.minItems ?? 0;
      const count = min + Math.floor(random() * (Math.min(schema.maxItems ?? min + 3, min + 3) - min + 1));
      return Array.from({ length: count }, () => sample(schema.items ?? {}, random, depth + 1));
    }
    default: {
      const out = {};
      const props = schema.properties ?? {};
      for (const [name, sub] of Object.entries(props)) {
        if ((schema.required ?? []).includes(name) || random() < 0.5) out[name] = sample(sub, random, depth + 1);
      }
      if (schema.then?.required && random() < 0.5) for (const name of schema.then.required) if (props[name] && !(name in out)) out[name] = sample({ ...props[name], ...(schema.then.properties?.[name] ?? {}) }, random, depth + 1);
      return out;
    }
  }
}

/** Values near the rules of `schema`: each bound ±1, other types, odd text. */
function neighbours(schema, random) {
  const out = [null, true, 0, 1.5, "", "x", [], {}, "\ud800", "😀"];
  if (schema.minLength !== undefined) out.push("a".repeat(Math.max(schema.minLength - 1, 0)), "😀".repeat(schema.minLength), "\udc00".repeat(schema.minLength));
  if (schema.maxLength !== undefined) out.push("a".repeat(schema.maxLength), "a".repeat(schema.maxLength + 1), "😀".repeat(schema.maxLength), "中".repeat(schema.maxLength + 1));
  if (schema.minimum !== undefined) out.push(schema.minimum, schema.minimum - 1);
  if (schema.maximum !== undefined) out.push(schema.maximum, schema.maximum + 1);
  if (schema.exclusiveMinimum !== undefined) out.push(schema.exclusiveMinimum, schema.exclusiveMinimum + 1);
  if (schema.exclusiveMaximum !== undefined) out.push(schema.exclusiveMaximum, schema.exclusiveMaximum - 1);
  if (schema.enum) for (const e of schema.enum) if (typeof e === "string") out.push(e.toLowerCase(), e.toUpperCase(), `${e} `);
  if (schema.minItems !== undefined) out.push(Array.from({ length: Math.max(schema.minItems - 1, 0) }, () => sample(schema.items ?? {}, random)));
  if (schema.maxItems !== undefined) out.push(Array.from({ length: schema.maxItems + 1 }, () => sample(schema.items ?? {}, random)));
  out.push(sample(schema, random), stringOf(3, random), stringOf(8, random));
  return out;
}

/** Copies of `value` with one place changed: a field removed, an unknown one added, a value replaced by a neighbour. */
function mutations(schema, value, random) {
  const out = [];
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const props = schema.properties ?? {};
    for (const name of Object.keys(value)) {
      const { [name]: _, ...rest } = value;
      out.push(rest);
    }
    out.push({ ...value, nmae: "x" }, { ...value, __proto__x: 1 });
    for (const [name, sub] of Object.entries(props)) {
      for (const n of neighbours(sub, random)) out.push({ ...value, [name]: n });
      if (value[name] !== undefined) for (const inner of mutations(sub, value[name], random).slice(0, 12)) out.push({ ...value, [name]: inner });
    }
  } else if (Array.isArray(value) && value.length > 0) {
    for (const n of neighbours(schema.items ?? {}, random).slice(0, 6)) out.push([...value.slice(0, -1), n]);
  } else {
    out.push(...neighbours(schema, random));
  }
  return out;
}

const coreVerdict = (rules, value) => {
  const issues = [];
  check(rules, value, "", issues);
  return issues.length === 0;
};

// Each case: a name, the rules core gets, and the spec schema Ajv gets.
function schemaCases(name, spec) {
  const cases = [];
  for (const op of extractOperations(spec)) {
    const pathItem = spec.paths[op.path];
    const operation = pathItem[op.method.toLowerCase()];
    if (op.body) {
      const media = resolveRef(spec, operation.requestBody).content["application/json"];
      cases.push({ what: `${name} ${op.id} body`, rules: op.body, schema: media.schema });
    }
    const parameters = [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])].map((p) => resolveRef(spec, p));
    for (const [where, group] of [["path", op.params], ["query", op.query]]) {
      for (const [param, rule] of Object.entries(group ?? {})) {
        const source = parameters.find((p) => p.in === where && p.name === param);
        cases.push({ what: `${name} ${op.id} ${where} ${param}`, rules: rule.schema, schema: source.schema ?? {} });
      }
    }
  }
  return cases;
}

describe.each(Object.keys(specs))("%s: core's validator agrees with Ajv 2020", (name) => {
  const spec = specs[name];
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: false });
  const cases = schemaCases(name, spec);

  it("has request schemas to compare", () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases.map((c) => [c.what, c]))("%s", (_, { rules, schema }) => {
    // Ajv reads the spec's own schema, with its $refs, resolved inside the spec document.
    const validate = ajv.compile(wrap(spec, schema));
    const random = prng(0x5eed ^ name.length);
    const inputs = [];
    for (let i = 0; i < 25; i++) {
      const valid = sample(rules, random);
      inputs.push(valid, ...mutations(rules, valid, random));
    }
    const disagreements = [];
    let accepted = 0;
    for (const input of inputs) {
      const ours = coreVerdict(rules, input);
      const theirs = validate(input);
      if (ours) accepted++;
      if (ours !== theirs) disagreements.push({ input: JSON.stringify(input), core: ours, ajv: theirs });
    }
    expect(disagreements.slice(0, 5)).toEqual([]);
    // Not a test that cannot fail: the inputs reach both verdicts.
    expect(inputs.length).toBeGreaterThan(20);
    expect(accepted).toBeGreaterThan(0);
    if (Object.keys(rules).length > 0) expect(accepted).toBeLessThan(inputs.length);
  });
});

/** A schema for Ajv whose local $refs resolve against the spec it came from. */
function wrap(spec, schema) {
  return { ...schema, components: spec.components };
}
