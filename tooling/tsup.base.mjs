// The one build configuration every published package uses: ESM + CJS + .d.ts,
// dependencies left external (they are installed beside the package).
export function packageBuild(overrides = {}) {
  return {
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    dts: true,
    clean: true,
    sourcemap: false, // readable, unminified output; maps would double the install size
    target: "es2022",
    platform: "neutral",
    ...overrides,
  };
}
