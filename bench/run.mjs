#!/usr/bin/env node
// `pnpm bench`: where the SDK stands, measured side by side in one run on one
// machine. Prints a table and writes bench/results.json. Every figure is the
// median of several runs, with the spread (min–max) beside it.
//
//   node bench/run.mjs [--quick] [--only overhead,tracing,paging,signing,cold,cli,weight,build]
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { installFootprint } from "../tooling/packages.mjs";
import { percentile, show, summary } from "./stats.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
const require = createRequire(import.meta.url);
const quick = process.argv.includes("--quick");
const onlyArg = process.argv.find((a) => a.startsWith("--only="))?.slice(7);
const only = onlyArg ? new Set(onlyArg.split(",")) : undefined;
const wanted = (name) => !only || only.has(name);

const { createModelArtsClient } = await import("@ws/modelarts");
const core = await import("@ws/core");
const { AKSKSigner } = require("@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner");
const { BasicCredentials } = require("@huaweicloud/huaweicloud-sdk-core/auth/BasicCredentials");

const projectId = "0123456789abcdef0123456789abcdef";
const ak = "HPUALBENCHACCESSKEY01";
const sk = "sK9+bench/SECRET/key0123456789abcdefghij";
const token = `MIIbench${"x".repeat(2000)}`; // real IAM tokens are a few kB
const body = { name: "team-a", description: "benchmark", auth_type: "PRIVATE" };
const results = { machine: { node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model, date: new Date().toISOString() } };

async function startServer(env = {}) {
  const child = spawn(process.execPath, [path.join(here, "server.mjs")], { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, ...env } });
  const port = await new Promise((resolve) => child.stdout.once("data", (d) => resolve(Number(String(d).trim()))));
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

// ---------------------------------------------------------------- 1. overhead
async function overhead() {
  const server = await startServer();
  const url = `${server.url}/v1/${projectId}/workspaces`;
  const tokenClient = createModelArtsClient({ endpoint: server.url, projectId, credentials: { token } });
  const akskClient = createModelArtsClient({ endpoint: server.url, projectId, credentials: { accessKey: ak, secretKey: sk } });
  const payload = JSON.stringify(body);
  // Plain fetch sends the same bytes and headers (a signature computed once, not per call).
  const tokenHeaders = { "content-type": "application/json", "x-auth-token": token };
  const signed = { method: "POST", url, headers: { "content-type": "application/json", "x-project-id": projectId }, body: payload };
  core.createSigner(ak, sk).sign(signed, new Date());
  const plain = (headers) => async () => {
    const res = await fetch(url, { method: "POST", headers, body: payload });
    return res.json();
  };
  const variants = {
    "plain fetch (token headers)": plain(tokenHeaders),
    "plain fetch (signed headers)": plain(signed.headers),
    "createWorkspace, token": () => tokenClient.createWorkspace(body),
    "createWorkspace, AK/SK": () => akskClient.createWorkspace(body),
    // For comparison: the same call through client.raw (openapi-fetch over the same transport).
    "raw.POST, token": () => tokenClient.raw.POST("/v1/{project_id}/workspaces", { params: { path: { project_id: projectId } }, body }),
  };
  const runs = quick ? 3 : 7;
  const perRun = quick ? 500 : 2000;
  const figures = { token: { p50: [], p99: [] }, aksk: { p50: [], p99: [] }, raw: { p50: [] }, plainP50: [] };
  for (let run = 0; run < runs; run++) {
    const samples = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
    for (const fn of Object.values(variants)) for (let i = 0; i < 200; i++) await fn(); // warm up
    for (let i = 0; i < perRun; i++) {
      // Interleaved call by call, so drift and GC hit every variant alike.
      for (const [name, fn] of Object.entries(variants)) {
        const t = process.hrtime.bigint();
        await fn();
        samples[name].push(Number(process.hrtime.bigint() - t) / 1000);
      }
    }
    const p = (name, q) => percentile(samples[name], q);
    figures.plainP50.push(p("plain fetch (token headers)", 50));
    figures.token.p50.push(p("createWorkspace, token", 50) / p("plain fetch (token headers)", 50));
    figures.token.p99.push(p("createWorkspace, token", 99) / p("plain fetch (token headers)", 99));
    figures.aksk.p50.push(p("createWorkspace, AK/SK", 50) / p("plain fetch (signed headers)", 50));
    figures.aksk.p99.push(p("createWorkspace, AK/SK", 99) / p("plain fetch (signed headers)", 99));
    figures.raw.p50.push(p("raw.POST, token", 50) / p("plain fetch (token headers)", 50));
  }
  results.overhead = {
    callsPerRun: perRun,
    plainFetchP50InMicroseconds: summary(figures.plainP50),
    tokenRatioP50: summary(figures.token.p50),
    tokenRatioP99: summary(figures.token.p99),
    akskRatioP50: summary(figures.aksk.p50),
    akskRatioP99: summary(figures.aksk.p99),
    rawTokenRatioP50: summary(figures.raw.p50),
  };

  // 1,000 concurrent calls on one client: throughput and peak memory.
  const concurrency = { ours: [], plain: [], oursHeap: [], plainHeap: [] };
  const bursts = [
    ["plain", plain(tokenHeaders)],
    ["ours", () => tokenClient.createWorkspace(body)],
  ];
  for (const [, fn] of bursts) await Promise.all(Array.from({ length: 1000 }, fn)); // open the connections first
  for (let run = 0; run < (quick ? 2 : 6); run++) {
    // Alternate which goes first, so neither always meets the warmer pool.
    for (const [key, fn] of run % 2 ? [...bursts].reverse() : bursts) {
      globalThis.gc?.();
      const base = process.memoryUsage().heapUsed;
      let peak = base;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 1);
      const t = process.hrtime.bigint();
      const all = Promise.all(Array.from({ length: 1000 }, fn));
      peak = Math.max(peak, process.memoryUsage().heapUsed); // all 1,000 requests built and in flight
      await all;
      const seconds = Number(process.hrtime.bigint() - t) / 1e9;
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage().heapUsed);
      concurrency[key].push(1000 / seconds);
      concurrency[`${key}Heap`].push((peak - base) / 1024 / 1024);
    }
  }
  results.concurrency = {
    callsPerSecond: summary(concurrency.ours),
    plainFetchCallsPerSecond: summary(concurrency.plain),
    peakHeapGrowthInMiB: summary(concurrency.oursHeap),
    plainFetchPeakHeapGrowthInMiB: summary(concurrency.plainHeap),
  };
  server.stop();
}

// ----------------------------------------------------------------- 1c. tracing
// The cost of the instrumentation: createWorkspace with tracing off (no instrumenter:
// the default) and on (@ws/opentelemetry over the OpenTelemetry SDK, spans kept in
// memory), each against plain fetch, interleaved call by call.
async function tracing() {
  const { createOpenTelemetryInstrumenter } = await import("@ws/opentelemetry");
  const { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } = await import("@opentelemetry/sdk-trace-base");
  const exporter = new InMemorySpanExporter();
  const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const server = await startServer();
  const url = `${server.url}/v1/${projectId}/workspaces`;
  const payload = JSON.stringify(body);
  const off = createModelArtsClient({ endpoint: server.url, projectId, credentials: { token } });
  const on = createModelArtsClient({ endpoint: server.url, projectId, credentials: { token }, instrumenter: createOpenTelemetryInstrumenter({ tracerProvider }) });
  const variants = {
    plain: async () => (await fetch(url, { method: "POST", headers: { "content-type": "application/json", "x-auth-token": token }, body: payload })).json(),
    off: () => off.createWorkspace(body),
    on: () => on.createWorkspace(body),
  };
  const runs = quick ? 3 : 7;
  const perRun = quick ? 500 : 2000;
  const figures = { off: [], on: [], onOverOff: [] };
  for (let run = 0; run < runs; run++) {
    const samples = { plain: [], off: [], on: [] };
    for (const fn of Object.values(variants)) for (let i = 0; i < 200; i++) await fn();
    for (let i = 0; i < perRun; i++) {
      for (const [name, fn] of Object.entries(variants)) {
        const t = process.hrtime.bigint();
        await fn();
        samples[name].push(Number(process.hrtime.bigint() - t) / 1000);
      }
      if (i % 200 === 0) exporter.reset();
    }
    const p50 = (name) => percentile(samples[name], 50);
    figures.off.push(p50("off") / p50("plain"));
    figures.on.push(p50("on") / p50("plain"));
    figures.onOverOff.push(p50("on") / p50("off"));
  }
  results.tracing = { callsPerRun: perRun, offRatioP50: summary(figures.off), onRatioP50: summary(figures.on), onOverOffP50: summary(figures.onOverOff) };
  await tracerProvider.shutdown();
  server.stop();
}

// ------------------------------------------------------------------ 1b. paging
// 10,000 workspaces in pages of 100 through listWorkspaces().byPage(), against
// plain fetch of the same pages; heap after page 10 and after page 100, to show
// the listing keeps nothing per page.
async function paging() {
  const { parse } = await import("yaml");
  const spec = parse(fs.readFileSync(path.join(root, "specs/modelarts.yaml"), "utf8"));
  const style = spec.paths["/v1/{project_id}/workspaces"].get["x-paging"]?.style ?? "records";
  const server = await startServer({ BENCH_PAGING: style });
  const client = createModelArtsClient({ endpoint: server.url, projectId, credentials: { token } });
  const pageSize = 100;
  // The heap is read (after a full GC) in runs of its own: two forced collections
  // inside a timed run would be counted as the SDK's time per page.
  const ours = async (probeHeap = false) => {
    let pages = 0;
    let items = 0;
    const heap = {};
    for await (const page of client.listWorkspaces({ limit: pageSize }).byPage()) {
      pages++;
      items += page.length;
      if (probeHeap && (pages === 10 || pages === 100)) {
        globalThis.gc?.();
        heap[pages] = process.memoryUsage().heapUsed;
      }
    }
    return { pages, items, heapGrowthInKiB: (heap[100] - heap[10]) / 1024 };
  };
  const plain = async () => {
    let pages = 0;
    let items = 0;
    for (let offset = 0; ; offset += style === "pages" ? 1 : pageSize) {
      const res = await fetch(`${server.url}/v1/${projectId}/workspaces?offset=${offset}&limit=${pageSize}`, { headers: { "x-auth-token": token } });
      const page = (await res.json()).workspaces;
      if (page.length === 0) break;
      pages++;
      items += page.length;
      if (page.length < pageSize) break;
    }
    return { pages, items };
  };
  await ours();
  await plain(); // warm up
  const perPage = { ours: [], plain: [], ratio: [], heap: [] };
  let counted;
  const timed = async (fn) => {
    const t = process.hrtime.bigint();
    const out = await fn();
    return [out, Number(process.hrtime.bigint() - t) / 1e6];
  };
  for (let run = 0; run < (quick ? 3 : 7); run++) {
    // Alternate which goes first, so neither always meets the warmer connection pool.
    let a, oursMs, b, plainMs;
    if (run % 2) {
      [b, plainMs] = await timed(plain);
      [a, oursMs] = await timed(ours);
    } else {
      [a, oursMs] = await timed(ours);
      [b, plainMs] = await timed(plain);
    }
    if (a.items !== 10_000 || b.items !== 10_000) throw new Error(`paging bench: listed ${a.items} / ${b.items} of 10,000`);
    counted = a;
    perPage.ours.push((oursMs * 1000) / a.pages);
    perPage.plain.push((plainMs * 1000) / b.pages);
    perPage.ratio.push(oursMs / plainMs);
    perPage.heap.push((await ours(true)).heapGrowthInKiB);
  }
  results.paging = {
    workspaces: counted.items,
    pages: counted.pages,
    style,
    perPageInMicroseconds: summary(perPage.ours),
    plainFetchPerPageInMicroseconds: summary(perPage.plain),
    ratio: summary(perPage.ratio),
    heapGrowthPage10To100InKiB: summary(perPage.heap),
  };
  server.stop();
}

// ----------------------------------------------------------------- 2. signing
function signing() {
  const url = `https://modelarts.cn-north-4.myhuaweicloud.com/v1/${projectId}/workspaces`;
  const payload = JSON.stringify(body);
  const signer = core.createSigner(ak, sk);
  const credential = new BasicCredentials().withAk(ak).withSk(sk).withProjectId(projectId);
  const date = new Date();
  const n = quick ? 20_000 : 60_000;
  const rate = (fn) => {
    for (let i = 0; i < 5000; i++) fn();
    const t = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn();
    return n / (Number(process.hrtime.bigint() - t) / 1e9);
  };
  // The same request both ways: POST, JSON body, content-type, X-Project-Id.
  const ours = () => signer.sign({ method: "POST", url, headers: { "content-type": "application/json", "x-project-id": projectId }, body: payload }, date);
  const official = () =>
    AKSKSigner.sign({ endpoint: url, method: "POST", headers: { "content-type": "application/json", "X-Project-Id": projectId }, queryParams: {}, data: body }, credential);
  const figures = { ours: [], official: [], ratio: [] };
  for (let run = 0; run < (quick ? 3 : 7); run++) {
    const o = rate(official);
    const w = rate(ours);
    figures.ours.push(w);
    figures.official.push(o);
    figures.ratio.push(w / o);
  }
  results.signing = { oursPerSecond: summary(figures.ours), officialPerSecond: summary(figures.official), ratio: summary(figures.ratio) };
}

// -------------------------------------------------------------- 3. cold start
function coldStart() {
  const time = (args) => {
    const t = process.hrtime.bigint();
    execFileSync(process.execPath, args, { cwd: here, stdio: "ignore" });
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  // The import alone, timed inside a fresh process: free of the process start's jitter.
  const inside = (args) => Number(execFileSync(process.execPath, args, { cwd: here, encoding: "utf8" }).trim());
  const samples = { empty: [], ours: [], official: [], oursImport: [], oursRequire: [], officialRequire: [] };
  const clock = "const t = process.hrtime.bigint();";
  const print = "console.log(Number(process.hrtime.bigint() - t) / 1e6);";
  for (let i = 0; i < (quick ? 5 : 21); i++) {
    samples.empty.push(time(["-e", ""]));
    samples.ours.push(time(["--input-type=module", "-e", 'import "@ws/modelarts";']));
    samples.official.push(time(["-e", 'require("@huaweicloud/huaweicloud-sdk-core")']));
    samples.oursImport.push(inside(["--input-type=module", "-e", `${clock} await import("@ws/modelarts"); ${print}`]));
    samples.oursRequire.push(inside(["-e", `${clock} require("@ws/modelarts"); ${print}`]));
    samples.officialRequire.push(inside(["-e", `${clock} require("@huaweicloud/huaweicloud-sdk-core"); ${print}`]));
  }
  const empty = summary(samples.empty).median;
  results.coldStart = {
    emptyNodeInMs: summary(samples.empty),
    oursInMs: summary(samples.ours),
    officialInMs: summary(samples.official),
    oursRatioToEmpty: summary(samples.ours.map((v) => v / empty)),
    officialRatioToEmpty: summary(samples.official.map((v) => v / empty)),
    oursImportInMs: summary(samples.oursImport),
    oursRequireInMs: summary(samples.oursRequire),
    officialRequireInMs: summary(samples.officialRequire),
  };
  const c = results.coldStart;
  // Import cost above an empty Node start, from the medians (single pairs are too noisy to divide).
  c.oursImportCostVsOfficial = (c.oursInMs.median - empty) / (c.officialInMs.median - empty);
  c.oursInProcessVsOfficial = c.oursImportInMs.median / c.officialRequireInMs.median;
  // Like for like: the official core is CommonJS, so its peer is our CommonJS build.
  c.oursRequireVsOfficial = c.oursRequireInMs.median / c.officialRequireInMs.median;
}

// --------------------------------------------------- 3b. the CLI's start-up
// `ws --help` as a user runs it: a whole process (Node's start included), spawned and
// waited for, beside an empty Node process measured the same way.
function cliStart() {
  const bin = path.join(root, "packages/cli/dist/bin.js");
  const time = (args) => {
    const t = process.hrtime.bigint();
    execFileSync(process.execPath, args, { cwd: here, stdio: "ignore" });
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  const samples = { empty: [], help: [], operationHelp: [] };
  for (let i = 0; i < (quick ? 5 : 21); i++) {
    samples.empty.push(time(["-e", ""]));
    samples.help.push(time([bin, "--help"]));
    samples.operationHelp.push(time([bin, "modelarts", "create-workspace", "--help"]));
  }
  results.cli = { emptyNodeInMs: summary(samples.empty), helpInMs: summary(samples.help), operationHelpInMs: summary(samples.operationHelp) };
}

// ------------------------------------------------------------------ 4. weight
function weight() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ws-weight-"));
  try {
    const packs = path.join(dir, "packs");
    fs.mkdirSync(packs);
    for (const name of ["core", "modelarts"]) {
      execFileSync("pnpm", ["pack", "--pack-destination", packs], { cwd: path.join(root, "packages", name), stdio: "ignore" });
    }
    const tarballs = fs.readdirSync(packs).map((f) => path.join(packs, f));
    for (const [sub, specs] of [
      ["ours", tarballs],
      ["official", ["@huaweicloud/huaweicloud-sdk-core@3.1.211"]],
    ]) {
      fs.mkdirSync(path.join(dir, sub));
      fs.writeFileSync(path.join(dir, sub, "package.json"), "{}");
      execFileSync("npm", ["install", "--no-audit", "--no-fund", "--omit=dev", ...specs], { cwd: path.join(dir, sub), stdio: "ignore" });
    }
    const ours = installFootprint(path.join(dir, "ours", "node_modules"));
    const official = installFootprint(path.join(dir, "official", "node_modules"));
    results.weight = { ours, official, ratio: ours.bytes / official.bytes };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function bundleCost() {
  const { measure, measureAll, entries } = await import(path.join(root, "tooling/size.mjs"));
  const ours = await measure("modelarts", entries["@ws/modelarts"]);
  // The browser bundles of the table, for every package (tooling/size.mjs; the budgets are checked by pnpm test).
  results.browserBundles = await measureAll();
  const { build } = await import("esbuild");
  const official = await build({
    stdin: { contents: 'module.exports = require("@huaweicloud/huaweicloud-sdk-core");', resolveDir: here, loader: "js" },
    bundle: true,
    minify: true,
    platform: "node",
    write: false,
    logLevel: "silent",
  });
  const code = official.outputFiles[0].contents;
  results.bundle = { ours, official: { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length } };
}

// -------------------------------------------------------- 5. codegen and build
function codegenAndBuild() {
  const time = (cmd, args) => {
    const t = process.hrtime.bigint();
    const out = execFileSync(cmd, args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    return { ms: Number(process.hrtime.bigint() - t) / 1e6, out };
  };
  const generate = [];
  const rebuild = [];
  let cached = "";
  for (let i = 0; i < (quick ? 2 : 5); i++) {
    generate.push(time(process.execPath, ["tooling/generate.mjs"]).ms);
    time("pnpm", ["exec", "turbo", "run", "build", "--output-logs=none"]);
    const second = time("pnpm", ["exec", "turbo", "run", "build", "--output-logs=none"]);
    rebuild.push(second.ms);
    cached = /Cached:\s+(\d+) cached, (\d+) total/.exec(second.out)?.slice(1).join("/") ?? "?";
  }
  results.codegen = { generateAllSpecsInMs: summary(generate) };
  results.build = { secondBuildInMs: summary(rebuild), cachedTasks: cached, fullCacheHit: cached.split("/")[0] === cached.split("/")[1] };
}

if (wanted("overhead")) await overhead();
if (wanted("tracing")) await tracing();
if (wanted("paging")) await paging();
if (wanted("signing")) signing();
if (wanted("cold")) coldStart();
if (wanted("cli")) cliStart();
if (wanted("weight")) {
  weight();
  await bundleCost();
}
if (wanted("build")) codegenAndBuild();

const rows = [];
const r = results;
if (r.overhead) {
  rows.push(["plain fetch, p50 per call", show(r.overhead.plainFetchP50InMicroseconds, 0, " µs"), ""]);
  rows.push(["createWorkspace / plain fetch, token, p50", show(r.overhead.tokenRatioP50, 3, "x"), "≤ 1.10x"]);
  rows.push(["createWorkspace / plain fetch, token, p99", show(r.overhead.tokenRatioP99, 3, "x"), ""]);
  rows.push(["createWorkspace / plain fetch, AK/SK, p50", show(r.overhead.akskRatioP50, 3, "x"), "≤ 1.20x"]);
  rows.push(["createWorkspace / plain fetch, AK/SK, p99", show(r.overhead.akskRatioP99, 3, "x"), ""]);
  rows.push(["1,000 concurrent creates, calls/s (plain fetch)", `${show(r.concurrency.callsPerSecond, 0)} (${show(r.concurrency.plainFetchCallsPerSecond, 0)})`, ""]);
  rows.push(["1,000 concurrent creates, peak heap growth (plain fetch)", `${show(r.concurrency.peakHeapGrowthInMiB, 1, " MiB")} (${show(r.concurrency.plainFetchPeakHeapGrowthInMiB, 1, " MiB")})`, ""]);
  rows.push(["client.raw.POST (openapi-fetch) / plain fetch, token, p50", show(r.overhead.rawTokenRatioP50, 3, "x"), "≤ 1.15x"]);
}
if (r.tracing) {
  rows.push(["createWorkspace / plain fetch, token, p50, tracing off (default)", show(r.tracing.offRatioP50, 3, "x"), ""]);
  rows.push(["createWorkspace / plain fetch, token, p50, tracing on (OpenTelemetry SDK)", show(r.tracing.onRatioP50, 3, "x"), ""]);
  rows.push(["tracing on / off, p50", show(r.tracing.onOverOffP50, 3, "x"), ""]);
}
if (r.paging) {
  rows.push([`listWorkspaces, ${r.paging.workspaces} in ${r.paging.pages} pages: µs per page (plain fetch)`, `${show(r.paging.perPageInMicroseconds, 0)} (${show(r.paging.plainFetchPerPageInMicroseconds, 0)})`, ""]);
  rows.push(["listWorkspaces / plain fetch of the same pages", show(r.paging.ratio, 3, "x"), "≤ 1.15x"]);
  rows.push(["heap growth from page 10 to page 100", show(r.paging.heapGrowthPage10To100InKiB, 0, " KiB"), "flat"]);
}
if (r.signing) {
  rows.push(["signatures/s, ours (node:crypto)", show(r.signing.oursPerSecond, 0), ""]);
  rows.push(["signatures/s, official AKSKSigner", show(r.signing.officialPerSecond, 0), ""]);
  rows.push(["signing rate, ours / official", show(r.signing.ratio, 2, "x"), "≥ 4x"]);
}
if (r.coldStart) {
  rows.push(["cold start: empty Node", show(r.coldStart.emptyNodeInMs, 1, " ms"), ""]);
  rows.push(["cold start: import @ws/modelarts / empty Node", show(r.coldStart.oursRatioToEmpty, 2, "x"), ""]);
  rows.push(["cold start: require official core / empty Node", show(r.coldStart.officialRatioToEmpty, 2, "x"), ""]);
  rows.push(["whole process, cost above empty Node, ours / official", `${r.coldStart.oursImportCostVsOfficial.toFixed(3)}x`, ""]);
  rows.push(["import time inside the process: ESM import / CJS require of ours", `${show(r.coldStart.oursImportInMs, 1, " ms")} / ${show(r.coldStart.oursRequireInMs, 1, " ms")}`, ""]);
  rows.push(["import time inside the process: require official core", show(r.coldStart.officialRequireInMs, 1, " ms"), ""]);
  rows.push(["import time, ours (CJS require) / official (CJS require)", `${r.coldStart.oursRequireVsOfficial.toFixed(3)}x`, "≤ 0.33x"]);
  rows.push(["import time, ours (ESM import, with ESM loader start) / official", `${r.coldStart.oursInProcessVsOfficial.toFixed(3)}x`, ""]);
}
if (r.cli) {
  rows.push(["ws --help, whole process (empty Node)", `${show(r.cli.helpInMs, 1, " ms")} (${show(r.cli.emptyNodeInMs, 1, " ms")})`, "< 150 ms"]);
  rows.push(["ws modelarts create-workspace --help, whole process", show(r.cli.operationHelpInMs, 1, " ms"), "< 150 ms"]);
}
if (r.weight) {
  rows.push(["installed: @ws/modelarts", `${(r.weight.ours.bytes / 1024).toFixed(0)} kB, ${r.weight.ours.packages} packages`, ""]);
  rows.push(["installed: official core", `${(r.weight.official.bytes / 1024).toFixed(0)} kB, ${r.weight.official.packages} packages`, ""]);
  rows.push(["installed size, ours / official", `${r.weight.ratio.toFixed(4)}x`, "< 0.05x"]);
  const kB = (name) => `${(r.browserBundles[name].gzipped / 1000).toFixed(1)} kB`;
  const range = (suffix) => {
    const sizes = ["res", "insight", "modelarts", "fabric", "truewatch"].map((p) => r.browserBundles[`@ws/${p}${suffix}`]?.gzipped).filter(Boolean);
    return `${(Math.min(...sizes) / 1000).toFixed(1)}–${(Math.max(...sizes) / 1000).toFixed(1)} kB`;
  };
  rows.push(["browser bundle, gzipped, /api create only (token), RES / ModelArts", `${kB("@ws/res/api create (token)")} / ${kB("@ws/modelarts/api create (token)")}`, "≤ 8 kB"]);
  rows.push(["browser bundle, gzipped, /api create only (AK/SK), RES / ModelArts", `${kB("@ws/res/api create (AK/SK)")} / ${kB("@ws/modelarts/api create (AK/SK)")}`, "≤ 10 kB"]);
  rows.push(["browser bundle, gzipped, every operation (/api), five packages", range("/api every operation"), "≤ 16 kB"]);
  rows.push(["browser bundle, gzipped, every operation (client), five packages", range(" lifecycle"), "≤ 16 kB"]);
  rows.push(["bundle, gzipped: @ws/modelarts (browser) / official core (node)", `${(r.bundle.ours.gzipped / 1024).toFixed(1)} kB / ${(r.bundle.official.gzipped / 1024).toFixed(1)} kB`, ""]);
}
if (r.codegen) {
  rows.push(["pnpm generate, all five specs", show(r.codegen.generateAllSpecsInMs, 0, " ms"), ""]);
  rows.push([`second turbo build, nothing changed (cached ${r.build.cachedTasks})`, show(r.build.secondBuildInMs, 0, " ms"), "full cache hit"]);
}

const width = Math.max(...rows.map((row) => row[0].length));
console.log(`\n${"figure".padEnd(width)}  median (min–max)                 target`);
for (const [name, value, target] of rows) console.log(`${name.padEnd(width)}  ${value.padEnd(32)} ${target}`);
fs.writeFileSync(path.join(here, only ? "results.partial.json" : "results.json"), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwritten to bench/${only ? "results.partial.json" : "results.json"} (${results.machine.cpu}, ${results.machine.cpus} cores, Node ${results.machine.node})`);
if (r.build && !r.build.fullCacheHit) process.exitCode = 1;
