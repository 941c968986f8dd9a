#!/usr/bin/env node
// `pnpm release:dry`: what `pnpm version-packages && pnpm release` would do, done in a
// temporary copy of the working tree (uncommitted and untracked files included), so the
// working tree, the index and every uncommitted file stay exactly as they are:
//   1. the planned version of every package and its changelog entry (`changeset version` in the copy);
//   2. every package's `npm publish --dry-run` at its new version (files, sizes, access, tag),
//      from the tarball `pnpm pack` makes (workspace: ranges written out, as `pnpm release` does);
//   3. the provenance settings the release workflow publishes with.
//
//   pnpm release:dry           plan and dry publish, then delete the copy
//   pnpm release:dry --keep    keep the copy (its path is printed) to look at
//   pnpm release:dry --no-build   take the packages' dist/ as it is (the tests, inside a running turbo)
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const keep = process.argv.includes("--keep");
const build = !process.argv.includes("--no-build");
const say = (line) => console.log(line);
const run = (cmd, args, cwd, extra = {}) => execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], ...extra });

/** The working tree as it is (tracked and untracked files, not ignored ones, not deleted ones) in `dest`, with built dist/ and linked node_modules. */
export function copyWorkingTree(dest) {
  const files = run("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], root).split("\0").filter(Boolean);
  for (const file of new Set(files)) {
    const from = path.join(root, file);
    if (!fs.existsSync(from) || fs.lstatSync(from).isDirectory()) continue; // deleted in the working tree, or a submodule
    fs.mkdirSync(path.dirname(path.join(dest, file)), { recursive: true });
    fs.cpSync(from, path.join(dest, file), { verbatimSymlinks: true });
  }
  for (const sub of [".", "tooling", "examples", "bench", ...fs.readdirSync(path.join(root, "packages")).map((p) => `packages/${p}`)]) {
    const modules = path.join(root, sub, "node_modules");
    if (fs.existsSync(modules) && fs.existsSync(path.join(dest, sub))) fs.symlinkSync(modules, path.join(dest, sub, "node_modules"));
    const dist = path.join(root, sub, "dist");
    if (sub.startsWith("packages/") && fs.existsSync(dist)) fs.cpSync(dist, path.join(dest, sub, "dist"), { recursive: true });
  }
}

function packages(dir) {
  return fs
    .readdirSync(path.join(dir, "packages"))
    .filter((p) => fs.existsSync(path.join(dir, "packages", p, "package.json")))
    .map((p) => ({ dir: path.join(dir, "packages", p), manifest: JSON.parse(fs.readFileSync(path.join(dir, "packages", p, "package.json"), "utf8")) }))
    .filter(({ manifest }) => !manifest.private);
}

/** The newest section of a CHANGELOG.md (what this release adds). */
const newestEntry = (text) => (/^## [\s\S]*?(?=^## |(?![\s\S]))/m.exec(text)?.[0] ?? "").trim();

function main() {
  const started = Date.now();
  if (build) say("release:dry: building the packages (turbo; cached when nothing changed)…");
  if (build) execFileSync(process.execPath, [path.join(root, "tooling/progress.mjs"), "turbo", "run", "build", "--output-logs=errors-only"], { cwd: root, stdio: "inherit" });
  const statusBefore = run("git", ["status", "--porcelain=v1", "--untracked-files=all"], root);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ws-release-dry-"));
  try {
    say(`release:dry: copying the working tree to ${dir}…`);
    copyWorkingTree(dir);
    // changesets' changelog asks git which commit added each changeset: a repository of its own.
    run("git", ["init", "-q"], dir);
    run("git", ["add", "-A"], dir);
    run("git", ["-c", "user.name=release-dry", "-c", "user.email=release-dry@localhost", "commit", "-q", "-m", "working tree", "--no-verify"], dir);

    const before = new Map(packages(dir).map((p) => [p.manifest.name, p.manifest.version]));
    const pending = fs.readdirSync(path.join(dir, ".changeset")).filter((f) => f.endsWith(".md") && f !== "README.md");
    say(`release:dry: ${pending.length} pending changeset${pending.length === 1 ? "" : "s"}; changeset version (in the copy)…`);
    run(process.execPath, [path.join(root, "node_modules/@changesets/cli/bin.js"), "version"], dir);

    say("\nPlanned versions:");
    const released = [];
    for (const { dir: pkgDir, manifest } of packages(dir)) {
      const was = before.get(manifest.name);
      const moved = was !== manifest.version;
      say(`  ${manifest.name.padEnd(16)} ${was}${moved ? ` → ${manifest.version}` : " (unchanged)"}`);
      if (moved) released.push({ pkgDir, manifest });
    }
    for (const { pkgDir, manifest } of released) {
      const changelog = path.join(pkgDir, "CHANGELOG.md");
      if (!fs.existsSync(changelog)) continue;
      say(`\nChangelog, ${manifest.name}:\n${newestEntry(fs.readFileSync(changelog, "utf8")).replace(/^/gm, "  ")}`);
    }

    const workflow = fs.readFileSync(path.join(root, ".github/workflows/release.yml"), "utf8");
    const provenance = /NPM_CONFIG_PROVENANCE:\s*"?true/.test(workflow) && /id-token:\s*write/.test(workflow);
    say(`\nProvenance: ${provenance ? "on when the release workflow publishes (NPM_CONFIG_PROVENANCE=true, id-token: write in .github/workflows/release.yml)" : "OFF: .github/workflows/release.yml does not set NPM_CONFIG_PROVENANCE=true with id-token: write"}; not attempted here (it needs the CI's identity).`);

    const publishing = released;
    if (publishing.length === 0) say("\nNothing to publish: no pending changeset moves a version.");
    const packs = path.join(dir, ".packs");
    fs.mkdirSync(packs);
    for (const { pkgDir, manifest } of publishing) {
      say(`\nnpm publish --dry-run, ${manifest.name}@${manifest.version}:`);
      const packed = run("pnpm", ["pack", "--pack-destination", packs], pkgDir).trim().split("\n").pop().trim();
      const tarball = path.isAbsolute(packed) ? packed : path.join(packs, path.basename(packed));
      // npm lists the files, sizes, tag and access as notices on stderr: shown as they come.
      execFileSync("npm", ["publish", tarball, "--dry-run", `--access=${manifest.publishConfig?.access ?? "public"}`], {
        cwd: packs,
        stdio: ["ignore", "inherit", "inherit"],
        env: { ...process.env, NPM_CONFIG_PROVENANCE: "false", npm_config_loglevel: "notice", npm_config_update_notifier: "false" },
      });
    }
  } finally {
    const statusAfter = run("git", ["status", "--porcelain=v1", "--untracked-files=all"], root);
    if (keep) say(`\nrelease:dry: the copy is kept at ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
    say(
      statusAfter === statusBefore
        ? `\nrelease:dry: done in ${((Date.now() - started) / 1000).toFixed(1)} s; git status is as it was (nothing here was written).`
        : "\nrelease:dry: git status CHANGED during the dry run; this is a bug in tooling/release-dry.mjs",
    );
    if (statusAfter !== statusBefore) process.exitCode = 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
