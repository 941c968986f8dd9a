// The `raw` client: openapi-fetch, typed by a spec's paths, over a service's own
// pipeline (retries, authentication, User-Agent, logging, tracing), for what the typed
// operations do not cover. Failures reject with the same SdkError subclasses as the
// operations'. Apart from the service (client.ts), so that the `/api` functions, which
// have no raw client, carry neither it nor openapi-fetch.
import openapiFetch, { type Client } from "openapi-fetch";
import type { ValidationIssue } from "../errors/errors.js";
import { pathSegmentIssue } from "../http/endpoint.js";
import type { HttpRequest } from "../http/http.js";
import { RawRequest } from "../http/raw-request.js";
import { rawResponse } from "../http/raw-response.js";
import { toApiError } from "../pipeline/response.js";
import { NULL_BODY_STATUS } from "../pipeline/transport.js";
import { traceCall, traceOf, withTrace } from "../tracing/call.js";
import { createServiceCall, managedHeaderIssues, type CallOptions, type ServiceCall, type ServiceClient, type ServiceConfig } from "./client.js";
import { validationError } from "./validate.js";

// openapi-fetch's CommonJS build sets exports.default; our own .cjs output imports
// it with Node's interop, where the default import is the whole module.exports.
// Read when a raw client is first used, so a bundle that makes none drops openapi-fetch.
const openapiClient = () =>
  (typeof openapiFetch === "function" ? openapiFetch : (openapiFetch as unknown as { default: typeof openapiFetch }).default) as typeof openapiFetch;

/**
 * openapi-fetch puts path parameters in the URL as they are, and the URL parser
 * then resolves `.` and `..` (`DELETE .../workspaces/..` would go to the parent):
 * refuse them, and empty values, as the typed methods do.
 */
function rawPathIssues(init: unknown): ValidationIssue[] {
  const path = (init as { params?: { path?: unknown } } | undefined)?.params?.path;
  const issues: ValidationIssue[] = [];
  if (typeof path !== "object" || path === null) return issues;
  for (const [name, value] of Object.entries(path)) {
    // Numbers are fine here: openapi-fetch writes them as they are.
    const issue = typeof value === "number" && Number.isFinite(value) ? undefined : pathSegmentIssue(name, value);
    if (issue) issues.push(issue);
  }
  return issues;
}

const RAW_METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

type Send = (url: string, init?: unknown) => Promise<unknown>;

/** `send`, unless the call's path parameters are refused: then a rejected ValidationError, and nothing is sent. */
function checkedPaths(provider: string, method: string, url: string, init: unknown, send: () => Promise<unknown>): Promise<unknown> {
  const issues = rawPathIssues(init);
  if (issues.length > 0) return Promise.reject(validationError(issues, { provider, operation: `${method} ${url}` }));
  return send();
}

/**
 * Builds a service client: the pipeline (retries, authentication, User-Agent, logging)
 * over the transport, the validated `call` and the openapi-fetch `raw` client. Throws a
 * ConfigurationError when an option is out of range or a header is not valid.
 *
 * @example
 * const secrets = createSecretSet();
 * const service = createServiceClient<paths>({
 *   provider: "example",
 *   baseUrl: "https://api.example.com",
 *   authenticator: tokenAuthenticator("x-auth-token", token, secrets),
 *   classifier: huaweiRetryClassifier,
 *   secrets,
 *   options: { timeoutInMs: 10_000 },
 * });
 */
export function createServiceClient<Paths extends {}>(config: ServiceConfig): ServiceClient<Paths> {
  return withRawClient<Paths>(createServiceCall(config));
}

/**
 * The openapi-fetch client over a service's pipeline, typed by the spec's paths.
 *
 * @example
 * const raw = createRawClient<paths>(createServiceCall(config));
 * const { data } = await raw.GET("/v1/{project_id}/workspaces", { params: { path: { project_id } } });
 */
export function createRawClient<Paths extends {}>(service: ServiceCall): Client<Paths, `${string}/${string}`> {
  // openapi-fetch's client is made at the first raw call (in CommonJS, openapi-fetch itself is
  // loaded then): a client whose `raw` is never used pays for neither.
  let client: Client<Paths, `${string}/${string}`> | undefined;
  const real = () => (client ??= openapiClient()<Paths>({ baseUrl: service.baseUrl, fetch: rawFetchOf(service) as typeof fetch, Request: RawRequest as unknown as typeof Request }));
  const methods = real as unknown as () => Record<string, Send> & { request: (method: string, url: string, init?: unknown) => Promise<unknown> };
  const raw: Record<string, unknown> = {
    request: (method: string, url: string, init?: unknown) => checkedPaths(service.provider, method.toUpperCase(), url, init, () => methods().request(method, url, init)),
    use: (...middleware: Parameters<Client<Paths>["use"]>) => real().use(...middleware),
    eject: (...middleware: Parameters<Client<Paths>["eject"]>) => real().eject(...middleware),
  };
  for (const method of RAW_METHODS) raw[method] = (url: string, init?: unknown) => checkedPaths(service.provider, method, url, init, () => methods()[method]!(url, init));
  return raw as unknown as Client<Paths, `${string}/${string}`>;
}

/**
 * The service with its `raw` client added.
 *
 * @example
 * const service = withRawClient<paths>(createServiceCall(config));
 */
export function withRawClient<Paths extends {}>(service: ServiceCall): ServiceClient<Paths> {
  return { ...service, raw: createRawClient<Paths>(service) };
}

/** openapi-fetch hands over a Request: it goes through the service's pipeline, and a Response comes back. */
const rawFetchOf =
  (service: ServiceCall) =>
  (input: Request | RawRequest): Promise<Response> =>
    traceCall(service.tracing, "raw", {}, (traced) => rawSend(service, input, traced));

async function rawSend(service: ServiceCall, input: Request | RawRequest, traced: CallOptions): Promise<Response> {
  const url = new URL(input.url);
  const method = input.method.toUpperCase();
  // Read first: encoding a form sets its content type.
  const body = input.body ? await input.text() : undefined;
  const issues = managedHeaderIssues(input.headers.keys());
  if (issues.length > 0) throw validationError(issues, { provider: service.provider, operation: `${method} ${url.pathname}` });
  const headers: Record<string, string> = { ...service.headers };
  let userAgent: string | undefined;
  input.headers.forEach((value, name) => {
    if (name === "user-agent") userAgent = value;
    else headers[name] = value;
  });
  const request: HttpRequest = {
    method,
    url: input.url,
    headers,
    body,
    abortSignal: input.signal,
    idempotent: ["GET", "HEAD", "OPTIONS", "PUT", "DELETE"].includes(method),
    operation: `${method} ${url.pathname}`,
    context: withTrace({ attempts: 0, retry: 0 }, traceOf(traced)),
    userAgent,
  };
  const response = await service.send(request);
  // One error model: a failure rejects with the same ApiError as the wrapped
  // methods', never an openapi-fetch `{ error }`. A 2xx answer the provider
  // reads as an explicit failure (RES's is_success:false) rejects too; other
  // 2xx bodies (empty, not an object) are handed over as they are.
  if (!response.ok) throw toApiError(response, request, service.answers);
  if (!response.malformed) {
    const result = service.answers.unwrap(response.body, response);
    if (!result.ok && !result.outcomeUnknown) throw toApiError(response, request, service.answers);
  }
  // Response() only takes statuses 200-599; a redirect that was not followed keeps its own.
  return rawResponse(NULL_BODY_STATUS.has(response.status) ? null : response.bodyText, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
