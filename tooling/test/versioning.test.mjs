// Independent versions: in a copy of the workspace's manifests (no pending
// changesets), `changeset version` moves only the packages a changeset names and
// those that depend on them, and a @ws/core release bumps its dependents by a patch.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { root } from "../packages.mjs";

let dir;
afterEach(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

function workspaceCopy() {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ws-versions-"));
  for (const file of ["package.json", "pnpm-workspace.yaml", ".changeset/config.json"]) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.copyFileSync(path.join(root, file), path.join(dir, file));
  }
  for (const group of ["packages", "examples", "tooling"]) {
    const dirs = group === "packages" ? fs.readdirSync(path.join(root, group)).map((d) => path.join(group, d)) : [group];
    for (const rel of dirs) {
      if (!fs.existsSync(path.join(root, rel, "package.json"))) continue;
      fs.mkdirSync(path.join(dir, rel), { recursive: true });
      fs.copyFileSync(path.join(root, rel, "package.json"), path.join(dir, rel, "package.json"));
    }
  }
  return dir;
}

function version(changeset) {
  fs.writeFileSync(path.join(dir, ".changeset", "change.md"), changeset);
  execFileSync(process.execPath, [path.join(root, "node_modules/@changesets/cli/bin.js"), "version"], { cwd: dir, stdio: "pipe" });
  const state = {};
  for (const name of ["core", "res", "insight", "modelarts", "fabric", "truewatch", "emulator", "testkit"]) {
    const pkgDir = path.join(dir, "packages", name);
    const manifest = JSON.parse(fs.readFileSync(path.join(pkgDir, "package.json"), "utf8"));
    const changelog = path.join(pkgDir, "CHANGELOG.md");
    state[manifest.name] = { version: manifest.version, changelog: fs.existsSync(changelog) ? fs.readFileSync(changelog, "utf8") : undefined };
  }
  return state;
}

describe("changeset version", () => {
  it("a changeset for @ws/res moves @ws/res alone (nothing depends on it)", () => {
    workspaceCopy();
    const before = JSON.parse(fs.readFileSync(path.join(dir, "packages/res/package.json"), "utf8")).version;
    const state = version(`---\n"@ws/res": patch\n---\n\nFix the RES error message.\n`);
    const changed = Object.entries(state).filter(([, s]) => s.changelog !== undefined).map(([name]) => name);
    expect(changed).toEqual(["@ws/res"]);
    expect(state["@ws/res"].version).not.toBe(before);
    expect(state["@ws/res"].changelog).toContain("Fix the RES error message.");
    for (const name of ["@ws/core", "@ws/insight", "@ws/modelarts", "@ws/fabric", "@ws/truewatch", "@ws/emulator"]) {
      expect(state[name].version, name).toBe(JSON.parse(fs.readFileSync(path.join(root, "packages", name.slice(4), "package.json"), "utf8")).version);
    }
  });

  it("a @ws/core release bumps every package that depends on it by a patch", () => {
    workspaceCopy();
    const state = version(`---\n"@ws/core": minor\n---\n\nA core feature.\n`);
    const [major, minor] = state["@ws/core"].version.split(".").map(Number);
    expect(minor + major).toBeGreaterThan(0);
    for (const name of ["@ws/res", "@ws/insight", "@ws/modelarts", "@ws/fabric", "@ws/truewatch", "@ws/emulator"]) {
      const original = JSON.parse(fs.readFileSync(path.join(root, "packages", name.slice(4), "package.json"), "utf8")).version.split(".").map(Number);
      const next = state[name].version.split(".").map(Number);
      expect(next, name).toEqual([original[0], original[1], original[2] + 1]);
      expect(state[name].changelog, name).toMatch(/Updated dependencies[\s\S]*@ws\/core@/);
    }
    expect(state["@ws/testkit"].changelog).toBeUndefined(); // private: never versioned
  });
});

describe("release workflow", () => {
  it("publishes through the changesets action, with npm provenance", () => {
    const workflow = fs.readFileSync(path.join(root, ".github/workflows/release.yml"), "utf8");
    expect(workflow).toContain("uses: changesets/action@v1");
    expect(workflow).toContain("publish: pnpm release");
    expect(workflow).toContain("id-token: write");
    expect(workflow).toContain('NPM_CONFIG_PROVENANCE: "true"');
    const scripts = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).scripts;
    expect(scripts.release).toMatch(/(^| )turbo run build && changeset publish$/);
  });
});
