// --help at every level, generated from the specs, and ws --version. Also what keeps
// `ws --help` fast: the bin loads no provider package, emulator, YAML or JMESPath library
// until a command needs it.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { COMMANDS, commandFields, kebab, PROVIDERS } from "../src/commands.js";
import { providers } from "../src/generated/commands.js";
import { cleanEnv, ws, type Env } from "./helpers.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../../..");
let env: Env;
beforeAll(async () => {
  env = await cleanEnv();
});

describe("ws --help and ws --version", () => {
  it("lists the providers, the options every operation takes and the exit codes", async () => {
    for (const args of [["--help"], ["-h"], ["help"], []]) {
      const result = await ws(args, env);
      expect(result.code, args.join(" ")).toBe(0);
      for (const p of [...PROVIDERS, "emulator"]) expect(result.stdout).toMatch(new RegExp(`^  ${p} `, "m"));
      for (const o of ["--region", "--site", "--endpoint", "--project-id", "--instance-id", "--profile", "--output", "--query", "--input-json", "--dry-run", "--debug"]) expect(result.stdout).toContain(o);
      for (const code of ["0", "1", "2", "3", "130"]) expect(result.stdout).toMatch(new RegExp(`^  ${code} +\\S`, "m"));
    }
  });

  it("--version names the package and its version", async () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(here, "../package.json"), "utf8"));
    const result = await ws(["--version"], env);
    expect(result).toMatchObject({ code: 0, stdout: `@ws/cli/${version} node/${process.version}\n` });
  });

  it("ws <provider> --help lists exactly the provider's operations", async () => {
    for (const p of PROVIDERS) {
      const result = await ws([p, "--help"], env);
      expect(result.code).toBe(0);
      const listed = [...result.stdout.matchAll(/^ {2}([a-z-]+) {2,}/gm)].map((m) => m[1]);
      expect(listed, p).toEqual(COMMANDS[p].map((c) => c.name));
    }
  });
});

describe("ws <provider> <operation> --help", () => {
  it("shows every field of the operation's spec as a flag, with the spec's description, enum and limits", async () => {
    for (const p of PROVIDERS) {
      for (const def of COMMANDS[p]) {
        const result = await ws([p, def.name, "--help"], env);
        expect(result.code, `${p} ${def.name}`).toBe(0);
        const text = result.stdout.replace(/\s+/g, " ");
        for (const { flag, field } of commandFields(p, def)) {
          expect(text, `${p} ${def.name} --${flag}`).toContain(`--${flag}`);
          if (field.description) expect(text, `${p} ${def.name} --${flag}`).toContain(field.description.replace(/\s+/g, " ").slice(0, 40));
          for (const value of field.enum ?? []) expect(text).toContain(String(value));
        }
      }
    }
  });

  it("ModelArts create-workspace: the flags a user types, from specs/modelarts.yaml", async () => {
    const { stdout } = await ws(["modelarts", "create-workspace", "--help"], env);
    expect(stdout).toMatch(/^ws modelarts create-workspace: Create a workspace \(POST \/v1\/\{project_id\}\/workspaces\)/);
    expect(stdout).toMatch(/--name <string> +Required\. Workspace name/);
    expect(stdout.replace(/\s+/g, " ")).toMatch(/--auth-type <string> .*one of PUBLIC, PRIVATE, INTERNAL/);
    expect(stdout).toMatch(/--grants <json: object\[\]>/);
    expect(stdout.replace(/\s+/g, " ")).toContain("4 to 64 characters");
  });

  it("never shows the specs' x- notes (authors' notes, not users' help)", () => {
    const notes: string[] = [];
    const collect = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(collect);
      else if (node && typeof node === "object") {
        for (const [key, value] of Object.entries(node)) {
          if (key.startsWith("x-") && typeof value === "string") notes.push(value);
          else if (key.startsWith("x-") && Array.isArray(value)) notes.push(...value.filter((v): v is string => typeof v === "string"));
          else collect(value);
        }
      }
    };
    for (const p of PROVIDERS) collect(parseYaml(fs.readFileSync(path.join(root, "specs", `${p}.yaml`), "utf8")));
    const long = notes.map((n) => n.trim()).filter((n) => n.length > 30);
    expect(long.length).toBeGreaterThan(20);
    const generated = JSON.stringify(providers);
    for (const note of long) expect(generated.includes(note.slice(0, 60)), note.slice(0, 80)).toBe(false);
  });

  it("flags are the fields' names in kebab case", () => {
    expect(kebab("auth_type")).toBe("auth-type");
    expect(kebab("needCreateAk")).toBe("need-create-ak");
    expect(kebab("menuStyle")).toBe("menu-style");
  });
});

describe("start-up", () => {
  it("the bin imports no provider, emulator, YAML or JMESPath module statically (only when a command runs)", () => {
    const dist = path.join(here, "../dist");
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const code = fs.readFileSync(path.join(dist, file), "utf8");
      for (const m of code.matchAll(/^import\s[^;]*?from\s+"([^"]+)"|^import\s+"([^"]+)"/gm)) {
        const spec = (m[1] ?? m[2])!;
        if (spec.startsWith("./")) visit(spec.slice(2));
        else expect(spec, `${file} imports ${spec}`).toMatch(/^(node:)?(util|fs|path|url|os|child_process|process)$/);
      }
    };
    visit("bin.js");
    expect(seen.size).toBeGreaterThan(1);
  });
});
