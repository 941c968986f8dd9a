// Where the instrumenter is found: one registration seen by the ESM and the
// CommonJS builds of @ws/core alike, a client's own `instrumenter` option, and
// `ws` traced by a preloaded file (the README's recipe, with the SDK's base
// tracer in place of the NodeSDK).
import { SpanKind } from "@opentelemetry/api";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { getInstrumenter, setInstrumenter } from "@ws/core";
import { startEmulator } from "@ws/emulator";
import { createModelArtsClient } from "@ws/modelarts";
import { startServer } from "@ws/testkit";
import { createTrueWatchClient } from "@ws/truewatch";
import { spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createOpenTelemetryInstrumenter, registerWsInstrumentation } from "../src/index.js";

const require = createRequire(import.meta.url);

describe("registration", () => {
  it("is one for every copy of @ws/core: the CommonJS build sees what the ESM build registered", () => {
    const cjs = require("@ws/core") as typeof import("@ws/core");
    expect(cjs.getInstrumenter).not.toBe(getInstrumenter); // two copies of the module
    const off = registerWsInstrumentation();
    try {
      expect(cjs.getInstrumenter()).toBeDefined();
      expect(cjs.getInstrumenter()).toBe(getInstrumenter());
    } finally {
      off();
    }
    expect(cjs.getInstrumenter()).toBeUndefined();
  });

  it("a client's own instrumenter: only that client emits, with url.full's credential-like query values redacted", async () => {
    const exporter = new InMemorySpanExporter();
    const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    const apiKey = "tw-api-key-0123456789abcdef";
    const server = await startServer(() => ({ body: { success: true, content: { uuid: "wksp_1", name: "x" } } }));
    try {
      setInstrumenter(undefined);
      const traced = createTrueWatchClient({ endpoint: server.url, apiKey, instrumenter: createOpenTelemetryInstrumenter({ tracerProvider }) });
      const untraced = createTrueWatchClient({ endpoint: server.url, apiKey });
      await untraced.getWorkspace();
      await traced.raw.GET("/api/v1/workspace/get", { params: { query: { token: apiKey, page: "2" } } } as never);
      const spans = exporter.getFinishedSpans();
      expect(spans.map((s) => s.name).sort()).toEqual(["GET", "truewatch.raw"]);
      const attempt = spans.find((s) => s.kind === SpanKind.CLIENT)!;
      expect(attempt.attributes["url.full"]).toBe(`${server.url}/api/v1/workspace/get?token=%5BREDACTED%5D&page=2`);
      expect(attempt.attributes).toMatchObject({ "rpc.system": "truewatch", "cloud.provider": "truewatch" });
      expect(JSON.stringify(spans.map((s) => [s.name, s.attributes, s.events]))).not.toContain(apiKey);
    } finally {
      await server.close();
      await tracerProvider.shutdown();
    }
  });
});

describe("ws", () => {
  it("emits its spans when a preloaded file registers the instrumentation", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ws-otel-cli-"));
    const out = path.join(dir, "spans.json");
    const preload = path.join(dir, "otel.mjs");
    const from = (name: string) => JSON.stringify(require.resolve(name).replace(/\.cjs$/, ".js"));
    // The README's otel.mjs with the base SDK and a file exporter instead of the NodeSDK and OTLP.
    fs.writeFileSync(
      preload,
      [
        `import { trace } from ${JSON.stringify(import.meta.resolve("@opentelemetry/api"))};`,
        `import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from ${JSON.stringify(import.meta.resolve("@opentelemetry/sdk-trace-base"))};`,
        `import { registerWsInstrumentation } from ${from("../dist/index.cjs")};`,
        `import fs from "node:fs";`,
        `const exporter = new InMemorySpanExporter();`,
        `trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));`,
        `registerWsInstrumentation();`,
        `process.once("beforeExit", () => fs.writeFileSync(${JSON.stringify(out)}, JSON.stringify(exporter.getFinishedSpans().map((s) => s.name))));`,
      ].join("\n"),
    );
    const emulator = await startEmulator({ seed: "otel-cli" });
    try {
      const bin = path.join(path.dirname(require.resolve("@ws/cli/package.json")), "bin", "ws.js");
      const child = spawn(process.execPath, [bin, "modelarts", "create-workspace", "--name", "from-ws"], {
        env: { PATH: process.env.PATH ?? "", ...emulator.env(), NODE_OPTIONS: `--import ${preload}` },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stderr = "";
      child.stderr.on("data", (d) => (stderr += String(d)));
      child.stdout.resume();
      const code = await new Promise<number | null>((resolve) => child.once("close", resolve));
      expect(stderr).toBe("");
      expect(code).toBe(0);
      expect(JSON.parse(fs.readFileSync(out, "utf8"))).toEqual(["modelarts.refreshCredentials", "POST", "modelarts.createWorkspace"]); // the default chain reads the environment: a refresh
    } finally {
      await emulator.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
