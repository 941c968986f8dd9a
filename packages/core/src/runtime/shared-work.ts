// One request shared by every concurrent caller that needs its answer: an IAM
// token, a region's project id, new temporary keys. Each caller waits with its
// own abortSignal and deadline and leaves alone when they fire; the request goes
// on while someone still waits, and is aborted (its attempt, its retry waits)
// when the last caller has left, so that nothing it started keeps a process
// alive for no one. A caller that cannot leave (no signal, no deadline: a
// background refresh) keeps the request to the end.
import { AbortError, TimeoutError, type SdkErrorOptions } from "../errors/errors.js";
import { timeLeft, type Deadline } from "./time.js";

/**
 * How one caller waits for work shared with other calls (an IAM token, a project id,
 * new keys): it leaves when its signal fires or its deadline passes.
 *
 * @example
 * const token = await tokens.token({ abortSignal: controller.signal, deadline: { at: Date.now() + 5_000, clock: realClock } });
 */
export interface SharedWait {
  /** The caller's signal: it leaves at once when it fires. */
  abortSignal?: AbortSignal | undefined;
  /** The caller's deadline: it leaves when it passes. */
  deadline?: Deadline | undefined;
}

/** Why a caller left: its signal fired, or its deadline passed. */
export interface LeaveReasons {
  /** The caller's error when its signal fires. */
  aborted(): Error;
  /** The caller's error when its deadline passes. */
  expired(): Error;
}

interface Run<T> {
  promise: Promise<T>;
  controller: AbortController;
  /** Callers waiting that can still leave. */
  waiting: number;
  /** A caller that cannot leave joined: the run is never aborted. */
  held: boolean;
}

/**
 * Shares `start` among concurrent callers: `join` starts it when nothing runs, or
 * joins the run in progress. The signal `start` gets fires when every caller that
 * joined has left (aborted, or past its deadline) before it ended; `start` also gets
 * what the caller that started the run passed as `starter` (its call's trace context).
 */
export function sharedWork<T, S = undefined>(
  start: (signal: AbortSignal, starter: S | undefined) => Promise<T>,
): { join(wait: SharedWait, reasons: LeaveReasons, starter?: S): Promise<T>; running(): boolean } {
  let current: Run<T> | undefined;

  function begin(starter: S | undefined): Run<T> {
    const controller = new AbortController();
    const run: Run<T> = { controller, waiting: 0, held: false, promise: undefined as unknown as Promise<T> };
    run.promise = start(controller.signal, starter).finally(() => {
      if (current === run) current = undefined;
    });
    // Callers see the outcome through their own promises; an abandoned run's rejection is no one's.
    run.promise.catch(() => {});
    return run;
  }

  function leave(run: Run<T>, reason: Error): void {
    run.waiting--;
    if (run.waiting > 0 || run.held) return;
    // The next caller starts afresh instead of joining a run being aborted.
    if (current === run) current = undefined;
    run.controller.abort(reason);
  }

  return {
    running: () => current !== undefined,
    join(wait, reasons, starter) {
      const run = (current ??= begin(starter));
      if (!wait.abortSignal && wait.deadline === undefined) {
        run.held = true;
        return run.promise;
      }
      run.waiting++;
      return within(run.promise, wait, reasons, (error) => leave(run, error));
    },
  };
}

/**
 * `pending`, or a rejection as soon as the caller's signal fires or its deadline
 * passes while it is still running (credentials, a token, a project id); `onLeave`
 * is told so. The work itself is not stopped here: {@link sharedWork} does that.
 */
export function within<T>(pending: Promise<T>, wait: SharedWait, reasons: LeaveReasons, onLeave?: (error: Error) => void): Promise<T> {
  const { abortSignal: signal, deadline } = wait;
  if (!signal && !deadline) return pending;
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const stopTimer = new AbortController();
    const finish = (outcome: () => void): boolean => {
      if (settled) return false;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      stopTimer.abort();
      outcome();
      return true;
    };
    const quit = (error: Error) => {
      if (finish(() => reject(error))) onLeave?.(error);
    };
    const onAbort = () => quit(reasons.aborted());
    if (signal?.aborted) return onAbort();
    signal?.addEventListener("abort", onAbort, { once: true });
    if (deadline) {
      deadline.clock.sleep(Math.max(0, timeLeft(deadline)), stopTimer.signal, () => new AbortError("stopped")).then(
        () => quit(reasons.expired()),
        () => {},
      );
    }
    pending.then(
      (value) => finish(() => resolve(value)),
      (error: unknown) => finish(() => reject(error)),
    );
  });
}

/** A caller's AbortError and TimeoutError (`deadlineReached`) for a wait for `what`. */
export function leaveReasons(context: SdkErrorOptions, what: string, wait: SharedWait): LeaveReasons {
  return {
    aborted: () => new AbortError(`The call was aborted while waiting for ${what}.`, { ...context, cause: wait.abortSignal?.reason }),
    expired: () => new TimeoutError(`The call's deadline passed while waiting for ${what}.`, { ...context, timeoutInMs: 0, deadlineReached: true }),
  };
}
