// Test configuration shared by the packages: unit and loopback tests in test/,
// type tests (expectTypeOf, @ts-expect-error) in test/*.test-d.ts checked by tsc
// (the packages' `typecheck` task).
import { packageId } from "./tsup.base.mjs";

/**
 * The machine running the tests is not a cloud host: a client left to the default
 * credential chain must never ask the real metadata address (169.254.169.254) or
 * read the developer's own ~/.huaweicloud/credentials. Port 9 is one fetch refuses
 * to send to, so such a lookup fails at once, without a packet. Tests that want the
 * chain set these themselves.
 */
export const TEST_ENV = {
  WS_SDK_METADATA_ENDPOINT: "http://127.0.0.1:9",
  HUAWEICLOUD_SDK_CREDENTIALS_FILE: "/nonexistent/ws-sdk-tests/credentials",
};

/**
 * Budgets that hold on a loaded 2-core machine (`pnpm test` runs every package's tests,
 * type checks and builds at once): a light test takes milliseconds when the machine is
 * quiet and seconds when it is not. A test with heavy work (hundreds of signed calls,
 * spawned processes) sets its own, larger budget. No test waits on these: they only end
 * a test that hangs.
 */
export const TEST_BUDGETS = { testTimeout: 30_000, hookTimeout: 30_000 };

export function packageTests(overrides = {}) {
  return {
    // As the build defines it (tooling/tsup.base.mjs), so tests of src see the same User-Agent.
    define: { __WS_PACKAGE_ID__: JSON.stringify(packageId()) },
    test: {
      ...TEST_BUDGETS,
      env: TEST_ENV,
      include: ["test/**/*.test.ts"],
      // The type tests are checked by each package's `typecheck` task (`tsc --noEmit` over src
      // and test, test/*.test-d.ts included), which fails on a wrong expectTypeOf or an unused
      // @ts-expect-error just as vitest's typecheck would: running both ran tsc twice per package.
      // `vitest --typecheck` still runs them as tests.
      typecheck: {
        enabled: false,
        include: ["test/**/*.test-d.ts"],
        tsconfig: "./tsconfig.json",
      },
      ...overrides,
    },
  };
}
