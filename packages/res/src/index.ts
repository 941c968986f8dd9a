/**
 * Huawei Cloud RES (Recommender System) workspaces: create, list, get, update, delete and
 * find them by name, typed and checked against the spec before anything is sent.
 *
 * @example
 * import { createResClient } from "@ws/res";
 * const res = createResClient({ region: "cn-north-4", projectId, credentials: { accessKey, secretKey } });
 * await res.createWorkspace({ name: "recsys-a", enterprise_project_id: "0" });
 *
 * @module @ws/res
 */
// @ws/res: the workspaces of Huawei Cloud RES (Recommender System). A
// configuration of @ws/core plus RES's quirks: failures can arrive as HTTP 200
// with `is_success: false`; the create answer has no id; the list has no paging
// (one answer holds everything); the show answer wraps its one workspace in an
// array; the enterprise projects come wrapped in `{is_success, enterprise_projects}`.
import { bindToContext, createRawClient, type CallOptions, type EnsureResult, type HuaweiClientOptions, type PagedAsyncIterableIterator } from "@ws/core";
import type { Client } from "openapi-fetch";
import * as api from "./api.js";
import type { EndpointName } from "./generated/endpoints.js";
import type { components, operations, paths } from "./generated/schema.js";

/** A region with a documented RES endpoint (only `cn-north-4`). */
export type ResRegion = EndpointName;
/** The body of `createWorkspace`: `name` and `enterprise_project_id` are required, `description` is optional. */
export type CreateWorkspaceRequest = components["schemas"]["CreateWorkspaceRequest"];
/** `{ is_success: true, message }`: RES does not return the new workspace's id (find it with `findWorkspaceByName`). */
export type CreateWorkspaceResponse = components["schemas"]["CreateWorkspaceResponse"];
/**
 * A workspace, as list and show return it. Note the spelling `update_at`, and `userId` /
 * `projectId` in camelCase; `created_at` and `update_at` are epoch numbers (milliseconds, as far as seen).
 */
export type Workspace = components["schemas"]["Workspace"];
type GeneratedListQuery = NonNullable<operations["listWorkspaces"]["parameters"]["query"]>;
/**
 * The query of `listWorkspaces`. RES documents none (no filter, no paging), so the only
 * query is none at all: any field is a type error (and refused at run time).
 */
export type ListWorkspacesQuery = [GeneratedListQuery] extends [never] ? Record<string, never> : GeneratedListQuery;
/** The answer of the list call: `{ is_success, workspaces }`, every workspace at once. */
export type ListWorkspacesResponse = components["schemas"]["ListWorkspacesResponse"];
/** The answer of the show call: `{ is_success, workspaces }`, the one workspace wrapped in an array (`getWorkspace` unwraps it). */
export type GetWorkspaceResponse = components["schemas"]["GetWorkspaceResponse"];
/**
 * The body of `updateWorkspace`: `description` and/or `name`, both optional. The API reference
 * says only the description can be updated, so RES may ignore or refuse a new name.
 */
export type UpdateWorkspaceRequest = components["schemas"]["UpdateWorkspaceRequest"];
/** What `updateWorkspace` resolves to: `{ is_success: true, message }`. */
export type UpdateWorkspaceResponse = components["schemas"]["UpdateWorkspaceResponse"];
/** What `deleteWorkspace` resolves to: `{ is_success: true, message }`. */
export type DeleteWorkspaceResponse = components["schemas"]["DeleteWorkspaceResponse"];
/** An enterprise project a workspace can be bound to (`id` `"0"` is the default one). Its times are strings, unlike a workspace's. */
export type EnterpriseProject = components["schemas"]["EnterpriseProject"];
/** The answer of the enterprise-projects call: `{ is_success, enterprise_projects }` (`listEnterpriseProjects` unwraps it). */
export type ListEnterpriseProjectsResponse = components["schemas"]["ListEnterpriseProjectsResponse"];
export type { paths, components, operations } from "./generated/schema.js";

/**
 * Options of `createResClient`: the region (or endpoint), credentials and project, with
 * the common client options (timeouts, retries, headers, logger).
 *
 * @example
 * const res = createResClient({ region: "cn-north-4", projectId, credentials: fromProfile(), timeoutInMs: 10_000 });
 */
export type ResClientOptions = HuaweiClientOptions<ResRegion> & {
  /**
   * The project the workspaces belong to (the `{project_id}` of the path). Optional:
   * HUAWEICLOUD_SDK_PROJECT_ID, `project_id` in the credentials file, else the region's
   * project, looked up once in IAM (`GET /v3/projects?name={region}`).
   */
  projectId?: string | undefined;
};

/**
 * A RES client for one project. Every method rejects with an SdkError subclass, also when
 * RES says `is_success: false` with HTTP 200.
 *
 * @example
 * const res = createResClient({ region: "cn-north-4", projectId, credentials: { accessKey, secretKey } });
 * for await (const ws of res.listWorkspaces()) console.log(ws.id, ws.name);
 */
export interface ResClient {
  /**
   * Creates a workspace. Resolves to RES's success body, which has no id: find the new
   * workspace with `findWorkspaceByName`. A name in use is refused (ApiError RES.3406).
   *
   * @example
   * await res.createWorkspace({ name: "recsys-a", enterprise_project_id: "0", description: "ranking" });
   * const created = await res.findWorkspaceByName("recsys-a");
   */
  createWorkspace(body: CreateWorkspaceRequest, options?: CallOptions): Promise<CreateWorkspaceResponse>;
  /**
   * Every workspace the caller may operate on. RES has no paging and no filters: one
   * request, one page. Nothing is fetched until iteration starts; a query field throws a
   * ValidationError here, before any request.
   *
   * @example
   * for await (const ws of res.listWorkspaces()) console.log(ws.id, ws.name);
   */
  listWorkspaces(query?: ListWorkspacesQuery, options?: CallOptions): PagedAsyncIterableIterator<Workspace>;
  /**
   * The workspace with this id (RES answers it as a one-item array; this resolves to the
   * item). Rejects with NotFoundError on RES.3403 ("workspace does not exist", HTTP 400 or
   * 200) or when the answer's array is empty.
   *
   * @example
   * const ws = await res.getWorkspace(id);
   */
  getWorkspace(id: string, options?: CallOptions): Promise<Workspace>;
  /**
   * Changes a workspace's description (and, per the SDK model, its name); fields left out
   * keep their value. Resolves to `{ is_success: true, message }`. An unknown id rejects with
   * NotFoundError (RES.3403); a name another workspace has with ApiError RES.3406.
   *
   * @example
   * await res.updateWorkspace(id, { description: "ranking, v2" });
   */
  updateWorkspace(id: string, body: UpdateWorkspaceRequest, options?: CallOptions): Promise<UpdateWorkspaceResponse>;
  /**
   * Deletes a workspace and every resource in it (this cannot be undone; the enterprise
   * project stays). Resolves to `{ is_success: true, message }`. An unknown id rejects with
   * NotFoundError (RES.3403).
   *
   * @example
   * await res.deleteWorkspace(id);
   */
  deleteWorkspace(id: string, options?: CallOptions): Promise<DeleteWorkspaceResponse>;
  /**
   * The workspace whose name is exactly `name`, or undefined (the list has no name filter:
   * it is searched whole).
   *
   * @example
   * const ws = await res.findWorkspaceByName("recsys-a");
   * if (ws === undefined) console.log("no such workspace");
   */
  findWorkspaceByName(name: string, options?: CallOptions): Promise<Workspace | undefined>;
  /**
   * The caller's enterprise projects, to bind a workspace to (`"0"` is the default one).
   * Resolves to the array.
   *
   * @example
   * const [first] = await res.listEnterpriseProjects();
   * await res.createWorkspace({ name: "recsys-b", enterprise_project_id: first?.id ?? "0" });
   */
  listEnterpriseProjects(options?: CallOptions): Promise<EnterpriseProject[]>;
  /**
   * Creates the workspace unless one with exactly this name exists, and resolves to it (with
   * its id, which RES's create answer does not carry: it is looked up by name) and `created`.
   * Never sends the create twice by accident: after an answer that was lost it looks the name
   * up and creates again only when the service answered that lookup and the workspace is not there.
   *
   * @example
   * const { workspace, created } = await res.ensureWorkspace({ name: "recsys-a", enterprise_project_id: "0" });
   */
  ensureWorkspace(body: CreateWorkspaceRequest, options?: CallOptions): Promise<EnsureResult<Workspace>>;
  /**
   * openapi-fetch client over the same transport (credentials, retries, timeouts), typed by
   * the spec, for calls the client does not wrap. No input validation. A failure rejects with
   * the same SdkError subclasses, also a 2xx answer with `is_success: false`.
   *
   * @example
   * const { data } = await res.raw.GET("/v2.0/{project_id}/workspaces", { params: { path: { project_id: projectId } } });
   */
  readonly raw: Client<paths>;
}

/**
 * Creates a RES client for one project.
 * The functions of `@ws/res/api` over one context, as methods, with the openapi-fetch `raw` client.
 * Nothing is sent until the first call: credentials given are checked now, the default
 * chain and the IAM project lookup (when no `projectId` is found) run at the first call.
 * Throws a ConfigurationError when the region is unknown (the message lists the known
 * ones), neither a region nor an endpoint is found, an option is out of range, the
 * credentials are malformed, or the endpoint is plain http:// to a host that is not loopback.
 *
 * @example
 * const res = createResClient({ region: "cn-north-4", projectId, credentials: { accessKey, secretKey } });
 */
export function createResClient(options: ResClientOptions): ResClient {
  const ctx = api.createResContext(options);
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
      listEnterpriseProjects: api.listEnterpriseProjects,
    }),
  };
}

export { unwrapResBody } from "./api.js";

/** The documented endpoint of each region (`res.{region}.myhuaweicloud.com`). */
export { endpoints as resEndpoints } from "./generated/endpoints.js";
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
