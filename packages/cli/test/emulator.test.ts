// `ws emulator`: starts the emulator and prints the environment for a second shell,
// which can then use ws against it at once.
import { describe, expect, it } from "vitest";
import { cleanEnv, finish, start, until, ws, type Env } from "./helpers.js";

/** `export KEY=value` lines (values bare or single-quoted, as the command writes them). */
function parseExports(text: string): Env {
  const env: Env = {};
  for (const m of text.matchAll(/^export ([A-Z0-9_]+)=('(?:[^']|'\\'')*'|\S*)$/gm)) {
    const raw = m[2]!;
    env[m[1]!] = raw.startsWith("'") ? raw.slice(1, -1).replace(/'\\''/g, "'") : raw;
  }
  return env;
}

describe("ws emulator", () => {
  it("--print-env: export lines that a second shell uses at once; Ctrl-C stops it (exit 0)", async () => {
    const child = start(["emulator", "--print-env"], await cleanEnv());
    let printed = "";
    child.stdout!.on("data", (d: Buffer) => (printed += d.toString()));
    const done = finish(child);
    await until(() => printed.includes("TRUEWATCH_API_KEY="));
    const exported = parseExports(printed);
    expect(Object.keys(exported)).toEqual(expect.arrayContaining(["WS_ENDPOINT", "HUAWEICLOUD_SDK_AK", "HUAWEICLOUD_SDK_SK", "WS_PROJECT_ID", "WS_INSIGHT_INSTANCE_ID", "TRUEWATCH_API_KEY"]));
    expect(exported.WS_ENDPOINT).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(printed.trim().split("\n").every((l) => l.startsWith("export "))).toBe(true);

    const env = await cleanEnv(exported);
    const created = await ws(["modelarts", "create-workspace", "--name", "from-env", "--query", "name", "-o", "text"], env);
    expect(created).toMatchObject({ code: 0, stdout: "from-env\n" });
    expect((await ws(["insight", "list-workspaces"], env)).code).toBe(0);
    expect((await ws(["truewatch", "get-workspace", "--query", "uuid", "-o", "text"], env)).stdout).toMatch(/^wksp_/);

    child.kill("SIGINT");
    const result = await done;
    expect(result.code).toBe(0);
  });

  it("without --print-env: the same lines with a word on how to use them", async () => {
    const child = start(["emulator", "--port", "0"], await cleanEnv());
    let printed = "";
    child.stdout!.on("data", (d: Buffer) => (printed += d.toString()));
    const done = finish(child);
    await until(() => printed.includes("Ctrl-C stops it"));
    expect(printed).toMatch(/^Emulator of RES, DataArts Insight, ModelArts, DataArts Fabric, TrueWatch and IAM at http:\/\/127\.0\.0\.1:\d+$/m);
    expect(parseExports(printed).WS_ENDPOINT).toMatch(/^http:/);
    child.kill("SIGTERM");
    expect((await done).code).toBe(0);
  });

  it("refuses a bad port (exit 2)", async () => {
    const result = await ws(["emulator", "--port", "eighty"], await cleanEnv());
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ws: --port must be a number/);
  });
});
