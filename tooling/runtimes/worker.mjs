// workerd: bundled by esbuild for the workerd/worker conditions and run by `workerd test`;
// the config comes as a JSON binding, the result is logged and a failure throws.
import { check } from "./check.mjs";

export default {
  async test(controller, env) {
    const result = await check(env.CONFIG);
    console.log(`WS_RUNTIMES_RESULT ${JSON.stringify(result)}`);
    if (!result.ok) throw new Error(result.failures.join("\n"));
  },
};
