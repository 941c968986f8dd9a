// Input (flags, --input-json inline, from a file, from standard input) and output (JSON,
// YAML, table, text, --query), listing every page, and --dry-run sending nothing.
import { startEmulator, type Emulator } from "@ws/emulator";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emulatorEnv, expectNoSecrets, ws, wsJson, wsOnTerminal, type Env } from "./helpers.js";

let emulator: Emulator;
let env: Env;
let id: string;
beforeAll(async () => {
  emulator = await startEmulator();
  env = await emulatorEnv(emulator);
  id = (await wsJson(["modelarts", "create-workspace", "--name", "team-a", "--auth-type", "PRIVATE", "--description", "first"], env)).id;
  await wsJson(["modelarts", "create-workspace", "--name", "team-b"], env);
  await wsJson(["modelarts", "create-workspace", "--name", "team-c", "--auth-type", "PUBLIC"], env);
});
afterAll(async () => {
  const a = emulator.credentials;
  expectNoSecrets([a.secretKey, a.accessKey, a.apiKey, a.password]);
  await emulator.close();
});

describe("output", () => {
  it("json: one line when piped", async () => {
    const result = await ws(["modelarts", "get-workspace", "--workspace-id", id], env);
    expect(result.stdout.trim().split("\n")).toHaveLength(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ id, name: "team-a" });
  });

  it("json: indented on a terminal", async () => {
    const result = await wsOnTerminal(["modelarts", "get-workspace", "--workspace-id", id], env);
    expect(result.stdout).toMatch(/^\{\r?\n {2}"id": /);
    expect(JSON.parse(result.stdout)).toMatchObject({ id });
  });

  it("yaml: the same value as json, for one result and for a list", async () => {
    const asJson = await wsJson(["modelarts", "get-workspace", "--workspace-id", id], env);
    const asYaml = await ws(["modelarts", "get-workspace", "--workspace-id", id, "--output", "yaml"], env);
    expect(asYaml.code).toBe(0);
    expect(parseYaml(asYaml.stdout)).toEqual(asJson);
    const listJson = await wsJson(["modelarts", "list-workspaces"], env);
    const listYaml = await ws(["modelarts", "list-workspaces", "-o", "yaml"], env);
    expect(parseYaml(listYaml.stdout)).toEqual(listJson);
  });

  it("table: a row per workspace under a header of its fields; an object as key and value", async () => {
    const list = await ws(["modelarts", "list-workspaces", "--output", "table", "--query", "[].{name: name, auth: auth_type}"], env);
    expect(list.code).toBe(0);
    const lines = list.stdout.trim().split("\n");
    expect(lines[1]).toMatch(/^\| name +\| auth +\|$/);
    expect(list.stdout).toMatch(/\| team-a +\| private +\|/);
    expect(lines.filter((l) => l.startsWith("| team-"))).toHaveLength(3);
    const one = await ws(["modelarts", "get-workspace", "--workspace-id", id, "-o", "table"], env);
    expect(one.stdout).toMatch(/\| key +\| value +\|/);
    expect(one.stdout).toMatch(/\| name +\| team-a +\|/);
  });

  it("text: bare values for shell variables", async () => {
    const result = await ws(["modelarts", "list-workspaces", "--sort-by", "name", "--order", "asc", "--query", "[].name", "--output", "text"], env);
    expect(result.stdout).toBe("team-a\nteam-b\nteam-c\n");
  });
});

describe("--query", () => {
  it("filters and projects with JMESPath", async () => {
    expect(await wsJson(["modelarts", "list-workspaces", "--query", "[?auth_type=='private'].name"], env)).toEqual(["team-a"]);
    expect(await wsJson(["modelarts", "list-workspaces", "--query", "length(@)"], env)).toBe(3);
    expect(await wsJson(["modelarts", "get-workspace", "--workspace-id", id, "--query", "{n: name, d: description}"], env)).toEqual({ n: "team-a", d: "first" });
  });

  it("a malformed expression is refused before anything is sent (exit 2)", async () => {
    const before = emulator.requests("modelarts");
    const result = await ws(["modelarts", "create-workspace", "--name", "never", "--query", "[?name=="], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ws: --query is not a valid JMESPath expression/);
    expect(emulator.requests("modelarts")).toBe(before);
  });
});

describe("input", () => {
  it("--input-json - reads the body from standard input; flags override its fields", async () => {
    const body = { name: "from-stdin", auth_type: "INTERNAL", grants: [{ user_name: "alice" }], description: "json" };
    const created = await wsJson(["modelarts", "create-workspace", "--input-json", "-", "--description", "flag"], env, JSON.stringify(body));
    expect(created).toMatchObject({ name: "from-stdin", auth_type: "internal", description: "flag" });
    expect(await wsJson(["modelarts", "get-workspace", "--workspace-id", created.id, "--query", "grants[].user_name"], env)).toEqual(["alice"]);
  });

  it("--input-json file://... and inline, including workspace_id and query fields", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ws-cli-input-"));
    const file = path.join(dir, "update.json");
    fs.writeFileSync(file, JSON.stringify({ workspace_id: id, description: "from a file" }));
    expect(await wsJson(["modelarts", "update-workspace", "--input-json", `file://${file}`], env)).toEqual({ workspace_id: id });
    expect(await wsJson(["modelarts", "list-workspaces", "--input-json", '{"name":"team-a","sort_by":"name"}', "--query", "[0].description"], env)).toBe("from a file");
  });

  it("refuses input that is not one JSON object, and unknown fields, before sending (exit 2)", async () => {
    const before = emulator.requests("modelarts");
    for (const [args, message] of [
      [["--input-json", "{nope"], /is not valid JSON/],
      [["--input-json", "[1]"], /must hold one JSON object/],
      [["--input-json", "file:///no/such/file.json"], /cannot read/],
      [["--grants", "not json"], /--grants takes JSON/],
      [["--name", "x", "--nmae", "y"], /unknown option --nmae.*did you mean --name/],
    ] as const) {
      const result = await ws(["modelarts", "create-workspace", ...args], env);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr).toMatch(message);
    }
    const unknownField = await ws(["modelarts", "create-workspace", "--input-json", '{"name":"team-z","colour":"red"}'], env);
    expect(unknownField.code).toBe(2);
    expect(unknownField.stderr).toMatch(/^ValidationError: .*colour/);
    expect(emulator.requests("modelarts")).toBe(before);
  });
});

describe("listing", () => {
  it("streams every page, and --max-items stops early", async () => {
    for (const name of ["lake-1", "lake-2", "lake-3", "lake-4", "lake-5"]) await wsJson(["fabric", "create-workspace", "--name", name], env);
    const before = emulator.requests("fabric");
    const all = await wsJson(["fabric", "list-workspaces", "--limit", "2", "--query", "[].name"], env);
    expect(all.sort()).toEqual(["lake-1", "lake-2", "lake-3", "lake-4", "lake-5"]);
    expect(emulator.requests("fabric") - before).toBeGreaterThanOrEqual(3); // pages of 2
    const mid = emulator.requests("fabric");
    const two = await wsJson(["fabric", "list-workspaces", "--limit", "2", "--max-items", "2"], env);
    expect(two).toHaveLength(2);
    expect(emulator.requests("fabric") - mid).toBe(1); // the second page is never asked for
    const streamed = await ws(["fabric", "list-workspaces", "--limit", "2", "--max-items", "3", "-o", "yaml"], env);
    expect(parseYaml(streamed.stdout)).toHaveLength(3);
    expect(await wsJson(["fabric", "list-workspaces", "--name", "no-such-lake"], env)).toEqual([]);
  });
});

describe("--dry-run", () => {
  it("validates, builds and signs the request, prints it with secrets redacted, and sends nothing", async () => {
    const before = { modelarts: emulator.requests("modelarts"), truewatch: emulator.requests("truewatch"), iam: emulator.requests("iam") };
    const printed = await wsJson(["modelarts", "create-workspace", "--name", "team-dry", "--auth-type", "PRIVATE", "--dry-run"], env);
    expect(printed).toMatchObject({
      dryRun: true,
      method: "POST",
      url: `${emulator.url}/v1/${emulator.credentials.projectId}/workspaces`,
      body: { name: "team-dry", auth_type: "PRIVATE" },
    });
    expect(printed.headers.authorization).toMatch(/^SDK-HMAC-SHA256 Access=\[REDACTED\], SignedHeaders=[a-z;-]*x-sdk-date[a-z;-]*, Signature=\[REDACTED\]$/);
    expect(printed.headers["x-sdk-date"]).toMatch(/^\d{8}T\d{6}Z$/);
    const tw = await wsJson(["truewatch", "update-workspace", "--desc", "dry", "--dry-run"], env);
    expect(tw).toMatchObject({ method: "POST", body: { desc: "dry" }, headers: { "df-api-key": "[REDACTED]" } });
    const list = await wsJson(["modelarts", "list-workspaces", "--name", "team", "--dry-run", "--query", "[method, url]"], env);
    expect(list).toEqual(["GET", expect.stringMatching(/\/workspaces\?.*name=team/)]);
    expect(await wsJson(["modelarts", "wait-workspace-ready", "--workspace-id", id, "--dry-run", "--query", "method"], env)).toBe("GET");
    expect({ modelarts: emulator.requests("modelarts"), truewatch: emulator.requests("truewatch"), iam: emulator.requests("iam") }).toEqual(before);
    expect(JSON.stringify(emulator.workspaces())).not.toContain("team-dry");
  });

  it("still refuses invalid input (exit 2)", async () => {
    const result = await ws(["modelarts", "create-workspace", "--name", "x", "--dry-run"], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ValidationError: Invalid modelarts createWorkspace request, nothing was sent: name/);
  });
});
