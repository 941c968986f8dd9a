import { defineConfig } from "tsup";
import { packageBuild } from "../../tooling/tsup.base.mjs";

export default defineConfig(packageBuild());
