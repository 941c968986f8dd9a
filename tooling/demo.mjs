#!/usr/bin/env node
// `pnpm demo`: the five packages, built, each creating one workspace through its
// public API against a loopback server that answers with the documents' own
// example responses. No cloud account needed.
import http from "node:http";
import fs from "node:fs";
import { parse } from "yaml";
import { createResClient } from "@ws/res";
import { createInsightClient } from "@ws/insight";
import { createModelArtsClient } from "@ws/modelarts";
import { createFabricClient } from "@ws/fabric";
import { createTrueWatchClient, ValidationError } from "@ws/truewatch";

const example = (provider, status = "200") => {
  const spec = parse(fs.readFileSync(new URL(`../specs/${provider}.yaml`, import.meta.url), "utf8"));
  const op = Object.values(Object.values(spec.paths)[0])[0];
  let response = op.responses[status];
  if (response.$ref) response = response.$ref.slice(2).split("/").reduce((o, k) => o[k], spec);
  return response.content["application/json"].examples.document.value;
};
const routes = [
  [/^\/v2\.0\/[^/]+\/workspaces$/, "res"],
  [/^\/v1\/[^/]+\/instances\/[^/]+\/workspaces$/, "insight"],
  [/^\/v1\/workspaces$/, "fabric"],
  [/^\/v1\/[^/]+\/workspaces$/, "modelarts"],
  [/^\/api\/v1\/workspace\/create$/, "truewatch"],
];
const server = http.createServer((req, res) => {
  req.resume();
  const route = routes.find(([re]) => re.test(req.url ?? ""));
  res.writeHead(route ? 200 : 404, { "content-type": "application/json", "x-request-id": `demo-${Date.now()}` });
  res.end(JSON.stringify(route ? example(route[1]) : { error_code: "APIGW.0101", error_msg: "API not found" }));
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const endpoint = `http://127.0.0.1:${server.address().port}`;
const credentials = { token: "demo-token" };
const projectId = "0123456789abcdef0123456789abcdef";

const rows = [];
const run = async (name, create, pick) => {
  const result = await create();
  rows.push([name, ...pick(result)]);
};
await run("@ws/res", () => createResClient({ endpoint, projectId, credentials }).createWorkspace({ name: "demo-res", enterprise_project_id: "0" }), (r) => ["(RES returns no id)", r.message]);
await run("@ws/insight", () => createInsightClient({ endpoint, projectId, instanceId: "0d2c7d17c41c414dabaa08f47c7d0a1b", credentials }).createWorkspace({ name: "demo-insight", eps_id: "0" }), (r) => [r.id, r.name]);
await run("@ws/modelarts", () => createModelArtsClient({ endpoint, projectId, credentials }).createWorkspace({ name: "demo-modelarts", auth_type: "PRIVATE" }), (r) => [r.id, r.name]);
await run("@ws/fabric", () => createFabricClient({ endpoint, credentials }).createWorkspace({ name: "demo-fabric" }), (r) => [r.id, r.name]);
await run("@ws/truewatch", () => createTrueWatchClient({ endpoint, apiKey: "demo-api-key" }).createWorkspace({ name: "demo-truewatch" }), (r) => [r.wsInfo?.uuid, r.wsInfo?.name]);

console.log("Created (loopback server answering with the documents' example responses):\n");
console.table(rows.map(([pkg, id, name]) => ({ package: pkg, id, name })));

try {
  await createModelArtsClient({ endpoint, projectId, credentials }).createWorkspace({ name: "default" });
} catch (error) {
  if (!(error instanceof ValidationError)) throw error;
  console.log(`\nRefused before sending: ${error.message}`);
}
server.close();
