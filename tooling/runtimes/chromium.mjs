// Headless Chromium (Debian's /usr/bin/chromium, never a downloaded browser) driven by
// puppeteer-core: serves the browser bundle of the check from a loopback page, runs it
// and prints its result as one line. run.mjs starts this with the matrix's Node 24
// (puppeteer-core needs Node >= 22.12).
//
//   node chromium.mjs <bundle.js>    (config in WS_RUNTIMES_CONFIG)
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import puppeteer from "puppeteer-core";

const CHROMIUM = process.env.WS_RUNTIMES_CHROMIUM ?? "/usr/bin/chromium";
const bundle = fs.readFileSync(process.argv[2]);
const config = process.env.WS_RUNTIMES_CONFIG;
const page = `<!doctype html><meta charset="utf-8"><title>ws runtimes</title>
<script>globalThis.__wsRuntimesConfig = ${config.replace(/</g, "\\u003c")};</script>
<script type="module" src="/check.js"></script>`;

const server = http.createServer((request, response) => {
  if (request.url === "/check.js") response.writeHead(200, { "content-type": "text/javascript" }).end(bundle);
  else if (request.url === "/") response.writeHead(200, { "content-type": "text/html" }).end(page);
  else response.writeHead(404).end();
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const profile = fs.mkdtempSync(path.join(os.tmpdir(), "ws-chromium-"));
let browser;
const logs = [];
try {
  browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    pipe: true,
    userDataDir: profile, // a fresh --user-data-dir
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const tab = await browser.newPage();
  tab.on("console", (m) => logs.push(`console.${m.type()}: ${m.text()}`));
  tab.on("pageerror", (e) => logs.push(`pageerror: ${e.message}`));
  tab.on("requestfailed", (r) => logs.push(`requestfailed: ${r.url()} ${r.failure()?.errorText}`));
  await tab.goto(`${origin}/`, { waitUntil: "load" });
  await tab.waitForFunction(() => globalThis.__wsRuntimesResult !== undefined, { timeout: 30_000 });
  const result = await tab.evaluate(() => globalThis.__wsRuntimesResult);
  result.runtime = `chromium/${(await browser.version()).replace(/^[^/]*\//, "")}`;
  if (!result.ok) result.failures.push(...logs);
  console.log(`WS_RUNTIMES_RESULT ${JSON.stringify(result)}`);
} catch (error) {
  console.log(`WS_RUNTIMES_RESULT ${JSON.stringify({ ok: false, failures: [String(error?.stack ?? error), ...logs] })}`);
} finally {
  await browser?.close().catch(() => {});
  server.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
