// Checks requests against the very specs the SDK is generated from
// (src/generated/specs.ts, written by tooling/generate.mjs from specs/*.yaml),
// with Ajv's JSON Schema 2020-12 validator: OpenAPI 3.1's dialect.
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import { specs } from "./generated/specs.js";

export interface Problem {
  /** `name`, `grants.0.user_id`, `project_id` */
  field: string;
  keyword: string;
  message: string;
}

export interface RequestCheck {
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
}

// Bodies are checked as sent; path and query values are text, read as the types the spec names.
const bodies = new Ajv2020({ allErrors: true, strict: false, validateFormats: false, verbose: true });
const texts = new Ajv2020({ allErrors: true, strict: false, validateFormats: false, coerceTypes: true, useDefaults: true });
for (const [name, spec] of Object.entries(specs)) {
  bodies.addSchema(spec, `spec:${name}`);
  texts.addSchema(spec, `spec:${name}`);
}

const pointer = (...parts: string[]) => parts.map((p) => encodeURIComponent(p.replace(/~/g, "~0").replace(/\//g, "~1"))).join("/");

function resolve(spec: any, node: any): any {
  while (node?.$ref) node = node.$ref.slice(2).split("/").reduce((o: any, k: string) => o[k.replace(/~1/g, "/").replace(/~0/g, "~")], spec);
  return node;
}

export interface OperationValidator {
  (request: RequestCheck): Problem[];
}

function describe(error: ErrorObject, where: string): Problem {
  const base = error.instancePath.split("/").filter(Boolean).join(".");
  const extra = (error.params as { missingProperty?: string; additionalProperty?: string }).missingProperty ?? (error.params as { additionalProperty?: string }).additionalProperty;
  const field = [where, base, extra].filter(Boolean).join(".") || where || "body";
  const message =
    error.keyword === "not"
      ? `must not be ${JSON.stringify((error.schema as { const?: unknown })?.const ?? "this value")}`
      : error.keyword === "additionalProperties" ? "is not a known field" : (error.message ?? "is invalid");
  return { field, keyword: error.keyword, message: `${field} ${message}` };
}

const cache = new Map<string, OperationValidator>();

/** The validator of one operation of one provider's spec (path and query parameters, JSON body). */
export function operationValidator(provider: string, method: string, path: string): OperationValidator {
  const key = `${provider} ${method} ${path}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const spec = specs[provider];
  const operation = spec.paths[path][method.toLowerCase()];
  const params = [...(spec.paths[path].parameters ?? []), ...(operation.parameters ?? [])].map((p: any) => resolve(spec, p));
  const group = (where: string) => {
    const list = params.filter((p: any) => p.in === where);
    return {
      type: "object",
      properties: Object.fromEntries(list.map((p: any) => [p.name, p.schema ?? {}])),
      required: list.filter((p: any) => p.required).map((p: any) => p.name),
    };
  };
  const checkPath = texts.compile(group("path"));
  const checkQuery = texts.compile(group("query"));
  const body = resolve(spec, operation.requestBody)?.content?.["application/json"];
  const checkBody: ValidateFunction | undefined = body
    ? bodies.compile({ $ref: `spec:${provider}#/${pointer("paths", path, method.toLowerCase(), "requestBody", "content", "application/json", "schema")}` })
    : undefined;

  const validator: OperationValidator = ({ params: pathParams, query, body: value }) => {
    const problems: Problem[] = [];
    if (!checkPath(pathParams)) problems.push(...checkPath.errors!.map((e) => describe(e, "")));
    if (!checkQuery(query)) problems.push(...checkQuery.errors!.map((e) => describe(e, "")));
    if (checkBody) {
      if (value === undefined) problems.push({ field: "body", keyword: "required", message: "the request body is required" });
      else if (!checkBody(value)) problems.push(...checkBody.errors!.filter((e) => e.keyword !== "if").map((e) => describe(e, "")));
    }
    return problems;
  };
  cache.set(key, validator);
  return validator;
}
