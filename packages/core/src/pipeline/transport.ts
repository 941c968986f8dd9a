// The bottom of the pipeline: one attempt on the wire. Applies the per-attempt
// timeout and the caller's abortSignal, reads the whole body (up to a limit),
// and turns every way `fetch` can fail into ConnectionError, TimeoutError or
// AbortError. It never retries; RetryPolicy decides that.
import { AbortError, ConnectionError, TimeoutError } from "../errors/errors.js";
import { HttpResponse, type HttpRequest, type SendRequest } from "../http/http.js";
import { timeLeft } from "../runtime/time.js";

/** The default limit of one attempt, response body included: 30 s. */
export const DEFAULT_TIMEOUT_IN_MS = 30_000;
/** The default largest response read: 16 MiB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

/**
 * Options of {@link createTransport}.
 *
 * @example
 * const send = createTransport({ timeoutInMs: 5_000, maxResponseBytes: 1024 * 1024, provider: "modelarts" });
 */
export interface TransportOptions {
  /** A fetch implementation (default: the global one, looked up at each request). */
  fetch?: typeof globalThis.fetch | undefined;
  /** Limit for one attempt, response body included. Default 30 s. */
  timeoutInMs?: number | undefined;
  /** Responses larger than this are not read in full (the response is marked truncated). Default 16 MiB. */
  maxResponseBytes?: number | undefined;
  /** The service's short name, in errors. */
  provider?: string | undefined;
}

// Failures that happen before a single byte of the request leaves: the request
// cannot have been processed, so even a create may be sent again.
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EAI_NONAME",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EADDRNOTAVAIL",
  "UND_ERR_CONNECT_TIMEOUT",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "CERT_HAS_EXPIRED",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
]);

// Deno and Bun name network errors instead of using Node's codes.
const RUNTIME_CODES: Record<string, string> = {
  ConnectionRefused: "ECONNREFUSED",
  ConnectionReset: "ECONNRESET",
  ConnectionAborted: "ECONNABORTED",
  AddrNotAvailable: "EADDRNOTAVAIL",
};

function causeCode(error: unknown): string | undefined {
  // undici: TypeError("fetch failed") with cause { code } (sometimes nested once more);
  // Deno: cause is a Deno.errors.ConnectionRefused (a name); Bun: code "ConnectionRefused".
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const { code, name } = e as { code?: unknown; name?: unknown };
    if (typeof code === "string") return RUNTIME_CODES[code] ?? code;
    if (typeof name === "string" && RUNTIME_CODES[name]) return RUNTIME_CODES[name];
    e = (e as { cause?: unknown }).cause;
  }
  // Deno's message, when the cause is not kept: "... tcp connect error: Connection refused (os error 111)".
  if (error instanceof Error && /connection refused \(os error \d+\)/i.test(error.message)) return "ECONNREFUSED";
  return undefined;
}

/** A browser's fetch says nothing of why it failed ("Failed to fetch", "Load failed", "NetworkError ..."). */
function inBrowser(): boolean {
  const g = globalThis as { document?: unknown; process?: { versions?: { node?: string } }; navigator?: unknown; importScripts?: unknown };
  return (g.document !== undefined || g.importScripts !== undefined) && g.process?.versions?.node === undefined;
}

/** Codes of requests the runtime refused to send: sending them again would be refused again. */
export const REFUSED_BY_RUNTIME = new Set(["BAD_PORT", "UND_ERR_INVALID_ARG", "UND_ERR_NOT_SUPPORTED", "ERR_INVALID_REQUEST"]);

// undici refuses these requests while checking them, before a byte is written.
const REFUSED_BEFORE_SENDING_CODES = new Set(["UND_ERR_INVALID_ARG", "UND_ERR_NOT_SUPPORTED"]);
// fetch's own checks of the request (WebIDL, the Fetch standard), in the words runtimes use.
const REFUSED_BEFORE_SENDING_MESSAGE = /cannot convert argument to a bytestring|method cannot have body|is an invalid header (name|value)|invalid header (name|value)|failed to parse url|invalid url/i;

/**
 * Requests fetch itself refuses before opening a connection, which its error only
 * says in words: undici's "bad port" (the Fetch standard's blocked ports, 9 among
 * them), an argument undici does not accept, or a request the Fetch standard forbids.
 */
function refusedByRuntime(error: unknown): { code: string; why: string } | undefined {
  const cause = (error as { cause?: { message?: unknown; code?: unknown } } | undefined)?.cause;
  if (typeof cause?.message === "string" && /^bad port$/i.test(cause.message)) {
    return { code: "BAD_PORT", why: "the port is one the Fetch standard blocks (such as 9, 25 or 6000); use another port" };
  }
  if (typeof cause?.code === "string" && REFUSED_BEFORE_SENDING_CODES.has(cause.code)) {
    return { code: cause.code, why: String(cause.message ?? "the request is not valid") };
  }
  if (error instanceof TypeError && cause === undefined && REFUSED_BEFORE_SENDING_MESSAGE.test(error.message)) {
    // Not its message: it may repeat a header value.
    return { code: "ERR_INVALID_REQUEST", why: "fetch refused the request as not valid" };
  }
  return undefined;
}

/** Statuses whose responses carry no body (and may not be given one). */
export const NULL_BODY_STATUS = new Set([101, 103, 204, 205, 304]);

/**
 * Reads the body as text, counting the bytes as fetch hands them over: after any
 * Content-Encoding is undone, so a small compressed body cannot grow past the limit
 * (Content-Length counts the compressed bytes, and is not trusted). Stops at the limit.
 * The chunks are decoded once, at the end: one flat string, no streaming decoder per chunk.
 */
async function readBody(response: Response, limit: number): Promise<{ text: string; truncated: boolean }> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  const reader = response.body?.getReader();
  for (let read; reader && !(read = await reader.read()).done; chunks.push(read.value)) {
    if (size + read.value.byteLength > limit) {
      await reader.cancel().catch(() => {});
      truncated = true;
      break;
    }
    size += read.value.byteLength;
  }
  let bytes = chunks[0] ?? new Uint8Array();
  if (chunks.length > 1) {
    bytes = new Uint8Array(size);
    size = 0;
    for (const chunk of chunks) bytes.set(chunk, (size += chunk.byteLength) - chunk.byteLength);
  }
  const decoder = new TextDecoder();
  // Of a truncated body, what came before the limit, an incomplete last character left out.
  return { text: truncated ? decoder.decode(bytes, { stream: true }) : decoder.decode(bytes), truncated };
}

/**
 * Sends one attempt with fetch: applies the per-attempt timeout and the caller's
 * `abortSignal`, reads the body up to the limit, never follows redirects, never retries.
 * Rejects with TimeoutError, AbortError or ConnectionError (saying whether the request can
 * have been sent).
 */
export function createTransport(options: TransportOptions = {}): SendRequest {
  const defaultTimeoutInMs = options.timeoutInMs ?? DEFAULT_TIMEOUT_IN_MS;
  const limit = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const provider = options.provider;

  return async function send(request: HttpRequest): Promise<HttpResponse> {
    // Looked up per call so that test doubles and polyfills installed later apply.
    const fetchImpl = options.fetch ?? globalThis.fetch;
    // The attempt ends by the call's deadline too: its limit is the smaller of the two.
    const left = timeLeft(request.deadline);
    const attemptLimit = request.timeoutInMs ?? defaultTimeoutInMs;
    const byDeadline = left < attemptLimit;
    const timeoutInMs = byDeadline ? Math.max(0, left) : attemptLimit;
    const caller = request.abortSignal;
    if (caller?.aborted) {
      throw new AbortError("The call was aborted before it was sent.", {
        provider,
        operation: request.operation,
        attempts: request.context.attempts,
        cause: caller.reason,
      });
    }

    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutInMs);
    const onAbort = () => controller.abort();
    caller?.addEventListener("abort", onAbort, { once: true });

    request.context.attempts++;
    const attempts = request.context.attempts;
    try {
      const response = await fetchImpl(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal: controller.signal,
        // Never follow a redirect: it would turn a POST into a GET, and fetch only
        // strips `Authorization` on cross-origin redirects, not X-Auth-Token or DF-API-KEY.
        redirect: "manual",
      });
      const { text, truncated } = NULL_BODY_STATUS.has(response.status)
        ? { text: "", truncated: false }
        : await readBody(response, limit);
      return new HttpResponse(response.status, response.statusText, response.headers, text, truncated);
    } catch (error) {
      const errorContext = { provider, operation: request.operation };
      if (timedOut) {
        throw new TimeoutError(`No complete response within ${timeoutInMs} ms (attempt ${attempts})${byDeadline ? ", the time left before the call's deadline" : ""}.`, {
          ...errorContext,
          attempts,
          timeoutInMs,
          deadlineReached: byDeadline,
          outcomeUnknown: true,
        });
      }
      if (caller?.aborted) {
        throw new AbortError("The call was aborted while the request was in flight.", {
          ...errorContext,
          attempts,
          outcomeUnknown: true,
          cause: caller.reason,
        });
      }
      const { message, code, sent } = describeFetchFailure(error, safeHost(request.url), inBrowser());
      throw new ConnectionError(message, { ...errorContext, attempts, code, sent, outcomeUnknown: sent, cause: error });
    } finally {
      clearTimeout(timer);
      caller?.removeEventListener("abort", onAbort);
    }
  };
}

/**
 * What a failed fetch means: its code (Node's, or Deno's and Bun's names mapped to
 * Node's), whether the request can have left, and a message that says so.
 */
export function describeFetchFailure(
  error: unknown,
  host: string,
  browser: boolean,
): {
  /** What happened, naming the host. */
  message: string;
  /** `ECONNREFUSED`, `ENOTFOUND`, ..., when known. */
  code: string | undefined;
  /** Whether the request can have left before the failure. */
  sent: boolean;
} {
  const refusal = refusedByRuntime(error);
  if (refusal) return { code: refusal.code, sent: false, message: `The runtime refused to send the request to ${host}: ${refusal.why}; nothing was sent.` };
  const code = causeCode(error);
  if (code !== undefined && NOT_SENT_CODES.has(code)) return { code, sent: false, message: `Could not connect to ${host} (${code}); the request was not sent.` };
  if (code === undefined && browser) {
    return {
      code,
      sent: true,
      message: `The browser refused to send the request to ${host} or to let the SDK read the answer (a CORS policy, mixed content, or being offline; the browser's console says which); the request may have been sent.`,
    };
  }
  return { code, sent: true, message: `The connection to ${host} failed${code ? ` (${code})` : ""} after the request may have been sent.` };
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "the service";
  }
}
