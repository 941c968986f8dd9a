// The request and response that flow through the pipeline. Plain data, built
// once per call: the body is serialised once and signed from that same string,
// and the response body is read once and parsed at most once.
import type { Deadline } from "../runtime/time.js";

/** One attempt of a call, as it flows through the pipeline to the transport. */
export interface HttpRequest {
  /** The HTTP method, upper case. */
  method: string;
  /** Absolute URL, already encoded. */
  url: string;
  /** Lower-case names. Each attempt gets its own copy (see RetryPolicy). */
  headers: Record<string, string>;
  /** Exactly the bytes sent, as a string (UTF-8 on the wire). */
  body?: string | undefined;
  /** The caller's signal: aborts waiting, retrying and the request in flight. */
  abortSignal?: AbortSignal | undefined;
  /** Safe to send twice: only idempotent requests are retried after they may have been processed. */
  idempotent: boolean;
  /** For errors and logs: `createWorkspace`, or `POST /v1/...` for raw calls. */
  operation: string;
  /** Shared by every attempt of one call. */
  context: CallContext;
  /** This call's limit per attempt, over the client's. */
  timeoutInMs?: number | undefined;
  /** When the whole call must be over: attempts, retry waits and waits for credentials end by then. */
  deadline?: Deadline | undefined;
  /** This call's retries, over the client's. */
  maxRetries?: number | undefined;
  /** A User-Agent the caller set for this call, added after the SDK's own. */
  userAgent?: string | undefined;
}

/** The attempts of one call so far. */
export interface CallContext {
  /** Requests put on the wire so far. */
  attempts: number;
  /** Retry number of the attempt in flight (0 = first). */
  retry: number;
}

/** A response as the transport read it: status, headers and the body as text (parsed as JSON on demand). */
export class HttpResponse {
  private parsed: { ok: boolean; value?: unknown } | undefined;

  constructor(
    /** The HTTP status. */
    readonly status: number,
    /** The HTTP status text. */
    readonly statusText: string,
    /** The response headers. */
    readonly headers: Headers,
    /** The body as text (at most the client's `maxResponseBytes`). */
    readonly bodyText: string,
    /** The body was larger than the limit and was not read in full. */
    readonly truncated = false,
  ) {}

  /** True for a 2xx status. */
  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  /** The JSON body, or undefined when the body is empty, truncated or not JSON. Parsed once. */
  get body(): unknown {
    return this.parse().value;
  }

  /** True when there is a body and it is not valid, complete JSON. */
  get malformed(): boolean {
    return !this.parse().ok;
  }

  private parse(): { ok: boolean; value?: unknown } {
    return (this.parsed ??= this.truncated ? { ok: false } : readJson(this.bodyText));
  }
}

function readJson(text: string): { ok: boolean; value?: unknown } {
  if (text.trim() === "") return { ok: true };
  try {
    // JSON.parse makes `__proto__` an ordinary own key; nothing here copies
    // parsed objects into others, so such keys cannot pollute prototypes.
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Sends one attempt and resolves to its response: the transport, or the rest of the pipeline. */
export type SendRequest = (request: HttpRequest) => Promise<HttpResponse>;

/** One concern of the pipeline (retry, authentication, logging): decides whether and how to call `next`. */
export interface Policy {
  /** The step's name (`retry`, `auth`, `log`, ...). */
  readonly name: string;
  /** Handles one request: calls `next` (once, several times, or not at all) and resolves to the response. */
  send(request: HttpRequest, next: SendRequest): Promise<HttpResponse>;
}

/** Chains policies in order over the transport: the first policy sees the call, the last the wire. */
export function createPipeline(policies: Policy[], transport: SendRequest): SendRequest {
  return policies.reduceRight<SendRequest>((next, policy) => (request) => policy.send(request, next), transport);
}

/** Whether `value` is a plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
