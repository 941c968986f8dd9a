// After the last call, nothing the SDK made keeps the process alive: no timeout
// timer, no backoff timer, no keep-alive socket. A child process makes calls
// against a server that keeps connections open for a minute; it must exit on
// its own (the built package is what runs there).
import { runNodeScript, startServer } from "@ws/testkit";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const dist = fileURLToPath(new URL("../../dist/index.js", import.meta.url));

describe("process exit", () => {
  it("the process exits by itself after the last call", async () => {
    let n = 0;
    const server = await startServer(() =>
      ++n === 2 ? { status: 429, headers: { "retry-after": "30" }, body: { error_code: "APIGW.0308", error_msg: "throttled" } } : { status: 200, body: { id: "ws" } },
    );
    const script = `
      import { createHuaweiService } from ${JSON.stringify(dist)};
      const c = createHuaweiService({ provider: "modelarts", endpoints: {}, projectId: "p",
        options: { endpoint: ${JSON.stringify(server.url)}, credentials: { accessKey: "AK", secretKey: "SK-0123456789" }, timeoutInMs: 30000 } });
      const op = { provider: "modelarts", id: "createWorkspace", method: "POST", path: "/v1/{project_id}/workspaces", idempotent: false };
      await c.call(op, { params: { project_id: "p" }, body: { name: "a" } });
      const controller = new AbortController();
      const pending = c.call(op, { params: { project_id: "p" }, body: { name: "b" } }, { abortSignal: controller.signal });
      setTimeout(() => controller.abort(), 100); // aborts the 30 s wait for the retry
      await pending.catch((e) => console.log(e.name));
      console.log("done");
    `;
    const { exit, out } = await runNodeScript(script);
    await server.close();
    expect(out).toContain("AbortError\ndone");
    expect(exit).toBe(0);
  }, 20_000);
});
