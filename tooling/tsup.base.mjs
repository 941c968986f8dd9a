// The one build configuration every published package uses: ESM + CJS + .d.ts,
// dependencies left external (they are installed beside the package).
import fs from "node:fs";
import path from "node:path";

/** `@ws/modelarts/0.3.0` of the package being built (run from its folder), for the User-Agent. */
export function packageId(dir = process.cwd()) {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
  return `${manifest.name}/${manifest.version}`;
}

export function packageBuild(overrides = {}) {
  return {
    define: { __WS_PACKAGE_ID__: JSON.stringify(packageId()) },
    // A provider's `/api` subpath (its operations as functions) is an entry of its own.
    entry: fs.existsSync("src/api.ts") ? ["src/index.ts", "src/api.ts"] : ["src/index.ts"],
    format: ["esm", "cjs"],
    dts: true,
    clean: true,
    sourcemap: false, // readable, unminified output; maps would double the install size
    target: "es2022",
    platform: "neutral",
    ...overrides,
  };
}
