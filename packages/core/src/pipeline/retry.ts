// When to send a request again, and how long to wait first.
//
// The rule that matters: a request that is not idempotent (a create) is sent
// again only when it is known not to have been processed: the service said it
// throttled or was unavailable (429, 503, provider-specific throttle answers),
// or the connection failed before the request left. Never after a timeout, a
// reset after sending, or a 500/502/504.
import { AbortError, ConnectionError, SdkError, TimeoutError } from "../errors/errors.js";
import { HttpResponse, type HttpRequest, type Policy, type SendRequest } from "../http/http.js";
import { REFUSED_BY_RUNTIME } from "./transport.js";
import { realClock, timeLeft } from "../runtime/time.js";

/**
 * How often and how patiently a client retries (part of every client's options).
 *
 * @example
 * const ma = createModelArtsClient({ region: "cn-north-4", maxRetries: 5, retryDelayInMs: 1_000, maxRetryAfterInMs: 120_000 });
 */
export interface RetryOptions {
  /** Retries after the first attempt. Default 2. */
  maxRetries?: number | undefined;
  /** Base of the exponential backoff. Default 500 ms. */
  retryDelayInMs?: number | undefined;
  /** Ceiling of one backoff delay. Default 8 s. */
  maxRetryDelayInMs?: number | undefined;
  /** Longest wait the SDK accepts from a service (Retry-After or a throttle window); beyond it the call fails with the error. Default 60 s. */
  maxRetryAfterInMs?: number | undefined;
}

/** The defaults of {@link RetryOptions}. */
export const RETRY_DEFAULTS = {
  /** Retries after the first attempt. */
  maxRetries: 2,
  /** Base of the exponential backoff, in ms. */
  retryDelayInMs: 500,
  /** Ceiling of one backoff delay, in ms. */
  maxRetryDelayInMs: 8_000,
  /** Longest wait accepted from a service, in ms. */
  maxRetryAfterInMs: 60_000,
} as const;

/** What a provider knows about its own answers. */
export interface RetryClassifier {
  /** The service refused for load and did not process the request (429, TrueWatch's 401 limits, ...). */
  isThrottled(response: HttpResponse): boolean;
  /** How long the service asks to wait, from headers or body; undefined when it does not say. */
  retryAfterInMs(response: HttpResponse): number | undefined;
}

/** Statuses that say "not processed, try again" for any method. */
const UNAVAILABLE = new Set([503]);
/** Statuses after which the request may have been processed: retried only when idempotent. */
export const MAY_HAVE_BEEN_PROCESSED = new Set([408, 500, 502, 504]);

/** Full jitter: a uniform delay in [0, min(cap, base * 2^retry)). */
export function backoffDelay(retry: number, options: Required<RetryOptions>, random: () => number = Math.random): number {
  const ceiling = Math.min(options.maxRetryDelayInMs, options.retryDelayInMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}

/** `Retry-After` as delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  // An HTTP date names its day and month; Date.parse alone would read "-1" as a year.
  if (!/^[A-Za-z]{3},? /.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** A retry about to happen: which, after what, and how long the SDK waits first. */
export interface RetryNotice {
  /** The operation being retried. */
  operation: string;
  /** The retry's number, from 1. */
  retry: number;
  /** The retries the call allows. */
  maxRetries: number;
  /** How long the SDK waits before it. */
  delayInMs: number;
  /** What the previous attempt got: `HTTP 503`, `ConnectionError`, ... */
  reason: string;
}

export type RetryVerdict = { retry: false } | { retry: true; delayInMs: number };

const NO_RETRY: RetryVerdict = { retry: false };

/** Whether the answer allows a retry at all: throttled or 503 for any request; 408/500/502/504 only when idempotent. */
function mayRetry(response: HttpResponse, request: HttpRequest, throttled: boolean): boolean {
  return throttled || UNAVAILABLE.has(response.status) || (request.idempotent && MAY_HAVE_BEEN_PROCESSED.has(response.status));
}

export function isRetryableError(error: unknown, request: HttpRequest): boolean {
  if (!(error instanceof SdkError) || error instanceof AbortError) return false;
  // Not sent at all (refused, DNS): safe for any method. Anything else: only when idempotent.
  if (error instanceof ConnectionError && !error.sent) return !(error.code !== undefined && REFUSED_BY_RUNTIME.has(error.code));
  return request.idempotent && (error instanceof ConnectionError || error instanceof TimeoutError);
}

/**
 * A throttled answer without a hint still waits twice the base delay (1 s by
 * default): Huawei's gateway limits count per second, and a retry inside the
 * same second would only be refused again.
 */
export function throttleFloor(options: Required<RetryOptions>): number {
  return 2 * options.retryDelayInMs;
}

export function decideResponse(
  response: HttpResponse,
  request: HttpRequest,
  classifier: RetryClassifier,
  options: Required<RetryOptions>,
  random: () => number = Math.random,
): RetryVerdict {
  const throttled = classifier.isThrottled(response);
  if (!mayRetry(response, request, throttled) || request.context.retry >= options.maxRetries) return NO_RETRY;
  // Read only when a retry may follow: most answers are final, and their headers need no lookup.
  const hintInMs = classifier.retryAfterInMs(response);
  if (hintInMs !== undefined && hintInMs > options.maxRetryAfterInMs) return NO_RETRY;
  const jitter = backoffDelay(request.context.retry, options, random);
  const floor = hintInMs ?? (throttled ? throttleFloor(options) : 0);
  return { retry: true, delayInMs: Math.max(floor, jitter) };
}

/**
 * The TimeoutError of a call stopped by its deadline; `last` is what the last attempt got
 * (a response, or an error), which decides `outcomeUnknown`.
 */
export function deadlineError(request: HttpRequest, provider: string | undefined, why: string, last?: unknown): TimeoutError {
  const outcomeUnknown = last instanceof HttpResponse ? MAY_HAVE_BEEN_PROCESSED.has(last.status) : last instanceof SdkError && last.outcomeUnknown;
  return new TimeoutError(`The call's deadline ${why}.`, {
    provider,
    operation: request.operation,
    attempts: request.context.attempts,
    timeoutInMs: 0,
    deadlineReached: true,
    outcomeUnknown,
    cause: last instanceof HttpResponse ? undefined : last,
  });
}

/**
 * The pipeline step that sends an attempt again when that is safe: a throttled or 503
 * answer, or a connection that failed before sending, for any request; a timeout, a reset
 * after sending, or 408/500/502/504 only for idempotent requests. Waits with full-jitter
 * backoff, or as long as the service asks (up to `maxRetryAfterInMs`); aborts the wait on
 * the caller's `abortSignal`. With a `deadline`, sends nothing once it has passed and
 * waits for no retry that would end after it (TimeoutError, `deadlineReached`).
 */
export class RetryPolicy implements Policy {
  readonly name = "retry";
  private readonly options: Required<RetryOptions>;

  constructor(
    private readonly classifier: RetryClassifier,
    options: RetryOptions = {},
    private readonly provider?: string,
    private readonly random: () => number = Math.random,
    /** Told before each wait to retry (the `info` log level shows it). */
    private readonly onRetry?: (retry: RetryNotice) => void,
  ) {
    // Each option given, else its default.
    this.options = Object.fromEntries(Object.entries(RETRY_DEFAULTS).map(([name, value]) => [name, options[name as keyof RetryOptions] ?? value])) as Required<RetryOptions>;
  }

  async send(request: HttpRequest, next: SendRequest): Promise<HttpResponse> {
    const options = request.maxRetries === undefined ? this.options : { ...this.options, maxRetries: request.maxRetries };
    const { deadline } = request;
    for (;;) {
      let delayInMs: number;
      let reason: string;
      let last: unknown;
      if (timeLeft(deadline) <= 0) throw deadlineError(request, this.provider, "passed before the request was sent");
      try {
        // AuthPolicy gives each attempt its own copy of the headers to sign.
        const response = await next(request);
        const verdict = decideResponse(response, request, this.classifier, options, this.random);
        if (!verdict.retry) return response;
        delayInMs = verdict.delayInMs;
        reason = `HTTP ${response.status}`;
        last = response;
      } catch (error) {
        // An error of another request (IAM's token request) keeps its own count.
        if (error instanceof SdkError && error.operation === request.operation) error.attempts = request.context.attempts;
        if (request.context.retry >= options.maxRetries || !isRetryableError(error, request)) {
          // "the request was not sent" beside attempts: 3 reads as a contradiction: say it was tried each time.
          if (error instanceof SdkError && request.context.retry > 0) error.message = error.message.replace(/\.?$/, ` (gave up after ${request.context.attempts} attempts).`);
          throw error;
        }
        delayInMs = backoffDelay(request.context.retry, options, this.random);
        reason = error instanceof Error ? error.name : "error";
        last = error;
      }
      // A retry that could only start after the deadline is not waited for.
      if (delayInMs >= timeLeft(deadline)) {
        throw deadlineError(request, this.provider, `leaves ${Math.max(0, timeLeft(deadline))} ms, less than the ${delayInMs} ms wait before retrying after ${reason}`, last);
      }
      this.onRetry?.({ operation: request.operation, retry: request.context.retry + 1, maxRetries: options.maxRetries, delayInMs, reason });
      await (deadline?.clock ?? realClock).sleep(delayInMs, request.abortSignal, () =>
        new AbortError("The call was aborted while waiting to retry.", {
          provider: this.provider,
          operation: request.operation,
          attempts: request.context.attempts,
          cause: request.abortSignal?.reason,
        }),
      );
      request.context.retry++;
    }
  }
}
