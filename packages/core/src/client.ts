// Wires one service: its base URL, authenticator, retry classifier and
// success-envelope reader into a pipeline, and exposes two ways to call it:
//   call()  the lean typed path the provider packages use for their operations
//           (validate, serialise once, send, map the answer);
//   raw     an openapi-fetch client over the same pipeline, for everything else.
import openapiFetch, { type Client } from "openapi-fetch";
import { AuthPolicy, type Authenticator } from "./auth.js";
import { ConfigurationError, type ValidationIssue } from "./errors.js";
import { expandPath, type EndpointOptions } from "./endpoint.js";
import { createPipeline, HttpResponse, type HttpRequest, type Policy, type SendRequest } from "./http.js";
import { LogPolicy, type Logger } from "./logging.js";
import { readResult, unwrapBody, type Unwrap } from "./response.js";
import { RetryPolicy, type RetryClassifier, type RetryOptions } from "./retry.js";
import { assertHeaderName, assertHeaderValue, type SecretSet } from "./secrets.js";
import { createTransport, NULL_BODY_STATUS } from "./transport.js";
import { check, validationError, type Schema } from "./validate.js";

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

/** An operation as generated from a spec (src/generated/operations.ts). */
export interface OperationSpec {
  provider: string;
  id: string;
  method: string;
  path: string;
  idempotent: boolean;
  params?: Record<string, { required: boolean; schema: Schema }>;
  query?: Record<string, { required: boolean; schema: Schema }>;
  body?: Schema;
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
}

export interface ServiceClient<Paths extends {}> {
  call<T>(operation: OperationSpec, input: { params?: Record<string, unknown>; body?: unknown }, options?: CallOptions): Promise<T>;
  raw: Client<Paths, `${string}/${string}`>;
  send: SendRequest;
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
  const mapContext = { provider, unwrap, secrets, retryAfterInMs: (r: HttpResponse) => config.classifier.retryAfterInMs(r) };

  const policies: Policy[] = [
    new RetryPolicy(config.classifier, options, provider),
    new AuthPolicy(config.authenticator, provider),
  ];
  if (options.logger) policies.push(new LogPolicy(options.logger, provider, secrets));
  const send = createPipeline(
    policies,
    createTransport({ fetch: options.fetch, timeoutInMs: options.timeoutInMs, maxResponseBytes: options.maxResponseBytes, provider }),
  );

  async function call<T>(
    operation: OperationSpec,
    input: { params?: Record<string, unknown>; body?: unknown },
    callOptions: CallOptions = {},
  ): Promise<T> {
    const issues: ValidationIssue[] = [];
    const params = input.params ?? {};
    for (const [name, param] of Object.entries(operation.params ?? {})) {
      if (params[name] !== undefined) check(param.schema, params[name], name, issues);
    }
    const path = expandPath(operation.path, params, issues);
    if (operation.body) {
      if (input.body === undefined) issues.push({ path: "body", rule: "required", message: "body is required" });
      else check(operation.body, input.body, "", issues);
    }
    if (issues.length > 0) throw validationError(issues, { provider, operation: operation.id });

    const body = input.body === undefined ? undefined : JSON.stringify(input.body);
    const request: HttpRequest = {
      method: operation.method,
      url: config.baseUrl + path,
      headers: body === undefined ? { ...userHeaders } : { ...bodyHeaders },
      body,
      abortSignal: callOptions.abortSignal,
      idempotent: operation.idempotent,
      operation: operation.id,
      context: { attempts: 0, retry: 0 },
    };
    const response = await send(request);
    return readResult<T>(response, request, mapContext);
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
    const response = await send({
      method,
      url: input.url,
      headers,
      body,
      abortSignal: input.signal,
      idempotent: ["GET", "HEAD", "OPTIONS", "PUT", "DELETE"].includes(method),
      operation: `${method} ${url.pathname}`,
      context: { attempts: 0, retry: 0 },
    });
    // Response() only takes statuses 200-599; a redirect that was not followed keeps its own.
    return new Response(NULL_BODY_STATUS.has(response.status) ? null : response.bodyText, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  }

  const raw = createClient<Paths>({ baseUrl: config.baseUrl, fetch: rawFetch });
  return { call, raw, send };
}

