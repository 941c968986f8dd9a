// What a spec change does to the SDK's users, as pure functions of two parsed specs (the
// spec at the base ref and the one in the working tree). `pnpm check:change` uses them to
// judge a changeset's bump and to find request rules that have no test row yet.
//
// A request is what users send: anything accepted before and refused now is breaking
// (a field, parameter, operation or enum value removed; a limit, pattern or `required`
// added or made stricter); anything accepted now that was not is an addition. A response
// is what users read: a field removed, or one that may now be missing or of another
// type, is breaking; a field added is an addition. Anything else (descriptions, examples,
// notes) is a patch.
import { resolveRef } from "../spec-rules.mjs";

export const LEVELS = ["none", "patch", "minor", "major"];
const HTTP_METHODS = ["get", "put", "post", "delete", "patch", "head", "options"];
const UPPER_LIMITS = ["maxLength", "maximum", "exclusiveMaximum", "maxItems", "maxProperties"];
const LOWER_LIMITS = ["minLength", "minimum", "exclusiveMinimum", "minItems", "minProperties"];

/** The higher of two levels ("none" < "patch" < "minor" < "major"). */
export const maxLevel = (a, b) => (LEVELS.indexOf(a) >= LEVELS.indexOf(b) ? a : b);

/** The changeset bump a level needs for a package at `version`: while 0.x, breaking and additions are both `minor`. */
export function requiredBump(level, version) {
  if (level === "none") return "none";
  if (/^0\./.test(version ?? "") && level === "major") return "minor";
  return level;
}

/**
 * Every difference between two specs that users can see, as `{ level, where, change }`
 * (level `major` breaking, `minor` an addition, `patch` anything else).
 *
 * @example
 * diffSpecs(before, after) // [{ level: "major", where: "POST /v1/{project_id}/workspaces body.name", change: "maxLength 64 → 32 (stricter)" }]
 */
export function diffSpecs(before, after) {
  const out = [];
  const ctx = { before, after, out };
  const opsBefore = operations(before);
  const opsAfter = operations(after);
  for (const [key, op] of opsBefore) {
    if (!opsAfter.has(key)) out.push({ level: "major", where: key, change: `operation ${op.operationId ?? key} removed` });
  }
  for (const [key, op] of opsAfter) {
    const old = opsBefore.get(key);
    if (!old) {
      out.push({ level: "minor", where: key, change: `operation ${op.operationId ?? key} added` });
      continue;
    }
    compareParameters(ctx, key, old, op);
    compareRequestBody(ctx, key, old, op);
    compareResponses(ctx, key, old, op);
  }
  compareNames(out, "components.schemas", Object.keys(before.components?.schemas ?? {}), Object.keys(after.components?.schemas ?? {}), "named type");
  compareNames(out, "servers", regions(before), regions(after), "region");
  if (out.length === 0 && JSON.stringify(before) !== JSON.stringify(after)) {
    out.push({ level: "patch", where: "spec", change: "descriptions, examples or notes only" });
  }
  return out;
}

/** The highest level of a diff ("none" when the specs are the same). */
export const diffLevel = (changes) => changes.reduce((level, c) => maxLevel(level, c.level), "none");

function operations(spec) {
  const ops = new Map();
  for (const [route, item] of Object.entries(spec.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      if (!item?.[method]) continue;
      ops.set(`${method.toUpperCase()} ${route}`, { ...item[method], parameters: [...(item.parameters ?? []), ...(item[method].parameters ?? [])] });
    }
  }
  return ops;
}

function regions(spec) {
  const names = new Set();
  for (const server of spec.servers ?? []) {
    if (server["x-region"]) names.add(server["x-region"]);
    for (const variable of Object.values(server.variables ?? {})) for (const value of variable.enum ?? []) names.add(String(value));
  }
  return [...names];
}

function compareNames(out, where, before, after, what) {
  for (const name of before) if (!after.includes(name)) out.push({ level: "major", where, change: `${what} ${name} removed` });
  for (const name of after) if (!before.includes(name)) out.push({ level: "minor", where, change: `${what} ${name} added` });
}

function compareParameters(ctx, key, old, op) {
  const index = (spec, params) => new Map(params.map((p) => resolveRef(spec, p)).map((p) => [`${p.in} ${p.name}`, p]));
  const before = index(ctx.before, old.parameters);
  const after = index(ctx.after, op.parameters);
  for (const [name, p] of before) if (!after.has(name)) ctx.out.push({ level: "major", where: key, change: `${p.in} parameter ${p.name} removed` });
  for (const [name, p] of after) {
    const was = before.get(name);
    const where = `${key} ${p.in} parameter ${p.name}`;
    if (!was) {
      ctx.out.push({ level: p.required ? "major" : "minor", where: key, change: `${p.required ? "required" : "optional"} ${p.in} parameter ${p.name} added` });
      continue;
    }
    if (!was.required && p.required) ctx.out.push({ level: "major", where, change: "now required" });
    if (was.required && !p.required) ctx.out.push({ level: "minor", where, change: "no longer required" });
    compareSchema(ctx, "request", where, was.schema, p.schema, new Set());
  }
}

const jsonSchemaOf = (spec, holder) => {
  const resolved = resolveRef(spec, holder);
  return resolved?.content?.["application/json"]?.schema;
};

function compareRequestBody(ctx, key, old, op) {
  const was = old.requestBody && resolveRef(ctx.before, old.requestBody);
  const now = op.requestBody && resolveRef(ctx.after, op.requestBody);
  const where = `${key} body`;
  if (was && !now) ctx.out.push({ level: "major", where, change: "request body removed" });
  if (!was && now) ctx.out.push({ level: now.required ? "major" : "minor", where, change: `${now.required ? "required" : "optional"} request body added` });
  if (!was || !now) return;
  if (!was.required && now.required) ctx.out.push({ level: "major", where, change: "request body now required" });
  compareSchema(ctx, "request", where, jsonSchemaOf(ctx.before, was), jsonSchemaOf(ctx.after, now), new Set());
}

function compareResponses(ctx, key, old, op) {
  for (const [status, response] of Object.entries(op.responses ?? {})) {
    if (!/^2/.test(status)) continue;
    const was = old.responses?.[status];
    if (!was) {
      ctx.out.push({ level: "minor", where: key, change: `response ${status} added` });
      continue;
    }
    compareSchema(ctx, "response", `${key} response ${status}`, jsonSchemaOf(ctx.before, was), jsonSchemaOf(ctx.after, response), new Set());
  }
  for (const status of Object.keys(old.responses ?? {})) {
    if (/^2/.test(status) && !op.responses?.[status]) ctx.out.push({ level: "major", where: key, change: `response ${status} removed` });
  }
}

const asSet = (value) => (value === undefined ? undefined : new Set(Array.isArray(value) ? value : [value]));
const show = (v) => JSON.stringify(v);

/** Narrowing is breaking in a request (what was sent is refused) and an addition's opposite in a response, and vice versa. */
function widened(direction) {
  return direction === "request" ? "minor" : "major";
}
function narrowed(direction) {
  return direction === "request" ? "major" : "minor";
}

function compareSets(ctx, direction, where, keyword, before, after) {
  if (before === undefined && after === undefined) return;
  if (before === undefined) return ctx.out.push({ level: narrowed(direction), where, change: `${keyword} ${show([...after])} added` });
  if (after === undefined) return ctx.out.push({ level: widened(direction), where, change: `${keyword} ${show([...before])} removed` });
  const removed = [...before].filter((v) => !after.has(v));
  const added = [...after].filter((v) => !before.has(v));
  if (removed.length) ctx.out.push({ level: narrowed(direction), where, change: `${keyword} ${show(removed)} removed` });
  if (added.length) ctx.out.push({ level: widened(direction), where, change: `${keyword} ${show(added)} added` });
}

function compareSchema(ctx, direction, where, rawBefore, rawAfter, seen) {
  if (rawBefore === undefined && rawAfter === undefined) return;
  // A recursive schema ($ref cycle) stops here: its where grows with each turn.
  if (where.length > 400) return;
  const a = resolveRef(ctx.before, rawBefore) ?? {};
  const b = resolveRef(ctx.after, rawAfter) ?? {};
  if (typeof a === "boolean" || typeof b === "boolean") {
    if (a !== b) ctx.out.push({ level: "major", where, change: `schema ${show(a)} → ${show(b)}` });
    return;
  }
  compareSets(ctx, direction, where, "type", asSet(a.type), asSet(b.type));
  compareSets(ctx, direction, where, "enum value", asSet(a.enum), asSet(b.enum));
  if (show(a.const) !== show(b.const)) ctx.out.push({ level: a.const === undefined ? narrowed(direction) : "major", where, change: `const ${show(a.const)} → ${show(b.const)}` });
  if (direction === "request") compareLimits(ctx, where, a, b);
  compareRequired(ctx, direction, where, a, b);
  compareProperties(ctx, direction, where, a, b, seen);
  if (a.items !== undefined || b.items !== undefined) compareSchema(ctx, direction, `${where}[]`, a.items, b.items, seen);
  if (direction === "request" && typeof a.additionalProperties !== "object" && typeof b.additionalProperties !== "object" && a.additionalProperties !== b.additionalProperties) {
    ctx.out.push({ level: b.additionalProperties === false ? "major" : "minor", where, change: `additionalProperties ${show(a.additionalProperties)} → ${show(b.additionalProperties)}` });
  }
  for (const keyword of ["allOf", "anyOf", "oneOf"]) {
    const before = a[keyword] ?? [];
    const after = b[keyword] ?? [];
    if (before.length === after.length) before.forEach((sub, i) => compareSchema(ctx, direction, `${where}(${keyword}[${i}])`, sub, after[i], seen));
    else ctx.out.push({ level: "major", where, change: `${keyword} has ${after.length} branches instead of ${before.length} (cannot tell whether looser)` });
  }
  for (const keyword of ["not", "if", "then", "else"]) {
    if (show(a[keyword]) === show(b[keyword])) continue;
    const level = direction === "request" ? (b[keyword] === undefined && keyword !== "if" ? "minor" : "major") : "patch";
    ctx.out.push({ level, where, change: `${keyword} changed${level === "major" ? " (cannot tell whether looser)" : ""}` });
  }
}

function compareLimits(ctx, where, a, b) {
  for (const keyword of [...UPPER_LIMITS, ...LOWER_LIMITS]) {
    const before = a[keyword];
    const after = b[keyword];
    if (before === after) continue;
    const upper = UPPER_LIMITS.includes(keyword);
    const stricter = after !== undefined && (before === undefined || (upper ? after < before : after > before));
    ctx.out.push({ level: stricter ? "major" : "minor", where, change: `${keyword} ${before ?? "none"} → ${after ?? "none"} (${stricter ? "stricter" : "looser"})` });
  }
  if (a.pattern !== b.pattern) {
    const looser = b.pattern === undefined;
    ctx.out.push({ level: looser ? "minor" : "major", where, change: looser ? `pattern ${a.pattern} removed (looser)` : `pattern ${a.pattern ?? "none"} → ${b.pattern} (cannot tell whether looser)` });
  }
}

function compareRequired(ctx, direction, where, a, b) {
  const before = new Set(a.required ?? []);
  const after = new Set(b.required ?? []);
  for (const name of after) {
    if (before.has(name) || !(name in (a.properties ?? {}))) continue;
    ctx.out.push({ level: direction === "request" ? "major" : "minor", where: `${where}.${name}`, change: "now required" });
  }
  for (const name of before) {
    if (after.has(name) || !(name in (b.properties ?? {}))) continue;
    ctx.out.push({ level: direction === "request" ? "minor" : "major", where: `${where}.${name}`, change: direction === "request" ? "no longer required" : "no longer always present" });
  }
}

function compareProperties(ctx, direction, where, a, b, seen) {
  const before = a.properties ?? {};
  const after = b.properties ?? {};
  for (const name of Object.keys(before)) {
    if (!(name in after)) ctx.out.push({ level: "major", where: `${where}.${name}`, change: `${direction} field removed` });
  }
  for (const [name, schema] of Object.entries(after)) {
    if (!(name in before)) {
      const required = (b.required ?? []).includes(name) && direction === "request";
      ctx.out.push({ level: required ? "major" : "minor", where: `${where}.${name}`, change: `${required ? "required" : "optional"} ${direction} field added` });
      continue;
    }
    compareSchema(ctx, direction, `${where}.${name}`, before[name], schema, seen);
  }
}

const RULE_KEYWORDS = ["type", "enum", "const", "not", "pattern", ...UPPER_LIMITS, ...LOWER_LIMITS, "anyOf"];

/**
 * Every request-body rule of a spec as `{ operationId, field, rule }`, named as the
 * testkit's rule tables name them (`grants[0].user_id`, `minLength`).
 *
 * @example
 * requestRules(spec) // [{ operationId: "createWorkspace", field: "name", rule: "required" }, ...]
 */
export function requestRules(spec) {
  const rules = [];
  for (const op of operations(spec).values()) {
    const body = op.requestBody && jsonSchemaOf(spec, op.requestBody);
    if (body) collectRules(spec, op.operationId, "", body, rules, 0);
  }
  return rules;
}

function collectRules(spec, operationId, field, raw, rules, depth) {
  const schema = resolveRef(spec, raw);
  if (!schema || typeof schema !== "object" || depth > 16) return;
  const at = (name) => (field ? `${field}.${name}` : name);
  for (const rule of RULE_KEYWORDS) if (schema[rule] !== undefined && field) rules.push({ operationId, field, rule });
  for (const name of schema.required ?? []) rules.push({ operationId, field: at(name), rule: "required" });
  for (const [name, sub] of Object.entries(schema.properties ?? {})) collectRules(spec, operationId, at(name), sub, rules, depth + 1);
  if (schema.items) collectRules(spec, operationId, `${field}[0]`, schema.items, rules, depth + 1);
  // Conditional and combined rules apply to the same field; their branches are one row (anyOf) or their own rows.
  for (const key of ["then", "else"]) if (schema[key]) collectRules(spec, operationId, field, schema[key], rules, depth + 1);
  for (const sub of schema.allOf ?? []) collectRules(spec, operationId, field, sub, rules, depth + 1);
}

/** The rules of `after` that `before` does not have (a new field's, or a new rule on a field). */
export function addedRules(before, after) {
  const key = (r) => `${r.operationId} ${r.field} ${r.rule}`;
  const had = new Set(requestRules(before).map(key));
  const seen = new Set();
  return requestRules(after).filter((r) => !had.has(key(r)) && !seen.has(key(r)) && seen.add(key(r)));
}
