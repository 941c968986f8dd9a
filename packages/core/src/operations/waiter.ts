// One poller for every "wait until" of every provider: a required deadline,
// exponential backoff with jitter that never sleeps past the deadline, typed
// outcomes (WaiterError with reason "failure" or "timeout"), and an abort that
// rejects at once, with no request after it and no timer left behind. What a
// state means is data: the provider's table of success and failure states.
import { AbortError, ConfigurationError, NotFoundError, SdkError, TimeoutError, type SdkErrorOptions } from "../errors/errors.js";
import { isRecord } from "../http/http.js";
import { realClock, type Clock, type Deadline } from "../runtime/time.js";
import { traceCall, traceEvent, traceOf, tracingOf, withTrace, type CallTrace } from "../tracing/call.js";

/**
 * How long and how often to poll.
 *
 * @example
 * await client.waitUntilWorkspaceReady(id, { maxWaitInMs: 10 * 60_000, onPoll: (ws, n) => console.log(n, ws.status) });
 */
export interface WaiterOptions<W> {
  /** The longest the whole wait may take. Required: a wait without a deadline is a hang waiting to happen. */
  maxWaitInMs: number;
  /** First delay between polls. Default 2 s. */
  minDelayInMs?: number | undefined;
  /** Ceiling of the delay between polls. Default 30 s. */
  maxDelayInMs?: number | undefined;
  /** Rejects the wait at once with AbortError; no request is sent after it. */
  abortSignal?: AbortSignal | undefined;
  /** Called with each workspace seen and the poll's number (1, 2, ...), for progress displays. */
  onPoll?: ((workspace: W, attempt: number) => void) | undefined;
}

/** The defaults of {@link WaiterOptions}. */
export const WAITER_DEFAULTS = {
  /** First delay between polls, in ms. */
  minDelayInMs: 2_000,
  /** Ceiling of the delay between polls, in ms. */
  maxDelayInMs: 30_000,
} as const;

/**
 * What a {@link WaiterError} is constructed with.
 *
 * @example
 * throw new WaiterError("gave up", { provider: "modelarts", reason: "timeout", waitedInMs: 60_000, polls: 7 });
 */
export interface WaiterErrorOptions extends SdkErrorOptions {
  /** `failure` or `timeout`. */
  reason: "failure" | "timeout";
  /** The workspace's last state. */
  state?: string | undefined;
  /** The service's explanation of a failure state. */
  statusInfo?: string | undefined;
  /** The last workspace seen. */
  lastWorkspace?: unknown;
  /** How long the wait lasted. */
  waitedInMs: number;
  /** How many polls were made. */
  polls: number;
}

/**
 * A wait ended without success: the workspace reached a failure state, or the deadline
 * passed. (An error that waiting cannot change, such as a 403, rejects the wait with that
 * error instead; an abort with AbortError.)
 *
 * @example
 * try {
 *   await ma.waitUntilWorkspaceReady(id, { maxWaitInMs: 10 * 60_000 });
 * } catch (error) {
 *   if (error instanceof WaiterError && error.reason === "failure") console.error(error.state, error.statusInfo);
 *   else throw error;
 * }
 */
export class WaiterError extends SdkError {
  /** `failure`: a terminal failure state (or gone while waiting for ready); `timeout`: `maxWaitInMs` passed. */
  readonly reason: "failure" | "timeout";
  /** The workspace's last state, when it had one. */
  readonly state: string | undefined;
  /** The service's explanation of a failure state (`status_info`). */
  readonly statusInfo: string | undefined;
  /** How long the wait lasted. */
  readonly waitedInMs: number;
  /** How many polls were made. */
  readonly polls: number;
  /** The last workspace seen. */
  declare readonly lastWorkspace: unknown;

  constructor(message: string, options: WaiterErrorOptions) {
    // Named on the prototype at the first instance rather than at load, so that a bundle
    // that never waits can drop the class (a top-level statement would keep it).
    if (!Object.prototype.hasOwnProperty.call(WaiterError.prototype, "name")) {
      Object.defineProperty(WaiterError.prototype, "name", { value: "WaiterError", writable: true, configurable: true, enumerable: false });
    }
    super(message, options);
    this.reason = options.reason;
    this.state = options.state;
    this.statusInfo = options.statusInfo;
    this.waitedInMs = options.waitedInMs;
    this.polls = options.polls;
    // Kept off the enumerable fields, as a response is: it can be large.
    Object.defineProperty(this, "lastWorkspace", { value: options.lastWorkspace, enumerable: false });
  }
}

/** What one poll means: done (with the value to resolve to), failed (in this state), or not yet. */
export type PollVerdict<R> =
  | {
      /** The wait is over. */
      done: true;
      /** What the wait resolves to. */
      value: R;
    }
  | {
      /** Not yet. */
      done: false;
      /** Keep polling. */
      failed: false;
    }
  | {
      /** The wait is over, without success. */
      done: false;
      /** The wait rejects with a WaiterError (`reason: "failure"`). */
      failed: true;
      /** The failure state. */
      state?: string | undefined;
      /** The service's explanation of it. */
      statusInfo?: string | undefined;
      /** What went wrong, for the error message. */
      why: string;
    };

/** Time for waiters: the real one, or a test's (the pipeline's {@link Clock}). */
export type WaiterClock = Clock;

/** Delay before poll `n + 1`: a random time between min and min·2ⁿ, capped at max (AWS waiters' rule). */
export function waiterDelay(n: number, min: number, max: number, random: () => number = Math.random): number {
  const ceiling = Math.min(max, min * 2 ** n);
  return Math.round(min + random() * Math.max(0, ceiling - min));
}

function assertWaiterOptions(options: WaiterOptions<unknown> | undefined, context: SdkErrorOptions): asserts options is WaiterOptions<unknown> {
  if (!options || typeof options.maxWaitInMs !== "number" || !(options.maxWaitInMs > 0) || !Number.isFinite(options.maxWaitInMs)) {
    throw new ConfigurationError(`${context.provider} ${context.operation}: maxWaitInMs is required: pass the longest the wait may take, in milliseconds.`, context);
  }
  for (const name of ["minDelayInMs", "maxDelayInMs"] as const) {
    const value = options[name];
    if (value !== undefined && !(typeof value === "number" && value >= 0 && Number.isFinite(value))) {
      throw new ConfigurationError(`${context.provider} ${context.operation}: ${name} must be a number >= 0.`, context);
    }
  }
}

/**
 * Polls `poll` until `judge` says done or failed, or the deadline passes. `poll`
 * answers `undefined` when the workspace does not exist (NotFoundError).
 */
export async function pollUntil<W, R>(
  /** One poll; it ends by `deadline` (its attempts, retries and their waits). */
  poll: (abortSignal: AbortSignal | undefined, deadline: Deadline) => Promise<W>,
  judge: (workspace: W | undefined) => PollVerdict<R>,
  options: WaiterOptions<W>,
  context: { provider: string; operation: string; what: string; clock?: WaiterClock | undefined; trace?: CallTrace | undefined },
): Promise<R> {
  const clock = context.clock ?? realClock;
  const errorContext = { provider: context.provider, operation: context.operation };
  assertWaiterOptions(options as WaiterOptions<unknown>, errorContext);
  const min = options.minDelayInMs ?? WAITER_DEFAULTS.minDelayInMs;
  const max = Math.max(min, options.maxDelayInMs ?? WAITER_DEFAULTS.maxDelayInMs);
  const signal = options.abortSignal;
  const started = clock.now();
  const deadline = started + options.maxWaitInMs;
  const aborted = () => new AbortError(`The wait for ${context.what} was aborted.`, { ...errorContext, cause: signal?.reason });
  let polls = 0;
  let last: W | undefined;

  const timeout = (cause?: TimeoutError) =>
    new WaiterError(`${context.provider} ${context.operation}: gave up waiting for ${context.what} after ${clock.now() - started} ms and ${polls} polls.${cause ? ` The poll in flight stopped at maxWaitInMs: ${cause.message}` : ""}`, {
      ...errorContext,
      cause,
      reason: "timeout",
      state: stateOf(last),
      waitedInMs: clock.now() - started,
      polls,
      lastWorkspace: last,
    });

  for (;;) {
    if (signal?.aborted) throw aborted();
    // The last sleep ended at the deadline: a poll now could not end by it.
    if (polls > 0 && clock.now() >= deadline) throw timeout();
    let workspace: W | undefined;
    try {
      workspace = await poll(signal, { at: deadline, clock });
    } catch (error) {
      if (error instanceof NotFoundError) workspace = undefined;
      else if (error instanceof TimeoutError && (error.deadlineReached || clock.now() >= deadline)) throw timeout(error);
      else throw error; // 401, 403, a transient error the transport could not absorb: it will not change by waiting
    }
    polls++;
    last = workspace;
    if (workspace !== undefined) options.onPoll?.(workspace, polls);
    const verdict = judge(workspace);
    const remaining = deadline - clock.now();
    const delayInMs = verdict.done || verdict.failed || remaining <= 0 ? undefined : Math.min(waiterDelay(polls - 1, min, max), remaining);
    traceEvent(context.trace, "poll", { "ws.poll": polls, "ws.state": stateOf(workspace), "ws.delay_ms": delayInMs });
    if (verdict.done) return verdict.value;
    if (verdict.failed) {
      throw new WaiterError(`${context.provider} ${context.operation}: ${verdict.why}${verdict.statusInfo ? ` (${verdict.statusInfo})` : ""}.`, {
        ...errorContext,
        reason: "failure",
        state: verdict.state,
        statusInfo: verdict.statusInfo,
        waitedInMs: clock.now() - started,
        polls,
        lastWorkspace: workspace,
      });
    }
    if (delayInMs === undefined) throw timeout();
    await clock.sleep(delayInMs, signal, aborted);
  }
}

function stateOf(workspace: unknown): string | undefined {
  return isRecord(workspace) && typeof workspace.status === "string" ? workspace.status : undefined;
}

/** A provider's workspace states: which end which wait, and where the state and its explanation are. */
export interface WorkspaceStates {
  /** The state field. Default `status`. */
  field?: string;
  /** The explanation of a failure state. Default `status_info`. */
  infoField?: string;
  /** States in which the workspace is usable. */
  ready: readonly string[];
  /** States that end a wait for ready with a failure. */
  readyFailures: readonly string[];
  /** States that end a wait for deletion with a failure. */
  deleteFailures: readonly string[];
}

/** The two workspace waiters, typed by the provider package. */
export interface WorkspaceWaiters<W> {
  /**
   * Polls the workspace until it is in a ready state and resolves to it. Rejects with
   * WaiterError on a failure state, when the workspace is gone, or at `maxWaitInMs`.
   */
  waitUntilWorkspaceReady(id: string, options: WaiterOptions<W>): Promise<W>;
  /** Polls until the workspace is gone. Rejects with WaiterError on a deletion failure state or at `maxWaitInMs`. */
  waitUntilWorkspaceDeleted(id: string, options: WaiterOptions<W>): Promise<undefined>;
}

/** Builds the waiters of a provider over its getWorkspace and its state table. */
export function workspaceWaiters<W>(
  provider: string,
  getWorkspace: (id: string, options: { abortSignal?: AbortSignal | undefined; deadline?: Deadline | undefined }) => Promise<W>,
  states: WorkspaceStates,
  /** The clock to use instead of the real one (for tests). */
  clock?: WaiterClock,
): WorkspaceWaiters<W> {
  const field = states.field ?? "status";
  const infoField = states.infoField ?? "status_info";
  const read = (workspace: unknown) => {
    const record = isRecord(workspace) ? workspace : {};
    const state = typeof record[field] === "string" ? (record[field] as string) : undefined;
    const info = typeof record[infoField] === "string" && record[infoField] !== "" ? (record[infoField] as string) : undefined;
    return { state, info };
  };
  // One span per wait (from the client getWorkspace belongs to); each poll is an event of it, not a call of its own.
  const tracing = tracingOf(getWorkspace);
  const poller = (id: string, trace: CallTrace | undefined) => (abortSignal: AbortSignal | undefined, deadline: Deadline) => getWorkspace(id, withTrace({ abortSignal, deadline }, trace));
  return {
    waitUntilWorkspaceReady: (id, options) => traceCall(tracing, "waitUntilWorkspaceReady", options, (traced) =>
      pollUntil<W, W>(
        poller(id, traceOf(traced)),
        (workspace) => {
          if (workspace === undefined) return { done: false, failed: true, why: `workspace ${JSON.stringify(id)} does not exist (deleted while waiting for it to be ready)` };
          const { state, info } = read(workspace);
          if (state !== undefined && states.ready.includes(state)) return { done: true, value: workspace };
          if (state !== undefined && states.readyFailures.includes(state)) return { done: false, failed: true, state, statusInfo: info, why: `workspace ${JSON.stringify(id)} is ${state}` };
          return { done: false, failed: false };
        },
        options,
        { provider, operation: "waitUntilWorkspaceReady", what: `workspace ${JSON.stringify(id)} to be ready`, clock, trace: traceOf(traced) },
      ),
    ),
    waitUntilWorkspaceDeleted: (id, options) => traceCall(tracing, "waitUntilWorkspaceDeleted", options, (traced) =>
      pollUntil<W, undefined>(
        poller(id, traceOf(traced)),
        (workspace) => {
          if (workspace === undefined) return { done: true, value: undefined };
          const { state, info } = read(workspace);
          if (state !== undefined && states.deleteFailures.includes(state)) return { done: false, failed: true, state, statusInfo: info, why: `deleting workspace ${JSON.stringify(id)} failed: it is ${state}` };
          return { done: false, failed: false };
        },
        options,
        { provider, operation: "waitUntilWorkspaceDeleted", what: `workspace ${JSON.stringify(id)} to be deleted`, clock, trace: traceOf(traced) },
      ),
    ),
  };
}
