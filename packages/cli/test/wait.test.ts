// The waiters: the default deadline, progress on a terminal (and nothing extra when
// piped), failure and timeout (exit 3), and Ctrl-C during a wait (exit 130).
import { startEmulator, type Emulator } from "@ws/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emulatorEnv, expectNoSecrets, finish, start, until, ws, wsJson, wsOnTerminal, type Env } from "./helpers.js";

// ModelArts workspaces are CREATING (and DELETING) for a minute of an emulator clock that moves
// only when a test moves it: `quick` once a wait has polled, `slow` never. A state changes at a
// step of the test, not with the speed of the machine.
const MINUTE = 60_000;
let time = Date.now();
const advance = (ms: number) => void (time += ms);
let quick: Emulator;
let slow: Emulator;
let quickEnv: Env;
let slowEnv: Env;
beforeAll(async () => {
  quick = await startEmulator({ clock: () => time, createDelayInMs: MINUTE, transitionDelayInMs: MINUTE });
  slow = await startEmulator({ clock: () => time, createDelayInMs: 100 * MINUTE });
  quickEnv = await emulatorEnv(quick);
  slowEnv = await emulatorEnv(slow);
});
afterAll(async () => {
  expectNoSecrets([quick, slow].flatMap((e) => [e.credentials.secretKey, e.credentials.accessKey, e.credentials.apiKey]));
  await quick.close();
  await slow.close();
});

/** Runs `ws ...args`; once it has polled the emulator, moves the clock a minute: the state changes. */
async function afterAPoll(emulator: Emulator, args: readonly string[], env: Env) {
  const before = emulator.requests("modelarts");
  const done = finish(start(args, env));
  await until(() => emulator.requests("modelarts") > before);
  advance(MINUTE);
  return done;
}

const create = async (env: Env, name: string) => {
  const created = await wsJson(["modelarts", "create-workspace", "--name", name], env);
  expect(created.status).toBe("CREATING");
  return created.id as string;
};

describe("wait-workspace-ready", () => {
  it("needs no deadline flag: --max-wait is 10 minutes by default", async () => {
    const help = await ws(["modelarts", "wait-workspace-ready", "--help"], quickEnv);
    expect(help.stdout).toMatch(/--max-wait <duration>\s+The longest the wait may take .* Default 10m\./s);
  });

  it("piped: prints the ready workspace, and nothing on standard error", async () => {
    const id = await create(quickEnv, "piped-wait");
    const result = await afterAPoll(quick, ["modelarts", "wait-workspace-ready", "--workspace-id", id, "--poll-delay", "300ms"], quickEnv);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(result.stdout)).toMatchObject({ id, status: "NORMAL" });
  });

  it("on a terminal: shows the state, the time elapsed and the next poll on standard error, and clears it at the end", async () => {
    const id = await create(slowEnv, "tty-wait"); // CREATING for a minute: the progress line is sure to show it
    const result = await wsOnTerminal(["modelarts", "wait-workspace-ready", "--workspace-id", id, "--poll-delay", "300ms", "--max-wait", "2s"], slowEnv);
    expect(result.code).toBe(3);
    const screen = result.stdout;
    expect(screen).toContain(`\r\x1b[2Kwaiting for workspace ${id} to be ready: CREATING, `);
    expect(screen).toMatch(/\d+s elapsed of 2s, \d+ polls?, next poll within \d+s/);
    expect(screen).toMatch(/\r\x1b\[2KWaiterError \(timeout\): /); // the line is cleared before the error
  });

  it("CREATE_FAILED ends the wait with WaiterError (failure) and the service's status_info: exit 3", async () => {
    quick.inject({ kind: "create-failed", provider: "modelarts" });
    const id = await create(quickEnv, "doomed");
    const result = await afterAPoll(quick, ["modelarts", "wait-workspace-ready", "--workspace-id", id, "--poll-delay", "200ms"], quickEnv);
    expect(result.code).toBe(3);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^WaiterError \(failure\): .*CREATE_FAILED.*injected by the emulator.*\n$/);
  });

  it("--max-wait passed: WaiterError (timeout), exit 3", async () => {
    // The workspace is CREATING for as long as the test runs: only the deadline can end the wait.
    // On a loaded machine the deadline may fall while a poll is in flight: the message then says so.
    const id = await create(slowEnv, "too-slow");
    const result = await ws(["modelarts", "wait-workspace-ready", "--workspace-id", id, "--max-wait", "1s", "--poll-delay", "200ms"], slowEnv);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^WaiterError \(timeout\): modelarts waitUntilWorkspaceReady: gave up waiting for workspace "[0-9a-f]+" to be ready after \d+ ms and \d+ polls\.( The poll in flight stopped at maxWaitInMs: [^\n]+)?\n$/);
    expect(Number(/after (\d+) ms/.exec(result.stderr)![1])).toBeGreaterThanOrEqual(1_000);
  });

  it("Ctrl-C aborts at once, in the middle of a 5-minute pause: one line, exit 130, no request after it", async () => {
    // Had the interrupt waited for the pause to end, the test's budget (3 minutes) would end first.
    const id = await create(slowEnv, "interrupted");
    const before = slow.requests("modelarts");
    const child = start(["modelarts", "wait-workspace-ready", "--workspace-id", id, "--poll-delay", "5m"], slowEnv);
    const done = finish(child);
    await until(() => slow.requests("modelarts") === before + 1); // the first poll: now pausing
    child.kill("SIGINT");
    const result = await done;
    expect(result).toMatchObject({ code: 130, stdout: "" });
    expect(result.stderr).toMatch(/^AbortError: The wait for workspace "[0-9a-f]+" to be ready was aborted\.\n$/);
    expect(slow.requests("modelarts")).toBe(before + 1);
  });
});

describe("wait-workspace-deleted", () => {
  it("resolves once the workspace is gone (DELETING first)", async () => {
    const env = await emulatorEnv(quick);
    const id = (await wsJson(["modelarts", "create-workspace", "--name", "to-delete"], env)).id;
    advance(MINUTE); // ready
    await wsJson(["modelarts", "delete-workspace", "--workspace-id", id], env);
    expect(await wsJson(["modelarts", "get-workspace", "--workspace-id", id, "--query", "status"], env)).toBe("DELETING");
    const result = await afterAPoll(quick, ["modelarts", "wait-workspace-deleted", "--workspace-id", id, "--poll-delay", "100ms"], env);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(result.stdout)).toEqual({ deleted: true, workspace_id: id });
  });
});
