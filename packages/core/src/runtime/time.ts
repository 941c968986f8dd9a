// Time for the whole SDK: the one pause (retries, waiters, create-once), the clock that
// tests replace with a fake one, and the deadline a call carries down the pipeline.
import type { AbortError } from "../errors/errors.js";

/**
 * Resolves after `ms`, or rejects with `aborted()` as soon as `signal` fires;
 * leaves no timer behind. The one pause of the SDK: retries, waiters, create-once.
 */
export function sleep(ms: number, signal: AbortSignal | undefined, aborted: () => Error): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(aborted());
    const onAbort = () => {
      clearTimeout(timer);
      reject(aborted());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Time for the pipeline and the waiters: the real one, or a test's.
 *
 * @example
 * const clock: Clock = { now: () => Date.now(), sleep: (ms, signal, aborted) => sleep(ms, signal, aborted) };
 */
export interface Clock {
  /** The current time, in ms since the epoch. */
  now(): number;
  /** Resolves after `ms`, or rejects with `aborted()` as soon as `signal` fires. */
  sleep(ms: number, signal: AbortSignal | undefined, aborted: () => AbortError): Promise<void>;
}

/** The real time: Date.now and timers that leave nothing behind (the SDK's one sleep). */
export const realClock: Clock = { now: () => Date.now(), sleep };

/**
 * When a call must be over, on a clock: every attempt (its timeout is the smaller of
 * `timeoutInMs` and the time left), every retry wait and every wait for credentials ends
 * by then, and the call rejects with a TimeoutError whose `deadlineReached` is true. The
 * waiters pass theirs (`maxWaitInMs`) to each poll.
 *
 * @example
 * await client.getWorkspace(id, { deadline: { at: Date.now() + 10_000, clock: realClock } });
 */
export interface Deadline {
  /** The time by which the call is over, on `clock`. */
  at: number;
  /** The clock `at` is on. */
  clock: Clock;
}

/** Milliseconds left before `deadline` (Infinity without one; 0 or less once it has passed). */
export function timeLeft(deadline: Deadline | undefined): number {
  return deadline ? deadline.at - deadline.clock.now() : Number.POSITIVE_INFINITY;
}
