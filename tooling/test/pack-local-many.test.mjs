// `pnpm pack:local res modelarts emulator`: every name packed (with what it needs, once),
// one npm install line for all, and a run never deletes another run's tarballs.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const packLocal = (...names) => execFileSync(process.execPath, [path.join(root, "tooling/pack-local.mjs"), ...names], { cwd: root, encoding: "utf8" });
const installLine = (out) => out.split("\n").find((l) => l.startsWith("npm install "));
const tarballsOf = (line) => [...line.matchAll(/"([^"]+\.tgz)"/g)].map((m) => m[1]);

describe("pnpm pack:local with several packages", () => {
  it("packs each, keeps the earlier run's tarballs, and installs all three together", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ws-pack-many-"));
    const folders = [];
    try {
      const first = tarballsOf(installLine(packLocal("res")));
      folders.push(path.dirname(first[0]));
      const line = installLine(packLocal("res", "modelarts", "emulator"));
      const second = tarballsOf(line);
      folders.push(path.dirname(second[0]));
      expect(folders[1]).not.toBe(folders[0]);
      for (const tarball of first) expect(fs.existsSync(tarball), `${tarball} of the first run`).toBe(true);
      const names = second.map((t) => path.basename(t).replace(/-\d+\.\d+\.\d+.*$/, ""));
      for (const name of ["ws-core", "ws-res", "ws-modelarts", "ws-emulator"]) expect(names).toContain(name);
      expect(new Set(names).size).toBe(names.length); // core once

      const project = path.join(dir, "app");
      fs.mkdirSync(project);
      fs.writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
      execFileSync("sh", ["-c", `${line} --no-audit --no-fund`], { cwd: project, stdio: "ignore" });
      const script = 'import { createResClient } from "@ws/res"; import { createModelArtsClient } from "@ws/modelarts"; import { startEmulator } from "@ws/emulator"; console.log(typeof createResClient, typeof createModelArtsClient, typeof startEmulator);';
      const run = execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: project, encoding: "utf8" });
      expect(run.trim()).toBe("function function function");
    } finally {
      for (const folder of folders) if (folder.startsWith(path.join(root, ".tmp", "packs"))) fs.rmSync(folder, { recursive: true, force: true });
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
