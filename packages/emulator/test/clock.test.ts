// The emulator's clock is the test's when it passes one: states change, keys and session
// tokens expire, and the Date header moves only when the test moves that clock.
import { createModelArtsClient } from "@ws/modelarts";
import { manualClock } from "@ws/testkit";
import { describe, expect, it } from "vitest";
import { startEmulator } from "../src/index.js";

describe("startEmulator({ clock })", () => {
  it("a workspace is CREATING until the clock passes createDelayInMs, whatever the time it took", async () => {
    const clock = manualClock();
    const emu = await startEmulator({ clock, createDelayInMs: 60_000 });
    try {
      const ma = createModelArtsClient({ endpoint: emu.url, projectId: emu.credentials.projectId, credentials: { accessKey: emu.credentials.accessKey, secretKey: emu.credentials.secretKey } });
      const ws = await ma.createWorkspace({ name: "on-the-test-clock" });
      expect(ws).toMatchObject({ status: "CREATING", create_time: clock() });
      clock.advance(59_999);
      await expect(ma.getWorkspace(ws.id!)).resolves.toMatchObject({ status: "CREATING" });
      clock.advance(1);
      await expect(ma.getWorkspace(ws.id!)).resolves.toMatchObject({ status: "NORMAL" });
    } finally {
      await emu.close();
    }
  });

  it("answers with its clock in the Date header, skew included", async () => {
    const clock = manualClock(Date.parse("2026-11-23T10:00:00Z"));
    const emu = await startEmulator({ clock, clockSkewInMs: 60_000 });
    try {
      const response = await fetch(`${emu.url}/v3/projects`);
      expect(response.headers.get("date")).toBe("Mon, 23 Nov 2026 10:01:00 GMT"); // 10:00 on the test's clock, a minute ahead
    } finally {
      await emu.close();
    }
  });

  it("refuses a clock that is not a function", async () => {
    await expect(startEmulator({ clock: 5 as unknown as () => number })).rejects.toThrow(/clock must be a function/);
  });
});
