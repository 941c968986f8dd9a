#!/usr/bin/env node
// `pnpm pack:local <package>`: installable tarballs of a package and every @ws
// package it needs, until they are on the registry. Builds what is not built,
// packs each with pnpm (workspace ranges become real versions), and prints the
// one `npm install` line that installs them together.
//
//   pnpm pack:local insight                 → .tmp/packs/*.tgz and the install line
//   pnpm pack:local @ws/cli --out ./packs
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const outIndex = args.indexOf("--out");
const out = path.resolve(outIndex === -1 ? path.join(root, ".tmp", "packs") : args[outIndex + 1]);
const wanted = args.find((a, i) => !a.startsWith("--") && !(outIndex !== -1 && i === outIndex + 1));

const packages = new Map();
for (const dir of fs.readdirSync(path.join(root, "packages"))) {
  const file = path.join(root, "packages", dir, "package.json");
  if (!fs.existsSync(file)) continue;
  const manifest = JSON.parse(fs.readFileSync(file, "utf8"));
  if (!manifest.private) packages.set(manifest.name, { dir: path.join(root, "packages", dir), manifest });
}

const name = wanted?.startsWith("@ws/") ? wanted : `@ws/${wanted}`;
if (!wanted || !packages.has(name)) {
  console.error(`Usage: pnpm pack:local <package> [--out DIR]\nPackages: ${[...packages.keys()].map((n) => n.slice(4)).join(", ")}`);
  process.exit(2);
}

/** The package and every published @ws package it depends on, dependencies first. */
function closure(start) {
  const order = [];
  const visit = (n) => {
    if (order.includes(n)) return;
    for (const dep of Object.keys(packages.get(n).manifest.dependencies ?? {})) if (packages.has(dep)) visit(dep);
    order.push(n);
  };
  visit(start);
  return order;
}

const names = closure(name);
const quiet = { cwd: root, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", TURBO_NO_UPDATE_NOTIFIER: "1" } };
execFileSync("pnpm", ["exec", "turbo", "run", "build", "--output-logs=errors-only", ...names.map((n) => `--filter=${n}`)], quiet);
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
const tarballs = names.map((n) => {
  const before = new Set(fs.readdirSync(out));
  execFileSync("pnpm", ["pack", "--pack-destination", out], { ...quiet, cwd: packages.get(n).dir });
  const added = fs.readdirSync(out).filter((f) => !before.has(f));
  return path.join(out, added[0]);
});
console.log(`Packed ${names.join(", ")} into ${path.relative(process.cwd(), out) || "."}. Install them together, in your project:\n`);
console.log(`npm install ${tarballs.map((t) => JSON.stringify(t)).join(" ")}`);
