// What a service (or a file) says reaches the user's terminal as text, never as terminal
// commands: control characters in answers and error messages are escaped in every output
// format; a table never cuts an id; a file that is not JSON is not echoed; and a reader
// that goes away (`ws ... | head -1`) ends `ws` quietly.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanEnv, start, ws, type Env } from "./helpers.js";

// ESC sequences (colour, window title, a hyperlink), BEL, a one-byte CSI (0x9B), DEL.
const HOSTILE = "evil\u001b[31m\u001b]0;pwned\u0007\u001b]8;;http://x.example\u001b\\\u009b2J\u007f";
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const LONG_ID = "0123456789abcdef".repeat(4);
const workspace = {
  id: LONG_ID,
  name: HOSTILE,
  status: `NORMAL${HOSTILE}`,
  description: "two\nlines\tand a tab",
  owner: "someone",
  auth_type: "PUBLIC",
  enterprise_project_id: "0",
  create_time: 1,
  update_time: 2,
};

let server: http.Server;
let env: Env;
const seen: string[] = [];

beforeAll(async () => {
  server = http.createServer((request, response) => {
    seen.push(`${request.method} ${request.url}`);
    request.resume();
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json", "x-request-id": "req-hostile" });
      response.end(JSON.stringify(body));
    };
    if (request.url?.includes("/workspaces/bad")) return reply(400, { error_code: "ModelArts.0104", error_msg: `refused: ${HOSTILE}` });
    if (request.method === "GET" && /\/workspaces\/\w+$/.test(request.url ?? "")) return reply(200, workspace);
    if (request.method === "GET") return reply(200, { workspaces: [workspace, { ...workspace, id: `${LONG_ID.slice(1)}x`, name: "plain" }], total_count: 2 });
    reply(404, { error_code: "APIGW.0101", error_msg: "not found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  env = await cleanEnv({
    WS_ENDPOINT: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    WS_PROJECT_ID: "0123456789abcdef0123456789abcdef",
    HUAWEICLOUD_SDK_AK: "AKHOSTILEOUTPUT000000",
    HUAWEICLOUD_SDK_SK: "hostile-output-secret-key-000000000000",
  });
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe("control characters from a service are escaped", () => {
  it("in json, yaml, table and text output: none reaches the terminal, and json and yaml keep the value", async () => {
    const get = ["modelarts", "get-workspace", "--workspace-id", "abc"];
    for (const format of ["json", "yaml", "table", "text"]) {
      const result = await ws([...get, "--output", format], env);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout, format).not.toMatch(RAW_CONTROL);
      // The SDK reads auth_type in lower case, as the live service writes it.
      const read = { ...workspace, auth_type: "public" };
      if (format === "json") expect(JSON.parse(result.stdout)).toEqual(read);
      if (format === "yaml") expect(parseYaml(result.stdout)).toEqual(read);
      if (format !== "json" && format !== "yaml") expect(result.stdout).toContain("evil\\x1b[31m\\x1b]0;pwned\\x07");
    }
    const list = await ws(["modelarts", "list-workspaces", "--output", "text", "--query", "[].[name, description]"], env);
    expect(list.stdout).not.toMatch(RAW_CONTROL);
    // One line per item, its fields tab-separated: a tab or newline inside a value is escaped.
    expect(list.stdout.split("\n").filter(Boolean)).toHaveLength(4);
    expect(list.stdout).toContain("two\\nlines\\tand a tab\n");
  });

  it("in the error line, and in --debug's details", async () => {
    const result = await ws(["modelarts", "get-workspace", "--workspace-id", "bad", "--debug"], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^ApiError ModelArts.0104: .*refused: evil\\x1b\[31m\\x1b\]0;pwned\\x07/m);
    expect(result.stderr).not.toMatch(RAW_CONTROL);
  });
});

describe("--output table", () => {
  it("never cuts an id, however many columns", async () => {
    const query = "[].{workspace_id: id, id: id, name: name, description: description, owner: owner, auth: auth_type, project: enterprise_project_id, created: create_time}";
    const result = await ws(["modelarts", "list-workspaces", "--output", "table", "--query", query], env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toContain(`${LONG_ID.slice(0, 20)}…`);
    expect(result.stdout.split(LONG_ID)).toHaveLength(3); // both id columns of the first row, whole
    const one = await ws(["modelarts", "get-workspace", "--workspace-id", "abc", "--output", "table"], env);
    expect(one.stdout).toContain(`| id  `);
    expect(one.stdout).toContain(LONG_ID);
  });
});

describe("--input-json file://", () => {
  it("a file that is not JSON is named, not shown", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ws-input-"));
    try {
      const file = path.join(dir, "credentials");
      fs.writeFileSync(file, "[default]\nsk = TopSecretValueThatMustNotShow\n");
      const requests = seen.length;
      const result = await ws(["modelarts", "create-workspace", "--input-json", `file://${file}`], env);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`ws: --input-json: ${file} is not valid JSON.\n`);
      const cut = path.join(dir, "cut.json");
      fs.writeFileSync(cut, '{\n  "name": "TopSecretValueThatMustNotShow",\n  oops\n}');
      const positioned = await ws(["modelarts", "create-workspace", "--input-json", `file://${cut}`], env);
      expect(positioned.stderr).not.toContain("TopSecret");
      expect(positioned.stderr).toMatch(/is not valid JSON( \(line 3, column 3\))?\.\n$/);
      expect(seen.length).toBe(requests);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("a reader that goes away", () => {
  it("ws ... | head -1: no EPIPE stack trace, exit 0", async () => {
    for (const args of [["--help"], ["modelarts", "list-workspaces"], ["modelarts", "get-workspace", "--workspace-id", "abc", "--output", "table"]]) {
      const child = start(args, env);
      child.stdout!.destroy(); // the reader is gone before ws writes anything
      let stderr = "";
      child.stderr!.setEncoding("utf8").on("data", (d: string) => (stderr += d));
      child.stdin!.end();
      const code = await new Promise<number | null>((resolve) => child.once("close", resolve));
      expect(stderr, `ws ${args.join(" ")}`).toBe("");
      expect(code, `ws ${args.join(" ")}`).toBe(0);
    }
  });
});
