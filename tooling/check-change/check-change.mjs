#!/usr/bin/env node
// `pnpm check:change [--base <ref>]`: what a change (the working tree, uncommitted files
// included, against the merge base with main or against <ref>) still lacks, per package,
// with the command or file that fixes each finding:
//   - generated files stale for the specs                          → pnpm generate
//   - a request rule added to a spec with no test row              → packages/testkit/src/rules/<p>.ts
//   - a spec's rules or fields changed with no fidelity note       → specs/fidelity/<p>.md
//   - an API report that is not the package's API any more         → pnpm api:report <p>
//   - a published package changed with no changeset naming it      → pnpm changeset
//   - a changeset whose bump is smaller than the change needs      → the .changeset file
// The bump a change needs is judged from both sides: the spec (spec-diff.mjs) and the
// package's API report (removed or changed lines break, added lines add). Exits 1 on any
// finding, 0 when there is nothing to say.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { buildReports, reportedPackages, reportPath } from "./api-report.mjs";
import { addedRules, diffLevel, diffSpecs, LEVELS, maxLevel, requiredBump } from "./spec-diff.mjs";

const defaultRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const git = (root, args) => execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
const tryGit = (root, args) => {
  try {
    return git(root, args);
  } catch {
    return undefined;
  }
};

/** The commit to compare with: `--base <ref>`, else the merge base with main (or origin/main), else HEAD. */
export function resolveBase(root, ref) {
  if (ref) {
    const sha = tryGit(root, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
    if (!sha) throw new Error(`--base ${ref}: no such commit`);
    return sha;
  }
  for (const main of ["main", "origin/main"]) {
    const sha = tryGit(root, ["merge-base", "HEAD", main]);
    if (sha) return sha;
  }
  return git(root, ["rev-parse", "HEAD"]);
}

/** Files that differ between `base` and the working tree, untracked ones included. */
export function changedFiles(root, base) {
  const diff = git(root, ["diff", "--name-only", "--no-renames", base, "--"]).split("\n");
  const untracked = git(root, ["ls-files", "--others", "--exclude-standard"]).split("\n");
  return [...new Set([...diff, ...untracked].filter(Boolean))].sort();
}

/** A file's text at `base`, or undefined where it did not exist. */
const atBase = (root, base, file) => tryGit(root, ["show", `${base}:${file}`]);

/** `{ "@ws/res": "minor" }` from a changeset's front matter. */
export function parseChangeset(text) {
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? "";
  const bumps = {};
  for (const line of front.split(/\r?\n/)) {
    const m = /^\s*["']?([^"':]+)["']?\s*:\s*(major|minor|patch)\s*$/.exec(line);
    if (m) bumps[m[1].trim()] = m[2];
  }
  return bumps;
}

/** The specs and the package each generates, from redocly.yaml. */
function specPackages(root) {
  const config = parseYaml(fs.readFileSync(path.join(root, "redocly.yaml"), "utf8"));
  return Object.entries(config.apis).map(([provider, api]) => ({
    provider,
    spec: api.root.replace(/^\.\//, ""),
    short: api["x-openapi-ts"].output.replace(/^\.\//, "").split("/")[1],
  }));
}

/** An API report's entries: `section name` (or `section reexport:name`) → its lines. */
export function reportEntries(report) {
  const entries = new Map();
  let section = "";
  let current;
  for (const line of (report ?? "").split("\n")) {
    if (line.startsWith("## ")) section = line.slice(3);
    const m = /^export (?:(?:type|interface|class|function|const|enum) )?(\{ )?(?:[\w$]+ as )?([\w$]+)/.exec(line);
    if (m) {
      current = `${section} ${m[1] ? "reexport:" : ""}${m[2]}`;
      entries.set(current, entries.has(current) ? `${entries.get(current)}\n${line}` : line);
    } else if (current && (line.startsWith(" ") || line.startsWith("}"))) {
      entries.set(current, `${entries.get(current)}\n${line}`);
    } else current = undefined;
  }
  return entries;
}

/** An entry's lines, each prefixed with the members it is nested in, so that the same line in two nested types counts twice. */
function pathLines(text) {
  const stack = [];
  return text.split("\n").map((line) => {
    const trimmed = line.trim();
    if (/^}/.test(trimmed)) stack.pop();
    const keyed = [...stack, trimmed].join(" › ");
    if (/\{$/.test(trimmed)) stack.push(trimmed.replace(/\s*\{$/, ""));
    return keyed;
  });
}

/**
 * How an API report changed: `major` when a line of an export went away or changed,
 * `minor` when only lines or exports were added, `none` when equal. With the names that changed.
 *
 * @example
 * diffReports(before, after) // { level: "major", changes: ["createModelArtsClient changed"], names: ["createModelArtsClient"] }
 */
export function diffReports(before, after) {
  const a = reportEntries(before);
  const b = reportEntries(after);
  const changes = [];
  const names = [];
  let level = "none";
  for (const [name, text] of a) {
    const plain = name.split(" ").pop().replace(/^reexport:/, "");
    if (!b.has(name)) {
      changes.push(`${plain} removed`);
      names.push(plain);
      level = "major";
      continue;
    }
    if (b.get(name) === text) continue;
    const now = new Set(pathLines(b.get(name)));
    const lost = pathLines(text).filter((line) => !now.has(line));
    names.push(plain);
    changes.push(lost.length ? `${plain} changed: ${lost[0]}` : `${plain} extended`);
    level = maxLevel(level, lost.length ? "major" : "minor");
  }
  for (const name of b.keys()) {
    if (a.has(name)) continue;
    changes.push(`${name.split(" ").pop().replace(/^reexport:/, "")} added`);
    level = maxLevel(level, "minor");
  }
  return { level, changes, names };
}

/**
 * Everything the change still lacks, as `{ package, finding, fix }`.
 *
 * @example
 * const { findings } = checkChange({ base: "main" });
 * for (const f of findings) console.log(`${f.package}: ${f.finding}\n  fix: ${f.fix}`);
 *
 * `reports: "all"` (the command's default) builds every package's API report: a stale one
 * anywhere is a finding, and a package whose API changed through a dependency (an options
 * type that includes core's) is judged too; `"touched"` builds only the changed packages'.
 */
export function checkChange({ root = defaultRoot, base: ref, reports = "all", progress = () => {} } = {}) {
  const base = resolveBase(root, ref);
  const files = changedFiles(root, base);
  const findings = [];
  const add = (pkg, finding, fix) => findings.push({ package: pkg, finding, fix });
  const packages = reportedPackages(root);
  const byShort = new Map(packages.map((p) => [p.short, p]));
  const specs = specPackages(root);
  /** short → { level, reasons } of what the change needs, for every published package it touches. */
  const touched = new Map();
  const touch = (short, level, reason) => {
    if (!byShort.has(short)) return;
    const t = touched.get(short) ?? { level: "none", reasons: [] };
    if (LEVELS.indexOf(level) > LEVELS.indexOf(t.level)) t.reasons.unshift(reason);
    else if (reason && t.reasons.length < 3) t.reasons.push(reason);
    t.level = maxLevel(t.level, level);
    touched.set(short, t);
  };
  if (files.length === 0 && reports !== "all") return { base, files, touched, findings };

  for (const file of files) {
    const m = /^packages\/([^/]+)\/src\//.exec(file);
    if (m) touch(m[1], "patch", `${file} changed`);
  }

  // Generated files: only those made from what changed (a spec → its package, the emulator's
  // specs and the CLI's commands; the generator → everything).
  const everything = files.some((f) => /^(redocly\.yaml|tooling\/(generate|spec-rules|schema-docs)\.mjs)$/.test(f));
  const providers = specs.filter((s) => files.includes(s.spec) || files.some((f) => f.startsWith(`packages/${s.short}/src/generated/`))).map((s) => s.provider);
  const shared = providers.length > 0 || files.some((f) => /^packages\/(emulator|cli)\/src\/generated\//.test(f));
  const generatorRuns = everything ? [[]] : shared ? [[...providers, "--emulator", "--cli"]] : [];
  for (const args of generatorRuns) {
    progress(`generated files${args.length ? ` (${args.join(" ")})` : ""}`);
    const run = spawnSync(process.execPath, [path.join(root, "tooling/generate.mjs"), "--check", ...args], { cwd: root, encoding: "utf8" });
    if (run.status === 0) continue;
    const stale = run.stderr.split("\n").filter((l) => /^\s+\S/.test(l)).map((l) => l.trim());
    for (const file of stale.length ? stale : [`(node tooling/generate.mjs --check ${args.join(" ")}: ${run.stderr.trim().split("\n").pop()})`]) {
      add(/^packages\/([^/]+)\//.exec(file)?.[1] ?? "specs", `generated file ${file} is stale for the specs`, "pnpm generate");
    }
  }

  // The specs: what users see change, rules with no test row, the fidelity note.
  for (const { provider, spec, short } of specs.filter((s) => files.includes(s.spec))) {
    progress(`spec ${spec}`);
    if (!fs.existsSync(path.join(root, spec))) {
      touch(short, "major", `${spec} removed`);
      continue;
    }
    const after = parseYaml(fs.readFileSync(path.join(root, spec), "utf8"));
    const beforeText = atBase(root, base, spec);
    const before = beforeText === undefined ? { paths: {} } : parseYaml(beforeText);
    const changes = diffSpecs(before, after);
    for (const c of changes) touch(short, c.level, `${spec}: ${c.where}: ${c.change}`);
    const rulesFile = `packages/testkit/src/rules/${provider}.ts`;
    const table = fs.existsSync(path.join(root, rulesFile)) ? fs.readFileSync(path.join(root, rulesFile), "utf8") : "";
    for (const r of addedRules(before, after)) {
      const row = new RegExp(`rule:\\s*"${r.rule}",\\s*field:\\s*"${r.field.replace(/[[\].]/g, "\\$&")}"`);
      if (!row.test(table)) {
        add(short, `${spec} adds the rule ${r.rule} on ${r.field} (${r.operationId}) with no test row`, `add { rule: "${r.rule}", field: "${r.field}", refused, accepted, message } to ${rulesFile}`);
      }
    }
    const fidelity = `specs/fidelity/${provider}.md`;
    if (diffLevel(changes) !== "patch" && diffLevel(changes) !== "none" && !files.includes(fidelity)) {
      add(short, `${spec} changed what users send or read (${changes[0].where}: ${changes[0].change}) and ${fidelity} does not say so`, `note the change and its source in ${fidelity}`);
    }
  }

  // The API reports: stale ones, and what the API's change needs.
  const apiChanges = new Map();
  const reported = reports === "all" ? packages : [...touched.keys()].map((short) => byShort.get(short));
  if (reported.length) progress(`API reports of ${reported.map((p) => p.short).join(", ")}`);
  const fresh = buildReports(reported);
  for (const [short, report] of fresh) {
    const file = reportPath(short);
    const committed = fs.existsSync(path.join(root, file)) ? fs.readFileSync(path.join(root, file), "utf8") : undefined;
    if (committed !== report) add(short, `${file} is not the package's API any more`, `pnpm api:report ${short} (and commit the report with the change)`);
    const before = atBase(root, base, file);
    if (before === undefined) continue;
    const diff = diffReports(before, report);
    apiChanges.set(short, diff);
    for (const c of diff.changes.slice(0, 3)) touch(short, diff.level, `API: ${c}`);
  }
  // A name re-exported from a package whose API changed changes the re-exporting package too.
  for (const [from, diff] of apiChanges) {
    if (diff.level === "none") continue;
    const spec = byShort.get(from).name;
    for (const pkg of packages) {
      if (pkg.short === from) continue;
      const file = path.join(root, reportPath(pkg.short));
      const report = fresh.get(pkg.short) ?? (fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "");
      const reexported = diff.names.filter((n) => report.includes(`export { ${n} } from "${spec}";`));
      if (reexported.length) touch(pkg.short, diff.level, `re-exports ${reexported.join(", ")} from ${spec}, whose API changed`);
    }
  }

  // Changesets added or changed by this change.
  const bumps = {};
  for (const file of files.filter((f) => /^\.changeset\/[^/]+\.md$/.test(f) && !/README\.md$/.test(f))) {
    if (!fs.existsSync(path.join(root, file))) continue;
    for (const [name, bump] of Object.entries(parseChangeset(fs.readFileSync(path.join(root, file), "utf8")))) {
      bumps[name] = { bump: maxLevel(bumps[name]?.bump ?? "none", bump), file: bumps[name]?.file ?? file };
    }
  }
  for (const [short, { level, reasons }] of touched) {
    const pkg = byShort.get(short);
    const needed = requiredBump(level === "none" ? "patch" : level, pkg.version);
    const why = reasons[0] ?? "its sources changed";
    const has = bumps[pkg.name];
    if (!has) {
      add(short, `${pkg.name} changed (${why}) and no changeset names it`, `pnpm changeset, or .changeset/<topic>.md with "${pkg.name}": ${needed}`);
    } else if (LEVELS.indexOf(has.bump) < LEVELS.indexOf(needed)) {
      add(short, `${has.file} bumps ${pkg.name} ${has.bump}, but the change needs ${needed} (${why})`, `"${pkg.name}": ${needed} in ${has.file}`);
    }
  }
  return { base, files, touched, findings };
}

function main() {
  const args = process.argv.slice(2);
  const at = args.indexOf("--base");
  const ref = at === -1 ? undefined : args[at + 1];
  if (at !== -1 && !ref) {
    console.error("Usage: pnpm check:change [--base <ref>]");
    process.exit(2);
  }
  const started = Date.now();
  let result;
  try {
    result = checkChange({ base: ref, progress: (what) => console.log(`check:change: ${what}…`) });
  } catch (error) {
    console.error(`check:change: ${error.message}`);
    process.exit(2);
  }
  const { base, files, touched, findings } = result;
  const where = `against ${base.slice(0, 10)}${ref ? ` (${ref})` : " (merge base with main)"}`;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (findings.length === 0) {
    const pkgs = [...touched].map(([s, t]) => `${s} (${requiredBump(t.level === "none" ? "patch" : t.level, reportedPackages().find((p) => p.short === s)?.version)})`);
    console.log(`check:change: no findings ${where}: ${files.length} files changed${pkgs.length ? `, packages ${pkgs.join(", ")}` : ""} (${seconds} s)`);
    return;
  }
  console.error(`check:change: ${findings.length} finding${findings.length === 1 ? "" : "s"} ${where} (${seconds} s):\n`);
  for (const f of findings) console.error(`  ${f.package}: ${f.finding}\n    fix: ${f.fix}\n`);
  process.exit(1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
