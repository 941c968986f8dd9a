// `pnpm release:dry` plans the versions and dry-publishes every package in a temporary
// copy: the working tree, the index and uncommitted files are left exactly as they were.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "../packages.mjs";

const status = () => execFileSync("git", ["status", "--porcelain=v1", "--untracked-files=all"], { cwd: root, encoding: "utf8" });
const index = () => execFileSync("git", ["ls-files", "--stage"], { cwd: root, encoding: "utf8" });

describe("pnpm release:dry", () => {
  it("shows versions, changelogs and npm publish --dry-run, and leaves git status unchanged", () => {
    const changesets = fs.readdirSync(path.join(root, ".changeset")).sort();
    const [statusBefore, indexBefore] = [status(), index()];
    // --no-build: this runs inside pnpm test's turbo, which built every package first (tooling/turbo.json).
    const bin = path.join(root, "node_modules/.bin");
    const out = execFileSync(process.execPath, [path.join(root, "tooling/release-dry.mjs"), "--no-build"], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}` },
    });
    expect(out).toMatch(/Planned versions:\n {2}@ws\/cli /);
    expect(out).toMatch(/Provenance: on when the release workflow publishes/);
    expect(out).toMatch(/git status is as it was/);
    expect(status()).toBe(statusBefore);
    expect(index()).toBe(indexBefore);
    expect(fs.readdirSync(path.join(root, ".changeset")).sort()).toEqual(changesets);
  }, 180_000);
});
