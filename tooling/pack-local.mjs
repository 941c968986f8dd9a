#!/usr/bin/env node
// `pnpm pack:local <package>...`: installable tarballs of some packages and every @ws
// package they need, until they are on the registry. Builds what is not built, packs
// each with pnpm (workspace ranges become real versions) into a folder of its own for
// this run, and prints the one `npm install` line that installs them all together.
// Nothing is ever deleted: each run has its own folder under .tmp/packs/, and `--out DIR`
// only adds to DIR (a tarball of the same name and version there is replaced).
//
//   pnpm pack:local insight                 → .tmp/packs/<time>/*.tgz and the install line
//   pnpm pack:local res modelarts emulator  → the three, core once, one install line
//   pnpm pack:local @ws/cli --out ./packs
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const outIndex = args.indexOf("--out");
const runFolder = () => path.join(root, ".tmp", "packs", new Date().toISOString().replace(/[:.]/g, "-"));
const out = path.resolve(outIndex === -1 ? runFolder() : args[outIndex + 1]);
const wanted = args.filter((a, i) => !a.startsWith("--") && !(outIndex !== -1 && i === outIndex + 1));

const packages = new Map();
for (const dir of fs.readdirSync(path.join(root, "packages"))) {
  const file = path.join(root, "packages", dir, "package.json");
  if (!fs.existsSync(file)) continue;
  const manifest = JSON.parse(fs.readFileSync(file, "utf8"));
  if (!manifest.private) packages.set(manifest.name, { dir: path.join(root, "packages", dir), manifest });
}

const names = wanted.map((w) => (w.startsWith("@ws/") ? w : `@ws/${w}`));
const unknown = names.filter((n) => !packages.has(n));
if (names.length === 0 || unknown.length > 0) {
  if (unknown.length) console.error(`Unknown package${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}`);
  console.error(`Usage: pnpm pack:local <package>... [--out DIR]\nPackages: ${[...packages.keys()].map((n) => n.slice(4)).join(", ")}`);
  process.exit(2);
}

/** The packages and every published @ws package they depend on, dependencies first, each once. */
function closure(starts) {
  const order = [];
  const visit = (n) => {
    if (order.includes(n)) return;
    for (const dep of Object.keys(packages.get(n).manifest.dependencies ?? {})) if (packages.has(dep)) visit(dep);
    order.push(n);
  };
  starts.forEach(visit);
  return order;
}

const all = closure(names);
const quiet = { cwd: root, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1", TURBO_NO_UPDATE_NOTIFIER: "1" } };
execFileSync("pnpm", ["exec", "turbo", "run", "build", "--output-logs=errors-only", ...all.map((n) => `--filter=${n}`)], quiet);
fs.mkdirSync(out, { recursive: true });
const tarballs = all.map((n) => {
  const printed = execFileSync("pnpm", ["pack", "--pack-destination", out], { ...quiet, cwd: packages.get(n).dir, stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" });
  const file = printed.trim().split("\n").pop().trim();
  return path.isAbsolute(file) ? file : path.join(out, path.basename(file));
});
console.log(`Packed ${all.join(", ")} into ${path.relative(process.cwd(), out) || "."}. Install them together, in your project:\n`);
console.log(`npm install ${tarballs.map((t) => JSON.stringify(t)).join(" ")}`);
