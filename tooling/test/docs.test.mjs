// The API reference (`pnpm docs`): TypeDoc with the repository's typedoc.json, built into
// a temp folder. It fails on any warning, any exported symbol or member without a doc
// comment, a broken {@link} and a referenced type that is not exported; on top of that,
// every client factory, client method, options type and error class has an @example.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root } from "../packages.mjs";

const PACKAGES = ["@ws/core", "@ws/res", "@ws/insight", "@ws/modelarts", "@ws/fabric", "@ws/truewatch", "@ws/opentelemetry", "@ws/emulator", "@ws/cli"];
// The providers' `/api` subpaths are modules of their own.
const MODULES = [...PACKAGES, ...["res", "insight", "modelarts", "fabric", "truewatch"].map((p) => `@ws/${p}/api`)];
// TypeDoc's ReflectionKind values.
const KIND = { Function: 64, Class: 128, Interface: 256, TypeAlias: 2097152, Reference: 4194304 };

let dir;
let build;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ws-docs-"));
  const json = path.join(dir, "docs.json");
  try {
    const output = execFileSync(
      process.execPath,
      [path.join(root, "node_modules/typedoc/bin/typedoc"), "--out", path.join(dir, "html"), "--json", json],
      { cwd: root, encoding: "utf8", stdio: "pipe" },
    );
    build = { ok: true, output, project: JSON.parse(fs.readFileSync(json, "utf8")) };
  } catch (error) {
    build = { ok: false, output: `${error.stdout ?? ""}${error.stderr ?? ""}`.replace(/\x1b\[[0-9;]*m/g, "") };
  }
}, 600_000); // typedoc over eight packages: 20 s quiet, 150 s measured at load 20 on two cores
afterAll(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

const hasExample = (reflection) =>
  [reflection.comment, ...(reflection.signatures ?? []).map((s) => s.comment)].some((c) => c?.blockTags?.some((t) => t.tag === "@example"));

describe("pnpm docs", () => {
  it("builds with no warning: every exported symbol documented, every link and referenced type resolved", () => {
    expect(build.ok, build.output).toBe(true);
    expect(build.output).not.toMatch(/\[warning\]|\[error\]/);
  });

  it("documents one module per package, and one per /api subpath", () => {
    expect(build.ok, build.output).toBe(true);
    expect(build.project.children.map((m) => m.name).sort()).toEqual([...MODULES].sort());
  });

  it("gives an @example to every client factory, client method, options type and error class", () => {
    expect(build.ok, build.output).toBe(true);
    const missing = [];
    for (const module of build.project.children) {
      for (const r of module.children ?? []) {
        if (r.kind === KIND.Reference) continue; // a re-export: checked where it is declared
        const factory = r.kind === KIND.Function && (/^create\w*Client$/.test(r.name) || r.name === "startEmulator");
        const client = r.kind === KIND.Interface && /Client$/.test(r.name) && module.name !== "@ws/core";
        const options = (r.kind === KIND.Interface || r.kind === KIND.TypeAlias) && /Options$/.test(r.name);
        const error = r.kind === KIND.Class && /Error$/.test(r.name);
        if ((factory || client || options || error) && !hasExample(r)) missing.push(`${module.name} ${r.name}`);
        if (client) for (const member of r.children ?? []) if (!hasExample(member)) missing.push(`${module.name} ${r.name}.${member.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
