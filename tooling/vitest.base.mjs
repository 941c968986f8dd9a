// Test configuration shared by the packages: unit and loopback tests in test/,
// type tests (expectTypeOf, @ts-expect-error) in test/*.test-d.ts checked by tsc.
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

export function packageTests(overrides = {}) {
  return {
    // As the build defines it (tooling/tsup.base.mjs), so tests of src see the same User-Agent.
    define: { __WS_PACKAGE_ID__: JSON.stringify(packageId()) },
    test: {
      env: TEST_ENV,
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
