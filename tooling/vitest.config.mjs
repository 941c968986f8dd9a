import { defineConfig } from "vitest/config";
import { TEST_BUDGETS, TEST_ENV } from "./vitest.base.mjs";

export default defineConfig({ test: { ...TEST_BUDGETS, env: TEST_ENV, include: ["test/**/*.test.mjs"] } });
