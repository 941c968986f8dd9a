#!/usr/bin/env node
// ws <provider> <operation> [options]: see `ws --help`. Ctrl-C (or SIGTERM) aborts the
// running call through its abortSignal (exit 130; `ws emulator` stops and exits 0); a
// second Ctrl-C exits at once. A reader that goes away (`ws ... | head -1`) ends `ws`
// quietly, as it does any Unix tool.
import { run } from "./run.js";

/** How long an interrupted command may take to wind down before `ws` exits regardless. */
const WIND_DOWN_IN_MS = 500;

const controller = new AbortController();
let settled = false;
const interrupt = () => {
  if (controller.signal.aborted) process.exit(130);
  process.exitCode = 130;
  controller.abort(new Error("interrupted"));
  // Work the command started and that does not stop with it (a lookup shared with other
  // callers, a socket kept alive) must not hold the process: the command is over.
  setTimeout(() => settled || process.exit(130), WIND_DOWN_IN_MS).unref();
};
process.on("SIGINT", interrupt);
process.on("SIGTERM", interrupt);

const readerGone = (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
};
process.stdout.on("error", readerGone);
process.stderr.on("error", readerGone);

run(process.argv.slice(2), { signal: controller.signal }).then(
  (code) => {
    settled = true;
    process.off("SIGINT", interrupt);
    process.off("SIGTERM", interrupt);
    // Interrupted: the answer is printed and nothing left running is waited for.
    if (controller.signal.aborted) process.exit(code);
    process.exitCode = code;
  },
  (error: unknown) => {
    settled = true;
    console.error(error);
    process.exitCode = 1;
  },
);
