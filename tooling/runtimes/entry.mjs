// Node, Deno and Bun: the config from the environment, the result as one JSON line.
import { check } from "./check.mjs";

const env = globalThis.Deno ? globalThis.Deno.env.toObject() : globalThis.process.env;
const result = await check(JSON.parse(env.WS_RUNTIMES_CONFIG));
console.log(`WS_RUNTIMES_RESULT ${JSON.stringify(result)}`);
