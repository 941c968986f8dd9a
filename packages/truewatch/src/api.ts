/**
 * TrueWatch's operations as standalone functions over a context: the same names, options,
 * results and errors as the methods of `createTrueWatchClient`, for bundles that keep only
 * what they call.
 *
 * @example
 * import { createTrueWatchContext, createWorkspace } from "@ws/truewatch/api";
 * const ctx = createTrueWatchContext({ site: "eu1", apiKey });
 * const created = await createWorkspace(ctx, { name: "observability" });
 *
 * @module @ws/truewatch/api
 */
import {
  ConfigurationError,
  ValidationError,
  createSecretSet,
  createServiceCall,
  isRecord,
  parseRetryAfter,
  readEnv,
  resolveBaseUrl,
  tokenAuthenticator,
  type CallOptions,
  type HttpResponse,
  type RetryClassifier,
  type ServiceCall,
  type Unwrap,
} from "@ws/core";
import { endpoints } from "./generated/endpoints.js";
import {
  createWorkspace as createWorkspaceOperation,
  getWorkspace as getWorkspaceOperation,
  notFoundCodes,
  updateWorkspace as updateWorkspaceOperation,
} from "./generated/operations.js";
import type { CreateWorkspaceRequest, CreateWorkspaceResult, TrueWatchClientOptions, UpdateWorkspaceRequest, Workspace } from "./index.js";

/** Rate limits come back as HTTP 401 with one of these codes, not as 429: the client waits and retries them. */
export const THROTTLE_CODES = new Set(["ft.TriggerApiAkCurrentLimiting", "ft.TriggerApiWorkspaceCurrentLimiting"]);

/** Which TrueWatch answers are throttling (429, or 401 with a THROTTLE_CODES code), and the Retry-After wait. */
export const trueWatchRetryClassifier: RetryClassifier = {
  isThrottled: (response: HttpResponse) => {
    if (response.status === 429) return true;
    const body = response.body;
    return response.status === 401 && isRecord(body) && typeof body.errorCode === "string" && THROTTLE_CODES.has(body.errorCode);
  },
  retryAfterInMs: (response: HttpResponse) => parseRetryAfter(response.headers.get("retry-after")),
};

/** Reads the envelope: `success: true` with an object `content` is the result; `success: false` (any status) is a failure. */
export const unwrapEnvelope: Unwrap = (body) => {
  if (!isRecord(body) || !("success" in body)) return { ok: false, outcomeUnknown: true };
  if (body.success === false) return { ok: false, outcomeUnknown: false };
  return isRecord(body.content) ? { ok: true, value: body.content } : { ok: false, outcomeUnknown: true };
};

// name/version of this package, set by the build (tooling/tsup.base.mjs), for the User-Agent.
declare const __WS_PACKAGE_ID__: string;

/**
 * One site and API key: what every function of `@ws/truewatch/api` takes first. Made by {@link createTrueWatchContext}.
 *
 * @example
 * const ctx: TrueWatchContext = createTrueWatchContext({ site: "eu1", apiKey });
 */
export interface TrueWatchContext {
  /** The pipeline the operations are sent through. */
  readonly service: ServiceCall;
}

/**
 * The context of the `@ws/truewatch/api` functions: the same options, checks and defaults as
 * `createTrueWatchClient` (nothing is sent until the first call; a bad option throws a
 * ConfigurationError now), without the client's methods or its `raw` client.
 *
 * @example
 * const ctx = createTrueWatchContext({ site: "eu1", apiKey: process.env.TRUEWATCH_API_KEY! });
 */
export function createTrueWatchContext(options: TrueWatchClientOptions): TrueWatchContext {
  const apiKey = options.apiKey ?? readEnv("TRUEWATCH_API_KEY");
  if (!apiKey) {
    throw new ConfigurationError("truewatch: no API key. Pass apiKey, or set the environment variable TRUEWATCH_API_KEY.");
  }
  const secrets = createSecretSet();
  const baseUrl = resolveBaseUrl(
    endpoints,
    // TRUEWATCH_ENDPOINT stands in for the site's host (a private deployment, the emulator); an endpoint option wins.
    { name: options.site, endpoint: options.endpoint ?? readEnv("TRUEWATCH_ENDPOINT"), allowInsecureHttp: options.allowInsecureHttp },
    { service: "truewatch", option: "site" },
  );
  const service = createServiceCall({
    provider: "truewatch",
    baseUrl,
    authenticator: tokenAuthenticator("df-api-key", apiKey, secrets, "apiKey"),
    classifier: trueWatchRetryClassifier,
    secrets,
    options,
    // The documented request's content type.
    bodyHeaders: { "content-type": "application/json;charset=UTF-8" },
    unwrap: unwrapEnvelope,
    packageId: __WS_PACKAGE_ID__,
    // Empty: no code means "does not exist" (get and modify act on the key's own
    // workspace); a 404 still becomes NotFoundError.
    notFoundCodes,
    // OpenTelemetry has no TrueWatch values: these custom ones are documented in the README.
    tracing: { system: "truewatch", cloudProvider: "truewatch", region: options.site },
  });
  return { service };
}

/**
 * Creates a workspace (see `TrueWatchClient.createWorkspace`).
 *
 * @example
 * const created = await createWorkspace(ctx, { name: "observability" });
 */
export function createWorkspace(ctx: TrueWatchContext, body: CreateWorkspaceRequest, options?: CallOptions): Promise<CreateWorkspaceResult> {
  return ctx.service.call<CreateWorkspaceResult>(createWorkspaceOperation, { body }, options);
}

/**
 * The workspace the API key belongs to (see `TrueWatchClient.getWorkspace`).
 *
 * @example
 * const mine = await getWorkspace(ctx);
 */
export async function getWorkspace(ctx: TrueWatchContext, options?: CallOptions): Promise<Workspace> {
  // Other packages' getWorkspace takes an id first; here it would silently read the key's workspace.
  if (options !== undefined && (typeof options !== "object" || options === null)) {
    const message = "getWorkspace takes no workspace id: it reads the workspace the API key belongs to";
    throw new ValidationError(`Invalid truewatch getWorkspace request, nothing was sent: ${message}`, {
      provider: "truewatch",
      operation: "getWorkspace",
      issues: [{ path: "options", rule: "type", message }],
    });
  }
  return ctx.service.call<Workspace>(getWorkspaceOperation, {}, options);
}

/**
 * Modifies the workspace the API key belongs to (see `TrueWatchClient.updateWorkspace`).
 *
 * @example
 * await updateWorkspace(ctx, { name: "observability" });
 */
export function updateWorkspace(ctx: TrueWatchContext, body: UpdateWorkspaceRequest, options?: CallOptions): Promise<Workspace> {
  return ctx.service.call<Workspace>(updateWorkspaceOperation, { body }, options);
}
