import { defineConfig } from "vitest/config";
import { TEST_ENV } from "../../tooling/vitest.base.mjs";

export default defineConfig({ test: { env: TEST_ENV, include: ["test/**/*.test.ts"], testTimeout: 60_000 } });
