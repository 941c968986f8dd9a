#!/usr/bin/env node
// Runs a command (turbo, pnpm …) and never lets it be silent for more than ten seconds:
// when the command has printed nothing for 9 s, one line says how long it has run and
// what is working (the package folder and tool of each process under it: tsup, vitest,
// tsc, …, read from /proc; where there is no /proc, the tasks turbo last named).
//
//   node tooling/progress.mjs turbo run build --output-logs=hash-only
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const QUIET_MS = 9_000;

/** pid → { ppid, cwd, argv } of every process readable under /proc (Linux), or undefined elsewhere. */
function processTable() {
  if (!fs.existsSync("/proc/self/stat")) return undefined;
  const table = new Map();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const argv = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").filter(Boolean);
      table.set(Number(entry), { ppid, argv, cwd: () => fs.readlinkSync(`/proc/${entry}/cwd`) });
    } catch {
      // the process ended while being read
    }
  }
  return table;
}

const TOOLS = ["tsup", "vitest", "tsc", "typedoc", "esbuild", "redocly", "verdaccio", "changeset", "npm", "generate.mjs", "check-packages.mjs", "size.mjs", "run.mjs", "demo"];

/** "packages/core: tsup; tooling: vitest" for the processes under `pid`. */
export function working(pid) {
  const table = processTable();
  if (!table) return undefined;
  const children = new Map();
  for (const [p, info] of table) children.set(info.ppid, [...(children.get(info.ppid) ?? []), p]);
  const found = new Map();
  const visit = (p) => {
    for (const child of children.get(p) ?? []) {
      const info = table.get(child);
      const tool = info.argv.map((a) => path.basename(a)).find((a) => TOOLS.some((t) => a === t || a === `${t}.js` || a === `${t}.mjs` || a === `${t}.cjs`));
      if (tool) {
        try {
          const where = path.relative(root, info.cwd()) || ".";
          const tools = found.get(where) ?? new Set();
          found.set(where, tools.add(tool.replace(/\.(c|m)?js$/, "")));
        } catch {
          // gone
        }
      }
      visit(child);
    }
  };
  visit(pid);
  return [...found].map(([where, tools]) => `${where}: ${[...tools].join(", ")}`).join("; ");
}

function main() {
  const [command, ...args] = process.argv.slice(2);
  const started = Date.now();
  let last = Date.now();
  const named = new Set(); // tasks turbo named ("@ws/core:build"), for machines without /proc
  const child = spawn(command, args, { stdio: ["inherit", "pipe", "pipe"], env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? "1" : process.env.FORCE_COLOR ?? "0" } });
  const relay = (to) => (chunk) => {
    last = Date.now();
    for (const m of chunk.toString().matchAll(/^(@[\w-]+\/[\w-]+:[\w:-]+): /gm)) named.add(m[1]);
    to.write(chunk);
  };
  child.stdout.on("data", relay(process.stdout));
  child.stderr.on("data", relay(process.stderr));
  const timer = setInterval(() => {
    if (Date.now() - last < QUIET_MS) return;
    const seconds = Math.round((Date.now() - started) / 1000);
    const now = working(child.pid) ?? [...named].slice(-4).join(", ");
    console.log(`… ${seconds} s: ${now ? `working: ${now}` : "waiting"}`);
    last = Date.now();
  }, 1_000);
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => {
    clearInterval(timer);
    process.exitCode = code ?? (signal ? 1 : 0);
  });
  child.on("error", (error) => {
    clearInterval(timer);
    console.error(`progress: cannot run ${command}: ${error.message}`);
    process.exitCode = 127;
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
