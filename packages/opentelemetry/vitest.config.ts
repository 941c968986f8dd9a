import { defineConfig } from "vitest/config";
import { packageTests } from "../../tooling/vitest.base.mjs";

export default defineConfig(packageTests());
