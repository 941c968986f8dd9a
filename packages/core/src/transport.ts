// The bottom of the pipeline: one attempt on the wire. Applies the per-attempt
// timeout and the caller's abortSignal, reads the whole body (up to a limit),
// and turns every way `fetch` can fail into ConnectionError, TimeoutError or
// AbortError. It never retries; RetryPolicy decides that.
import { AbortError, ConnectionError, TimeoutError } from "./errors.js";
import { HttpResponse, type HttpRequest, type SendRequest } from "./http.js";

export const DEFAULT_TIMEOUT_IN_MS = 30_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

export interface TransportOptions {
  fetch?: typeof globalThis.fetch | undefined;
  timeoutInMs?: number | undefined;
  maxResponseBytes?: number | undefined;
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

function causeCode(error: unknown): string | undefined {
  // undici: TypeError("fetch failed") with cause { code } (sometimes nested once more).
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Requests fetch itself refuses before opening a connection, which its error only
 * says in words: undici's "bad port" (the Fetch standard's blocked ports, 9 among them).
 */
function refusedByRuntime(error: unknown): { code: string; why: string } | undefined {
  const cause = (error as { cause?: { message?: unknown } } | undefined)?.cause;
  if (typeof cause?.message === "string" && /^bad port$/i.test(cause.message)) {
    return { code: "BAD_PORT", why: "the port is one the Fetch standard blocks (such as 9, 25 or 6000); use another port" };
  }
  return undefined;
}

/** Statuses whose responses carry no body (and may not be given one). */
export const NULL_BODY_STATUS = new Set([101, 103, 204, 205, 304]);

async function readBody(response: Response, limit: number): Promise<{ text: string; truncated: boolean }> {
  if (!response.body) return { text: "", truncated: false };
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > 0 && declared <= limit) {
    return { text: await response.text(), truncated: false };
  }
  // Unknown or too-large length: stream, and stop at the limit instead of buffering it all.
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return { text, truncated: true };
    }
    text += decoder.decode(value, { stream: true });
  }
  return { text: text + decoder.decode(), truncated: false };
}

export function createTransport(options: TransportOptions = {}): SendRequest {
  const defaultTimeoutInMs = options.timeoutInMs ?? DEFAULT_TIMEOUT_IN_MS;
  const limit = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const provider = options.provider;

  return async function send(request: HttpRequest): Promise<HttpResponse> {
    // Looked up per call so that test doubles and polyfills installed later apply.
    const fetchImpl = options.fetch ?? globalThis.fetch;
    const timeoutInMs = request.timeoutInMs ?? defaultTimeoutInMs;
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
        throw new TimeoutError(`No complete response within ${timeoutInMs} ms (attempt ${attempts}).`, {
          ...errorContext,
          attempts,
          timeoutInMs,
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
      const refusal = refusedByRuntime(error);
      const code = refusal ? refusal.code : causeCode(error);
      const sent = !refusal && (code === undefined || !NOT_SENT_CODES.has(code));
      const host = safeHost(request.url);
      throw new ConnectionError(
        refusal
          ? `The runtime refused to send the request to ${host}: ${refusal.why}; nothing was sent.`
          : sent
            ? `The connection to ${host} failed${code ? ` (${code})` : ""} after the request may have been sent.`
            : `Could not connect to ${host} (${code}); the request was not sent.`,
        { ...errorContext, attempts, code, sent, outcomeUnknown: sent, cause: error },
      );
    } finally {
      clearTimeout(timer);
      caller?.removeEventListener("abort", onAbort);
    }
  };
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "the service";
  }
}
