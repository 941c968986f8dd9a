// Doc comments for the types openapi-typescript writes (schema.ts), so that every
// member a user can reach through `paths`, `components` and `operations` says what it
// is in the API reference (`pnpm docs`, which fails on an undocumented member):
//
// - openapi-typescript's `@description` becomes the comment's text (TypeDoc knows no
//   such tag), and its `@constant` and `@enum {type}` go (the type already says both);
// - the members that carry the spec's structure (a path's methods and parameters, an
//   operation's request body and responses, a response's headers and content, the
//   sections of `components`) get a comment saying what they hold;
// - a property that refers to a named schema, response, parameter or header and has no
//   description of its own takes the description of what it refers to;
// - a named schema without a description says which operations send or answer it.
//
// A spec property that still has no description is a gap in the spec: the comment
// says the documents do not describe it, which is what the spec's silence means.
import ts from "typescript";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const LOCATIONS = { query: "query", header: "header", path: "path", cookie: "cookie" };
const SECTIONS = {
  schemas: "The named schemas: request and response bodies and their parts.",
  responses: "The named answers (mostly errors), each with its headers and body.",
  parameters: "The parameters several operations share.",
  requestBodies: "The request bodies several operations share.",
  headers: "The response headers several answers share.",
  pathItems: "The path items several paths share.",
};

/** Adds or rewrites the doc comments of openapi-typescript's nodes (in place) and returns them. */
export function documentSchema(nodes, spec) {
  const api = spec.info?.title ?? "API";
  const ops = operationsOf(spec);
  const top = {
    paths: `Every path of the ${api}, by URL template, with its parameters and its operations by HTTP method. \`client.raw\` (openapi-fetch) is typed by it.`,
    webhooks: "Webhooks: none in this API.",
    components: `The named schemas, answers, parameters and headers of the ${api}.`,
    $defs: "Schema definitions outside `components`: none in this API.",
    operations: `Each operation of the ${api}, by operation ID: its parameters, request body and answers.`,
  };
  for (const node of nodes) {
    if (!ts.isInterfaceDeclaration(node) && !ts.isTypeAliasDeclaration(node)) continue;
    const name = node.name.text;
    fixComment(node);
    if (!hasComment(node) && top[name]) setComment(node, top[name]);
    const members = ts.isInterfaceDeclaration(node) ? node.members : [node.type];
    for (const member of members) visit(member, [name], { spec, ops });
  }
  return nodes;
}

function visit(node, keys, ctx) {
  if (ts.isPropertySignature(node)) {
    const path = [...keys, keyText(node.name)];
    fixComment(node);
    if (!hasComment(node)) {
      const text = describe(path, node, ctx);
      if (text) setComment(node, text);
    }
    if (node.type) visit(node.type, path, ctx);
    return;
  }
  ts.forEachChild(node, (child) => visit(child, keys, ctx));
}

function keyText(name) {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) ? name.text : name.getText();
}

// What a member without a comment of its own is, from where it sits.
function describe(path, node, ctx) {
  const never = node.type?.kind === ts.SyntaxKind.NeverKeyword;
  const [root, ...rest] = path;
  if (root === "paths") {
    const [template, member, ...more] = rest;
    if (member === undefined) return `The path \`${template}\`: its parameters and its operations, by HTTP method.`;
    if (METHODS.includes(member) && more.length === 0) {
      if (never) return `No ${member.toUpperCase()} operation on this path.`;
      const op = ctx.ops.byPath.get(`${member} ${template}`);
      return op ? operationText(op) : `The ${member.toUpperCase()} operation on this path.`;
    }
    if (member === "parameters") return parameterText(more, never, ctx, "every operation on this path takes");
    if (METHODS.includes(member)) {
      const op = ctx.ops.byPath.get(`${member} ${template}`);
      return operationMember(more, never, ctx, op);
    }
  }
  if (root === "operations") {
    const [id, ...more] = rest;
    const op = ctx.ops.byId.get(id);
    if (more.length === 0) return op ? operationText(op) : `The operation \`${id}\`.`;
    return operationMember(more, never, ctx, op);
  }
  if (root === "components") {
    const [section, name, ...more] = rest;
    if (name === undefined) return SECTIONS[section] ? SECTIONS[section] + (never ? " None in this API." : "") : undefined;
    const declared = ctx.spec.components?.[section]?.[name];
    if (section === "schemas") {
      if (more.length === 0) return described(declared, ctx) ?? schemaUse(name, ctx);
      return propertyText(declared, more, ctx);
    }
    if (section === "responses") return more.length === 0 ? described(declared, ctx) : responseMember(more, never, ctx, declared);
    if (section === "parameters" || section === "headers") return described(declared, ctx) ?? `The \`${name}\` ${section === "headers" ? "header" : "parameter"}.`;
  }
  return undefined;
}

// Inside an operation: [parameters, ...] | [requestBody, ...] | [responses, ...].
function operationMember(keys, never, ctx, op) {
  const [member, ...more] = keys;
  if (member === "parameters") return parameterText(more, never, ctx, "the operation takes", op);
  if (member === "requestBody") {
    if (more.length === 0) return never ? "No request body." : (described(op?.requestBody, ctx) ?? "The request body.");
    if (more[0] !== "content") return undefined;
    return contentMember(more.slice(1), never, ctx, resolve(ctx.spec, op?.requestBody)?.content);
  }
  if (member === "responses") {
    if (more.length === 0) return "The answers, by HTTP status code.";
    const [status, ...inner] = more;
    const response = op?.responses?.[status];
    if (inner.length === 0) return described(response, ctx) ?? `The answer with HTTP status ${status}.`;
    return responseMember(inner, never, ctx, response);
  }
  return undefined;
}

// Inside a response: [headers, name?] | [content, mediaType?, ...property path].
function responseMember(keys, never, ctx, response) {
  const [member, ...more] = keys;
  const resolved = resolve(ctx.spec, response);
  if (member === "headers") {
    if (more.length === 0) return "The answer's headers.";
    return described(resolved?.headers?.[more[0]], ctx) ?? `The \`${more[0]}\` header.`;
  }
  if (member === "content") return contentMember(more, never, ctx, resolved?.content);
  return undefined;
}

// Inside `content`: [mediaType?, ...property path].
function contentMember(keys, never, ctx, content) {
  const [mediaType, ...more] = keys;
  if (mediaType === undefined) return never ? "No body." : "The body, by media type.";
  const schema = content?.[mediaType]?.schema;
  if (more.length === 0) return described(schema, ctx) ?? (mediaType === "application/json" ? "The JSON body." : `The \`${mediaType}\` body.`);
  return propertyText(schema, more, ctx);
}

function parameterText(keys, never, ctx, whose, op) {
  const [location, name] = keys;
  if (location === undefined) return `The parameters ${whose}, by where they go.`;
  const where = LOCATIONS[location] ?? location;
  if (name === undefined) return never ? `No ${where} parameters.` : `The ${where} parameters.`;
  const declared = (op?.parameters ?? []).map((p) => resolve(ctx.spec, p)).find((p) => p?.name === name && p?.in === location);
  return described(declared, ctx) ?? `The \`${name}\` ${where} parameter.`;
}

// A property of a schema, several levels down: its own description, or that of what it refers to.
function propertyText(schema, keys, ctx) {
  let property;
  let current = schema;
  for (const key of keys) {
    property = findProperty(ctx.spec, current, key);
    if (property === undefined) return undocumented();
    current = property;
  }
  return described(property, ctx) ?? undocumented();
}

function undocumented() {
  return "The service's documents name this field without describing it.";
}

function findProperty(spec, schema, key, seen = new Set()) {
  const s = resolve(spec, schema);
  if (!s || typeof s !== "object" || seen.has(s)) return undefined;
  seen.add(s);
  if (s.properties && Object.hasOwn(s.properties, key)) return s.properties[key];
  for (const branch of [...(s.allOf ?? []), ...(s.anyOf ?? []), ...(s.oneOf ?? []), s.items].filter(Boolean)) {
    const found = findProperty(spec, branch, key, seen);
    if (found !== undefined) return found;
  }
  return undefined;
}

// The description of a spec object, or of what it refers to (through $ref and array items).
function described(object, ctx, seen = new Set()) {
  if (!object || typeof object !== "object" || seen.has(object)) return undefined;
  seen.add(object);
  if (typeof object.description === "string" && object.description.trim()) return object.description.trim();
  if (object.$ref) return described(resolve(ctx.spec, object), ctx, seen);
  if (object.items) return described(object.items, ctx, seen);
  return undefined;
}

function schemaUse(name, ctx) {
  const ref = `#/components/schemas/${name}`;
  const sent = [];
  const answered = [];
  for (const op of ctx.ops.byId.values()) {
    const body = resolve(ctx.spec, op.requestBody);
    if (Object.values(body?.content ?? {}).some((c) => c.schema?.$ref === ref)) sent.push(op.operationId);
    for (const [status, response] of Object.entries(op.responses ?? {})) {
      const r = resolve(ctx.spec, response);
      if (/^2/.test(status) && Object.values(r?.content ?? {}).some((c) => c.schema?.$ref === ref)) answered.push(op.operationId);
    }
  }
  const list = (ids) => ids.map((id) => `\`${id}\``).join(", ");
  if (sent.length > 0) return `The request body of ${list(sent)}.`;
  if (answered.length > 0) return `The successful answer of ${list(answered)}.`;
  return `The \`${name}\` schema.`;
}

function operationText(op) {
  const head = `${op.summary ? op.summary.trim().replace(/\.$/, "") : op.operationId}: \`${op.method.toUpperCase()} ${op.path}\`.`;
  return op.description ? `${head}\n\n${op.description.trim()}` : head;
}

function operationsOf(spec) {
  const byId = new Map();
  const byPath = new Map();
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of METHODS) {
      const op = item?.[method];
      if (!op) continue;
      const entry = { ...op, method, path, parameters: [...(item.parameters ?? []), ...(op.parameters ?? [])] };
      if (op.operationId) byId.set(op.operationId, entry);
      byPath.set(`${method} ${path}`, entry);
    }
  }
  return { byId, byPath };
}

function resolve(spec, object) {
  let current = object;
  for (let i = 0; current && typeof current === "object" && current.$ref && i < 20; i++) {
    const ref = current.$ref;
    if (!ref.startsWith("#/")) return undefined;
    current = ref
      .slice(2)
      .split("/")
      .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce((node, part) => node?.[part], spec);
  }
  return current;
}

// --- comments -------------------------------------------------------------------

function hasComment(node) {
  return (ts.getSyntheticLeadingComments(node) ?? []).some((c) => c.kind === ts.SyntaxKind.MultiLineCommentTrivia && c.text.startsWith("*"));
}

function setComment(node, text) {
  const lines = text.split("\n");
  const body = lines.length === 1 ? `* ${escape(lines[0])} ` : `*\n * ${lines.map(escape).join("\n * ").replace(/ \* \n/g, " *\n")}\n `;
  ts.setSyntheticLeadingComments(node, [
    { kind: ts.SyntaxKind.MultiLineCommentTrivia, text: body, hasTrailingNewLine: true, pos: -1, end: -1 },
  ]);
}

function escape(line) {
  return line.replace(/\*\//g, "*\\/").trimEnd();
}

// openapi-typescript's comment, as TypeDoc reads it: `@description` is the text,
// `@constant` and `@enum {…}` go.
function fixComment(node) {
  const comments = ts.getSyntheticLeadingComments(node);
  if (!comments?.length) return;
  const fixed = [];
  for (const comment of comments) {
    if (comment.kind !== ts.SyntaxKind.MultiLineCommentTrivia || !comment.text.startsWith("*")) {
      fixed.push(comment);
      continue;
    }
    const lines = comment.text
      .replace(/^\*\s?/, "")
      .replace(/\s*$/, "")
      .split("\n")
      .map((line) => line.replace(/^\s*\* ?/, ""));
    const out = [];
    let inDescription = false;
    for (const line of lines) {
      if (/^@constant\s*$/.test(line) || /^@enum \{[^}]*\}\s*$/.test(line)) {
        inDescription = false;
        continue;
      }
      const description = /^@description\s?(.*)$/.exec(line);
      if (description) {
        if (out.length > 0) out.push("");
        out.push(description[1]);
        inDescription = true;
        continue;
      }
      if (line.startsWith("@")) inDescription = false;
      out.push(inDescription ? line.replace(/^ {4}/, "") : line);
    }
    while (out.length && out[out.length - 1].trim() === "") out.pop();
    if (out.length === 0) continue;
    const text = out.length === 1 ? `* ${out[0]} ` : `*\n${out.map((l) => (l ? ` * ${l}` : " *")).join("\n")}\n `;
    fixed.push({ ...comment, text });
  }
  ts.setSyntheticLeadingComments(node, fixed);
}
