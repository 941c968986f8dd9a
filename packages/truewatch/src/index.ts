// @ws/truewatch: create TrueWatch (and Guance) workspaces through the OpenAPI.
// Its own quirks, beside the generated spec pieces: the API key header, the
// `{success, content, errorCode, traceId}` envelope (failures can come with HTTP
// 200), and rate limiting reported as HTTP 401 with an `ft.Trigger...` code.
import {
  ConfigurationError,
  createServiceClient,
  readEnv,
  isRecord,
  parseRetryAfter,
  resolveBaseUrl,
  createSecretSet,
  tokenAuthenticator,
  type CallOptions,
  type ClientOptions,
  type HttpResponse,
  type RetryClassifier,
  type Unwrap,
} from "@ws/core";
import type { Client } from "openapi-fetch";
import { endpoints, type EndpointName } from "./generated/endpoints.js";
import { createWorkspace as createWorkspaceOperation } from "./generated/operations.js";
import type { components, paths } from "./generated/schema.js";

export type TrueWatchSite = EndpointName;
export type CreateWorkspaceRequest = components["schemas"]["CreateWorkspaceRequest"];
/** The envelope's `content`: the new workspace (`wsInfo`), its owner and, when asked for, its API key (`akInfo`). */
export type CreateWorkspaceResult = components["schemas"]["CreateWorkspaceResult"];
export type { paths, components, operations } from "./generated/schema.js";

export type TrueWatchClientOptions = ClientOptions & {
  /** The API key of an existing workspace (sent as DF-API-KEY). Must belong to the chosen site. Default: TRUEWATCH_API_KEY from the environment. */
  apiKey?: string | undefined;
} & ({ site: TrueWatchSite; endpoint?: string | undefined } | { endpoint: string; site?: TrueWatchSite | undefined });

export interface TrueWatchClient {
  /** Creates a workspace. Resolves to the envelope's `content`; rejects with an SdkError subclass (also on `success: false`). */
  createWorkspace(body: CreateWorkspaceRequest, options?: CallOptions): Promise<CreateWorkspaceResult>;
  /** openapi-fetch client over the same transport, typed by the spec (returns whole envelopes). No input validation. */
  readonly raw: Client<paths>;
}

/** Rate limits come back as HTTP 401 with one of these codes, not as 429. */
export const THROTTLE_CODES = new Set(["ft.TriggerApiAkCurrentLimiting", "ft.TriggerApiWorkspaceCurrentLimiting"]);

export const trueWatchRetryClassifier: RetryClassifier = {
  isThrottled: (response: HttpResponse) => {
    if (response.status === 429) return true;
    const body = response.body;
    return response.status === 401 && isRecord(body) && typeof body.errorCode === "string" && THROTTLE_CODES.has(body.errorCode);
  },
  retryAfterInMs: (response: HttpResponse) => parseRetryAfter(response.headers.get("retry-after")),
};

export const unwrapEnvelope: Unwrap = (body) => {
  if (!isRecord(body) || !("success" in body)) return { ok: false, outcomeUnknown: true };
  if (body.success === false) return { ok: false, outcomeUnknown: false };
  return isRecord(body.content) ? { ok: true, value: body.content } : { ok: false, outcomeUnknown: true };
};

export function createTrueWatchClient(options: TrueWatchClientOptions): TrueWatchClient {
  const apiKey = options.apiKey ?? readEnv("TRUEWATCH_API_KEY");
  if (!apiKey) {
    throw new ConfigurationError("truewatch: no API key. Pass apiKey, or set the environment variable TRUEWATCH_API_KEY.");
  }
  const secrets = createSecretSet();
  const baseUrl = resolveBaseUrl(
    endpoints,
    { name: options.site, endpoint: options.endpoint, allowInsecureHttp: options.allowInsecureHttp },
    { service: "truewatch", option: "site" },
  );
  const service = createServiceClient<paths>({
    provider: "truewatch",
    baseUrl,
    authenticator: tokenAuthenticator("df-api-key", apiKey, secrets, "apiKey"),
    classifier: trueWatchRetryClassifier,
    secrets,
    options,
    // The documented request's content type.
    bodyHeaders: { "content-type": "application/json;charset=UTF-8" },
    unwrap: unwrapEnvelope,
  });
  return {
    raw: service.raw,
    createWorkspace: (body, callOptions) =>
      service.call<CreateWorkspaceResult>(createWorkspaceOperation, { body }, callOptions),
  };
}

export { endpoints as trueWatchEndpoints };
export {
  SdkError,
  ApiError,
  ConnectionError,
  TimeoutError,
  AbortError,
  ValidationError,
  ConfigurationError,
  type CallOptions,
} from "@ws/core";
