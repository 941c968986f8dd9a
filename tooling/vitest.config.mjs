import { defineConfig } from "vitest/config";
import { TEST_ENV } from "./vitest.base.mjs";

export default defineConfig({ test: { env: TEST_ENV, include: ["test/**/*.test.mjs"] } });
