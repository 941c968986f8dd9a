import { defineConfig } from "vitest/config";
import { packageTests } from "../../tooling/vitest.base.mjs";

// The tests spawn the built bin, often several times a test, and wait for waiters.
export default defineConfig(packageTests({ testTimeout: 60_000, hookTimeout: 30_000 }));
