import { defineConfig } from "vitest/config";
import { TEST_BUDGETS, TEST_ENV } from "./vitest.base.mjs";

// Three files at once (vitest's default on two cores is one): the slowest (package checks,
// the registry, the API docs) mostly wait on child processes and the network, and run
// last in `pnpm test`, after every build.
export default defineConfig({ test: { ...TEST_BUDGETS, env: TEST_ENV, include: ["test/**/*.test.mjs"], maxWorkers: 3 } });
