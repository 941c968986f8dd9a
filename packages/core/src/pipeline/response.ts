// Turns the final response of a call into the documented success value or one
// ApiError. Knows every documented error shape:
//   {error_code, error_msg, solution_msg}            Huawei services, API gateway
//   {error: {code, message, title}}                  IAM style (Fabric's 403)
//   {is_success: false, error_code, error_msg|message} RES, also on HTTP 200
//   {success: false, errorCode, message, traceId}    TrueWatch, also on HTTP 200
// and bodies that are not JSON at all (a gateway's HTML 502).
import { ApiError, NotFoundError, sameErrorCode } from "../errors/errors.js";
import { isRecord, type HttpRequest, type HttpResponse } from "../http/http.js";
import { MAY_HAVE_BEEN_PROCESSED } from "./retry.js";
import { redactUrl, type SecretSet } from "../errors/secrets.js";

/**
 * How a provider reads a parsed 2xx answer: the value to return, or a failure.
 * `outcomeUnknown` says the answer is not of the documented shape at all, so it
 * cannot tell whether the request took effect.
 */
export type Unwrap = (
  body: unknown,
  response: HttpResponse,
) =>
  | {
      /** The answer is a success. */
      ok: true;
      /** What the call resolves to. */
      value: unknown;
    }
  | {
      /** The answer is a failure (the call rejects with an ApiError). */
      ok: false;
      /** True when the answer is not of the documented shape, so the request may have taken effect. */
      outcomeUnknown: boolean;
    };

/** The documented success body is a JSON object; anything else cannot be read as the result. */
export const unwrapBody: Unwrap = (body) => (isRecord(body) ? { ok: true, value: body } : { ok: false, outcomeUnknown: true });

function text(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() === "" ? undefined : value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

/** The fields of an error body, whichever of the services' shapes it has. */
export interface ErrorFields {
  /** `error_code`, `errorCode` or `error.code`. */
  code: string | undefined;
  /** `error_msg`, `message`, `errorMessage`, `error.message`, or a title. */
  message: string | undefined;
  /** `solution_msg` (DataArts Fabric). */
  solution: string | undefined;
  /** `X-Request-Id`, `traceId` or `request_id`. */
  requestId: string | undefined;
}

/** Reads an error body of any of the documented shapes (Huawei, API gateway, IAM, RES, TrueWatch); fields it cannot find are undefined. */
export function readErrorFields(body: unknown, headers?: Headers): ErrorFields {
  const b = isRecord(body) ? body : {};
  const nested = isRecord(b.error) ? b.error : {};
  return {
    code: text(b.error_code) ?? text(b.errorCode) ?? text(nested.code),
    message:
      text(b.error_msg) ?? text(b.message) ?? text(b.errorMessage) ?? text(nested.message) ?? text(b.title) ?? text(nested.title),
    solution: text(b.solution_msg),
    requestId: requestIdOf(b, headers),
  };
}

/** `X-Request-Id` (Huawei), else the body's `traceId` (TrueWatch) or `request_id` (API gateway). */
export function requestIdOf(body: unknown, headers?: Headers): string | undefined {
  const b = isRecord(body) ? body : {};
  return headers?.get("x-request-id") ?? text(b.traceId) ?? text(b.request_id) ?? undefined;
}

/** A short, tag-free excerpt of a non-JSON body (an HTML error page, say). */
export function excerpt(bodyText: string, max = 200): string | undefined {
  const plain = bodyText
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (!plain) return undefined;
  return plain.length > max ? `${plain.slice(0, max - 3)}...` : plain;
}

/**
 * How a service's answers become results and errors: its envelope, its secrets (redacted
 * from errors), its retry hints and its "does not exist" codes.
 *
 * @example
 * const answers: MapContext = { provider: "modelarts", unwrap: unwrapBody, secrets: createSecretSet(), notFoundCodes: ["ModelArts.7005"] };
 */
export interface MapContext {
  /** The service's short name, in errors. */
  provider: string;
  /** How a 2xx answer is read. */
  unwrap: Unwrap;
  /** The values redacted from errors. */
  secrets: SecretSet;
  /** How long the answer asks to wait before a retry. */
  retryAfterInMs?: (response: HttpResponse) => number | undefined;
  /** Codes that mean "does not exist" for this service. */
  notFoundCodes?: readonly string[];
}

// What to check, for the gateway's authentication failures: the message alone
// ("verify aksk signature fail") does not say where to look.
const HINTS: ReadonlyArray<readonly [string, string]> = [
  ["APIGW.0301", "Check the credentials: the access key and its secret key belong together (and the security token, for temporary keys), the token is not expired, and this machine's clock is right (signatures older than 15 minutes are refused)"],
  ["APIGW.0307", "The token must be renewed: get a new one (the SDK does this itself for IAM credentials), and check that the endpoint's region is the token's"],
];

// A 404 from the gateway itself (no such API, wrong host or path) is a
// configuration problem, not a missing workspace.
const NOT_A_RESOURCE = ["APIGW.0101", "RouterNotFound"];

function isNotFound(status: number, code: string | undefined, ctx: MapContext): boolean {
  if (code !== undefined && ctx.notFoundCodes?.some((c) => sameErrorCode(code, c))) return true;
  return status === 404 && !(code !== undefined && NOT_A_RESOURCE.some((c) => sameErrorCode(code, c)));
}

/** The call's result, or throws the ApiError the response amounts to. */
export function readResult<T>(response: HttpResponse, request: HttpRequest, ctx: MapContext): T {
  let unreadable = false;
  if (response.ok && !response.malformed) {
    const result = ctx.unwrap(response.body, response);
    if (result.ok) return result.value as T;
    unreadable = result.outcomeUnknown;
  }
  throw toApiError(response, request, ctx, unreadable);
}

export function toApiError(response: HttpResponse, request: HttpRequest, ctx: MapContext, unreadable = false): ApiError {
  const fields = readErrorFields(response.body, response.headers);
  const status = response.status;
  let detail: string;
  let outcomeUnknown = MAY_HAVE_BEEN_PROCESSED.has(status);

  if (response.truncated) {
    detail = `the response body exceeded the size limit and was not read`;
    outcomeUnknown = outcomeUnknown || response.ok;
  } else if (response.ok && response.malformed) {
    detail = `the success response is not valid JSON, so the result cannot be read`;
    outcomeUnknown = true;
  } else if (status >= 300 && status < 400) {
    const location = response.headers.get("location");
    detail = `unexpected redirect${location ? ` to ${redactUrl(location)}` : ""}; redirects are not followed`;
    outcomeUnknown = !request.idempotent;
  } else if (unreadable) {
    detail = `the success response does not have the documented shape, so the result cannot be read`;
    outcomeUnknown = true;
  } else {
    const message = fields.message ?? (response.malformed ? excerpt(response.bodyText) : undefined);
    // IAM's {error: {code: 401, ...}} repeats the status as its code: say it once.
    const code = fields.code === String(status) ? undefined : fields.code;
    detail = [code, message ?? (response.statusText || "no error message")].filter(Boolean).join(": ");
    if (fields.solution) detail += ` (${fields.solution})`;
    const hint = code !== undefined ? HINTS.find(([c]) => sameErrorCode(code, c))?.[1] : undefined;
    if (hint) detail += `. ${hint}`;
  }
  if (outcomeUnknown && !request.idempotent) detail += `. The request may have been processed: check before sending it again`;

  // A service may echo a credential back ("token X is invalid"), in any encoding:
  // every field the error keeps is redacted, the parsed body once more after
  // parsing (which undoes the JSON escapes).
  const redact = (text: string) => ctx.secrets.redact(text, request.context);
  const bodyText = redact(response.bodyText);
  const body = redactStrings(bodyText === response.bodyText ? response.body : safeParse(bodyText), redact);
  const where = `${ctx.provider} ${request.operation}`;
  const message = redact(`${where} failed: HTTP ${status}: ${detail}${fields.requestId ? ` [request id ${fields.requestId}]` : ""}`);
  const ErrorClass = isNotFound(status, fields.code, ctx) ? NotFoundError : ApiError;
  return new ErrorClass(message, {
    provider: ctx.provider,
    operation: redact(request.operation),
    attempts: request.context.attempts,
    outcomeUnknown,
    status,
    code: fields.code === undefined ? undefined : redact(fields.code),
    requestId: fields.requestId === undefined ? undefined : redact(fields.requestId),
    body,
    retryAfterInMs: ctx.retryAfterInMs?.(response),
    response: {
      status,
      statusText: redact(response.statusText),
      headers: redactHeaders(response.headers, redact),
      bodyText,
    },
    request: { method: request.method, url: redactUrl(request.url, ctx.secrets, request.context) },
  });
}

/** `value` with every string in it (keys too) redacted; the same object when nothing changed. */
function redactStrings(value: unknown, redact: (text: string) => string): unknown {
  if (typeof value === "string") return redact(value);
  if (Array.isArray(value)) {
    const items = value.map((item) => redactStrings(item, redact));
    return items.every((item, i) => item === value[i]) ? value : items;
  }
  if (!isRecord(value)) return value;
  let changed = false;
  const entries = Object.entries(value).map(([key, item]) => {
    const entry = [redact(key), redactStrings(item, redact)] as const;
    changed ||= entry[0] !== key || entry[1] !== item;
    return entry;
  });
  // defineProperty-free copy: JSON.parse made `__proto__` an own key, Object.fromEntries keeps it one.
  return changed ? Object.fromEntries(entries) : value;
}

/** The response headers as an error keeps them: a secret echoed in one is redacted. */
function redactHeaders(headers: Headers, redact: (text: string) => string): Headers {
  let changed = false;
  const kept = new Headers();
  headers.forEach((value, name) => {
    const safe = redact(value);
    changed ||= safe !== value;
    kept.append(name, safe);
  });
  return changed ? kept : headers;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
