/**
 * ModelArts workspaces (Huawei Cloud, Open Telekom Cloud): create, list, get, update,
 * delete, find by name, quotas and waiters, typed and checked against the spec before
 * anything is sent.
 *
 * @example
 * import { createModelArtsClient } from "@ws/modelarts";
 * const ma = createModelArtsClient({ region: "cn-north-4", projectId, credentials: { accessKey, secretKey } });
 * const ws = await ma.createWorkspace({ name: "team-a", auth_type: "PRIVATE" });
 *
 * @module @ws/modelarts
 */
// @ws/modelarts: the workspaces of ModelArts (Huawei Cloud, Open Telekom Cloud). A
// configuration of @ws/core: the generated spec types, rules and region table, and
// the service's quirks (ids read as strings, the default workspace's `0` too;
// auth_type read in lower case, as the live service writes it; asynchronous
// deletion; per-workspace quotas).
import { bindToContext, createRawClient, type CallOptions, type EnsureResult, type HuaweiClientOptions, type PagedAsyncIterableIterator, type WaiterOptions } from "@ws/core";
import type { Client } from "openapi-fetch";
import * as api from "./api.js";
import type { EndpointName } from "./generated/endpoints.js";
import type { components, operations, paths } from "./generated/schema.js";

/** A region with a documented ModelArts endpoint (21 Huawei Cloud regions, `ap-southeast-1` on `.myhuaweicloud.cn`, Open Telekom Cloud's `eu-de`). */
export type ModelArtsRegion = EndpointName;
/** The body of `createWorkspace`: `name` is required; INTERNAL needs at least one grant. */
export type CreateWorkspaceRequest = components["schemas"]["CreateWorkspaceRequest"];
/**
 * A workspace, as created, listed or got (`grants` only in the create and get answers).
 * `status` is a string: NORMAL, CREATE_FAILED, DELETING and DELETE_FAILED are documented,
 * other values may appear.
 */
export type Workspace = components["schemas"]["Workspace"];
/** A workspace id, a string: 32 lower-case hexadecimal characters, or `"0"` for the default workspace (an answer that sends it as the number 0 is read as `"0"`). */
export type WorkspaceId = components["schemas"]["WorkspaceId"];
/** A user authorised on an INTERNAL workspace, as the get answer lists it. */
export type GrantInfo = components["schemas"]["GrantInfo"];
/** A user to authorise on an INTERNAL workspace (`user_id` or `user_name`; `user_type` for federated users and agencies). */
export type Grant = components["schemas"]["Grant"];
/**
 * What a request may send: PUBLIC, PRIVATE or INTERNAL, or the lower-case spellings. Answers
 * always carry the lower-case one (`Workspace["auth_type"]`: `"public" | "private" | "internal"`),
 * as the live service writes it; the SDK lower-cases an upper-case answer when it reads it.
 */
export type AuthType = components["schemas"]["AuthType"];
/**
 * The filters of `listWorkspaces`: `name` (fuzzy), `enterprise_project_id`,
 * `filter_accessible`, and the order (`sort_by` name | update_time | status, `order`
 * asc | desc). `offset` (records) is where to start and `limit` the page size (not sent
 * unless given: the service's default is its maximum, 1000); the SDK walks every page from there.
 */
export type ListWorkspacesQuery = NonNullable<operations["listWorkspaces"]["parameters"]["query"]>;
/** One page of `listWorkspaces` as the service answers it (`total_count` of all matches, `count`, `workspaces`). */
export type ListWorkspacesResponse = components["schemas"]["ListWorkspacesResponse"];
/**
 * The body of `updateWorkspace`: the fields to change (name, description, auth_type, grants).
 * `name` and `description` left out stay; `auth_type` sent without `grants` may clear the grants
 * (the live service does), so send the grants again with every `auth_type`.
 */
export type UpdateWorkspaceRequest = components["schemas"]["UpdateWorkspaceRequest"];
/** What `updateWorkspace` and `deleteWorkspace` resolve to: `{ workspace_id }`. */
export type WorkspaceIdResponse = components["schemas"]["WorkspaceIdResponse"];
/** What `updateWorkspace` resolves to: the updated workspace's `workspace_id`. */
export type UpdateWorkspaceResponse = WorkspaceIdResponse;
/** What `deleteWorkspace` resolves to: the `workspace_id` of the workspace being deleted. */
export type DeleteWorkspaceResponse = WorkspaceIdResponse;
/** One resource quota of a workspace (`quota` -1 means unlimited; `used_quota` is null then). */
export type WorkspaceQuota = components["schemas"]["WorkspaceQuota"];
/** What `getWorkspaceQuotas` and `updateWorkspaceQuotas` resolve to: `{ quotas }`. */
export type WorkspaceQuotasResponse = components["schemas"]["WorkspaceQuotasResponse"];
/** One quota to set: `resource` and the new `quota` (-1 for no limit). */
export type QuotaSetting = components["schemas"]["QuotaSetting"];
/** The body of `updateWorkspaceQuotas`: only the quotas to change. */
export type UpdateWorkspaceQuotasRequest = components["schemas"]["UpdateWorkspaceQuotasRequest"];
export type { paths, components, operations } from "./generated/schema.js";

/**
 * Options of `createModelArtsClient`: the region (or endpoint), credentials and project,
 * with the common client options (timeouts, retries, headers, logger).
 *
 * @example
 * const ma = createModelArtsClient({ region: "eu-de", projectId, credentials: fromProfile({ profile: "otc" }), maxRetries: 4 });
 */
export type ModelArtsClientOptions = HuaweiClientOptions<ModelArtsRegion> & {
  /**
   * The project the workspace belongs to (the `{project_id}` of the path). Optional:
   * HUAWEICLOUD_SDK_PROJECT_ID, `project_id` in the credentials file, else the region's
   * project, looked up once in IAM (`GET /v3/projects?name={region}`).
   */
  projectId?: string | undefined;
};

/**
 * A ModelArts client for one project. Every method rejects with an SdkError
 * subclass; a workspace that does not exist rejects with NotFoundError (HTTP 400
 * ModelArts.7005 as the live service answers, the documented ModelArts.0102, or a 404).
 *
 * @example
 * const ma = createModelArtsClient({ region: "cn-north-4", projectId, credentials: { accessKey, secretKey } });
 * const ws = await ma.createWorkspace({ name: "team-a", auth_type: "PRIVATE" });
 */
export interface ModelArtsClient {
  /**
   * Creates a workspace. Resolves to the created workspace. An INTERNAL workspace needs at
   * least one grant.
   *
   * @example
   * const ws = await ma.createWorkspace({ name: "team-a", description: "team A's experiments", auth_type: "PRIVATE" });
   */
  createWorkspace(body: CreateWorkspaceRequest, options?: CallOptions): Promise<Workspace>;
  /**
   * Every workspace of the project, the default one included, page after page (the
   * service's page size, 1000, unless `limit` is given; `offset` counted in records), optionally filtered and sorted. Nothing is
   * fetched until iteration starts; a bad query throws a ValidationError here, before
   * any request.
   *
   * @example
   * for await (const ws of ma.listWorkspaces({ name: "team", sort_by: "update_time" })) console.log(ws.id, ws.status);
   * for await (const page of ma.listWorkspaces().byPage()) console.log(page.length);
   */
  listWorkspaces(query?: ListWorkspacesQuery, options?: CallOptions): PagedAsyncIterableIterator<Workspace>;
  /**
   * The workspace with this id, with its `grants`. Rejects with NotFoundError when it does
   * not exist.
   *
   * @example
   * const ws = await ma.getWorkspace(id);
   * console.log(ws.status); // NORMAL, CREATE_FAILED, DELETING, DELETE_FAILED, ...
   * if (ws.auth_type === "internal") console.log(ws.grants); // always lower case
   */
  getWorkspace(id: WorkspaceId, options?: CallOptions): Promise<Workspace>;
  /**
   * Changes a workspace's name, description, auth_type or grants. `name` and `description`
   * left out stay, but sending `auth_type` without `grants` may clear the grants (the live
   * service accepts INTERNAL without grants and drops them): send the grants with it to keep
   * them. Resolves to `{ workspace_id }`. The default workspace cannot be changed (ApiError
   * ModelArts.3566); an unknown id rejects with NotFoundError.
   *
   * @example
   * await ma.updateWorkspace(id, { description: "team A's experiments" });
   */
  updateWorkspace(id: WorkspaceId, body: UpdateWorkspaceRequest, options?: CallOptions): Promise<UpdateWorkspaceResponse>;
  /**
   * Starts deleting a workspace and resolves to `{ workspace_id }`. Deletion is
   * asynchronous: the workspace shows status DELETING until it is gone (getWorkspace
   * then rejects with NotFoundError), or ends in DELETE_FAILED with the cause in
   * `status_info`.
   *
   * @example
   * await ma.deleteWorkspace(id);
   * await ma.waitUntilWorkspaceDeleted(id, { maxWaitInMs: 5 * 60_000 });
   */
  deleteWorkspace(id: WorkspaceId, options?: CallOptions): Promise<DeleteWorkspaceResponse>;
  /**
   * The workspace whose name is exactly `name`, or undefined. Lists with the service's
   * fuzzy name filter, then compares names exactly.
   *
   * @example
   * const ws = await ma.findWorkspaceByName("team-a"); // not "team-a-2"
   */
  findWorkspaceByName(name: string, options?: CallOptions): Promise<Workspace | undefined>;
  /**
   * The workspace's resource quotas with what is used of each: `{ quotas }`. Rejects with
   * NotFoundError when the workspace does not exist.
   *
   * @example
   * const { quotas } = await ma.getWorkspaceQuotas(id);
   * for (const q of quotas ?? []) console.log(q.resource, q.used_quota, "/", q.quota);
   */
  getWorkspaceQuotas(id: WorkspaceId, options?: CallOptions): Promise<WorkspaceQuotasResponse>;
  /**
   * Sets the quotas listed in `body` (the others stay). Resolves to the updated quotas:
   * `{ quotas }` (without `used_quota`).
   *
   * @example
   * await ma.updateWorkspaceQuotas(id, { quotas: [{ resource: "exemlProject.gpu_duration", quota: 600 }] });
   */
  updateWorkspaceQuotas(id: WorkspaceId, body: UpdateWorkspaceQuotasRequest, options?: CallOptions): Promise<WorkspaceQuotasResponse>;
  /**
   * Creates the workspace unless one with exactly this name exists, and resolves to it with
   * `created`. Never sends the create twice by accident: after an answer that was lost (a
   * timeout, a dropped connection, a 5xx) it looks the name up and creates again only when
   * the service answered that lookup and the workspace is not there.
   *
   * @example
   * const { workspace, created } = await ma.ensureWorkspace({ name: "team-a", auth_type: "PRIVATE" });
   */
  ensureWorkspace(body: CreateWorkspaceRequest, options?: CallOptions): Promise<EnsureResult<Workspace>>;
  /**
   * Polls the workspace until it is NORMAL, with backoff between `minDelayInMs` (2 s) and
   * `maxDelayInMs` (30 s), never past `maxWaitInMs` (required). Rejects with WaiterError
   * (`reason: "failure"`) on CREATE_FAILED, DELETING, DELETE_FAILED or when the workspace is
   * gone, (`reason: "timeout"`) at the deadline, and with AbortError at once on `abortSignal`.
   *
   * @example
   * const ready = await ma.waitUntilWorkspaceReady(id, { maxWaitInMs: 10 * 60_000, onPoll: (ws, n) => console.log(n, ws.status) });
   */
  waitUntilWorkspaceReady(id: WorkspaceId, options: WaiterOptions<Workspace>): Promise<Workspace>;
  /**
   * After `deleteWorkspace` (which only starts the deletion), polls until the workspace is
   * gone; rejects with WaiterError on DELETE_FAILED (with the service's `status_info`) or at
   * `maxWaitInMs` (required).
   *
   * @example
   * await ma.deleteWorkspace(id);
   * await ma.waitUntilWorkspaceDeleted(id, { maxWaitInMs: 5 * 60_000 });
   */
  waitUntilWorkspaceDeleted(id: WorkspaceId, options: WaiterOptions<Workspace>): Promise<undefined>;
  /**
   * openapi-fetch client over the same transport (credentials, retries, timeouts), typed by
   * the spec, for calls the client does not wrap. No input validation; a failure rejects with
   * the same SdkError subclasses.
   *
   * @example
   * const { data } = await ma.raw.GET("/v1/{project_id}/workspaces/{workspace_id}", {
   *   params: { path: { project_id: projectId, workspace_id: id } },
   * });
   */
  readonly raw: Client<paths>;
}

/**
 * Creates a ModelArts client for one project: the functions of `@ws/modelarts/api` over one
 * context, as methods, with the openapi-fetch `raw` client.
 * Nothing is sent until the first call: credentials given are checked now, the default
 * chain and the IAM project lookup (when no `projectId` is found) run at the first call.
 * Throws a ConfigurationError when the region is unknown (the message lists the known
 * ones), neither a region nor an endpoint is found, an option is out of range, the
 * credentials are malformed, or the endpoint is plain http:// to a host that is not loopback.
 *
 * @example
 * const ma = createModelArtsClient({ region: "cn-north-4", projectId, credentials: { accessKey, secretKey } });
 */
export function createModelArtsClient(options: ModelArtsClientOptions): ModelArtsClient {
  const ctx = api.createModelArtsContext(options);
  return {
    raw: createRawClient<paths>(ctx.service),
    ...bindToContext(ctx, {
      createWorkspace: api.createWorkspace,
      listWorkspaces: api.listWorkspaces,
      getWorkspace: api.getWorkspace,
      updateWorkspace: api.updateWorkspace,
      deleteWorkspace: api.deleteWorkspace,
      findWorkspaceByName: api.findWorkspaceByName,
      ensureWorkspace: api.ensureWorkspace,
      getWorkspaceQuotas: api.getWorkspaceQuotas,
      updateWorkspaceQuotas: api.updateWorkspaceQuotas,
      waitUntilWorkspaceReady: api.waitUntilWorkspaceReady,
      waitUntilWorkspaceDeleted: api.waitUntilWorkspaceDeleted,
    }),
  };
}

export { MODELARTS_STATES } from "./api.js";
/** The documented endpoint of each region. */
export { endpoints as modelArtsEndpoints } from "./generated/endpoints.js";
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
  CredentialsUnavailableError,
  fromEnv,
  fromProfile,
  fromMetadata,
  chainCredentials,
  defaultCredentials,
  type CredentialProvider,
  type ProvidedCredentials,
  type CallOptions,
  type PagedAsyncIterableIterator,
  WaiterError,
  type EnsureResult,
  type WaiterOptions,
} from "@ws/core";
