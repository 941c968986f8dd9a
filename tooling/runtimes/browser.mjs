// Chromium: bundled by esbuild for the browser; the page sets the config, puppeteer awaits the result.
import { check } from "./check.mjs";

globalThis.__wsRuntimesResult = check(globalThis.__wsRuntimesConfig).catch((error) => ({ ok: false, failures: [String(error?.stack ?? error)] }));
