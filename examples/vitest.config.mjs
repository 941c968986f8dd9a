import { defineConfig } from "vitest/config";
import { TEST_BUDGETS, TEST_ENV } from "../tooling/vitest.base.mjs";

export default defineConfig({ test: { ...TEST_BUDGETS, env: TEST_ENV, include: ["test/**/*.test.ts"], testTimeout: 60_000 } });
