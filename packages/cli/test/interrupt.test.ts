// Ctrl-C while `ws` waits on a server that never answers: the project lookup at IAM (work
// the SDK shares between callers) or the service call itself. `ws` exits with 130 and
// one line, and nothing it started holds the process: the child is gone. The time from
// SIGINT to exit is reported, not asserted (the machine may be loaded); the budget only
// tells "exits" from "waits out the SDK's timeouts and retries" (minutes).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanEnv, finish, start, until } from "./helpers.js";

let server: http.Server;
let url: string;
const seen: string[] = [];

beforeAll(async () => {
  // Takes every request and never answers.
  server = http.createServer((request) => {
    seen.push(`${request.method} ${request.url}`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const credentials = { HUAWEICLOUD_SDK_AK: "AKINTERRUPTTEST0000000", HUAWEICLOUD_SDK_SK: "interrupt-test-secret-key-0000000000000" };

async function interrupted(args: string[], env: Record<string, string | undefined>, reached: (request: string) => boolean) {
  const child = start(args, env);
  const done = finish(child);
  await until(() => seen.some(reached), 20_000);
  const sentAt = Date.now();
  child.kill("SIGINT");
  const budget = new Promise<"still running">((resolve) => setTimeout(() => resolve("still running"), 20_000).unref());
  const result = await Promise.race([done, budget]);
  if (result === "still running") {
    child.kill("SIGKILL"); // leave nothing behind for the next test
    throw new Error(`ws ${args.join(" ")} was still running 20 s after SIGINT`);
  }
  console.log(`ws ${args.slice(0, 2).join(" ")}: exited ${Date.now() - sentAt} ms after SIGINT`);
  return { result, child };
}

describe("Ctrl-C", () => {
  it("during the project lookup at IAM that never answers: exit 130, the process is gone", async () => {
    const env = await cleanEnv({ ...credentials, WS_REGION: "cn-north-4", WS_ENDPOINT: url, HUAWEICLOUD_SDK_IAM_ENDPOINT: url });
    const { result, child } = await interrupted(["modelarts", "list-workspaces"], env, (r) => r.startsWith("GET /v3/projects"));
    expect(result.code).toBe(130);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^AbortError: [^\n]*\n$/);
    expect(child.exitCode).toBe(130);
  }, 45_000);

  it("during a service call that never answers: exit 130, the process is gone", async () => {
    const env = await cleanEnv({ ...credentials, WS_ENDPOINT: url, WS_PROJECT_ID: "0123456789abcdef0123456789abcdef" });
    const { result, child } = await interrupted(["modelarts", "create-workspace", "--name", "never-answered"], env, (r) => r.startsWith("POST /v1/"));
    expect(result.code).toBe(130);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^AbortError: [^\n]*\n$/);
    expect(child.exitCode).toBe(130);
  }, 45_000);
});
