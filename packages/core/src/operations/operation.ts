// Turns a caller's input for one generated operation into exactly what goes on
// the wire (path, query string, body text), checking every documented rule on
// that very text first. The body is serialised once and the check reads the
// JSON it produced, not the caller's object: `toJSON`, getters, sparse arrays,
// inherited or non-enumerable fields cannot slip an unchecked value past it.
import type { ValidationIssue } from "../errors/errors.js";
import { encodeRfc3986, expandPath } from "../http/endpoint.js";
import { check, show, suggest, validationError, type Schema } from "./validate.js";

/** How a list operation pages, from the spec's `x-paging`. */
export interface PagingRule {
  /** `records`: the offset counts records; `pages`: it counts pages; `none`: one answer holds everything. */
  style: "records" | "pages" | "none";
  /** Query parameter of the offset. */
  offset?: string;
  /** Query parameter of the page size. */
  limit?: string;
  /** The first page's offset. Default 0. */
  firstOffset?: number;
  /** Page size the SDK asks for when the caller gives none. */
  pageSize?: number;
  /** Response property holding the page's items. */
  items: string;
  /** Response property holding the total number of items, where the service sends one. */
  total?: string;
}

/** An operation as generated from a spec: where it goes and the rules its input must follow. */
export interface OperationSpec {
  /** The service's short name (`modelarts`). */
  provider: string;
  /** The spec's operation ID (`createWorkspace`). */
  id: string;
  /** The HTTP method, upper case. */
  method: string;
  /** The URL template (`/v1/{project_id}/workspaces`). */
  path: string;
  /** Whether sending it twice does no harm: only such requests are retried after they may have been processed. */
  idempotent: boolean;
  /** The path parameters, by name. */
  params?: Record<string, ParameterSpec>;
  /** The query parameters, by name. */
  query?: Record<string, ParameterSpec>;
  /** The JSON body's rules, when the operation takes one. */
  body?: Schema;
  /** List operations: how the service pages. */
  paging?: PagingRule;
}

/** A path or query parameter of an {@link OperationSpec}. */
export interface ParameterSpec {
  /** Whether it must be given. */
  required: boolean;
  /** Its rules. */
  schema: Schema;
}

/** What a caller passes for one operation: path parameters, query parameters, JSON body. */
export interface OperationInput {
  /** Path parameters, by name. */
  params?: Record<string, unknown> | undefined;
  /** Query parameters, by name (undefined values are left out). */
  query?: Record<string, unknown> | undefined;
  /** The JSON body. */
  body?: unknown;
}

/** The checked, encoded request parts. */
export interface PreparedRequest {
  /** Path and query string, encoded. */
  target: string;
  /** The JSON text to send, or undefined for no body. */
  body: string | undefined;
}

function serialise(value: unknown, issues: ValidationIssue[]): { text: string; sent: unknown } | undefined {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    // BigInt, a cycle, a throwing getter or toJSON.
    issues.push({ path: "body", rule: "json", message: `body cannot be sent as JSON (${(error as Error).message})` });
    return undefined;
  }
  if (text === undefined) {
    issues.push({ path: "body", rule: "json", message: `body cannot be sent as JSON (got ${typeof value})` });
    return undefined;
  }
  return { text, sent: JSON.parse(text) };
}

function encodeQuery(operation: OperationSpec, query: Record<string, unknown>, issues: ValidationIssue[]): string {
  const known = operation.query ?? {};
  const pairs: string[] = [];
  for (const [name, param] of Object.entries(known)) {
    if (param.required && query[name] === undefined) issues.push({ path: name, rule: "required", message: `${name} (query parameter) is required` });
  }
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    const param = Object.prototype.hasOwnProperty.call(known, name) ? known[name] : undefined;
    if (!param) {
      const hint = suggest(name, Object.keys(known));
      issues.push({
        path: name,
        rule: "additionalProperties",
        message: `${name} is not a known query parameter${hint ? ` (did you mean ${hint}?)` : ""}; known: ${Object.keys(known).join(", ") || "none"}`,
      });
      continue;
    }
    const before = issues.length;
    check(param.schema, value, name, issues);
    if (issues.length > before) continue;
    if (typeof value === "object" || typeof value === "function" || typeof value === "symbol") {
      issues.push({ path: name, rule: "type", message: `${name} (query parameter) cannot be sent as text (got ${show(value)})` });
      continue;
    }
    try {
      pairs.push(`${encodeRfc3986(name)}=${encodeRfc3986(String(value))}`);
    } catch {
      issues.push({ path: name, rule: "encoding", message: `${name} (query parameter) cannot be encoded: it contains a lone UTF-16 surrogate` });
    }
  }
  return pairs.length ? `?${pairs.join("&")}` : "";
}

/**
 * Checks `input` against the operation's rules and encodes it. Throws a
 * ValidationError naming every broken rule; nothing is sent then.
 */
export function prepareRequest(operation: OperationSpec, input: OperationInput): PreparedRequest {
  const issues: ValidationIssue[] = [];
  const params = input.params ?? {};
  for (const [name, param] of Object.entries(operation.params ?? {})) {
    if (params[name] !== undefined) check(param.schema, params[name], name, issues);
  }
  const path = expandPath(operation.path, params, issues);
  const query = input.query === undefined ? "" : encodeQuery(operation, input.query, issues);
  let body: string | undefined;
  if (operation.body) {
    if (input.body === undefined) {
      issues.push({ path: "body", rule: "required", message: "body is required" });
    } else {
      const serialised = serialise(input.body, issues);
      if (serialised) {
        check(operation.body, serialised.sent, "", issues);
        body = serialised.text;
      }
    }
  }
  if (issues.length > 0) throw validationError(issues, { provider: operation.provider, operation: operation.id });
  return { target: path + query, body };
}
