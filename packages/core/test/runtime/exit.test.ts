// After the last call, nothing the SDK made keeps the process alive: no timeout
// timer, no backoff timer, no keep-alive socket. A child process makes calls
// against a server that keeps connections open for a minute; it must exit on
// its own (the built package is what runs there).
import { startServer } from "@ws/testkit";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const dist = fileURLToPath(new URL("../../dist/index.js", import.meta.url));

describe("process exit", () => {
  it("the process exits by itself after the last call", async () => {
    let n = 0;
    const server = await startServer(() =>
      ++n === 2 ? { status: 429, headers: { "retry-after": "50" }, body: { error_code: "APIGW.0308", error_msg: "throttled" } } : { status: 200, body: { id: "ws" } },
    );
    const script = `
      import { createHuaweiService } from ${JSON.stringify(dist)};
      const c = createHuaweiService({ provider: "modelarts", endpoints: {}, projectId: "p",
        options: { endpoint: ${JSON.stringify(server.url)}, credentials: { accessKey: "AK", secretKey: "SK-0123456789" }, timeoutInMs: 30000,
          // Told as the 50 s wait for the retry begins: abort a moment into it (not after a guessed time).
          logger: (line) => { if (/retry 1 of/.test(line)) setTimeout(() => controller.abort(), 20); } } });
      const controller = new AbortController();
      const op = { provider: "modelarts", id: "createWorkspace", method: "POST", path: "/v1/{project_id}/workspaces", idempotent: false };
      await c.call(op, { params: { project_id: "p" }, body: { name: "a" } });
      const pending = c.call(op, { params: { project_id: "p" }, body: { name: "b" } }, { abortSignal: controller.signal });
      await pending.catch((e) => console.log(e.name));
      console.log("done");
    `;
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let guard: ReturnType<typeof setTimeout> | undefined;
    const exit = new Promise<number | null>((resolve) => {
      child.on("exit", (code) => {
        clearTimeout(guard);
        resolve(code);
      });
      // Once it is done, it exits in moments, or only when a timer (the 50 s wait) or a
      // kept-alive socket (a minute) lets it: 40 s tells the two apart on any machine.
      const onOutput = (d: Buffer) => {
        out += d;
        if (out.includes("done") && !guard) {
          guard = setTimeout(() => {
            child.kill();
            resolve(null); // still running: something kept it alive
          }, 40_000);
        }
      };
      child.stdout.on("data", onOutput);
      child.stderr.on("data", onOutput);
    });
    await exit;
    await server.close();
    expect(out).toContain("AbortError\ndone");
    expect(await exit).toBe(0);
  }, 90_000);
});
