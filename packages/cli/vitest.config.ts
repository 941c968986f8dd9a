import { defineConfig } from "vitest/config";
import { packageTests } from "../../tooling/vitest.base.mjs";

// The tests spawn the built bin, often several times a test (a lifecycle test ten times), and
// wait for waiters: a `ws` process takes seconds to start on a loaded 2-core machine.
export default defineConfig(packageTests({ testTimeout: 180_000, hookTimeout: 60_000 }));
