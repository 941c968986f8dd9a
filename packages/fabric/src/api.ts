/**
 * DataArts Fabric's operations as standalone functions over a context: the same names, options,
 * results and errors as the methods of `createFabricClient`, for bundles that keep only what they
 * call (a bundle with `createWorkspace` alone carries no paging, `ensureWorkspace`, other
 * operations' rules or error-code tables).
 *
 * @example
 * import { createFabricContext, createWorkspace } from "@ws/fabric/api";
 * const ctx = createFabricContext({ region: "cn-southwest-2", credentials: { token } });
 * await createWorkspace(ctx, { name: "lake-01" });
 *
 * @module @ws/fabric/api
 */
import {
  acceptAnyBody,
  createHuaweiServiceCall,
  ensureWorkspaceWith,
  findWorkspaceByNameWith,
  getWorkspaceFromList,
  listWorkspacesWith,
  paramsWithId,
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
  FabricClientOptions,
  FabricRegion,
  ListWorkspacesQuery,
  UpdateWorkspaceRequest,
  Workspace,
} from "./index.js";

// name/version of this package, set by the build (tooling/tsup.base.mjs), for the User-Agent.
declare const __WS_PACKAGE_ID__: string;

/**
 * The connection to DataArts Fabric that every function of `@ws/fabric/api` takes first. Made by {@link createFabricContext}.
 *
 * @example
 * const ctx: FabricContext = createFabricContext({ region: "cn-southwest-2", credentials: { token } });
 */
export interface FabricContext extends WorkspaceScope {
  /** The pipeline the operations are sent through. */
  readonly service: ServiceCall;
}

/**
 * The context of the `@ws/fabric/api` functions: the same options, checks and defaults as
 * `createFabricClient` (nothing is sent until the first call; a bad option throws a
 * ConfigurationError now), without the client's methods or its `raw` client.
 *
 * @example
 * const ctx = createFabricContext({ region: "cn-southwest-2", credentials: { token } });
 */
export function createFabricContext(options: FabricClientOptions): FabricContext {
  const service = createHuaweiServiceCall<FabricRegion>({
    provider: "fabric",
    endpoints,
    options,
    projectId: options.projectId,
    envName: "DATAARTSFABRIC",
    notFoundCodes,
    packageId: __WS_PACKAGE_ID__,
  });
  return {
    service,
    idFilter: "id",
    nameFilter: "name",
    // The EN page marks it mandatory (with this default) and the Go SDK always sends it.
    listDefaults: { enterprise_project_id: "all_granted_eps" },
  };
}

/**
 * Creates a workspace (see `FabricClient.createWorkspace`).
 *
 * @example
 * await createWorkspace(ctx, { name: "lake-01" });
 */
export function createWorkspace(ctx: FabricContext, body: CreateWorkspaceRequest, options?: CallOptions): Promise<Workspace> {
  return ctx.service.call<Workspace>(createWorkspaceOperation, { params: ctx.params, body }, options);
}

/**
 * Every workspace matching `query`, fetched page by page as you iterate. A bad query throws a ValidationError at the call.
 *
 * @example
 * for await (const ws of listWorkspaces(ctx)) console.log(ws.name);
 */
export function listWorkspaces(ctx: FabricContext, query?: ListWorkspacesQuery, options?: CallOptions): PagedAsyncIterableIterator<Workspace> {
  return listWorkspacesWith<Workspace>(ctx, listWorkspacesOperation, query, options);
}

/**
 * The workspace with this id. Rejects with NotFoundError when it does not exist.
 *
 * @example
 * const ws = await getWorkspace(ctx, id);
 */
export function getWorkspace(ctx: FabricContext, id: string, options?: CallOptions): Promise<Workspace> {
  return getWorkspaceFromList<Workspace>(ctx, listWorkspacesOperation, id, options);
}

/**
 * Changes the workspace and resolves to the service's answer.
 *
 * @example
 * await updateWorkspace(ctx, id, { description: "d" });
 */
export function updateWorkspace(ctx: FabricContext, id: string, body: UpdateWorkspaceRequest, options?: CallOptions): Promise<Workspace> {
  return ctx.service.call<Workspace>(updateWorkspaceOperation, { params: paramsWithId(ctx, id), body }, options);
}

/**
 * Deletes the workspace.
 *
 * @example
 * await deleteWorkspace(ctx, id);
 */
export function deleteWorkspace(ctx: FabricContext, id: string, options?: CallOptions): Promise<void> {
  return ctx.service.call<void>(deleteWorkspaceOperation, { params: paramsWithId(ctx, id) }, options, acceptAnyBody);
}

/**
 * The workspace whose name is exactly `name`, or undefined.
 *
 * @example
 * const ws = await findWorkspaceByName(ctx, "team-a");
 */
export function findWorkspaceByName(ctx: FabricContext, name: string, options?: CallOptions): Promise<Workspace | undefined> {
  return findWorkspaceByNameWith<Workspace>(ctx, listWorkspacesOperation, name, options);
}

/**
 * Creates the workspace unless one with exactly this name exists, and resolves to it with `created`.
 *
 * @example
 * const { workspace, created } = await ensureWorkspace(ctx, { name: "lake-01" });
 */
export function ensureWorkspace(ctx: FabricContext, body: CreateWorkspaceRequest, options?: CallOptions): Promise<EnsureResult<Workspace>> {
  return ensureWorkspaceWith<Workspace, CreateWorkspaceRequest>(ctx, createWorkspaceOperation, listWorkspacesOperation, body, options);
}
