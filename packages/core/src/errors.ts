// One error model for every provider. Each class says what happened; every error
// carries `attempts` (requests put on the wire) and `outcomeUnknown` (the request
// may have been processed, so a create may have happened: look before retrying).
//
// Secrets never reach an error: request headers are not kept at all, and the
// response (which can be large) is kept non-enumerable, so `JSON.stringify`,
// `util.inspect` and loggers print only the fields below.

export interface SdkErrorOptions {
  provider?: string | undefined;
  operation?: string | undefined;
  attempts?: number | undefined;
  outcomeUnknown?: boolean | undefined;
  cause?: unknown;
}

export class SdkError extends Error {
  /** Which service answered or was called (`modelarts`, `truewatch`, `iam`, ...). */
  declare readonly provider: string | undefined;
  /** The operation, e.g. `createWorkspace`, or `METHOD /path` for raw calls. */
  declare readonly operation: string | undefined;
  /** Attempts made for this call, retries and re-authentication included (also those whose connection failed before sending). */
  attempts: number;
  /** True when the request may have been processed although the call failed. */
  outcomeUnknown: boolean;

  constructor(message: string, options: SdkErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    // Set only when known, so an error printed without them shows no `provider: undefined`.
    if (options.provider !== undefined) (this as { provider?: string }).provider = options.provider;
    if (options.operation !== undefined) (this as { operation?: string }).operation = options.operation;
    this.attempts = options.attempts ?? 0;
    this.outcomeUnknown = options.outcomeUnknown ?? false;
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(this)) out[key] = (this as Record<string, unknown>)[key];
    out.name = this.name;
    out.message = this.message;
    return out;
  }
}

/** What the service answered, kept out of enumeration. */
export interface ResponseInfo {
  status: number;
  statusText: string;
  headers: Headers;
  bodyText: string;
}

export interface ApiErrorOptions extends SdkErrorOptions {
  status: number;
  code?: string | undefined;
  requestId?: string | undefined;
  body?: unknown;
  retryAfterInMs?: number | undefined;
  response?: ResponseInfo | undefined;
  request?: { method: string; url: string } | undefined;
}

/** The service answered, and the answer is a failure (any status, including a 2xx envelope that says so). */
export class ApiError extends SdkError {
  readonly status: number;
  /** The service's error code as written (`APIGW.0308`, `res.2301`, `ft.InvalidAPIKey`); undefined when none was sent. */
  readonly code: string | undefined;
  /** `X-Request-Id` (Huawei) or the envelope's `traceId` (TrueWatch): quote it to support. */
  readonly requestId: string | undefined;
  /** The parsed JSON body, or undefined when the body was not JSON. */
  readonly body: unknown;
  /** `client` for 4xx (fix the request), `server` for 5xx and unreadable answers. */
  readonly fault: "client" | "server";
  /** How long the service asked the caller to wait before trying again. */
  readonly retryAfterInMs: number | undefined;
  declare readonly response: ResponseInfo | undefined;
  declare readonly request: { method: string; url: string } | undefined;

  constructor(message: string, options: ApiErrorOptions) {
    super(message, options);
    this.status = options.status;
    this.code = options.code;
    this.requestId = options.requestId;
    this.body = options.body;
    this.fault = options.status >= 400 && options.status < 500 ? "client" : "server";
    this.retryAfterInMs = options.retryAfterInMs;
    Object.defineProperty(this, "response", { value: options.response, enumerable: false });
    Object.defineProperty(this, "request", { value: options.request, enumerable: false });
  }

  /**
   * Compares error codes the way the services mean them: `APIG.` and `APIGW.`
   * are the same gateway prefix, case is ignored (RES writes `RES.` and `res.`),
   * and a bare number matches a prefixed code (`24150001` matches
   * `DataArtsInsight.24150001`).
   */
  hasCode(code: string): boolean {
    return this.code !== undefined && sameErrorCode(this.code, code);
  }
}

export function normalizeErrorCode(code: string): string {
  return code.trim().toUpperCase().replace(/^APIG\./, "APIGW.");
}

export function sameErrorCode(actual: string, wanted: string): boolean {
  const a = normalizeErrorCode(actual);
  const w = normalizeErrorCode(wanted);
  if (a === w) return true;
  return !w.includes(".") && a.slice(a.lastIndexOf(".") + 1) === w;
}

export interface ConnectionErrorOptions extends SdkErrorOptions {
  /** `ECONNREFUSED`, `ENOTFOUND`, `ECONNRESET`, ... when the runtime says. */
  code?: string | undefined;
  /** Whether the request can have reached the service before the connection failed. */
  sent: boolean;
}

/**
 * The workspace (or other resource) does not exist: the service answered with one of
 * its documented "does not exist" codes, or the SDK looked it up and found no match.
 *
 * @example
 * try { await client.getWorkspace(id); } catch (e) { if (e instanceof NotFoundError) { ... } }
 */
export class NotFoundError extends ApiError {
}

/** No response: the connection could not be made, or broke. */
export class ConnectionError extends SdkError {
  readonly code: string | undefined;
  readonly sent: boolean;
  constructor(message: string, options: ConnectionErrorOptions) {
    super(message, options);
    this.code = options.code;
    this.sent = options.sent;
  }
}

/** An attempt did not finish within `timeoutInMs`. */
export class TimeoutError extends SdkError {
  readonly timeoutInMs: number;
  constructor(message: string, options: SdkErrorOptions & { timeoutInMs: number }) {
    super(message, options);
    this.timeoutInMs = options.timeoutInMs;
  }
}

/** The caller's `abortSignal` fired. Never retried. */
export class AbortError extends SdkError {
}

export interface ValidationIssue {
  /** Where: `name`, `grants[0].user_id`, `path.project_id`. */
  path: string;
  /** Which rule: the JSON Schema keyword (`maxLength`, `pattern`, `required`, ...). */
  rule: string;
  message: string;
}

/** The input breaks a documented rule; nothing was sent. */
export class ValidationError extends SdkError {
  readonly issues: ValidationIssue[];
  constructor(message: string, options: SdkErrorOptions & { issues: ValidationIssue[] }) {
    super(message, options);
    this.issues = options.issues;
  }
}

/** The client was set up wrongly (unknown region, missing credentials, insecure endpoint, ...); nothing was sent. */
export class ConfigurationError extends SdkError {
}

// Names live on the prototypes, as literals: minified bundles keep them, and
// `util.inspect` does not repeat them as own fields.
for (const [cls, name] of [
  [SdkError, "SdkError"],
  [ApiError, "ApiError"],
  [NotFoundError, "NotFoundError"],
  [ConnectionError, "ConnectionError"],
  [TimeoutError, "TimeoutError"],
  [AbortError, "AbortError"],
  [ValidationError, "ValidationError"],
  [ConfigurationError, "ConfigurationError"],
] as const) {
  Object.defineProperty(cls.prototype, "name", { value: name, writable: true, configurable: true, enumerable: false });
}
