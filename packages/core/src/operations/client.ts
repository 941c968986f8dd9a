// Wires one service: its base URL, authenticator, retry classifier and
// success-envelope reader into a pipeline, and exposes two ways to call it:
//   call()  the lean typed path the provider packages use for their operations
//           (validate, serialise once, send, map the answer);
//   raw     an openapi-fetch client over the same pipeline, for everything else.
import type { Client } from "openapi-fetch";
import { normalizeAnswer, type AnswerFields } from "./answer-fields.js";
import { AuthPolicy, type Authenticator } from "../pipeline/auth.js";
import { ConfigurationError, type ValidationIssue } from "../errors/errors.js";
import type { EndpointOptions } from "../http/endpoint.js";
import { createPipeline, HttpResponse, type HttpRequest, type Policy, type SendRequest } from "../http/http.js";
import { consoleLogger, logLevelFromEnv, LogPolicy, type Logger } from "../pipeline/logging.js";
import { prepareRequest, type OperationInput, type OperationSpec } from "./operation.js";
import { readResult, unwrapBody, type MapContext, type Unwrap } from "../pipeline/response.js";
import { RetryPolicy, type RetryClassifier, type RetryOptions } from "../pipeline/retry.js";
import { type Deadline } from "../runtime/time.js";
import { assertHeaderName, assertHeaderValue, type SecretSet } from "../errors/secrets.js";
import { createTransport } from "../pipeline/transport.js";
import { TracePolicy } from "../tracing/attempt.js";
import { traceCall, traceOf, withTrace, withTracing, type ClientTracing, type TraceIdentity } from "../tracing/call.js";
import type { Instrumenter } from "../tracing/instrumenter.js";
import { sdkUserAgent, UserAgentPolicy } from "../pipeline/user-agent.js";
import { validationError } from "./validate.js";

/**
 * Options every client factory takes: the transport's limits, retries, headers and
 * logging. Every number is checked when the client is created (a ConfigurationError
 * names a bad one).
 *
 * @example
 * const ma = createModelArtsClient({
 *   region: "cn-north-4",
 *   timeoutInMs: 10_000,
 *   maxRetries: 4,
 *   headers: { "x-team": "data" },
 *   logger: (line) => console.error(line),
 * });
 */
export interface ClientOptions extends RetryOptions, EndpointOptions {
  /** A fetch implementation (default: the global one). */
  fetch?: typeof globalThis.fetch | undefined;
  /** Extra headers for every request. */
  headers?: Record<string, string> | undefined;
  /** Limit for one attempt, response body included. Default 30 s. */
  timeoutInMs?: number | undefined;
  /** Responses larger than this are not read. Default 16 MiB. */
  maxResponseBytes?: number | undefined;
  /** Receives one redacted line per attempt. Off by default. */
  logger?: Logger | undefined;
  /** Emits this client's spans (default: the one registered with `setInstrumenter`, as `@ws/opentelemetry` does; else none). */
  instrumenter?: Instrumenter | undefined;
}

/**
 * Options of one call; each beats the client's option of the same name.
 *
 * @example
 * await client.getWorkspace(id, { timeoutInMs: 5_000, maxRetries: 0, headers: { "x-trace": "abc" } });
 */
export interface CallOptions {
  /** Cancels the call at once, also while waiting to retry. */
  abortSignal?: AbortSignal | undefined;
  /** Limit for one attempt of this call, response body included. */
  timeoutInMs?: number | undefined;
  /** Retries after the first attempt, for this call. */
  maxRetries?: number | undefined;
  /** Extra headers for this call only (added to the client's). */
  headers?: Record<string, string> | undefined;
  /** When the call must be over, its retries and their waits included (a waiter passes its `maxWaitInMs`). */
  deadline?: Deadline | undefined;
}

/** What {@link createServiceClient} wires together for one service. */
export interface ServiceConfig {
  /** The service's short name, in errors and logs (`modelarts`). */
  provider: string;
  /** The base URL every path is appended to. */
  baseUrl: string;
  /** Puts the credentials on each attempt. */
  authenticator: Authenticator;
  /** Which answers are throttling, and how long they ask to wait. */
  classifier: RetryClassifier;
  /** The values redacted from logs and errors. */
  secrets: SecretSet;
  /** The caller's client options. */
  options: ClientOptions;
  /** Headers the service wants on every request with a body (its content type). */
  bodyHeaders?: Record<string, string>;
  /** How a 2xx answer is read (a service that reports failures inside a 2xx envelope). Default: any JSON object is the value. */
  unwrap?: Unwrap;
  /** The service's documented "does not exist" codes: such answers become NotFoundError. */
  notFoundCodes?: readonly string[] | undefined;
  /** `@ws/modelarts/0.3.0`: named in the User-Agent. */
  packageId?: string | undefined;
  /** Fields of the answers rewritten at read time (numeric ids to strings, lower-cased enums). The raw client hands answers over as sent. */
  answerFields?: AnswerFields | undefined;
  /** What the client's spans say about the service (`rpc.system`, `cloud.provider`, `cloud.region`). */
  tracing?: TraceIdentity | undefined;
}

/**
 * A service without the openapi-fetch client: what the standalone operations of a
 * provider's `/api` subpath call (so a bundle that never uses `raw` does not carry it).
 *
 * @example
 * const service: ServiceCall = createServiceCall(config);
 * const ws = await service.call<Workspace>(createWorkspaceOperation, { params: { project_id }, body: { name: "team-a" } });
 */
export interface ServiceCall {
  /**
   * Validates `input` against the operation's rules, sends it through the pipeline and
   * resolves to the documented success value (`read` overrides how a 2xx answer is read).
   */
  call<T>(operation: OperationSpec, input: OperationInput, options?: CallOptions, read?: Unwrap): Promise<T>;
  /** The pipeline itself: retries, authentication, User-Agent and logging over the transport. */
  send: SendRequest;
  /** The service's short name (`modelarts`). */
  provider: string;
  /** The base URL every path is appended to. */
  baseUrl: string;
  /** What the client's spans are made with (see traceCall). */
  tracing: ClientTracing;
  /** How the service's answers become results and errors (its envelope, not-found codes, retry hints): `raw` reads them the same way. */
  answers: MapContext;
  /** The client's own headers (lower case, without the User-Agent), sent with every request. */
  headers: Readonly<Record<string, string>>;
}

/** What a provider package builds its methods on. */
export interface ServiceClient<Paths extends {}> extends ServiceCall {
  /** openapi-fetch over the same pipeline; failures reject with SdkError subclasses too. */
  raw: Client<Paths, `${string}/${string}`>;
}

function lowerCaseHeaders(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    assertHeaderName(name);
    assertHeaderValue(name, value);
    out[name.toLowerCase()] = value;
  }
  return out;
}

// Headers fetch sets from the request itself (framing, connection, host). A
// caller's value would contradict what is sent: a Content-Length larger than the
// body leaves the server waiting, and the call hangs until its timeout.
const MANAGED_HEADERS = new Set(["connection", "content-length", "expect", "host", "http2-settings", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade"]);

export function managedHeaderIssues(names: Iterable<string>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const name of names) {
    if (MANAGED_HEADERS.has(name.toLowerCase())) {
      issues.push({ path: `headers.${name.toLowerCase()}`, rule: "managedHeader", message: `header ${name.toLowerCase()} is set by the HTTP client from the request itself and cannot be given` });
    }
  }
  return issues;
}

/** The client's headers: a managed one is a ConfigurationError at creation. */
function clientHeaders(provider: string, headers: Record<string, string> | undefined): Record<string, string> {
  const out = lowerCaseHeaders(headers);
  const [issue] = managedHeaderIssues(Object.keys(out));
  if (issue) throw new ConfigurationError(`${provider}: ${issue.message}.`, { provider });
  return out;
}

/** A call's headers: a managed one is a ValidationError, before anything is sent. */
function callHeaders(provider: string, operation: string, headers: Record<string, string>): Record<string, string> {
  const issues = managedHeaderIssues(Object.keys(headers));
  if (issues.length > 0) throw validationError(issues, { provider, operation });
  return lowerCaseHeaders(headers);
}

function numberCheck(provider: string, options: Record<string, unknown>) {
  return (name: string, ok: (v: number) => boolean, rule: string) => {
    const value = options[name];
    if (value !== undefined && (typeof value !== "number" || !ok(value))) {
      throw new ConfigurationError(`${provider}: ${name} must be ${rule} (got ${String(value)}).`);
    }
  };
}

const wholeNumber = (v: number) => Number.isInteger(v) && v >= 0;
const positive = (v: number) => Number.isFinite(v) && v > 0;

function assertOptions(provider: string, options: ClientOptions): void {
  const check = numberCheck(provider, options as Record<string, unknown>);
  check("maxRetries", wholeNumber, "a whole number >= 0");
  for (const name of ["timeoutInMs", "maxResponseBytes"] as const) check(name, positive, "a positive number");
  for (const name of ["retryDelayInMs", "maxRetryDelayInMs", "maxRetryAfterInMs"] as const) {
    check(name, (v) => Number.isFinite(v) && v >= 0, "a number >= 0");
  }
  if (options.fetch !== undefined && typeof options.fetch !== "function") {
    throw new ConfigurationError(`${provider}: fetch must be a function.`);
  }
}

function assertCallOptions(provider: string, options: CallOptions): void {
  const check = numberCheck(provider, options as Record<string, unknown>);
  check("maxRetries", wholeNumber, "a whole number >= 0");
  check("timeoutInMs", positive, "a positive number");
}

/**
 * Functions that take a context first, as methods without it.
 *
 * @example
 * type Methods = BoundToContext<{ getWorkspace: (ctx: ModelArtsContext, id: string) => Promise<Workspace> }>;
 * // { getWorkspace: (id: string) => Promise<Workspace> }
 */
export type BoundToContext<F> = {
  [K in keyof F]: F[K] extends (ctx: never, ...args: infer A) => infer R ? (...args: A) => R : never;
};

/**
 * A provider's `/api` functions as the methods of its client: each called with `ctx` first,
 * so the client and the functions are one implementation.
 *
 * @example
 * const ctx = createModelArtsContext(options);
 * const methods = bindToContext(ctx, { createWorkspace, getWorkspace });
 * await methods.getWorkspace(id);
 *
 * @typeParam C - The context the functions take first.
 * @typeParam F - The functions, by method name.
 */
export function bindToContext<C, F extends Record<string, (ctx: C, ...args: never[]) => unknown>>(ctx: C, functions: F): BoundToContext<F> {
  const methods: Record<string, unknown> = {};
  // Marked with the context's tracing: a waiter built on a client's getWorkspace is then one span.
  for (const [name, fn] of Object.entries(functions)) methods[name] = withTracing((...args: never[]) => fn(ctx, ...args), (ctx as { service?: Partial<ServiceCall> }).service?.tracing);
  return methods as BoundToContext<F>;
}

/**
 * {@link createServiceClient} without `raw`: the pipeline and the validated `call`. What a
 * provider's `/api` context is built on. Throws a ConfigurationError when an option is out
 * of range or a header is not valid.
 *
 * @example
 * const service = createServiceCall({ provider: "example", baseUrl, authenticator, classifier: huaweiRetryClassifier, secrets, options: {} });
 */
export function createServiceCall(config: ServiceConfig): ServiceCall {
  const { provider, options, secrets } = config;
  assertOptions(provider, options);
  // A caller's User-Agent is kept apart from the signed headers and sent after the SDK's own.
  const { "user-agent": appUserAgent, ...userHeaders } = clientHeaders(provider, options.headers);
  const bodyHeaders = { ...lowerCaseHeaders(config.bodyHeaders), ...userHeaders };
  const unwrap = config.unwrap ?? unwrapBody;
  const mapContext: MapContext = {
    provider,
    unwrap,
    secrets,
    notFoundCodes: config.notFoundCodes ?? [],
    retryAfterInMs: (r: HttpResponse) => config.classifier.retryAfterInMs(r),
  };

  // The logger option wins; else WS_SDK_LOG turns on the same redacted lines.
  const level = options.logger ? "debug" : logLevelFromEnv();
  const log = level ? new LogPolicy(options.logger ?? consoleLogger, provider, secrets, level) : undefined;
  const policies: Policy[] = [
    new RetryPolicy(config.classifier, options, provider, Math.random, log ? (notice) => log.retry(notice) : undefined),
    new AuthPolicy(config.authenticator, provider),
    // Below authentication: a proxy that rewrites the User-Agent must not break a signature.
    new UserAgentPolicy(sdkUserAgent(config.packageId ?? `@ws/${provider}`), appUserAgent),
  ];
  if (log) policies.push(log);
  policies.push(new TracePolicy());
  const tracing: ClientTracing = { service: provider, identity: config.tracing ?? {}, secrets, instrumenter: options.instrumenter };
  const send = createPipeline(
    policies,
    createTransport({ fetch: options.fetch, timeoutInMs: options.timeoutInMs, maxResponseBytes: options.maxResponseBytes, provider }),
  );

  function call<T>(operation: OperationSpec, input: OperationInput, callOptions?: CallOptions, read?: Unwrap): Promise<T> {
    return traceCall(tracing, operation.id, callOptions, (traced) => callOperation<T>(operation, input, traced, read));
  }

  async function callOperation<T>(operation: OperationSpec, input: OperationInput, callOptions: CallOptions, read?: Unwrap): Promise<T> {
    const { target, body } = prepareRequest(operation, input);
    if (callOptions.maxRetries !== undefined || callOptions.timeoutInMs !== undefined) assertCallOptions(provider, callOptions);
    const base = body === undefined ? userHeaders : bodyHeaders;
    let headers: Record<string, string>;
    let callUserAgent: string | undefined;
    if (callOptions.headers) {
      const { "user-agent": userAgent, ...headersOfCall } = callHeaders(provider, operation.id, callOptions.headers);
      headers = { ...base, ...headersOfCall };
      callUserAgent = userAgent;
    } else {
      headers = { ...base };
    }
    const request: HttpRequest = {
      method: operation.method,
      url: config.baseUrl + target,
      headers,
      userAgent: callUserAgent,
      body,
      abortSignal: callOptions.abortSignal,
      timeoutInMs: callOptions.timeoutInMs,
      deadline: callOptions.deadline,
      maxRetries: callOptions.maxRetries,
      idempotent: operation.idempotent,
      operation: operation.id,
      context: withTrace({ attempts: 0, retry: 0 }, traceOf(callOptions)),
    };
    const response = await send(request);
    const value = readResult<T>(response, request, read ? { ...mapContext, unwrap: read } : mapContext);
    return config.answerFields ? normalizeAnswer(value, config.answerFields) : value;
  }

  return { call, send, provider, baseUrl: config.baseUrl, tracing, answers: mapContext, headers: userHeaders };
}

