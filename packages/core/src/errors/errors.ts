// One error model for every provider. Each class says what happened; every error
// carries `attempts` (requests put on the wire) and `outcomeUnknown` (the request
// may have been processed, so a create may have happened: look before retrying).
//
// Secrets never reach an error: request headers are not kept at all, and the
// response (which can be large) is kept non-enumerable, so `JSON.stringify`,
// `util.inspect` and loggers print only the fields below.

/**
 * What every SDK error is constructed with (all optional).
 *
 * @example
 * const options: SdkErrorOptions = { provider: "modelarts", operation: "createWorkspace", attempts: 1 };
 */
export interface SdkErrorOptions {
  /** Which service answered or was called (`modelarts`, `truewatch`, `iam`, ...). */
  provider?: string | undefined;
  /** The operation, e.g. `createWorkspace`. */
  operation?: string | undefined;
  /** Attempts made for the call. Default 0. */
  attempts?: number | undefined;
  /** Whether the request may have been processed although the call failed. Default false. */
  outcomeUnknown?: boolean | undefined;
  /** The underlying error, kept as the standard `cause`. */
  cause?: unknown;
}

/**
 * The base class of every error the SDK throws or rejects with. Catch it to handle any
 * failure of a call; its subclasses say what happened: {@link ApiError} (the service
 * answered with a failure, {@link NotFoundError} among them), {@link ConnectionError},
 * {@link TimeoutError}, {@link AbortError}, {@link ValidationError} and
 * {@link ConfigurationError} (nothing was sent), and `WaiterError`. Request headers are never
 * kept, so printing or logging an error shows no secret.
 *
 * @example
 * try {
 *   await client.createWorkspace({ name: "team-a" });
 * } catch (error) {
 *   if (error instanceof SdkError && error.outcomeUnknown) {
 *     // the workspace may exist: look it up before creating again
 *   }
 *   throw error;
 * }
 */
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

  /** The error's own fields with `name` and `message`, for `JSON.stringify` and loggers (never the response or a secret). */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(this)) out[key] = (this as Record<string, unknown>)[key];
    out.name = this.name;
    out.message = this.message;
    return out;
  }
}

/**
 * The failed answer, as {@link ApiError.response} keeps it (not enumerable, so it is not
 * printed or serialised with the error).
 *
 * @example
 * if (error instanceof ApiError) console.log(error.response?.headers.get("x-request-id"));
 */
export interface ResponseInfo {
  /** The HTTP status. */
  status: number;
  /** The HTTP status text. */
  statusText: string;
  /** The response headers. */
  headers: Headers;
  /** The body as text (at most `maxResponseBytes`). */
  bodyText: string;
}

/** The failed request, as {@link ApiError.request} keeps it. */
export interface RequestSummary {
  /** The HTTP method. */
  method: string;
  /** The URL, secrets redacted. */
  url: string;
}

/**
 * What an {@link ApiError} is constructed with.
 *
 * @example
 * const options: ApiErrorOptions = { provider: "modelarts", status: 400, code: "ModelArts.0102" };
 */
export interface ApiErrorOptions extends SdkErrorOptions {
  /** The HTTP status of the answer. */
  status: number;
  /** The service's error code as written, when it sent one. */
  code?: string | undefined;
  /** The request ID the service answered with. */
  requestId?: string | undefined;
  /** The parsed JSON body. */
  body?: unknown;
  /** How long the service asked the caller to wait (from `Retry-After` or the gateway's message). */
  retryAfterInMs?: number | undefined;
  /** The answer as received. */
  response?: ResponseInfo | undefined;
  /** The request's method and URL (the URL with secrets redacted). */
  request?: RequestSummary | undefined;
}

/**
 * The service answered, and the answer is a failure (any status, including a 2xx envelope
 * that says so). Throttling answers and 503 are retried first, and 408, 500, 502 and 504
 * too for calls that are safe to repeat; this is what the last attempt answered.
 *
 * @example
 * try {
 *   await client.createWorkspace({ name: "team-a" });
 * } catch (error) {
 *   if (error instanceof ApiError && error.hasCode("RES.3406")) console.log("name taken", error.requestId);
 *   else throw error;
 * }
 */
export class ApiError extends SdkError {
  /** The HTTP status of the answer (a 2xx when the service reports the failure inside a success body). */
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
  /** The answer as received (not enumerable: not printed or serialised with the error). */
  declare readonly response: ResponseInfo | undefined;
  /** The request's method and URL, secrets redacted (not enumerable). */
  declare readonly request: RequestSummary | undefined;

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

/**
 * An error code in the form {@link sameErrorCode} compares: trimmed, upper case, the
 * gateway's `APIG.` prefix written `APIGW.`.
 *
 * @example
 * normalizeErrorCode("apig.0308"); // "APIGW.0308"
 */
export function normalizeErrorCode(code: string): string {
  return code.trim().toUpperCase().replace(/^APIG\./, "APIGW.");
}

/**
 * Whether the code a service sent (`actual`) is the code you look for (`wanted`): case is
 * ignored, `APIG.` and `APIGW.` are the same prefix, and a bare number matches a prefixed
 * code. {@link ApiError.hasCode} compares this way.
 *
 * @example
 * sameErrorCode("DataArtsInsight.24150001", "24150001"); // true
 * sameErrorCode("res.2301", "RES.2301");                  // true
 */
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

/**
 * No response: the connection could not be made, or broke (after the retries the call
 * allows). `outcomeUnknown` is true when the request may have reached the service
 * (`sent`).
 *
 * @example
 * try {
 *   await client.listWorkspaces().byPage().next();
 * } catch (error) {
 *   if (error instanceof ConnectionError) console.error("cannot reach the service:", error.code ?? error.message);
 * }
 */
export class ConnectionError extends SdkError {
  /** `ECONNREFUSED`, `ENOTFOUND`, `ECONNRESET`, ... when the runtime says. */
  readonly code: string | undefined;
  /** Whether the request can have reached the service before the connection failed. */
  readonly sent: boolean;
  constructor(message: string, options: ConnectionErrorOptions) {
    super(message, options);
    this.code = options.code;
    this.sent = options.sent;
  }
}

/**
 * An attempt did not finish within `timeoutInMs` (the response body included), and no
 * retry was left. `outcomeUnknown` is true: the service may have processed the request.
 *
 * @example
 * try {
 *   await client.getWorkspace(id, { timeoutInMs: 5_000 });
 * } catch (error) {
 *   if (error instanceof TimeoutError) console.error(`no answer within ${error.timeoutInMs} ms`);
 * }
 */
export class TimeoutError extends SdkError {
  /** The limit that was reached, per attempt. */
  readonly timeoutInMs: number;
  /** True when the call's `deadline` (a waiter's `maxWaitInMs`) ended it, not `timeoutInMs` alone. */
  readonly deadlineReached: boolean;
  constructor(message: string, options: SdkErrorOptions & { timeoutInMs: number; deadlineReached?: boolean | undefined }) {
    super(message, options);
    this.timeoutInMs = options.timeoutInMs;
    this.deadlineReached = options.deadlineReached ?? false;
  }
}

/**
 * The caller's `abortSignal` fired. Never retried; `outcomeUnknown` is true when a request
 * was already on its way.
 *
 * @example
 * const controller = new AbortController();
 * setTimeout(() => controller.abort(), 1_000);
 * try {
 *   await client.getWorkspace(id, { abortSignal: controller.signal });
 * } catch (error) {
 *   if (!(error instanceof AbortError)) throw error;
 * }
 */
export class AbortError extends SdkError {
}

/** One broken rule of a {@link ValidationError}. */
export interface ValidationIssue {
  /** Where: `name`, `grants[0].user_id`, `path.project_id`. */
  path: string;
  /** Which rule: the JSON Schema keyword (`maxLength`, `pattern`, `required`, ...). */
  rule: string;
  /** What is wrong, in words (`must be at most 64 characters`). */
  message: string;
}

/**
 * The input breaks a rule the spec documents; nothing was sent. Every broken rule is
 * listed in `issues`, not only the first.
 *
 * @example
 * try {
 *   await client.createWorkspace({ name: "" });
 * } catch (error) {
 *   if (error instanceof ValidationError) for (const issue of error.issues) console.log(issue.path, issue.rule, issue.message);
 * }
 */
export class ValidationError extends SdkError {
  /** Every broken rule, in the order found. */
  readonly issues: ValidationIssue[];
  constructor(message: string, options: SdkErrorOptions & { issues: ValidationIssue[] }) {
    super(message, options);
    this.issues = options.issues;
  }
}

/**
 * The client was set up wrongly (unknown region, missing credentials, insecure endpoint,
 * malformed credentials file, ...); nothing was sent. Thrown by a client factory, or by the
 * first call when the problem shows only then (credentials and the project are looked up
 * at the first call).
 *
 * @example
 * try {
 *   createModelArtsClient({ region: "xx-nowhere-1" });
 * } catch (error) {
 *   if (error instanceof ConfigurationError) console.error(error.message); // lists the known regions
 * }
 */
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
