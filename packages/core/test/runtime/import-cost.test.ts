// Importing the SDK does not start Node's fetch implementation: the globals fetch,
// Request, Response, Headers and FormData are getters that load undici (~28 ms here, as
// long as the rest of the import together). The built package is what is imported, in
// a child process whose globals record who touches them.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const entries = {
  "ESM, node condition": fileURLToPath(new URL("../../dist/node/index.js", import.meta.url)),
  "ESM, browsers and workers": fileURLToPath(new URL("../../dist/index.js", import.meta.url)),
  CommonJS: fileURLToPath(new URL("../../dist/node/index.cjs", import.meta.url)),
};

const watch = `
  globalThis.touched = [];
  for (const name of ["fetch", "Request", "Response", "Headers", "FormData"]) {
    const d = Object.getOwnPropertyDescriptor(globalThis, name);
    Object.defineProperty(globalThis, name, { configurable: true, get() { touched.push(name); return d.get ? d.get.call(globalThis) : d.value; } });
  }`;

describe("import cost", () => {
  for (const [name, file] of Object.entries(entries)) {
    it(`${name}: touches none of the fetch globals`, () => {
      const load = file.endsWith(".cjs") ? `require(${JSON.stringify(file)});` : `await import(${JSON.stringify(file)});`;
      const script = `${watch}\n(async () => { ${load} console.log(JSON.stringify(touched)); })();`;
      const out = execFileSync(process.execPath, ["-e", script], { encoding: "utf8" });
      expect(JSON.parse(out)).toEqual([]);
    });
  }
});

describe("openapi-fetch in CommonJS", () => {
  it("is required at the first raw call: not with the package, not when a client is made", () => {
    const script = `
      const loaded = () => Object.keys(require.cache).some((k) => k.includes("openapi-fetch"));
      const core = require(${JSON.stringify(entries.CommonJS)});
      const atImport = loaded();
      const secrets = core.createSecretSet();
      const service = core.createServiceClient({ provider: "test", baseUrl: "http://127.0.0.1:9", secrets, options: { maxRetries: 0 },
        authenticator: core.tokenAuthenticator("x-auth-token", "token-0123456789", secrets), classifier: core.huaweiRetryClassifier });
      const atClient = loaded();
      // Port 9 refuses: a ConnectionError, after openapi-fetch has built the request.
      service.raw.GET("/things").catch((e) => console.log(JSON.stringify([atImport, atClient, loaded(), e.name])));`;
    const out = execFileSync(process.execPath, ["-e", script], { encoding: "utf8" });
    expect(JSON.parse(out)).toEqual([false, false, true, "ConnectionError"]);
  });
});
