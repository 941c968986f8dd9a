#!/usr/bin/env node
// ws <provider> <operation> [options]: see `ws --help`. Ctrl-C (or SIGTERM) aborts the
// running call through its abortSignal (exit 130; `ws emulator` stops and exits 0); a
// second Ctrl-C exits at once.
import { run } from "./run.js";

const controller = new AbortController();
const interrupt = () => {
  if (controller.signal.aborted) process.exit(130);
  controller.abort(new Error("interrupted"));
};
process.on("SIGINT", interrupt);
process.on("SIGTERM", interrupt);

run(process.argv.slice(2), { signal: controller.signal }).then(
  (code) => {
    process.off("SIGINT", interrupt);
    process.off("SIGTERM", interrupt);
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
