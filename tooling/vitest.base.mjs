// Test configuration shared by the packages: unit and loopback tests in test/,
// type tests (expectTypeOf, @ts-expect-error) in test/*.test-d.ts checked by tsc.
import { packageId } from "./tsup.base.mjs";

export function packageTests(overrides = {}) {
  return {
    // As the build defines it (tooling/tsup.base.mjs), so tests of src see the same User-Agent.
    define: { __WS_PACKAGE_ID__: JSON.stringify(packageId()) },
    test: {
      include: ["test/**/*.test.ts"],
      typecheck: {
        enabled: true,
        include: ["test/**/*.test-d.ts"],
        tsconfig: "./tsconfig.json",
      },
      ...overrides,
    },
  };
}
