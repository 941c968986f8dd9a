// Wires one service: its base URL, authenticator, retry classifier and
// success-envelope reader into a pipeline, and exposes two ways to call it:
//   call()  the lean typed path the provider packages use for their operations
//           (validate, serialise once, send, map the answer);
//   raw     an openapi-fetch client over the same pipeline, for everything else.
import openapiFetch, { type Client } from "openapi-fetch";
import { AuthPolicy, type Authenticator } from "./auth.js";
import { ConfigurationError } from "./errors.js";
import type { EndpointOptions } from "./endpoint.js";
import { createPipeline, HttpResponse, type HttpRequest, type Policy, type SendRequest } from "./http.js";
import { LogPolicy, type Logger } from "./logging.js";
import { prepareRequest, type OperationInput, type OperationSpec } from "./operation.js";
import { readResult, toApiError, unwrapBody, type Unwrap } from "./response.js";
import { RetryPolicy, type RetryClassifier, type RetryOptions } from "./retry.js";
import { assertHeaderName, assertHeaderValue, type SecretSet } from "./secrets.js";
import { createTransport, NULL_BODY_STATUS } from "./transport.js";

/** Options every client factory takes. */
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
}

export interface CallOptions {
  /** Cancels the call at once, also while waiting to retry. */
  abortSignal?: AbortSignal | undefined;
}

export interface ServiceConfig {
  provider: string;
  baseUrl: string;
  authenticator: Authenticator;
  classifier: RetryClassifier;
  secrets: SecretSet;
  options: ClientOptions;
  /** Headers the service wants on every request with a body (its content type). */
  bodyHeaders?: Record<string, string>;
  unwrap?: Unwrap;
  /** The service's documented "does not exist" codes: such answers become NotFoundError. */
  notFoundCodes?: readonly string[] | undefined;
}

/** What a provider package builds its methods on. */
export interface ServiceClient<Paths extends {}> {
  /**
   * Validates `input` against the operation's rules, sends it through the pipeline and
   * resolves to the documented success value (`read` overrides how a 2xx answer is read).
   */
  call<T>(operation: OperationSpec, input: OperationInput, options?: CallOptions, read?: Unwrap): Promise<T>;
  /** openapi-fetch over the same pipeline; failures reject with SdkError subclasses too. */
  raw: Client<Paths, `${string}/${string}`>;
  send: SendRequest;
  provider: string;
}

// openapi-fetch's CommonJS build sets exports.default; our own .cjs output imports
// it with Node's interop, where the default import is the whole module.exports.
const createClient = (
  typeof openapiFetch === "function" ? openapiFetch : (openapiFetch as unknown as { default: typeof openapiFetch }).default
) as typeof openapiFetch;

function lowerCaseHeaders(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    assertHeaderName(name);
    assertHeaderValue(name, value);
    out[name.toLowerCase()] = value;
  }
  return out;
}

function assertOptions(provider: string, options: ClientOptions): void {
  const check = (name: keyof ClientOptions, ok: (v: number) => boolean, rule: string) => {
    const value = options[name];
    if (value !== undefined && (typeof value !== "number" || !ok(value))) {
      throw new ConfigurationError(`${provider}: ${name} must be ${rule} (got ${String(value)}).`);
    }
  };
  check("maxRetries", (v) => Number.isInteger(v) && v >= 0, "a whole number >= 0");
  for (const name of ["timeoutInMs", "maxResponseBytes"] as const) check(name, (v) => Number.isFinite(v) && v > 0, "a positive number");
  for (const name of ["retryDelayInMs", "maxRetryDelayInMs", "maxRetryAfterInMs"] as const) {
    check(name, (v) => Number.isFinite(v) && v >= 0, "a number >= 0");
  }
  if (options.fetch !== undefined && typeof options.fetch !== "function") {
    throw new ConfigurationError(`${provider}: fetch must be a function.`);
  }
}

export function createServiceClient<Paths extends {}>(config: ServiceConfig): ServiceClient<Paths> {
  const { provider, options, secrets } = config;
  assertOptions(provider, options);
  const userHeaders = lowerCaseHeaders(options.headers);
  const bodyHeaders = { ...lowerCaseHeaders(config.bodyHeaders), ...userHeaders };
  const unwrap = config.unwrap ?? unwrapBody;
  const mapContext = {
    provider,
    unwrap,
    secrets,
    notFoundCodes: config.notFoundCodes ?? [],
    retryAfterInMs: (r: HttpResponse) => config.classifier.retryAfterInMs(r),
  };

  const policies: Policy[] = [
    new RetryPolicy(config.classifier, options, provider),
    new AuthPolicy(config.authenticator, provider),
  ];
  if (options.logger) policies.push(new LogPolicy(options.logger, provider, secrets));
  const send = createPipeline(
    policies,
    createTransport({ fetch: options.fetch, timeoutInMs: options.timeoutInMs, maxResponseBytes: options.maxResponseBytes, provider }),
  );

  async function call<T>(operation: OperationSpec, input: OperationInput, callOptions: CallOptions = {}, read?: Unwrap): Promise<T> {
    const { target, body } = prepareRequest(operation, input);
    const request: HttpRequest = {
      method: operation.method,
      url: config.baseUrl + target,
      headers: body === undefined ? { ...userHeaders } : { ...bodyHeaders },
      body,
      abortSignal: callOptions.abortSignal,
      idempotent: operation.idempotent,
      operation: operation.id,
      context: { attempts: 0, retry: 0 },
    };
    const response = await send(request);
    return readResult<T>(response, request, read ? { ...mapContext, unwrap: read } : mapContext);
  }

  // openapi-fetch hands over a Request; feed it to the same pipeline and hand back a Response.
  async function rawFetch(input: Request): Promise<Response> {
    const url = new URL(input.url);
    const headers: Record<string, string> = { ...userHeaders };
    input.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const body = input.body ? await input.text() : undefined;
    const method = input.method.toUpperCase();
    const request: HttpRequest = {
      method,
      url: input.url,
      headers,
      body,
      abortSignal: input.signal,
      idempotent: ["GET", "HEAD", "OPTIONS", "PUT", "DELETE"].includes(method),
      operation: `${method} ${url.pathname}`,
      context: { attempts: 0, retry: 0 },
    };
    const response = await send(request);
    // One error model: a failure rejects with the same ApiError as the wrapped
    // methods', never an openapi-fetch `{ error }`. A 2xx answer the provider
    // reads as an explicit failure (RES's is_success:false) rejects too; other
    // 2xx bodies (empty, not an object) are handed over as they are.
    if (!response.ok) throw toApiError(response, request, mapContext);
    if (!response.malformed) {
      const result = unwrap(response.body, response);
      if (!result.ok && !result.outcomeUnknown) throw toApiError(response, request, mapContext);
    }
    // Response() only takes statuses 200-599; a redirect that was not followed keeps its own.
    return new Response(NULL_BODY_STATUS.has(response.status) ? null : response.bodyText, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  }

  const raw = createClient<Paths>({ baseUrl: config.baseUrl, fetch: rawFetch });
  return { call, raw, send, provider };
}

