// Each failure class: its exit code, its one line on standard error, the whole error
// with --debug, and no secret in any of it.
import { startEmulator, type Emulator } from "@ws/emulator";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { closedPort, emulatorEnv, expectNoSecrets, ws, wsJson, type Env } from "./helpers.js";

let emulator: Emulator;
let env: Env;
const wrongSecret = "WrongSecretKey0123456789abcdefWRONGSECRET";
beforeAll(async () => {
  emulator = await startEmulator();
  env = await emulatorEnv(emulator);
});
// No fault or workspace of one test reaches the next (a create that timed out before it left keeps its fault queued).
beforeEach(() => emulator.reset());
afterAll(async () => {
  const a = emulator.credentials;
  expectNoSecrets([a.secretKey, a.accessKey, a.apiKey, a.password, wrongSecret]);
  await emulator.close();
});

/** One line on standard error, nothing on standard output. */
function oneLine(result: { stdout: string; stderr: string }): string {
  expect(result.stdout).toBe("");
  expect(result.stderr.endsWith("\n")).toBe(true);
  expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
  return result.stderr.trimEnd();
}

describe("exit 1: the service answered with a failure, or did not answer", () => {
  it("ApiError: code, message and request id on one line", async () => {
    await wsJson(["insight", "create-workspace", "--name", "sales", "--eps-id", "0"], env);
    const result = await ws(["insight", "create-workspace", "--name", "sales", "--eps-id", "0"], env);
    expect(result.code).toBe(1);
    expect(oneLine(result)).toMatch(/^ApiError DataArtsInsight\.24150001: .+ \(request id [0-9a-f]{32}\)$/);
  });

  it("NotFoundError", async () => {
    const result = await ws(["modelarts", "get-workspace", "--workspace-id", "0123456789abcdef0123456789abcdef"], env);
    expect(result.code).toBe(1);
    expect(oneLine(result)).toMatch(/^NotFoundError ModelArts\.7005: .*does not exist.* \(request id [0-9a-f]+\)$/);
  });

  it("ConnectionError", async () => {
    const result = await ws(["fabric", "list-workspaces", "--endpoint", `http://127.0.0.1:${await closedPort()}`], env);
    expect(result.code).toBe(1);
    expect(oneLine(result)).toMatch(/^ConnectionError: Could not connect to 127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
  });

  it("TimeoutError (a create that took longer than --timeout is not sent again)", async () => {
    emulator.inject({ kind: "delay", delayInMs: 10_000, provider: "fabric" }); // far past the 300 ms, however slow the machine
    const result = await ws(["fabric", "create-workspace", "--name", "slow-lake", "--timeout", "300ms"], env);
    expect(result.code).toBe(1);
    expect(oneLine(result)).toMatch(/^TimeoutError: No complete response within 300 ms/);
  });

  it("a wrong secret key: the gateway's refusal, and with --debug the whole error, never the key", async () => {
    const result = await ws(["modelarts", "list-workspaces", "--debug"], { ...env, HUAWEICLOUD_SDK_SK: wrongSecret });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    const lines = result.stderr.split("\n");
    expect(lines.find((l) => l.startsWith("ApiError "))).toMatch(/^ApiError APIGW\.0301: /);
    expect(result.stderr).toMatch(/\[ws:modelarts\] listWorkspaces GET http:\/\/127\.0\.0\.1:\d+\/v1\/.* -> 401/); // the attempt log
    expect(result.stderr).toMatch(/status: 401/); // the whole error object
    expect(result.stderr).toMatch(/code: 'APIGW\.0301'/);
  });
});

describe("exit 2: invalid input or configuration; nothing is sent", () => {
  it("ValidationError, ConfigurationError and usage mistakes", async () => {
    const before = emulator.requests("modelarts") + emulator.requests("truewatch") + emulator.requests("insight");
    const cases: Array<[string[], Env, RegExp]> = [
      [["modelarts", "create-workspace", "--name", "default"], env, /^ValidationError: .*name/],
      [["modelarts", "create-workspace", "--name", "team-a", "--auth-type", "INTERNAL"], env, /^ValidationError: .*grants/],
      [["modelarts", "list-workspaces", "--sort-by", "size"], env, /^ValidationError: .*sort_by/],
      [["modelarts", "list-workspaces", "--region", "mars-1"], { ...env, WS_ENDPOINT: undefined }, /^ConfigurationError: .*mars-1/],
      [["modelarts", "list-workspaces"], { ...env, WS_ENDPOINT: undefined }, /^ConfigurationError: .*region/],
      [["modelarts", "list-workspaces"], { ...env, HUAWEICLOUD_SDK_AK: undefined, HUAWEICLOUD_SDK_SK: undefined }, /^(CredentialsUnavailableError|ConfigurationError): .*HUAWEICLOUD_SDK_AK/],
      [["truewatch", "get-workspace"], { ...env, TRUEWATCH_API_KEY: undefined }, /^ConfigurationError: .*TRUEWATCH_API_KEY/],
      [["modelarts", "list-workspaces"], { ...env, WS_PROJECT_ID: undefined }, /project_?[iI]d.*--project-id/],
      [["insight", "list-workspaces"], { ...env, WS_INSIGHT_INSTANCE_ID: undefined }, /instance_?[iI]d.*--instance-id/],
      [["modelarts", "get-workspace"], env, /^ws: --workspace-id is required/],
      [["modelarts", "create-workspace", "--name", "team-a", "--secret-key", "x"], env, /^ws: --secret-key: credentials are never taken from flags/],
      [["truewatch", "get-workspace", "--api-key", "x"], env, /^ws: --api-key: credentials are never taken from flags/],
      [["modelarts", "create-workspace", "--colour", "red"], env, /^ws: unknown option --colour for ws modelarts create-workspace/],
      [["modelarts", "create-workspace", "team-a"], env, /^ws: unexpected argument "team-a"/],
      [["modelarts", "list-workspaces", "--output", "xml"], env, /^ws: --output must be one of json, yaml, table, text/],
      [["modelarts", "list-workspaces", "--max-items", "lots"], env, /^ws: --max-items must be a whole number/],
      [["modelarts", "wait-workspace-ready", "--workspace-id", "0", "--max-wait", "soon"], env, /^ws: --max-wait takes a duration/],
      [["modelarts", "delete-workspaces"], env, /^ws: ws modelarts has no operation "delete-workspaces" \(did you mean delete-workspace\?\)/],
      [["truewatch", "list-workspaces"], env, /^ws: ws truewatch has no operation "list-workspaces"/],
      [["modelart", "list-workspaces"], env, /^ws: unknown provider "modelart" \(did you mean modelarts\?\)/],
    ];
    for (const [args, e, message] of cases) {
      const result = await ws(args, e);
      expect(result.code, args.join(" ")).toBe(2);
      expect(oneLine(result), args.join(" ")).toMatch(message);
    }
    expect(emulator.requests("modelarts") + emulator.requests("truewatch") + emulator.requests("insight")).toBe(before);
  });
});

// Exit 3 (waiters) and 130 (Ctrl-C) are in wait.test.ts.
