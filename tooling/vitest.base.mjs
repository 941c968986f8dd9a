// Test configuration shared by the packages: unit and loopback tests in test/,
// type tests (expectTypeOf, @ts-expect-error) in test/*.test-d.ts checked by tsc.
export function packageTests(overrides = {}) {
  return {
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
