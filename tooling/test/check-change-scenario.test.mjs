// A maintainer's four changes, each in a throwaway clone of the current commit: what
// `pnpm check:change` finds missing, and that it is quiet once the right changeset,
// test rows, fidelity note and API report are there. The check's functions run directly
// on the clone (no build: the clone's node_modules are links to this checkout's).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { buildReport, reportedPackages, reportPath } from "../check-change/api-report.mjs";
import { checkChange } from "../check-change/check-change.mjs";
import { root } from "../packages.mjs";

const head = execFileSync("git", ["rev-parse", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
const copies = [];
afterAll(() => copies.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** A clone of HEAD in a temp folder, its node_modules linked to this checkout's. */
function throwawayCopy() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ws-check-change-"));
  copies.push(dir);
  execFileSync("git", ["clone", "--quiet", "--shared", "--no-checkout", root, dir]);
  execFileSync("git", ["-C", dir, "checkout", "--quiet", "--detach", head]);
  for (const sub of [".", "tooling", ...fs.readdirSync(path.join(root, "packages")).map((p) => `packages/${p}`)]) {
    const modules = path.join(root, sub, "node_modules");
    if (fs.existsSync(modules)) fs.symlinkSync(modules, path.join(dir, sub, "node_modules"));
  }
  return dir;
}

const editFile = (dir, file, change) => fs.writeFileSync(path.join(dir, file), change(fs.readFileSync(path.join(dir, file), "utf8")));
function editSpec(dir, change) {
  editFile(dir, "specs/modelarts.yaml", (text) => {
    const doc = parseDocument(text);
    change(doc);
    return doc.toString({ lineWidth: 0 });
  });
}
/** `pnpm generate` for what a ModelArts spec change regenerates (the other four specs' files stay as they are). */
const generate = (dir) => {
  execFileSync(process.execPath, ["tooling/generate.mjs", "modelarts", "--emulator", "--cli"], { cwd: dir, stdio: "ignore" });
};
const writeReport = (dir, short) => {
  const pkg = reportedPackages(dir).find((p) => p.short === short);
  fs.writeFileSync(path.join(dir, reportPath(short)), buildReport(pkg));
};
const changeset = (dir, bumps) =>
  fs.writeFileSync(
    path.join(dir, ".changeset/scenario.md"),
    `---\n${Object.entries(bumps).map(([name, bump]) => `"${name}": ${bump}`).join("\n")}\n---\n\nThe scenario's change.\n`,
  );
const noteFidelity = (dir) => editFile(dir, "specs/fidelity/modelarts.md", (text) => `${text}\n- The scenario's change (test).\n`);
const findings = (dir) => checkChange({ root: dir, base: head, reports: "touched" }).findings.map((f) => `${f.package}: ${f.finding} | fix: ${f.fix}`);
/** Spec changes regenerate the emulator's specs and the CLI's commands too: both are patches there. */
const generatedToo = { "@ws/emulator": "patch", "@ws/cli": "patch" };

describe("pnpm check:change, a maintainer's changes", { timeout: 120_000 }, () => {
  it("(a) an optional request field: stale generated files, then missing rule rows, fidelity note, changesets and report", () => {
    const dir = throwawayCopy();
    expect(findings(dir)).toEqual([]);
    editSpec(dir, (doc) => doc.setIn(["components", "schemas", "CreateWorkspaceRequest", "properties", "tags"], { type: "array", maxItems: 20, items: { type: "string", maxLength: 36 } }));
    let found = findings(dir);
    expect(found.join("\n")).toMatch(/modelarts: generated file packages\/modelarts\/src\/generated\/schema\.ts is stale .*\| fix: pnpm generate/);

    generate(dir);
    found = findings(dir);
    expect(found.some((f) => /generated file/.test(f))).toBe(false);
    for (const rule of ["tags type", "tags maxItems", "tags\\[0\\] type", "tags\\[0\\] maxLength"]) {
      expect(found.join("\n")).toMatch(new RegExp(`adds the rule ${rule.split(" ")[1]} on ${rule.split(" ")[0]} \\(createWorkspace\\) with no test row \\| fix: add .* to packages/testkit/src/rules/modelarts\\.ts`));
    }
    expect(found.join("\n")).toMatch(/specs\/fidelity\/modelarts\.md does not say so/);
    expect(found.join("\n")).toMatch(/modelarts: packages\/modelarts\/review\/modelarts\.api\.md is not the package's API any more \| fix: pnpm api:report modelarts/);
    for (const name of ["modelarts", "emulator", "cli"]) expect(found.join("\n")).toMatch(new RegExp(`@ws/${name} changed .* no changeset names it`));

    editFile(dir, "packages/testkit/src/rules/modelarts.ts", (text) =>
      text.replace(
        "export const modelartsRules: RuleCase[] = [\n",
        `$&  { rule: "type", field: "tags", refused: {}, accepted: {} },\n  { rule: "maxItems", field: "tags", refused: {}, accepted: {} },\n  { rule: "type", field: "tags[0]", refused: {}, accepted: {} },\n  { rule: "maxLength", field: "tags[0]", refused: {}, accepted: {} },\n`,
      ),
    );
    noteFidelity(dir);
    writeReport(dir, "modelarts");
    changeset(dir, { "@ws/modelarts": "minor", ...generatedToo });
    expect(findings(dir)).toEqual([]);
  });

  it("(b) a response field removed: a patch changeset is too small", () => {
    const dir = throwawayCopy();
    editSpec(dir, (doc) => doc.deleteIn(["components", "schemas", "Workspace", "properties", "owner"]));
    generate(dir);
    noteFidelity(dir);
    writeReport(dir, "modelarts");
    changeset(dir, { "@ws/modelarts": "patch", ...generatedToo });
    const found = findings(dir);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^modelarts: \.changeset\/scenario\.md bumps @ws\/modelarts patch, but the change needs minor \(.*owner.*\) \| fix: "@ws\/modelarts": minor in \.changeset\/scenario\.md$/);
    changeset(dir, { "@ws/modelarts": "minor", ...generatedToo });
    expect(findings(dir)).toEqual([]);
  });

  it("(c) a limit made stricter: breaking although the types do not change", () => {
    const dir = throwawayCopy();
    editSpec(dir, (doc) => doc.setIn(["components", "schemas", "CreateWorkspaceRequest", "properties", "description", "maxLength"], 128));
    generate(dir);
    changeset(dir, { "@ws/modelarts": "patch", ...generatedToo });
    const found = findings(dir);
    expect(found).toEqual([
      expect.stringMatching(/^modelarts: specs\/modelarts\.yaml changed what users send or read .* specs\/fidelity\/modelarts\.md does not say so/),
      expect.stringMatching(/bumps @ws\/modelarts patch, but the change needs minor \(.*description: maxLength 256 → 128 \(stricter\)\)/),
    ]);
    noteFidelity(dir);
    changeset(dir, { "@ws/modelarts": "minor", ...generatedToo });
    expect(findings(dir)).toEqual([]);
  });

  it("(d) an exported function's signature changed: the report, then the bump", () => {
    const dir = throwawayCopy();
    editFile(dir, "packages/modelarts/src/index.ts", (text) => {
      const next = text.replace(
        "export function createModelArtsClient(options: ModelArtsClientOptions): ModelArtsClient {",
        "export function createModelArtsClient(options: ModelArtsClientOptions, label: string): ModelArtsClient {\n  void label;",
      );
      expect(next).not.toBe(text);
      return next;
    });
    let found = findings(dir);
    expect(found).toEqual([
      expect.stringMatching(/^modelarts: packages\/modelarts\/review\/modelarts\.api\.md is not the package's API any more \| fix: pnpm api:report modelarts/),
      expect.stringMatching(/^modelarts: @ws\/modelarts changed \(API: createModelArtsClient changed: .*\) and no changeset names it \| fix: .*"@ws\/modelarts": minor/),
    ]);
    writeReport(dir, "modelarts");
    changeset(dir, { "@ws/modelarts": "patch" });
    found = findings(dir);
    expect(found).toEqual([expect.stringMatching(/bumps @ws\/modelarts patch, but the change needs minor \(API: createModelArtsClient changed/)]);
    changeset(dir, { "@ws/modelarts": "minor" });
    expect(findings(dir)).toEqual([]);
  });
});
