/**
 * RES's operations as standalone functions over a context: the same names, options,
 * results and errors as the methods of `createResClient`, for bundles that keep only what they
 * call (a bundle with `createWorkspace` alone carries no paging, `ensureWorkspace`, other
 * operations' rules or error-code tables).
 *
 * @example
 * import { createResContext, createWorkspace } from "@ws/res/api";
 * const ctx = createResContext({ region: "cn-north-4", projectId, credentials: { token } });
 * await createWorkspace(ctx, { name: "recsys-a", enterprise_project_id: "0" });
 *
 * @module @ws/res/api
 */
import {
  createHuaweiServiceCall,
  ensureWorkspaceWith,
  findWorkspaceByNameWith,
  getWorkspaceWith,
  isRecord,
  listWorkspacesWith,
  paramsWithId,
  type CallOptions,
  type EnsureResult,
  type PagedAsyncIterableIterator,
  type ServiceCall,
  type Unwrap,
  type WorkspaceScope,
} from "@ws/core";
import { endpoints } from "./generated/endpoints.js";
import {
  createWorkspace as createWorkspaceOperation,
  deleteWorkspace as deleteWorkspaceOperation,
  getWorkspace as getWorkspaceOperation,
  listEnterpriseProjects as listEnterpriseProjectsOperation,
  listWorkspaces as listWorkspacesOperation,
  updateWorkspace as updateWorkspaceOperation,
  notFoundCodes,
} from "./generated/operations.js";
import type {
  CreateWorkspaceRequest,
  CreateWorkspaceResponse,
  DeleteWorkspaceResponse,
  EnterpriseProject,
  ListWorkspacesQuery,
  ResClientOptions,
  ResRegion,
  UpdateWorkspaceRequest,
  UpdateWorkspaceResponse,
  Workspace,
} from "./index.js";

// name/version of this package, set by the build (tooling/tsup.base.mjs), for the User-Agent.
declare const __WS_PACKAGE_ID__: string;

/**
 * The connection to RES that every function of `@ws/res/api` takes first. Made by {@link createResContext}.
 *
 * @example
 * const ctx: ResContext = createResContext({ region: "cn-north-4", projectId, credentials: { token } });
 */
export interface ResContext extends WorkspaceScope {
  /** The pipeline the operations are sent through. */
  readonly service: ServiceCall;
}

/**
 * The context of the `@ws/res/api` functions: the same options, checks and defaults as
 * `createResClient` (nothing is sent until the first call; a bad option throws a
 * ConfigurationError now), without the client's methods or its `raw` client.
 *
 * @example
 * const ctx = createResContext({ region: "cn-north-4", projectId, credentials: { token } });
 */
export function createResContext(options: ResClientOptions): ResContext {
  // The documents (and Huawei's Go SDK) send Content-Type: application/json on every call, GET and DELETE included.
  const withContentType = { ...options, headers: { "content-type": "application/json", ...options.headers } };
  const service = createHuaweiServiceCall<ResRegion>({
    provider: "res",
    endpoints,
    options: withContentType,
    projectId: options.projectId,
    projectIdIn: "path",
    envName: "RES",
    unwrap: unwrapResBody,
    notFoundCodes,
    packageId: __WS_PACKAGE_ID__,
  });
  return { service, params: { project_id: options.projectId }, duplicateCodes: ["RES.3406"] /* the workspace already exists */ };
}

/**
 * Creates a workspace (see `ResClient.createWorkspace`).
 *
 * @example
 * await createWorkspace(ctx, { name: "recsys-a", enterprise_project_id: "0" });
 */
export function createWorkspace(ctx: ResContext, body: CreateWorkspaceRequest, options?: CallOptions): Promise<CreateWorkspaceResponse> {
  return ctx.service.call<CreateWorkspaceResponse>(createWorkspaceOperation, { params: ctx.params, body }, options);
}

/**
 * Every workspace matching `query`, fetched page by page as you iterate. A bad query throws a ValidationError at the call.
 *
 * @example
 * for await (const ws of listWorkspaces(ctx)) console.log(ws.name);
 */
export function listWorkspaces(ctx: ResContext, query?: ListWorkspacesQuery, options?: CallOptions): PagedAsyncIterableIterator<Workspace> {
  return listWorkspacesWith<Workspace>(ctx, listWorkspacesOperation, query, options);
}

/**
 * The workspace with this id. Rejects with NotFoundError when it does not exist.
 *
 * @example
 * const ws = await getWorkspace(ctx, id);
 */
export function getWorkspace(ctx: ResContext, id: string, options?: CallOptions): Promise<Workspace> {
  return getWorkspaceWith<Workspace>(ctx, getWorkspaceOperation, id, options, firstWorkspace);
}

/**
 * Changes the workspace and resolves to the service's answer.
 *
 * @example
 * await updateWorkspace(ctx, id, { description: "d" });
 */
export function updateWorkspace(ctx: ResContext, id: string, body: UpdateWorkspaceRequest, options?: CallOptions): Promise<UpdateWorkspaceResponse> {
  return ctx.service.call<UpdateWorkspaceResponse>(updateWorkspaceOperation, { params: paramsWithId(ctx, id), body }, options);
}

/**
 * Deletes the workspace.
 *
 * @example
 * await deleteWorkspace(ctx, id);
 */
export function deleteWorkspace(ctx: ResContext, id: string, options?: CallOptions): Promise<DeleteWorkspaceResponse> {
  return ctx.service.call<DeleteWorkspaceResponse>(deleteWorkspaceOperation, { params: paramsWithId(ctx, id) }, options);
}

/**
 * The workspace whose name is exactly `name`, or undefined.
 *
 * @example
 * const ws = await findWorkspaceByName(ctx, "team-a");
 */
export function findWorkspaceByName(ctx: ResContext, name: string, options?: CallOptions): Promise<Workspace | undefined> {
  return findWorkspaceByNameWith<Workspace>(ctx, listWorkspacesOperation, name, options);
}

/**
 * Creates the workspace unless one with exactly this name exists, and resolves to it with `created`.
 *
 * @example
 * const { workspace, created } = await ensureWorkspace(ctx, { name: "recsys-a", enterprise_project_id: "0" });
 */
export function ensureWorkspace(ctx: ResContext, body: CreateWorkspaceRequest, options?: CallOptions): Promise<EnsureResult<Workspace>> {
  return ensureWorkspaceWith<Workspace, CreateWorkspaceRequest>(ctx, createWorkspaceOperation, listWorkspacesOperation, body, options);
}

/**
 * The enterprise projects a workspace can be created in (see `ResClient.listEnterpriseProjects`).
 *
 * @example
 * const [first] = await listEnterpriseProjects(ctx);
 */
export function listEnterpriseProjects(ctx: ResContext, options?: CallOptions): Promise<EnterpriseProject[]> {
  return ctx.service.call<EnterpriseProject[]>(listEnterpriseProjectsOperation, { params: ctx.params }, options, enterpriseProjects);
}

/**
 * RES reports some failures with HTTP 200 and `is_success: false`.
 *
 * @example
 * unwrapResBody({ is_success: false }, response); // { ok: false, outcomeUnknown: false }
 */
export const unwrapResBody: Unwrap = (body) => {
  if (!isRecord(body)) return { ok: false, outcomeUnknown: true };
  return body.is_success === false ? { ok: false, outcomeUnknown: false } : { ok: true, value: body };
};

// The show answer's one workspace; an empty array means there is none.
const firstWorkspace = (answer: unknown): unknown => (isRecord(answer) && Array.isArray(answer.workspaces) ? answer.workspaces[0] : undefined);

// `{is_success, enterprise_projects}` to the array (absent: none); anything else is not the documented answer.
const enterpriseProjects: Unwrap = (body, response) => {
  const result = unwrapResBody(body, response);
  if (!result.ok) return result;
  const projects = (result.value as Record<string, unknown>).enterprise_projects;
  if (projects === undefined) return { ok: true, value: [] };
  return Array.isArray(projects) ? { ok: true, value: projects } : { ok: false, outcomeUnknown: true };
};
