// The provider documents' examples, read from the specs they were copied into:
// tests use them as fixtures, so the examples and the tests cannot drift apart.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const cache = new Map<string, any>();

export function loadSpec(provider: string): any {
  if (!cache.has(provider)) {
    cache.set(provider, parse(fs.readFileSync(path.join(root, "specs", `${provider}.yaml`), "utf8")));
  }
  return cache.get(provider);
}

function operation(spec: any, operationId: string): any {
  for (const item of Object.values<any>(spec.paths)) {
    for (const op of Object.values<any>(item)) if (op?.operationId === operationId) return op;
  }
  throw new Error(`no operation ${operationId}`);
}

function deref(spec: any, node: any): any {
  while (node?.$ref) node = node.$ref.slice(2).split("/").reduce((o: any, k: string) => o[k], spec);
  return node;
}

/** The named example of an operation's request body. */
export function requestExample(provider: string, operationId: string, name = "document"): any {
  const spec = loadSpec(provider);
  const value = operation(spec, operationId).requestBody.content["application/json"].examples?.[name]?.value;
  if (value === undefined) throw new Error(`${provider} ${operationId}: no request example ${name}`);
  return structuredClone(value);
}

/** The named example of an operation's response for a status. */
export function responseExample(provider: string, operationId: string, status: number, name = "document"): any {
  const spec = loadSpec(provider);
  const response = deref(spec, operation(spec, operationId).responses[String(status)]);
  const value = response.content["application/json"].examples?.[name]?.value;
  if (value === undefined) throw new Error(`${provider} ${operationId} ${status}: no example ${name}`);
  return structuredClone(value);
}
