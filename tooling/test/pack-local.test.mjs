// `pnpm pack:local insight` makes tarballs that install on their own: npm, in a
// fresh project outside the workspace, with nothing of ours from a registry.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

describe("pnpm pack:local", () => {
  it("packs a package with the @ws packages it needs, and prints the npm install line that works", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ws-pack-local-"));
    try {
      const out = execFileSync(process.execPath, [path.join(root, "tooling/pack-local.mjs"), "insight", "--out", path.join(dir, "packs")], { cwd: root, encoding: "utf8" });
      const line = out.split("\n").find((l) => l.startsWith("npm install "));
      expect(line).toMatch(/ws-core-[\d.]+\.tgz.*ws-insight-[\d.]+\.tgz/);
      const project = path.join(dir, "app");
      fs.mkdirSync(project);
      fs.writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
      execFileSync("sh", ["-c", `${line} --no-audit --no-fund`], { cwd: project, stdio: "ignore" });
      const run = execFileSync(process.execPath, ["--input-type=module", "-e", 'import { createInsightClient, errorCodes } from "@ws/insight"; console.log(typeof createInsightClient, errorCodes.DATAARTSINSIGHT_24150005);'], { cwd: project, encoding: "utf8" });
      expect(run.trim()).toBe("function DataArtsInsight.24150005");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
