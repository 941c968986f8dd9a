#!/usr/bin/env node
// One request path of the overhead benchmarks in a loop, to profile on its own:
//
//   node --cpu-prof --cpu-prof-dir /tmp/prof bench/profile.mjs token|aksk|raw|list|plain [calls]
//
// then read the profile's self time (Chrome DevTools, or any .cpuprofile reader).
// The server is bench/server.mjs in a process of its own, as in `pnpm bench`.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const [variant = "token", count] = process.argv.slice(2);
const calls = Number(count ?? (variant.endsWith("list") ? 100 : 20_000));
const { createModelArtsClient } = await import("@ws/modelarts");

const projectId = "0123456789abcdef0123456789abcdef";
const token = `MIIbench${"x".repeat(2000)}`;
const body = { name: "team-a", description: "benchmark", auth_type: "PRIVATE" };
const server = spawn(process.execPath, [path.join(here, "server.mjs")], { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, BENCH_PAGING: "records" } });
const port = await new Promise((resolve) => server.stdout.once("data", (d) => resolve(Number(String(d).trim()))));
const endpoint = `http://127.0.0.1:${port}`;
const credentials = variant === "aksk" ? { accessKey: "HPUALBENCHACCESSKEY01", secretKey: "sK9+bench/SECRET/key0123456789abcdefghij" } : { token };
const client = createModelArtsClient({ endpoint, projectId, credentials });
const url = `${endpoint}/v1/${projectId}/workspaces`;
const payload = JSON.stringify(body);

const once = {
  token: () => client.createWorkspace(body),
  aksk: () => client.createWorkspace(body),
  raw: () => client.raw.POST("/v1/{project_id}/workspaces", { params: { path: { project_id: projectId } }, body }),
  plain: async () => (await fetch(url, { method: "POST", headers: { "content-type": "application/json", "x-auth-token": token }, body: payload })).json(),
  list: async () => {
    for await (const page of client.listWorkspaces({ limit: 100 }).byPage()) if (page.length === 0) throw new Error("empty page");
  },
  // The same 100 pages with plain fetch.
  "plain-list": async () => {
    for (let offset = 0; ; offset += 100) {
      const res = await fetch(`${url}?offset=${offset}&limit=100`, { headers: { "x-auth-token": token } });
      const page = (await res.json()).workspaces;
      if (page.length < 100) break;
    }
  },
}[variant];
if (!once) throw new Error(`unknown variant ${variant}: token, aksk, raw, plain, list or plain-list`);
const started = process.hrtime.bigint();
for (let i = 0; i < calls; i++) await once();
const perCall = Number(process.hrtime.bigint() - started) / 1000 / calls;
console.log(`${variant}: ${calls} calls, ${perCall.toFixed(1)} µs per call`);
server.kill();
