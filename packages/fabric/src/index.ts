/**
 * Huawei Cloud DataArts Fabric workspaces: create, list, get, update, delete and find them
 * by name, typed and checked against the spec before anything is sent.
 *
 * @example
 * import { createFabricClient } from "@ws/fabric";
 * const fabric = createFabricClient({ region: "cn-southwest-2", credentials: { token } });
 * const lake = await fabric.createWorkspace({ name: "lake-01" });
 *
 * @module @ws/fabric
 */
// @ws/fabric: the workspaces of Huawei Cloud DataArts Fabric. A configuration of
// @ws/core: the generated spec types, rules and region table, and the service's
// quirks. Fabric's paths carry no project id: the token's scope names the
// project, or (with AK/SK) the signed X-Project-Id header from `projectId`.
// There is no get API (one workspace is read by listing with the `id` filter),
// the delete answers an empty body, and every list request names the enterprise
// projects to search (`all_granted_eps` unless the caller gives one).
import { bindToContext, createRawClient, type CallOptions, type EnsureResult, type HuaweiClientOptions, type PagedAsyncIterableIterator } from "@ws/core";
import type { Client } from "openapi-fetch";
import * as api from "./api.js";
import type { EndpointName } from "./generated/endpoints.js";
import type { components, operations, paths } from "./generated/schema.js";

/** A region with a documented DataArts Fabric endpoint (`cn-north-4`, `cn-southwest-2`). */
export type FabricRegion = EndpointName;
/** The body of `createWorkspace`: `name` is required; description, MetaStore ID, enterprise project and tags are optional. */
export type CreateWorkspaceRequest = components["schemas"]["CreateWorkspaceRequest"];
/**
 * A workspace, as create, list and update return it. `create_time` is an ISO 8601 string;
 * `enterprise_project_id` may arrive as a string or a number.
 */
export type Workspace = components["schemas"]["Workspace"];
/**
 * The filters of `listWorkspaces`: `name` (fuzzy, 4 to 32 characters), `id` (exact) and
 * `enterprise_project_id` (default `all_granted_eps`, which the SDK sends when you give none).
 * `offset` is the record to start from and `limit` the page size (1 to 100); both are
 * optional, the SDK walks every page from there.
 */
export type ListWorkspacesQuery = NonNullable<operations["listWorkspaces"]["parameters"]["query"]>;
/** The body of `updateWorkspace`: the fields to change (name, description, metastore_id, enterprise_project_id); fields left out keep their value. */
export type UpdateWorkspaceRequest = components["schemas"]["UpdateWorkspaceRequest"];
/** One page of `listWorkspaces` as the service answers it (`total` of all matches, `workspaces`). */
export type ListWorkspacesResponse = components["schemas"]["ListWorkspacesResponse"];
export type { paths, components, operations } from "./generated/schema.js";

/**
 * Options of `createFabricClient`: the region (or endpoint), credentials and, for AK/SK,
 * the project, with the common client options (timeouts, retries, headers, logger).
 *
 * @example
 * const fabric = createFabricClient({ region: "cn-southwest-2", projectId, credentials: fromProfile(), timeoutInMs: 10_000 });
 */
export type FabricClientOptions = HuaweiClientOptions<FabricRegion> & {
  /**
   * Optional: the project to act in, sent as X-Project-Id when requests are signed with
   * AK/SK (also from HUAWEICLOUD_SDK_PROJECT_ID or `project_id` in the credentials file).
   */
  projectId?: string | undefined;
};

/**
 * A DataArts Fabric client. Every method rejects with an SdkError subclass.
 *
 * @example
 * const fabric = createFabricClient({ region: "cn-southwest-2", projectId, credentials: { accessKey, secretKey } });
 * const lake = await fabric.createWorkspace({ name: "lake-01" });
 */
export interface FabricClient {
  /**
   * Creates a workspace. Resolves to the created workspace. A name in use is refused (ApiError).
   *
   * @example
   * const lake = await fabric.createWorkspace({ name: "lake-01", description: "raw zone", tags: [{ key: "team", value: "data" }] });
   */
  createWorkspace(body: CreateWorkspaceRequest, options?: CallOptions): Promise<Workspace>;
  /**
   * Every workspace the caller may see, page after page (100 a page), optionally filtered
   * by `name` (fuzzy), `id` or `enterprise_project_id` (default `all_granted_eps`, every
   * enterprise project the caller is authorised for). Nothing is fetched until iteration
   * starts; a bad query throws a ValidationError here, before any request.
   *
   * @example
   * for await (const ws of fabric.listWorkspaces({ name: "lake" })) console.log(ws.id, ws.name);
   * for await (const page of fabric.listWorkspaces().byPage()) console.log(page.length);
   */
  listWorkspaces(query?: ListWorkspacesQuery, options?: CallOptions): PagedAsyncIterableIterator<Workspace>;
  /**
   * The workspace with this id. The service has no get API: this lists with the `id`
   * filter. Rejects with NotFoundError when the answer holds no such workspace (or the
   * service answers dataartsfabric.00010003, "Workspace does not exist").
   *
   * @example
   * const ws = await fabric.getWorkspace(id);
   */
  getWorkspace(id: string, options?: CallOptions): Promise<Workspace>;
  /**
   * Changes a workspace's name, description, MetaStore ID or enterprise project; fields
   * left out keep their value. Resolves to the updated workspace. An unknown id rejects
   * with NotFoundError (dataartsfabric.00010003, HTTP 400).
   *
   * @example
   * const updated = await fabric.updateWorkspace(id, { description: "curated zone" });
   */
  updateWorkspace(id: string, body: UpdateWorkspaceRequest, options?: CallOptions): Promise<Workspace>;
  /**
   * Deletes a workspace. Resolves (to nothing) when the service answers 200 with its
   * empty body. An unknown id rejects with NotFoundError (dataartsfabric.00010003); a
   * workspace that still holds compute resources, endpoints or applications is refused.
   *
   * @example
   * await fabric.deleteWorkspace(id);
   */
  deleteWorkspace(id: string, options?: CallOptions): Promise<void>;
  /**
   * The workspace whose name is exactly `name`, or undefined. Lists with the service's
   * fuzzy name filter, then compares names exactly.
   *
   * @example
   * const lake = await fabric.findWorkspaceByName("lake-01");
   */
  findWorkspaceByName(name: string, options?: CallOptions): Promise<Workspace | undefined>;
  /**
   * Creates the workspace unless one with exactly this name exists, and resolves to it with
   * `created`. Never sends the create twice by accident: after an answer that was lost (a
   * timeout, a dropped connection, a 5xx) it looks the name up and creates again only when
   * the service answered that lookup and the workspace is not there.
   *
   * @example
   * const { workspace, created } = await fabric.ensureWorkspace({ name: "lake-01" });
   */
  ensureWorkspace(body: CreateWorkspaceRequest, options?: CallOptions): Promise<EnsureResult<Workspace>>;
  /**
   * openapi-fetch client over the same transport (credentials, retries, timeouts), typed by
   * the spec, for calls the client does not wrap. No input validation; a failure rejects with
   * the same SdkError subclasses.
   *
   * @example
   * const { data } = await fabric.raw.GET("/v1/workspaces", { params: { query: { limit: 10 } } });
   */
  readonly raw: Client<paths>;
}


/**
 * Creates a DataArts Fabric client.
 * The functions of `@ws/fabric/api` over one context, as methods, with the openapi-fetch `raw` client.
 * Nothing is sent until the first call: credentials given are checked now, the default
 * chain runs at the first call.
 * Throws a ConfigurationError when the region is unknown (the message lists the known
 * ones), neither a region nor an endpoint is found, an option is out of range, the
 * credentials are malformed, or the endpoint is plain http:// to a host that is not loopback.
 *
 * @example
 * const fabric = createFabricClient({ region: "cn-southwest-2", projectId, credentials: { accessKey, secretKey } });
 */
export function createFabricClient(options: FabricClientOptions): FabricClient {
  const ctx = api.createFabricContext(options);
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

/** The documented endpoint of each region (`fabric.{region}.myhuaweicloud.com`). */
export { endpoints as fabricEndpoints } from "./generated/endpoints.js";
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
