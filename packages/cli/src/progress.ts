// Progress of a wait on a terminal's standard error: the state seen, the time elapsed
// and when the next poll comes, rewritten in place every second. Nothing when standard
// error is not a terminal (a pipe, a CI log).
import type { Writable } from "./output.js";
import { printable } from "./printable.js";

export interface Progress {
  onPoll(workspace: unknown, poll: number): void;
  stop(): void;
}

const seconds = (ms: number) => `${Math.max(0, Math.round(ms / 1000))}s`;

/**
 * `what`: "workspace 0123… to be ready". The delay before the next poll is random up to
 * min(maxDelay, minDelay · 2^(poll-1)) (the SDK's backoff), so the line shows that bound.
 */
export function startProgress(stderr: Writable, what: string, options: { maxWaitInMs: number; minDelayInMs: number; maxDelayInMs: number }): Progress {
  if (stderr.isTTY !== true) return { onPoll() {}, stop() {} };
  const started = Date.now();
  let state = "?";
  let polls = 0;
  let nextBy: number | undefined;
  const draw = () => {
    const now = Date.now();
    const next = nextBy === undefined ? "polling" : now < nextBy ? `next poll within ${seconds(nextBy - now)}` : "polling";
    stderr.write(`\r\x1b[2Kwaiting for ${what}: ${state}, ${seconds(now - started)} elapsed of ${seconds(options.maxWaitInMs)}, ${polls} poll${polls === 1 ? "" : "s"}, ${next}`);
  };
  draw();
  const timer = setInterval(draw, 1000);
  timer.unref?.();
  return {
    onPoll(workspace, poll) {
      polls = poll;
      const status = (workspace as { status?: unknown } | null)?.status;
      state = typeof status === "string" ? printable(status) : "(no status)";
      const bound = Math.min(options.maxDelayInMs, options.minDelayInMs * 2 ** (poll - 1));
      nextBy = Math.min(Date.now() + bound, started + options.maxWaitInMs);
      draw();
    },
    stop() {
      clearInterval(timer);
      stderr.write("\r\x1b[2K");
    },
  };
}
