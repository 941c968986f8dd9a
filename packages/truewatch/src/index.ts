/**
 * TrueWatch (and Guance) workspaces through the OpenAPI: create one, and read or modify the
 * workspace an API key belongs to.
 *
 * @example
 * import { createTrueWatchClient } from "@ws/truewatch";
 * const tw = createTrueWatchClient({ site: "eu1", apiKey: process.env.TRUEWATCH_API_KEY! });
 * const mine = await tw.getWorkspace();
 *
 * @module @ws/truewatch
 */
// @ws/truewatch: TrueWatch (and Guance) workspaces through the OpenAPI: create one,
// read and modify the workspace the API key belongs to (the OpenAPI has no list or
// delete). Its own quirks, beside the generated spec pieces: the API key header, the
// `{success, content, errorCode, traceId}` envelope (failures can come with HTTP
// 200), and rate limiting reported as HTTP 401 with an `ft.Trigger...` code.
import {
  ConfigurationError,
  ValidationError,
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
import {
  createWorkspace as createWorkspaceOperation,
  getWorkspace as getWorkspaceOperation,
  notFoundCodes,
  updateWorkspace as updateWorkspaceOperation,
} from "./generated/operations.js";
import type { components, paths } from "./generated/schema.js";

/** A site with a documented OpenAPI host: TrueWatch `us1`, `eu1`, `ap1`, `za1`, `id1`, and the Guance sites `guance-cn1`, ... */
export type TrueWatchSite = EndpointName;
/** The body of `createWorkspace`: `name` (at most 256 characters) is required. */
export type CreateWorkspaceRequest = components["schemas"]["CreateWorkspaceRequest"];
/** The envelope's `content`: the new workspace (`wsInfo`), its owner and, when asked for, its API key (`akInfo`). */
export type CreateWorkspaceResult = components["schemas"]["CreateWorkspaceResult"];
/**
 * A workspace (`uuid` `wksp_...`, `name`, `desc`, `createAt`/`updateAt` in seconds since
 * the epoch, ...), as `getWorkspace`, `updateWorkspace` and create's `wsInfo` return it.
 * The fields vary with the service version, so every one is optional.
 */
export type Workspace = components["schemas"]["Workspace"];
/** The body of `updateWorkspace`: the new `name` (at most 256 characters) and/or `desc`; fields left out are not changed. */
export type UpdateWorkspaceRequest = components["schemas"]["UpdateWorkspaceRequest"];
export type { paths, components, operations } from "./generated/schema.js";

/**
 * Options of `createTrueWatchClient`: the site (or endpoint), the API key, and the common
 * client options. `site` or `endpoint` is required.
 *
 * @example
 * const tw = createTrueWatchClient({ site: "guance-cn1", apiKey, timeoutInMs: 10_000, maxRetries: 3 });
 */
export type TrueWatchClientOptions = ClientOptions & {
  /** The API key of an existing workspace (sent as DF-API-KEY). Must belong to the chosen site. Default: TRUEWATCH_API_KEY from the environment. */
  apiKey?: string | undefined;
} & (
    | {
        /** The site whose documented OpenAPI host the client calls. */
        site: TrueWatchSite;
        /** A base URL that replaces the site's host. Default: TRUEWATCH_ENDPOINT from the environment. */
        endpoint?: string | undefined;
      }
    | {
        /** The base URL to call (a private deployment, the emulator). */
        endpoint: string;
        /** The site; ignored for the host when `endpoint` is given. */
        site?: TrueWatchSite | undefined;
      }
  );

/**
 * A TrueWatch client, acting with one API key. A key belongs to exactly one workspace:
 * `getWorkspace` and `updateWorkspace` act on that one. The OpenAPI has no call to
 * list or delete workspaces, so the client has no such methods. Every method rejects
 * with an SdkError subclass, also when the envelope says `success: false` on HTTP 200.
 *
 * @example
 * const tw = createTrueWatchClient({ site: "eu1", apiKey: process.env.TRUEWATCH_API_KEY! });
 * const mine = await tw.getWorkspace();
 */
export interface TrueWatchClient {
  /**
   * Creates a workspace, owned by the owner of the key's workspace. Resolves to the
   * envelope's `content`: `wsInfo` (the new workspace), `ownerInfo`, and with
   * `needCreateAk: true` an API key of the new workspace (`akInfo`), which a second
   * client can use to read or modify it. Not retried after an ambiguous failure.
   *
   * @example
   * const { wsInfo, akInfo } = await tw.createWorkspace({ name: "staging", needCreateAk: true, akName: "ci" });
   * const staging = createTrueWatchClient({ site: "eu1", apiKey: akInfo!.keyId! });
   */
  createWorkspace(body: CreateWorkspaceRequest, options?: CallOptions): Promise<CreateWorkspaceResult>;
  /**
   * The workspace the API key belongs to (`GET /api/v1/workspace/get`). To read
   * another workspace, use a client with a key of that workspace.
   *
   * @example
   * const ws = await tw.getWorkspace();
   * console.log(ws.uuid, ws.name);
   */
  getWorkspace(options?: CallOptions): Promise<Workspace>;
  /**
   * Changes the name and/or description of the key's workspace
   * (`POST /api/v1/workspace/modify`) and resolves to the updated workspace. Setting
   * the same values twice has the effect of once, so it is retried like a read.
   *
   * @example
   * const ws = await tw.updateWorkspace({ name: "staging", desc: "CI runs here" });
   */
  updateWorkspace(body: UpdateWorkspaceRequest, options?: CallOptions): Promise<Workspace>;
  /**
   * openapi-fetch client over the same transport, typed by the spec (returns whole
   * envelopes). No input validation; a failure rejects with the same SdkError subclasses.
   *
   * @example
   * const { data } = await tw.raw.GET("/api/v1/workspace/get");
   * console.log(data?.content?.name);
   */
  readonly raw: Client<paths>;
}

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
 * Creates a TrueWatch (or Guance) client for one site and API key. Nothing is sent until
 * the first call. Throws a ConfigurationError when there is no API key (option or
 * TRUEWATCH_API_KEY), the site is unknown (the message lists the known ones), neither a
 * site nor an endpoint is given, an option is out of range, or the endpoint is plain
 * http:// to a host that is not loopback.
 *
 * @example
 * const tw = createTrueWatchClient({ site: "eu1", apiKey: process.env.TRUEWATCH_API_KEY! });
 */
export function createTrueWatchClient(options: TrueWatchClientOptions): TrueWatchClient {
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
    packageId: __WS_PACKAGE_ID__,
    // Empty: no code means "does not exist" (get and modify act on the key's own
    // workspace); a 404 still becomes NotFoundError.
    notFoundCodes,
    // OpenTelemetry has no TrueWatch values: these custom ones are documented in the README.
    tracing: { system: "truewatch", cloudProvider: "truewatch", region: options.site },
  });
  return {
    raw: service.raw,
    createWorkspace: (body, callOptions) =>
      service.call<CreateWorkspaceResult>(createWorkspaceOperation, { body }, callOptions),
    getWorkspace: async (callOptions) => {
      // Other packages' getWorkspace takes an id first; here it would silently read the key's workspace.
      if (callOptions !== undefined && (typeof callOptions !== "object" || callOptions === null)) {
        const message = "getWorkspace takes no workspace id: it reads the workspace the API key belongs to";
        throw new ValidationError(`Invalid truewatch getWorkspace request, nothing was sent: ${message}`, {
          provider: "truewatch",
          operation: "getWorkspace",
          issues: [{ path: "options", rule: "type", message }],
        });
      }
      return service.call<Workspace>(getWorkspaceOperation, {}, callOptions);
    },
    updateWorkspace: (body, callOptions) => service.call<Workspace>(updateWorkspaceOperation, { body }, callOptions),
  };
}

/** The documented OpenAPI host of each site. */
export const trueWatchEndpoints = endpoints;
export { errorCodes, errorCodeMeanings } from "./generated/errors.js";
export {
  SdkError,
  ApiError,
  NotFoundError,
  ConnectionError,
  TimeoutError,
  AbortError,
  ValidationError,
  ConfigurationError,
  type CallOptions,
} from "@ws/core";
