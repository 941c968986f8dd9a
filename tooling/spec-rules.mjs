// Turns a spec into the small data files @ws/core needs at run time: request rules
// (a compact subset of JSON Schema that core's validator understands) and the
// region table. Used by generate.mjs; exported for its tests.

// Keywords core's validator (packages/core/src/operations/validate.ts) enforces.
export const VALIDATION_KEYWORDS = new Set([
  "type", "enum", "const", "not",
  "minLength", "maxLength", "pattern",
  "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
  "minItems", "maxItems", "items",
  "properties", "required", "additionalProperties", "minProperties", "maxProperties",
  "if", "then", "else", "allOf", "anyOf",
]);
// Keywords that only describe; dropped from the rules.
const ANNOTATIONS = new Set([
  "description", "summary", "title", "examples", "example", "default", "deprecated", "$comment", "format",
]);

const HTTP_METHODS = ["get", "put", "post", "delete", "patch", "head", "options"];
const IDEMPOTENT = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);

export function resolveRef(spec, node) {
  let seen = 0;
  while (node && typeof node === "object" && typeof node.$ref === "string") {
    if (!node.$ref.startsWith("#/")) throw new Error(`only local $refs are supported: ${node.$ref}`);
    node = node.$ref
      .slice(2)
      .split("/")
      .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce((o, key) => o?.[key], spec);
    if (node === undefined) throw new Error(`unresolved $ref`);
    if (++seen > 32) throw new Error("$ref cycle");
  }
  return node;
}

/** A request schema reduced to the keywords the runtime validator checks. */
export function compactSchema(spec, schema, where) {
  schema = resolveRef(spec, schema);
  if (typeof schema === "boolean") return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key) || key.startsWith("x-")) continue;
    if (!VALIDATION_KEYWORDS.has(key)) {
      throw new Error(
        `${where}: keyword "${key}" is not enforced by @ws/core's validator; add it there (packages/core/src/operations/validate.ts) and to VALIDATION_KEYWORDS first`,
      );
    }
    switch (key) {
      case "properties":
        out.properties = Object.fromEntries(
          Object.entries(value).map(([name, sub]) => [name, compactSchema(spec, sub, `${where}.${name}`)]),
        );
        break;
      case "items":
      case "not":
      case "if":
      case "then":
      case "else":
        out[key] = compactSchema(spec, value, `${where}(${key})`);
        break;
      case "additionalProperties":
        out[key] = typeof value === "boolean" ? value : compactSchema(spec, value, `${where}.*`);
        break;
      case "allOf":
      case "anyOf":
        out[key] = value.map((sub, i) => compactSchema(spec, sub, `${where}(${key}[${i}])`));
        break;
      case "pattern":
        // Fail at generation time, not in a user's process, if a pattern is not a valid
        // ECMAScript regular expression in Unicode mode (what both validators use).
        new RegExp(value, "u");
        out[key] = value;
        break;
      default:
        out[key] = value;
    }
  }
  return out;
}

export function extractOperations(spec) {
  const ops = [];
  for (const [route, item] of Object.entries(spec.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!op) continue;
      if (!op.operationId) throw new Error(`${method.toUpperCase()} ${route} has no operationId`);
      const where = op.operationId;
      const params = {};
      const query = {};
      for (const raw of [...(item.parameters ?? []), ...(op.parameters ?? [])]) {
        const p = resolveRef(spec, raw);
        const target = p.in === "path" ? params : p.in === "query" ? query : null;
        if (!target) continue; // header parameters are set by the transport, not by callers
        target[p.name] = { required: p.required === true, schema: compactSchema(spec, p.schema ?? {}, `${where}.${p.name}`) };
      }
      const content = resolveRef(spec, op.requestBody)?.content?.["application/json"];
      const upper = method.toUpperCase();
      ops.push({
        id: op.operationId,
        method: upper,
        path: route,
        idempotent: op["x-idempotent"] ?? IDEMPOTENT.has(upper),
        ...(Object.keys(params).length ? { params } : {}),
        ...(Object.keys(query).length ? { query } : {}),
        ...(content ? { body: compactSchema(spec, content.schema, `${where}.body`) } : {}),
        ...(op["x-paging"] ? { paging: pagingRule(op["x-paging"], where) } : {}),
      });
    }
  }
  return ops;
}

const PAGING_KEYS = new Set(["style", "offset", "limit", "firstOffset", "pageSize", "items", "total"]);

/** An operation's `x-paging` as core's PagingRule (authors' x-notes dropped). */
export function pagingRule(paging, where) {
  const out = {};
  for (const [key, value] of Object.entries(paging)) {
    if (key.startsWith("x-")) continue;
    if (!PAGING_KEYS.has(key)) throw new Error(`${where}: x-paging has an unknown key "${key}"`);
    out[key] = value;
  }
  if (!["records", "pages", "none"].includes(out.style)) throw new Error(`${where}: x-paging.style must be records, pages or none`);
  if (typeof out.items !== "string") throw new Error(`${where}: x-paging.items must name the response property holding the items`);
  if (out.style !== "none" && typeof out.offset !== "string") throw new Error(`${where}: x-paging.offset must name the offset parameter`);
  return out;
}

export function buildOperations(spec, name) {
  const ops = extractOperations(spec);
  let out = `import type { OperationSpec } from "@ws/core";\n`;
  for (const op of ops) {
    out += `\nexport const ${op.id}: OperationSpec = ${JSON.stringify({ provider: name, ...op }, null, 2)};\n`;
  }
  const notFound = spec["x-not-found-codes"] ?? [];
  if (!Array.isArray(notFound) || notFound.some((c) => typeof c !== "string")) throw new Error("x-not-found-codes must be a list of strings");
  out += `\n/** Error codes that mean the workspace does not exist (the spec's x-not-found-codes). */\nexport const notFoundCodes: readonly string[] = ${JSON.stringify(notFound)};\n`;
  return out;
}

/** `servers` to a region (or site) table: templated servers expand their enum, others name theirs with x-region / x-site. */
export function extractEndpoints(spec) {
  const table = {};
  for (const server of spec.servers ?? []) {
    const key = server["x-region"] ?? server["x-site"];
    const variable = server.variables?.region ?? server.variables?.site;
    if (key) {
      table[key] = server.url;
    } else if (variable) {
      const name = server.variables.region ? "region" : "site";
      for (const value of variable.enum ?? [variable.default]) table[value] = server.url.replace(`{${name}}`, value);
    }
  }
  for (const [key, url] of Object.entries(table)) {
    if (/[{}]/.test(url)) throw new Error(`server for ${key} still has a variable: ${url}`);
    if (!url.startsWith("https://")) throw new Error(`server for ${key} is not https: ${url}`);
  }
  return table;
}

export function buildEndpoints(spec) {
  const table = extractEndpoints(spec);
  // A site's server names it (TrueWatch: "TrueWatch Europe 1 (Frankfurt)"); a region is its name.
  const sites = Object.fromEntries((spec.servers ?? []).filter((s) => s["x-site"] && s.description).map((s) => [s["x-site"], s.description.trim()]));
  const site = (spec.servers ?? []).some((s) => s["x-site"] || s.variables?.site);
  const entries = Object.entries(table)
    .map(([k, v]) => `  /** ${sites[k] ? `${sites[k].replace(/\*\//g, "*\\/").replace(/\.$/, "")}.` : `The endpoint of ${site ? "site" : "region"} \`${k}\`.`} */\n  ${JSON.stringify(k)}: ${JSON.stringify(v)},`)
    .join("\n");
  const noun = site ? "site" : "region";
  return (
    `/** The documented base URL of each ${noun}. */\nexport const endpoints = {\n${entries}\n} as const;\n\n` +
    `/** A ${noun} with a documented endpoint. */\nexport type EndpointName = keyof typeof endpoints;\n`
  );
}

// ---------------------------------------------------------------------------
// Command data for @ws/cli: per provider and operation, what a user sees (the
// operation's summary and description, each parameter's and top-level body
// field's type, enum, limits, default, required flag and description), so the
// CLI builds its flags and --help from the specs. Authors' `x-` notes never
// reach it: only `summary`, `description` and the validation keywords do.

const FIELD_LIMITS = ["minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "pattern", "minItems", "maxItems"];

/** Collapses a spec description into plain help text (one paragraph per blank line). */
function helpText(text) {
  if (typeof text !== "string") return undefined;
  const out = text
    .trim()
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, " ").trim())
    .filter(Boolean)
    .join("\n\n");
  return out || undefined;
}

/** The JSON types a schema accepts, following $refs, anyOf/allOf branches and `const`. */
function schemaTypes(spec, schema, depth = 0) {
  schema = resolveRef(spec, schema);
  if (!schema || typeof schema !== "object" || depth > 8) return [];
  const types = new Set();
  if (Array.isArray(schema.type)) schema.type.forEach((t) => types.add(t));
  else if (typeof schema.type === "string") types.add(schema.type);
  if (types.size === 0) {
    for (const key of ["anyOf", "oneOf"]) for (const sub of schema[key] ?? []) schemaTypes(spec, sub, depth + 1).forEach((t) => types.add(t));
    for (const sub of schema.allOf ?? []) schemaTypes(spec, sub, depth + 1).forEach((t) => types.add(t));
    if (types.size === 0 && schema.const !== undefined) types.add(schema.const === null ? "null" : typeof schema.const === "number" ? "number" : typeof schema.const);
    if (types.size === 0 && Array.isArray(schema.enum)) schema.enum.forEach((v) => types.add(v === null ? "null" : typeof v === "number" ? (Number.isInteger(v) ? "integer" : "number") : typeof v));
  }
  // `integer` is a `number`: name the wider one only.
  if (types.has("number")) types.delete("integer");
  return [...types];
}

/** One parameter or top-level body field as the CLI shows it. */
function fieldInfo(spec, name, where, required, raw, outerDescription) {
  const schema = resolveRef(spec, raw ?? {});
  const field = { name, in: where, type: schemaTypes(spec, schema).join("|") || "any", required };
  const description = helpText(outerDescription) ?? helpText(raw?.description) ?? helpText(schema.description);
  if (description) field.description = description;
  if (Array.isArray(schema.enum)) field.enum = schema.enum;
  if (schema.const !== undefined) field.enum = [schema.const];
  for (const key of FIELD_LIMITS) if (schema[key] !== undefined) field[key] = schema[key];
  const fallback = raw?.default !== undefined ? raw.default : schema.default;
  if (fallback !== undefined) field.default = fallback;
  if (field.type.split("|").includes("array") && schema.items) {
    const items = schemaTypes(spec, schema.items).join("|");
    if (items) field.items = items;
  }
  return field;
}

/** Every operation of one spec, for the CLI (see the note above). */
export function extractCommands(spec) {
  const operations = {};
  for (const [route, item] of Object.entries(spec.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!op) continue;
      const fields = [];
      for (const raw of [...(item.parameters ?? []), ...(op.parameters ?? [])]) {
        const p = resolveRef(spec, raw);
        if (p.in !== "path" && p.in !== "query") continue;
        fields.push(fieldInfo(spec, p.name, p.in, p.in === "path" || p.required === true, p.schema, p.description));
      }
      const requestBody = resolveRef(spec, op.requestBody);
      const bodySchema = resolveRef(spec, requestBody?.content?.["application/json"]?.schema);
      let body;
      if (bodySchema) {
        const required = new Set(bodySchema.required ?? []);
        for (const [name, sub] of Object.entries(bodySchema.properties ?? {})) {
          fields.push(fieldInfo(spec, name, "body", required.has(name), sub, undefined));
        }
        body = { required: requestBody.required === true };
        const description = helpText(bodySchema.description);
        if (description) body.description = description;
      }
      operations[op.operationId] = {
        operationId: op.operationId,
        method: method.toUpperCase(),
        path: route,
        ...(helpText(op.summary) ? { summary: helpText(op.summary) } : {}),
        ...(helpText(op.description) ? { description: helpText(op.description) } : {}),
        fields,
        ...(body ? { body } : {}),
        ...(op["x-paging"] ? { paged: true } : {}),
      };
    }
  }
  return operations;
}

/** packages/cli/src/generated/commands.ts: every spec's commands, by provider. */
export function buildCommands(specs) {
  const providers = {};
  for (const [name, spec] of Object.entries(specs)) {
    providers[name] = {
      title: spec.info?.title ?? name,
      ...(helpText(spec.info?.summary) ? { summary: helpText(spec.info.summary) } : {}),
      operations: extractCommands(spec),
    };
  }
  return `/** A parameter or top-level body field of an operation, as the spec documents it. */
export interface FieldInfo {
  /** As the API spells it (\`auth_type\`, \`needCreateAk\`); the CLI flag is its kebab case. */
  name: string;
  /** Where it goes: a path or query parameter, or a top-level field of the JSON body. */
  in: "path" | "query" | "body";
  /** JSON type(s), \`|\`-separated: string, integer, number, boolean, array, object, null. */
  type: string;
  /** Whether the operation requires it. */
  required: boolean;
  /** The spec's description, as plain help text. */
  description?: string;
  /** The allowed values. */
  enum?: readonly unknown[];
  /** The value the service uses when it is left out. */
  default?: unknown;
  /** Fewest characters (Unicode code points). */
  minLength?: number;
  /** Most characters (Unicode code points). */
  maxLength?: number;
  /** Smallest value, inclusive. */
  minimum?: number;
  /** Largest value, inclusive. */
  maximum?: number;
  /** Smallest value, exclusive. */
  exclusiveMinimum?: number;
  /** Largest value, exclusive. */
  exclusiveMaximum?: number;
  /** Regular expression (ECMAScript, with the \`u\` flag) the text must match. */
  pattern?: string;
  /** Fewest items. */
  minItems?: number;
  /** Most items. */
  maxItems?: number;
  /** An array's item type. */
  items?: string;
}

/** An operation of a spec, as the CLI offers it. */
export interface OperationInfo {
  /** The spec's operation ID (\`createWorkspace\`). */
  operationId: string;
  /** The HTTP method, upper case. */
  method: string;
  /** The URL template (\`/v1/{project_id}/workspaces\`). */
  path: string;
  /** The spec's one-line summary. */
  summary?: string;
  /** The spec's description, as plain help text. */
  description?: string;
  /** The path and query parameters and the top-level body fields. */
  fields: readonly FieldInfo[];
  /** Present when the operation takes a JSON body. */
  body?: {
    /** Whether the body is required. */
    required: boolean;
    /** The spec's description of the body. */
    description?: string;
  };
  /** A list operation that pages (x-paging). */
  paged?: boolean;
}

/** A service's spec, as the CLI offers it. */
export interface ProviderInfo {
  /** The spec's title. */
  title: string;
  /** The spec's summary. */
  summary?: string;
  /** The operations, by operation ID. */
  operations: Readonly<Record<string, OperationInfo>>;
}

/** Every spec's operations and fields, by provider (\`res\`, \`insight\`, \`modelarts\`, \`fabric\`, \`truewatch\`). */
export const providers: Readonly<Record<string, ProviderInfo>> = ${JSON.stringify(providers, null, 2)};
`;
}

const HTTP_METHOD_SET = new Set(HTTP_METHODS);

/**
 * Every error code the spec documents, from its error responses' examples
 * (`error_code`/`errorCode` with `error_msg`/`message`): code, HTTP status, meaning.
 * The first example of a code gives its meaning; codes are listed once.
 */
export function extractErrorCodes(spec) {
  const codes = new Map();
  for (const item of Object.values(spec.paths ?? {})) {
    for (const [method, op] of Object.entries(item)) {
      if (!HTTP_METHOD_SET.has(method)) continue;
      for (const [status, raw] of Object.entries(op.responses ?? {})) {
        const response = resolveRef(spec, raw);
        for (const media of Object.values(response.content ?? {})) {
          for (const example of Object.values(media.examples ?? {})) {
            const value = resolveRef(spec, example).value;
            const record = value && typeof value === "object" ? value : {};
            const nested = record.error && typeof record.error === "object" ? record.error : {};
            const code = record.error_code ?? record.errorCode ?? nested.code;
            if (typeof code !== "string" || code === "" || /^\d{3}$/.test(code)) continue;
            const meaning = String(record.error_msg ?? record.message ?? nested.message ?? "").trim();
            const known = codes.get(code);
            if (!known) codes.set(code, { code, statuses: [Number(status)], meaning });
            else if (!known.statuses.includes(Number(status))) known.statuses.push(Number(status));
          }
        }
      }
    }
  }
  return [...codes.values()].sort((a, b) => a.code.localeCompare(b.code));
}

/** `ModelArts.0102` → `MODELARTS_0102`, `ft.InvalidAPIKey` → `FT_INVALID_API_KEY`, `RouterNotFound` → `ROUTER_NOT_FOUND`. */
export function errorCodeName(code) {
  const dot = code.lastIndexOf(".");
  const prefix = dot === -1 ? "" : code.slice(0, dot);
  const words = code
    .slice(dot + 1)
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2");
  return [prefix, words]
    .filter(Boolean)
    .join("_")
    .replace(/[^A-Za-z0-9]+/g, "_")
    .replace(/^_|_$/g, "")
    .toUpperCase()
    .replace(/^(\d)/, "E_$1");
}

export function buildErrorCodes(spec, name) {
  const codes = extractErrorCodes(spec);
  const comment = (text) => text.replace(/\*\//g, "*\\/");
  let out = `/**\n * The error codes the ${name} spec documents, by name, for \`error.hasCode(...)\`:\n * \`if (error instanceof ApiError && error.hasCode(errorCodes.${codes[0] ? errorCodeName(codes[0].code) : "X"})) ...\`\n */\nexport const errorCodes = {\n`;
  const seen = new Set();
  for (const { code, statuses, meaning } of codes) {
    const key = errorCodeName(code);
    if (seen.has(key)) continue;
    seen.add(key);
    out += `  /** HTTP ${statuses.join(" / ")}${meaning ? `: ${comment(meaning)}` : ""} */\n  ${key}: ${JSON.stringify(code)},\n`;
  }
  out += `} as const;\n\n/** What each documented code means, and with which HTTP status it comes. */\nexport const errorCodeMeanings: Readonly<\n  Record<\n    string,\n    {\n      /** The HTTP statuses the code comes with. */\n      status: readonly number[];\n      /** The message the documents show with it (may hold placeholders such as \`{0}\`). */\n      meaning: string;\n    }\n  >\n> = {\n`;
  for (const { code, statuses, meaning } of codes) out += `  ${JSON.stringify(code)}: { status: ${JSON.stringify(statuses)}, meaning: ${JSON.stringify(meaning)} },\n`;
  return `${out}};\n`;
}
