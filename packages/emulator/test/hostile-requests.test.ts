// Hostile and interrupted requests, over raw sockets, against the emulator running as
// its own process (`ws-emulator`, as a user's test runner would host it): none ends the
// process, each malformed one gets a clean 4xx, and `close()` leaves no timer behind.
// The admin routes grant no cross-origin access.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));

let child: ChildProcess;
let port: number;
let account: { accessKey: string; projectId: string };
let exited: { code: number | null; signal: NodeJS.Signals | null; stderr: string } | undefined;

beforeAll(async () => {
  child = spawn(process.execPath, [bin, "--seed", "hostile-requests"], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr!.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  child.once("exit", (code, signal) => (exited = { code, signal, stderr }));
  await new Promise<void>((resolve, reject) => {
    const check = () => {
      if (/^http:\/\/\S+\n/.test(stdout) && /test account: .*\n/.test(stderr)) resolve();
      else if (exited) reject(new Error(`ws-emulator exited: ${stderr}`));
      else setTimeout(check, 20);
    };
    check();
  });
  port = Number(new URL(stdout.trim()).port);
  account = JSON.parse(/test account: (.*)\n/.exec(stderr)![1]!);
});

afterAll(() => {
  child?.kill("SIGTERM");
});

/** Writes `raw` on a fresh connection, then reads until the server closes it (or `end` says the answer is whole). */
function exchange(raw: string | Buffer, options: { destroyAfterWrite?: boolean } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    let answer = "";
    socket.setEncoding("utf8");
    socket.on("data", (d: string) => {
      answer += d;
      // One whole answer with a Content-Length: enough (the connection may be kept alive).
      const head = answer.indexOf("\r\n\r\n");
      const length = /\r\ncontent-length: (\d+)/i.exec(answer.slice(0, head));
      if (head !== -1 && length && answer.length - head - 4 >= Number(length[1])) socket.end();
    });
    socket.on("error", (error: NodeJS.ErrnoException) => (error.code === "ECONNRESET" ? resolve(answer) : reject(error)));
    socket.on("close", () => resolve(answer));
    socket.write(raw, () => {
      if (options.destroyAfterWrite) socket.destroy();
    });
  });
}

const status = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);
/** The answer's JSON body (de-chunked when it came in chunks). */
function body(answer: string): unknown {
  const head = answer.slice(0, answer.indexOf("\r\n\r\n"));
  let rest = answer.slice(head.length + 4);
  if (!/\r\ntransfer-encoding: chunked/i.test(head)) return JSON.parse(rest);
  let text = "";
  for (let size = parseInt(rest, 16); size > 0; size = parseInt(rest, 16)) {
    const start = rest.indexOf("\r\n") + 2;
    text += rest.slice(start, start + size);
    rest = rest.slice(start + size + 2);
  }
  return JSON.parse(text);
}

/** A whole HTTP/1.1 request with a Content-Length that matches its body. */
const request = (line: string, headers: string, payload = "") =>
  `${line} HTTP/1.1\r\n${headers}Connection: close\r\n${payload ? `Content-Length: ${Buffer.byteLength(payload)}\r\n` : ""}\r\n${payload}`;

/** The emulator still answers, and its process is alive. */
async function expectAlive(): Promise<void> {
  expect(exited, `ws-emulator exited: ${exited?.stderr}`).toBeUndefined();
  const answer = await exchange("GET /__emulator/requests HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  expect(status(answer)).toBe(200);
}

/** An AK/SK Authorization header shaped like the SDK's (the signature itself need not be right). */
const signed = (host: string) =>
  `Host: ${host}\r\nX-Sdk-Date: ${new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "")}\r\n` +
  `Authorization: SDK-HMAC-SHA256 Access=${account.accessKey}, SignedHeaders=host;x-sdk-date, Signature=${"0".repeat(64)}\r\n`;

describe("interrupted requests", () => {
  it("a client that hangs up in the middle of a body does not end the process", async () => {
    for (const path of [`/v1/${account.projectId}/workspaces`, "/__emulator/faults", "/v3/auth/tokens"]) {
      await exchange(`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"name":"half`, { destroyAfterWrite: true });
    }
    // Let the server see the hang-ups before asking again.
    await new Promise((r) => setTimeout(r, 100));
    await expectAlive();
  });

  it("a client that hangs up during an injected delay does not end the process", async () => {
    const fault = "delay; delay=200; id=hang-up";
    await exchange(`GET /v1/${account.projectId}/workspaces HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Emulator-Fault: ${fault}\r\n\r\n`, { destroyAfterWrite: true });
    await new Promise((r) => setTimeout(r, 400));
    await expectAlive();
  });
});

describe("malformed requests get a clean 4xx", () => {
  it("an authenticated request with Host: [ is a 400, not a crash", async () => {
    const answer = await exchange(`GET /v1/${account.projectId}/workspaces HTTP/1.1\r\n${signed("[")}Connection: close\r\n\r\n`);
    expect(status(answer)).toBe(400);
    expect(body(answer)).toMatchObject({ error_code: "APIGW.0201" });
    const token = await exchange(`GET /v3/projects?name=x HTTP/1.1\r\nHost: [::1\r\nX-Auth-Token: MIIemu0\r\nConnection: close\r\n\r\n`);
    expect(status(token)).toBe(400);
    await expectAlive();
  });

  it("request lines and headers the HTTP parser refuses", async () => {
    const garbage = [
      "GARBAGE\r\n\r\n",
      "GET\r\n\r\n",
      "GET / HTTP/9.9\r\n\r\n",
      "\u0000\u0001\u0002 / HTTP/1.1\r\n\r\n",
      "GET / HTTP/1.1\r\nno colon here\r\n\r\n",
      "GET / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n",
      "GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
      "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n",
      `GET / HTTP/1.1\r\nHost: a\r\nX-Big: ${"a".repeat(64 * 1024)}\r\n\r\n`,
      `GET /${"a".repeat(80 * 1024)} HTTP/1.1\r\nHost: a\r\n\r\n`,
    ];
    for (const raw of garbage) {
      const answer = await exchange(raw);
      if (answer !== "") expect(status(answer), JSON.stringify(raw.slice(0, 60))).toBeGreaterThanOrEqual(400);
      if (answer !== "") expect(status(answer), JSON.stringify(raw.slice(0, 60))).toBeLessThan(500);
    }
    await expectAlive();
  });

  it("odd request targets, bad percent-encoding, bad JSON, bad fault options", async () => {
    const host = "Host: 127.0.0.1\r\n";
    const workspaces = `/v1/${account.projectId}/workspaces`;
    const cases: Array<[string, number]> = [
      [request("GET //[", host), 404],
      [request("GET //[?name=x", signed("127.0.0.1")), 404],
      [request(`GET ${workspaces}/%E0%A4%A?x=%ZZ`, signed("127.0.0.1")), 401],
      [request("GET /v3/projects?name=%ZZ", signed("127.0.0.1")), 401],
      [request("POST /__emulator/faults", host, '{"ki'), 400],
      [request("POST /__emulator/faults", host, '{"kind":"delay","delayInMs":-1000000}'), 400],
      [request("POST /__emulator/metadata", host, "[[[["), 400],
      [request("POST /v3/auth/tokens", host, "{{{"), 400],
      [request(`POST ${workspaces}`, signed("127.0.0.1"), "{{{"), 401],
      [request(`GET ${workspaces}`, `${host}X-Emulator-Fault: delay; delay=99999999999\r\n`), 400],
      [request(`GET ${workspaces}`, `${host}X-Emulator-Fault: nonsense\r\n`), 400],
    ];
    for (const [raw, expected] of cases) {
      const answer = await exchange(raw);
      expect(status(answer), raw.split("\r\n")[0]).toBe(expected);
    }
    await expectAlive();
  });
});

describe("the admin routes grant no cross-origin access", () => {
  it("no Access-Control-Allow-Origin on their answers; a request with an Origin is refused and changes nothing", async () => {
    const plain = await exchange("GET /__emulator/requests HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    expect(status(plain)).toBe(200);
    expect(plain).not.toMatch(/access-control-allow-origin/i);
    // What a web page can send without a preflight: a text/plain POST.
    const fromPage = await exchange(
      'POST /__emulator/faults HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: https://evil.example\r\nContent-Type: text/plain\r\nContent-Length: 19\r\nConnection: close\r\n\r\n{"kind":"throttle"}',
    );
    expect(status(fromPage)).toBe(403);
    expect(fromPage).not.toMatch(/access-control-allow-origin/i);
    const preflight = await exchange(
      "OPTIONS /__emulator/reset HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: https://evil.example\r\nAccess-Control-Request-Method: POST\r\nConnection: close\r\n\r\n",
    );
    expect(preflight).not.toMatch(/access-control-allow-origin/i);
    const faults = await exchange("DELETE /__emulator/faults HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    expect(body(faults)).toEqual({ pending: 0 }); // the page's throttle was never queued
    // The services still allow browsers.
    const service = await exchange(`GET /v1/${account.projectId}/workspaces HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: https://app.example\r\nConnection: close\r\n\r\n`);
    expect(service).toMatch(/access-control-allow-origin: \*/i);
  });
});

describe("close()", () => {
  it("ends fault delays in progress: nothing of the emulator keeps the process alive", async () => {
    // A process of its own: an emulator, a ModelArts workspace left CREATING, a request held by
    // a ten-minute delay; then close(). The process must end by itself, with no timer left.
    const script = `
      import { startEmulator } from "./dist/index.js";
      import { createSigner } from "@ws/core";
      import http from "node:http";
      const emulator = await startEmulator({ createDelayInMs: 600000 });
      const { accessKey, secretKey, projectId } = emulator.credentials;
      const send = (method, path, body) => new Promise((resolve) => {
        const request = { method, url: emulator.url + path, headers: { "content-type": "application/json" }, body };
        createSigner(accessKey, secretKey).sign(request, new Date());
        const req = http.request(request.url, { method, headers: request.headers, agent: false }, (res) => {
          let text = ""; res.setEncoding("utf8"); res.on("data", (d) => (text += d)); res.on("end", () => resolve(res.statusCode + " " + text));
        });
        req.on("error", (error) => resolve(error.code));
        req.end(body);
      });
      const created = await send("POST", "/v1/" + projectId + "/workspaces", JSON.stringify({ name: "creating" }));
      emulator.inject({ kind: "delay", delayInMs: 600000, provider: "modelarts" });
      const held = send("GET", "/v1/" + projectId + "/workspaces");
      while (emulator.requests("modelarts") < 2) await new Promise((r) => setImmediate(r));
      await emulator.close();
      const heldOutcome = await held;
      const timers = process.getActiveResourcesInfo().filter((r) => r === "Timeout");
      const status = Object.values(emulator.workspaces()).flat()[0]?.status;
      console.log(JSON.stringify({ created: created.slice(0, 3), status, heldOutcome, timers }));
    `;
    const run = spawn(process.execPath, ["--input-type=module", "-e", script], { cwd: packageDir, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    run.stdout!.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    run.stderr!.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const exit = new Promise<number | null>((resolve) => run.once("exit", resolve));
    // The report comes right after close(); a timer left behind would hold the process for ten minutes.
    await Promise.race([exit, new Promise<void>((resolve) => run.stdout!.on("data", () => stdout.includes("\n") && resolve()))]);
    try {
      expect(stderr).toBe("");
      const outcome = JSON.parse(stdout);
      expect(outcome).toMatchObject({ created: "200", status: "CREATING", timers: [] });
      expect(outcome.heldOutcome).toMatch(/^(ECONNRESET|socket hang up)/);
      expect(await exit).toBe(0);
    } finally {
      run.kill();
    }
  }, 60_000);
});
