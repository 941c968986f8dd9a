/**
 * Huawei Cloud DataArts Insight workspaces: create, list, get, update, delete and find them
 * by name, typed and checked against the spec before anything is sent.
 *
 * @example
 * import { createInsightClient } from "@ws/insight";
 * const insight = createInsightClient({ region: "cn-north-4", projectId, instanceId, credentials: { accessKey, secretKey } });
 * const sales = await insight.createWorkspace({ name: "sales", eps_id: "0" });
 *
 * @module @ws/insight
 */
// @ws/insight: the workspaces of Huawei Cloud DataArts Insight. A configuration
// of @ws/core: the generated spec types, rules and region table, and the
// service's quirks (no get API, a delete answer the documents disagree on).
import { bindToContext, createRawClient, type CallOptions, type EnsureResult, type HuaweiClientOptions, type PagedAsyncIterableIterator } from "@ws/core";
import type { Client } from "openapi-fetch";
import * as api from "./api.js";
import type { EndpointName } from "./generated/endpoints.js";
import type { components, operations, paths } from "./generated/schema.js";

/** A region with a documented DataArts Insight endpoint (`cn-north-4`, `cn-north-9`, `cn-east-3`, `cn-south-1`, `cn-southwest-2`). */
export type InsightRegion = EndpointName;
/** The body of `createWorkspace`: `name` and `eps_id` are required. */
export type CreateWorkspaceRequest = components["schemas"]["CreateWorkspaceRequest"];
/** A workspace, as created and as listed. */
export type Workspace = components["schemas"]["Workspace"];
/**
 * The filters of `listWorkspaces`: `name` matches fuzzily (at most 100 characters).
 * `offset` is where to start (the page to start from) and `limit` the page size;
 * both are optional, the SDK walks every page from there.
 */
export type ListWorkspacesQuery = NonNullable<operations["listWorkspaces"]["parameters"]["query"]>;
/** The body of `updateWorkspace`: the whole workspace, `name` and `eps_id` always sent. */
export type UpdateWorkspaceRequest = components["schemas"]["UpdateWorkspaceRequest"];
/** What `updateWorkspace` resolves to: the updated workspace's `id`. */
export type UpdateWorkspaceResponse = components["schemas"]["UpdateWorkspaceResponse"];
/** One page of `listWorkspaces` as the service answers it (`count` of all matches, `page_data`). */
export type ListWorkspacesResponse = components["schemas"]["ListWorkspacesResponse"];
export type { paths, components, operations } from "./generated/schema.js";

/**
 * Options of `createInsightClient`: the region (or endpoint), credentials, project and
 * instance, with the common client options (timeouts, retries, headers, logger).
 *
 * @example
 * const insight = createInsightClient({ region: "cn-north-4", instanceId, credentials: fromEnv(), maxRetries: 3 });
 */
export type InsightClientOptions = HuaweiClientOptions<InsightRegion> & {
  /**
   * The project (the `{project_id}` of the path). Optional:
   * HUAWEICLOUD_SDK_PROJECT_ID, `project_id` in the credentials file, else the region's
   * project, looked up once in IAM (`GET /v3/projects?name={region}`).
   */
  projectId?: string | undefined;
  /** Required: the DataArts Insight instance the workspaces belong to (the `{instance_id}` of the path). */
  instanceId: string;
};

/**
 * A DataArts Insight client for one instance. Every method rejects with an SdkError subclass.
 *
 * @example
 * const insight = createInsightClient({ region: "cn-north-4", projectId, instanceId, credentials: { accessKey, secretKey } });
 * const sales = await insight.createWorkspace({ name: "sales", eps_id: "0" });
 */
export interface InsightClient {
  /**
   * Creates a workspace. Resolves to the created workspace. A name in use is refused
   * (ApiError 24150001).
   *
   * @example
   * const sales = await insight.createWorkspace({ name: "sales", eps_id: "0", configs: { default_dataset_permission: "0" } });
   */
  createWorkspace(body: CreateWorkspaceRequest, options?: CallOptions): Promise<Workspace>;
  /**
   * Every workspace of the instance the caller may see, page after page (100 a page),
   * optionally filtered by `name` (fuzzy). Nothing is fetched until iteration starts;
   * a bad query throws a ValidationError here, before any request.
   *
   * @example
   * for await (const ws of insight.listWorkspaces({ name: "sales" })) console.log(ws.id, ws.name);
   * for await (const page of insight.listWorkspaces().byPage()) console.log(page.length);
   */
  listWorkspaces(query?: ListWorkspacesQuery, options?: CallOptions): PagedAsyncIterableIterator<Workspace>;
  /**
   * The workspace with this id. The service has no get API: the instance's list is
   * searched (it has no id filter). Rejects with NotFoundError when it is not there.
   *
   * @example
   * const ws = await insight.getWorkspace(id);
   */
  getWorkspace(id: string, options?: CallOptions): Promise<Workspace>;
  /**
   * Replaces a workspace's name, description, enterprise project and configs (`name`
   * and `eps_id` are required). Resolves to `{ id }`. An unknown id rejects with
   * NotFoundError (DataArtsInsight.24150005, HTTP 400); a name in use with ApiError 24150001.
   *
   * @example
   * await insight.updateWorkspace(id, { name: "sales-eu", eps_id: "0", description: "EU sales" });
   */
  updateWorkspace(id: string, body: UpdateWorkspaceRequest, options?: CallOptions): Promise<UpdateWorkspaceResponse>;
  /**
   * Deletes a workspace. Resolves (to nothing) on any success answer, whose body the
   * documents disagree on. An unknown id rejects with NotFoundError; the default
   * workspace cannot be deleted (ApiError 24150002).
   *
   * @example
   * await insight.deleteWorkspace(id);
   */
  deleteWorkspace(id: string, options?: CallOptions): Promise<void>;
  /**
   * The workspace whose name is exactly `name`, or undefined. Lists with the service's
   * fuzzy name filter, then compares names exactly.
   *
   * @example
   * const sales = await insight.findWorkspaceByName("sales"); // not "sales-eu"
   */
  findWorkspaceByName(name: string, options?: CallOptions): Promise<Workspace | undefined>;
  /**
   * Creates the workspace unless one with exactly this name exists, and resolves to it with
   * `created`. Never sends the create twice by accident: after an answer that was lost (a
   * timeout, a dropped connection, a 5xx) it looks the name up and creates again only when
   * the service answered that lookup and the workspace is not there.
   *
   * @example
   * const { workspace, created } = await insight.ensureWorkspace({ name: "sales", eps_id: "0" });
   */
  ensureWorkspace(body: CreateWorkspaceRequest, options?: CallOptions): Promise<EnsureResult<Workspace>>;
  /**
   * openapi-fetch client over the same transport (credentials, retries, timeouts), typed by
   * the spec, for calls the client does not wrap. No input validation; a failure rejects with
   * the same SdkError subclasses.
   *
   * @example
   * const { data } = await insight.raw.GET("/v1/{project_id}/instances/{instance_id}/workspaces", {
   *   params: { path: { project_id: projectId, instance_id: instanceId }, query: { limit: 10 } },
   * });
   */
  readonly raw: Client<paths>;
}

// Any 2xx is a deletion (EN shows {status_code, message, is_success}, CN `""`): resolve to nothing.

/**
 * Creates a DataArts Insight client for one instance.
 * The functions of `@ws/insight/api` over one context, as methods, with the openapi-fetch `raw` client.
 * Nothing is sent until the first call: credentials given are checked now, the default
 * chain and the IAM project lookup (when no `projectId` is found) run at the first call.
 * Throws a ConfigurationError when the region is unknown (the message lists the known
 * ones), neither a region nor an endpoint is found, an option is out of range, the
 * credentials are malformed, or the endpoint is plain http:// to a host that is not loopback,
 * or `instanceId` is missing.
 *
 * @example
 * const insight = createInsightClient({ region: "cn-north-4", projectId, instanceId, credentials: { accessKey, secretKey } });
 */
export function createInsightClient(options: InsightClientOptions): InsightClient {
  const ctx = api.createInsightContext(options);
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
    }),
  };
}

/** The documented endpoint of each region (`dataartsinsight.{region}.myhuaweicloud.com`). */
export { endpoints as insightEndpoints } from "./generated/endpoints.js";
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
  type EnsureResult,
} from "@ws/core";
