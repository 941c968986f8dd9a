/**
 * DataArts Insight's operations as standalone functions over a context: the same names, options,
 * results and errors as the methods of `createInsightClient`, for bundles that keep only what they
 * call (a bundle with `createWorkspace` alone carries no paging, `ensureWorkspace`, other
 * operations' rules or error-code tables).
 *
 * @example
 * import { createInsightContext, createWorkspace } from "@ws/insight/api";
 * const ctx = createInsightContext({ region: "cn-north-4", projectId, instanceId, credentials: { token } });
 * await createWorkspace(ctx, { name: "sales", eps_id: "0" });
 *
 * @module @ws/insight/api
 */
import {
  acceptAnyBody,
  createHuaweiServiceCall,
  ensureWorkspaceWith,
  findWorkspaceByNameWith,
  getWorkspaceFromList,
  listWorkspacesWith,
  paramsWithId,
  requireOption,
  type CallOptions,
  type EnsureResult,
  type PagedAsyncIterableIterator,
  type ServiceCall,
  type WorkspaceScope,
} from "@ws/core";
import { endpoints } from "./generated/endpoints.js";
import {
  createWorkspace as createWorkspaceOperation,
  deleteWorkspace as deleteWorkspaceOperation,
  listWorkspaces as listWorkspacesOperation,
  updateWorkspace as updateWorkspaceOperation,
  notFoundCodes,
} from "./generated/operations.js";
import type {
  CreateWorkspaceRequest,
  InsightClientOptions,
  InsightRegion,
  ListWorkspacesQuery,
  UpdateWorkspaceRequest,
  UpdateWorkspaceResponse,
  Workspace,
} from "./index.js";

// name/version of this package, set by the build (tooling/tsup.base.mjs), for the User-Agent.
declare const __WS_PACKAGE_ID__: string;

/**
 * The connection to DataArts Insight that every function of `@ws/insight/api` takes first. Made by {@link createInsightContext}.
 *
 * @example
 * const ctx: InsightContext = createInsightContext({ region: "cn-north-4", projectId, instanceId, credentials: { token } });
 */
export interface InsightContext extends WorkspaceScope {
  /** The pipeline the operations are sent through. */
  readonly service: ServiceCall;
}

/**
 * The context of the `@ws/insight/api` functions: the same options, checks and defaults as
 * `createInsightClient` (nothing is sent until the first call; a bad option throws a
 * ConfigurationError now), without the client's methods or its `raw` client.
 *
 * @example
 * const ctx = createInsightContext({ region: "cn-north-4", projectId, instanceId, credentials: { token } });
 */
export function createInsightContext(options: InsightClientOptions): InsightContext {
  requireOption("insight", options, "instanceId", "the DataArts Insight instance whose workspaces the client manages");
  const service = createHuaweiServiceCall<InsightRegion>({
    provider: "insight",
    endpoints,
    options,
    projectId: options.projectId,
    projectIdIn: "path",
    envName: "DATAARTSINSIGHT",
    notFoundCodes,
    packageId: __WS_PACKAGE_ID__,
  });
  return {
    service,
    params: { project_id: options.projectId, instance_id: options.instanceId },
    nameFilter: "name",
    duplicateCodes: ["24150001"], // the name is already taken
  };
}

/**
 * Creates a workspace (see `InsightClient.createWorkspace`).
 *
 * @example
 * await createWorkspace(ctx, { name: "sales", eps_id: "0" });
 */
export function createWorkspace(ctx: InsightContext, body: CreateWorkspaceRequest, options?: CallOptions): Promise<Workspace> {
  return ctx.service.call<Workspace>(createWorkspaceOperation, { params: ctx.params, body }, options);
}

/**
 * Every workspace matching `query`, fetched page by page as you iterate. A bad query throws a ValidationError at the call.
 *
 * @example
 * for await (const ws of listWorkspaces(ctx)) console.log(ws.name);
 */
export function listWorkspaces(ctx: InsightContext, query?: ListWorkspacesQuery, options?: CallOptions): PagedAsyncIterableIterator<Workspace> {
  return listWorkspacesWith<Workspace>(ctx, listWorkspacesOperation, query, options);
}

/**
 * The workspace with this id. Rejects with NotFoundError when it does not exist.
 *
 * @example
 * const ws = await getWorkspace(ctx, id);
 */
export function getWorkspace(ctx: InsightContext, id: string, options?: CallOptions): Promise<Workspace> {
  return getWorkspaceFromList<Workspace>(ctx, listWorkspacesOperation, id, options);
}

/**
 * Changes the workspace and resolves to the service's answer.
 *
 * @example
 * await updateWorkspace(ctx, id, { description: "d" });
 */
export function updateWorkspace(ctx: InsightContext, id: string, body: UpdateWorkspaceRequest, options?: CallOptions): Promise<UpdateWorkspaceResponse> {
  return ctx.service.call<UpdateWorkspaceResponse>(updateWorkspaceOperation, { params: paramsWithId(ctx, id), body }, options);
}

/**
 * Deletes the workspace.
 *
 * @example
 * await deleteWorkspace(ctx, id);
 */
export function deleteWorkspace(ctx: InsightContext, id: string, options?: CallOptions): Promise<void> {
  return ctx.service.call<void>(deleteWorkspaceOperation, { params: paramsWithId(ctx, id) }, options, acceptAnyBody);
}

/**
 * The workspace whose name is exactly `name`, or undefined.
 *
 * @example
 * const ws = await findWorkspaceByName(ctx, "team-a");
 */
export function findWorkspaceByName(ctx: InsightContext, name: string, options?: CallOptions): Promise<Workspace | undefined> {
  return findWorkspaceByNameWith<Workspace>(ctx, listWorkspacesOperation, name, options);
}

/**
 * Creates the workspace unless one with exactly this name exists, and resolves to it with `created`.
 *
 * @example
 * const { workspace, created } = await ensureWorkspace(ctx, { name: "sales", eps_id: "0" });
 */
export function ensureWorkspace(ctx: InsightContext, body: CreateWorkspaceRequest, options?: CallOptions): Promise<EnsureResult<Workspace>> {
  return ensureWorkspaceWith<Workspace, CreateWorkspaceRequest>(ctx, createWorkspaceOperation, listWorkspacesOperation, body, options);
}
