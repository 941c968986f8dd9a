// Turns a spec into the small data files @ws/core needs at run time: request rules
// (a compact subset of JSON Schema that core's validator understands) and the
// region table. Used by generate.mjs; exported for its tests.

// Keywords core's validator (packages/core/src/validate.ts) enforces.
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
        `${where}: keyword "${key}" is not enforced by @ws/core's validator; add it there (packages/core/src/validate.ts) and to VALIDATION_KEYWORDS first`,
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
  const entries = Object.entries(table)
    .map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`)
    .join("\n");
  return `export const endpoints = {\n${entries}\n} as const;\n\nexport type EndpointName = keyof typeof endpoints;\n`;
}
