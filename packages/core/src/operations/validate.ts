// Checks input against the rules generated from a spec (tooling/spec-rules.mjs),
// before anything is sent. A small interpreter of the JSON Schema keywords the
// specs use, not a schema engine: the generator refuses any other keyword, so
// every rule in a spec is enforced here.
import { ValidationError, type ValidationIssue } from "../errors/errors.js";

/** A JSON Schema type name. */
export type SchemaType = "string" | "number" | "integer" | "boolean" | "object" | "array" | "null";

/**
 * The JSON Schema keywords the validator enforces, with their JSON Schema meaning
 * (lengths count Unicode code points). The generator refuses a request schema with any
 * other keyword, so no rule of a spec is silently skipped.
 */
export interface Schema {
  /** The allowed type, or types. */
  type?: SchemaType | SchemaType[];
  /** The allowed values. */
  enum?: readonly unknown[];
  /** The one allowed value. */
  const?: unknown;
  /** A schema the value must not match. */
  not?: Schema;
  /** Fewest characters. */
  minLength?: number;
  /** Most characters. */
  maxLength?: number;
  /** A regular expression the text must match (read with the `u` flag). */
  pattern?: string;
  /** Smallest value, inclusive. */
  minimum?: number;
  /** Largest value, inclusive. */
  maximum?: number;
  /** Smallest value, exclusive. */
  exclusiveMinimum?: number;
  /** Largest value, exclusive. */
  exclusiveMaximum?: number;
  /** Fewest items. */
  minItems?: number;
  /** Most items. */
  maxItems?: number;
  /** The schema of every item. */
  items?: Schema;
  /** The schema of each named property. */
  properties?: Record<string, Schema>;
  /** The properties that must be present. */
  required?: readonly string[];
  /** `false`: no other properties; a schema: the rule of every other property. */
  additionalProperties?: boolean | Schema;
  /** Fewest properties. */
  minProperties?: number;
  /** Most properties. */
  maxProperties?: number;
  /** With `then` and `else`: the rule that applies depends on whether the value matches this. */
  if?: Schema;
  /** Applies when the value matches `if`. */
  then?: Schema;
  /** Applies when the value does not match `if`. */
  else?: Schema;
  /** Schemas the value must all match. */
  allOf?: Schema[];
  /** Schemas the value must match at least one of. */
  anyOf?: Schema[];
}

const PROBE: ValidationIssue[] = [];
const PROBE_ISSUE: ValidationIssue = { path: "", rule: "", message: "" };

/** Whether `value` satisfies `schema`, without building messages. */
function probe(schema: Schema, value: unknown, path: string): boolean {
  const before = PROBE.length;
  check(schema, value, path, PROBE);
  const ok = PROBE.length === before;
  PROBE.length = before;
  return ok;
}

const patterns = new Map<string, RegExp>();
function regex(pattern: string): RegExp {
  let re = patterns.get(pattern);
  if (!re) {
    // Unicode mode, as JSON Schema and the emulator's validator read patterns.
    re = new RegExp(pattern, "u");
    patterns.set(pattern, re);
  }
  return re;
}

/** JSON Schema counts characters as code points, not UTF-16 units; a lone surrogate is one. */
export function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

function typeOf(value: unknown): SchemaType | "undefined" | "function" | "bigint" | "symbol" {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  const t = typeof value;
  if (t === "number") return Number.isInteger(value) ? "integer" : "number";
  return t as SchemaType;
}

function hasType(value: unknown, type: SchemaType): boolean {
  const actual = typeOf(value);
  if (type === "number") return (actual === "number" || actual === "integer") && Number.isFinite(value);
  return actual === type;
}

export function show(value: unknown): string {
  let text: string;
  try {
    text = typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function describeType(value: unknown): string {
  const t = typeOf(value);
  return t === "integer" ? "number" : t;
}

function join(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

/** Edit distance with adjacent transpositions (optimal string alignment): `nmae` is 1 from `name`. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * "did you mean auth_type?" for authType, auth-type, AUTH_TYPE (same name but for
 * case and separators), and for typos such as nmae or auth_tpye (a small edit distance).
 */
export function suggest(name: string, known: string[]): string | undefined {
  const fold = (s: string) => s.toLowerCase().replace(/[-_]/g, "");
  const folded = fold(name);
  const same = known.find((k) => fold(k) === folded);
  if (same) return same;
  let best: { name: string; d: number } | undefined;
  for (const k of known) {
    const d = distance(folded, fold(k));
    // A third of the name may be wrong, at most two edits: `id` is not a typo of `ak`.
    if (d <= Math.min(2, Math.floor(folded.length / 3)) && (!best || d < best.d)) best = { name: k, d };
  }
  return best?.name;
}

// A readable "when auth_type is INTERNAL" from an `if` schema.
function describeCondition(cond: Schema): string {
  const parts: string[] = [];
  for (const [name, sub] of Object.entries(cond.properties ?? {})) {
    if (sub.enum) parts.push(`${name} is ${sub.enum.map(show).join(" or ")}`);
    else if ("const" in sub) parts.push(`${name} is ${show(sub.const)}`);
  }
  return parts.length ? `when ${parts.join(" and ")}` : "in this case";
}

function report(issues: ValidationIssue[], path: string, rule: string, message: () => string): void {
  const at = path || "body";
  issues.push(issues === PROBE ? PROBE_ISSUE : { path: at, rule, message: `${at} ${message()}` });
}

/**
 * Checks `value`; pushes one issue per broken rule. Sub-schemas that only decide
 * (`not`, `if`, `anyOf` branches) are probed with `probe()`, which skips building
 * messages: they are on every call's path, and most of them are meant to fail.
 */
export function check(schema: Schema, value: unknown, path: string, issues: ValidationIssue[]): void {
  const probing = issues === PROBE;
  // No closure per call: this runs for every node of every body sent. The message is
  // only built when a rule is broken and someone will read it.

  const type = schema.type;
  if (type !== undefined && !(typeof type === "string" ? hasType(value, type) : type.some((t) => hasType(value, t)))) {
    const types = typeof type === "string" ? [type] : type;
    report(issues, path, "type", () => `must be ${types.map((t) => (t === "null" ? "null" : `a${/^[aeiou]/.test(t) ? "n" : ""} ${t}`)).join(" or ")} (got ${describeType(value)})`);
    return; // the other rules would only repeat this one
  }
  const allowed = schema.enum;
  if (allowed !== undefined && allowed.indexOf(value) < 0) {
    report(issues, path, "enum", () => `must be one of ${allowed.map(show).join(", ")} (got ${show(value)})`);
  }
  if ("const" in schema && schema.const !== value) {
    report(issues, path, "const", () => `must be ${show(schema.const)} (got ${show(value)})`);
  }
  if (schema.not !== undefined) {
    if (probe(schema.not, value, path)) {
      const forbidden = "const" in schema.not ? [schema.not.const] : schema.not.enum;
      report(issues, path, "not", () => forbidden ? `must not be ${forbidden.map(show).join(" or ")} (reserved)` : `must not match the excluded form (got ${show(value)})`);
    }
  }

  if (typeof value === "string") {
    if (schema.minLength !== undefined || schema.maxLength !== undefined) {
      const n = codePoints(value);
      if (schema.minLength !== undefined && n < schema.minLength) {
        report(issues, path, "minLength", () =>
          value === "" && schema.minLength === 1 ? "must not be empty" : `must be at least ${schema.minLength} character${schema.minLength === 1 ? "" : "s"} (got ${n})`,
        );
      }
      if (schema.maxLength !== undefined && n > schema.maxLength) {
        report(issues, path, "maxLength", () => `must be at most ${schema.maxLength} characters (got ${n})`);
      }
    }
    if (schema.pattern !== undefined && !regex(schema.pattern).test(value)) {
      report(issues, path, "pattern", () => `must match /${schema.pattern}/ (got ${show(value)})`);
    }
  } else if (typeof value === "number") {
    if (schema.minimum !== undefined && value < schema.minimum) report(issues, path, "minimum", () => `must be >= ${schema.minimum} (got ${value})`);
    if (schema.maximum !== undefined && value > schema.maximum) report(issues, path, "maximum", () => `must be <= ${schema.maximum} (got ${value})`);
    if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum) report(issues, path, "exclusiveMinimum", () => `must be > ${schema.exclusiveMinimum} (got ${value})`);
    if (schema.exclusiveMaximum !== undefined && value >= schema.exclusiveMaximum) report(issues, path, "exclusiveMaximum", () => `must be < ${schema.exclusiveMaximum} (got ${value})`);
  } else if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) report(issues, path, "minItems", () => `must have at least ${schema.minItems} item${schema.minItems === 1 ? "" : "s"} (got ${value.length})`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems) report(issues, path, "maxItems", () => `must have at most ${schema.maxItems} items (got ${value.length})`);
    if (schema.items) value.forEach((item, i) => check(schema.items!, item, join(path, i), issues));
  } else if (typeOf(value) === "object") {
    checkObject(schema, value as Record<string, unknown>, path, issues);
  }

  if (schema.allOf) for (const sub of schema.allOf) check(sub, value, path, issues);
  if (schema.anyOf && !schema.anyOf.some((sub) => probe(sub, value, path))) {
    report(issues, path, "anyOf", () => {
      const reasons = schema.anyOf!.map((sub) => {
        const inner: ValidationIssue[] = [];
        check(sub, value, path, inner);
        return inner.map((i) => i.message).join(" and ");
      });
      return `must satisfy one of: ${reasons.join("; or ")}`;
    });
  }
  if (schema.if) {
    const holds = probe(schema.if, value, path);
    const branch = holds ? schema.then : schema.else;
    if (branch) {
      const inner: ValidationIssue[] = probing ? PROBE : [];
      const before = inner.length;
      check(branch, value, path, inner);
      if (!probing) {
        const when = holds ? ` (${describeCondition(schema.if)})` : "";
        for (const issue of inner.slice(before)) issues.push({ ...issue, message: issue.message + when });
      }
    }
  }
}

function checkObject(
  schema: Schema,
  value: Record<string, unknown>,
  path: string,
  issues: ValidationIssue[],
): void {
  const props = schema.properties ?? {};
  for (const name of schema.required ?? []) {
    if (value[name] === undefined) {
      issues.push(issues === PROBE ? PROBE_ISSUE : { path: join(path, name), rule: "required", message: `${join(path, name)} is required` });
    }
  }
  const keys = Object.keys(value).filter((k) => value[k] !== undefined);
  if (schema.minProperties !== undefined && keys.length < schema.minProperties) {
    const known = Object.keys(props);
    report(issues, path, "minProperties", () => known.length ? `must set at least ${schema.minProperties} of ${known.join(", ")}` : `must have at least ${schema.minProperties} fields`);
  }
  if (schema.maxProperties !== undefined && keys.length > schema.maxProperties) {
    report(issues, path, "maxProperties", () => `must have at most ${schema.maxProperties} fields (got ${keys.length})`);
  }
  for (const key of keys) {
    const sub = Object.prototype.hasOwnProperty.call(props, key) ? props[key] : undefined;
    if (sub) {
      check(sub, value[key], join(path, key), issues);
    } else if (schema.additionalProperties === false) {
      if (issues === PROBE) {
        issues.push(PROBE_ISSUE);
        continue;
      }
      const hint = suggest(key, Object.keys(props));
      issues.push({
        path: join(path, key),
        rule: "additionalProperties",
        message: `${join(path, key)} is not a known field${hint ? ` (did you mean ${hint}?)` : ""}; known fields: ${Object.keys(props).join(", ")}`,
      });
    } else if (typeof schema.additionalProperties === "object") {
      check(schema.additionalProperties, value[key], join(path, key), issues);
    }
  }
}

/** Throws a ValidationError listing every broken rule; returns quietly when the value is valid. */
export function assertValid(schema: Schema, value: unknown, context: { provider?: string; operation?: string; path?: string }): void {
  const issues: ValidationIssue[] = [];
  check(schema, value, context.path ?? "", issues);
  if (issues.length > 0) throw validationError(issues, context);
}

export function validationError(issues: ValidationIssue[], context: { provider?: string; operation?: string }): ValidationError {
  const where = [context.provider, context.operation].filter(Boolean).join(" ");
  const head = `Invalid ${where ? `${where} ` : ""}request, nothing was sent: `;
  return new ValidationError(head + issues.map((i) => i.message).join("; "), { ...context, issues });
}
