/**
 * ModelArts' operations as standalone functions over a context: the same names, options,
 * results and errors as the methods of `createModelArtsClient`, for bundles that keep only
 * what they call (a bundle with `createWorkspace` alone carries no paging, waiters,
 * `ensureWorkspace`, other operations' rules or error-code tables).
 *
 * @example
 * import { createModelArtsContext, createWorkspace } from "@ws/modelarts/api";
 * const ctx = createModelArtsContext({ region: "cn-north-4", projectId, credentials: { token } });
 * const ws = await createWorkspace(ctx, { name: "team-a" });
 *
 * @module @ws/modelarts/api
 */
import {
  createHuaweiServiceCall,
  ensureWorkspaceWith,
  findWorkspaceByNameWith,
  getWorkspaceWith,
  listWorkspacesWith,
  paramsWithId,
  workspaceWaiters,
  type CallOptions,
  type EnsureResult,
  type PagedAsyncIterableIterator,
  type ServiceCall,
  type WaiterOptions,
  type WorkspaceScope,
  type WorkspaceStates,
  withTracing,
} from "@ws/core";
import { endpoints } from "./generated/endpoints.js";
import {
  createWorkspace as createWorkspaceOperation,
  deleteWorkspace as deleteWorkspaceOperation,
  getWorkspace as getWorkspaceOperation,
  getWorkspaceQuotas as getWorkspaceQuotasOperation,
  listWorkspaces as listWorkspacesOperation,
  notFoundCodes,
  updateWorkspace as updateWorkspaceOperation,
  updateWorkspaceQuotas as updateWorkspaceQuotasOperation,
} from "./generated/operations.js";
import type {
  CreateWorkspaceRequest,
  DeleteWorkspaceResponse,
  ListWorkspacesQuery,
  ModelArtsClientOptions,
  ModelArtsRegion,
  UpdateWorkspaceQuotasRequest,
  UpdateWorkspaceRequest,
  UpdateWorkspaceResponse,
  Workspace,
  WorkspaceId,
  WorkspaceQuotasResponse,
} from "./index.js";

// name/version of this package, set by the build (tooling/tsup.base.mjs), for the User-Agent.
declare const __WS_PACKAGE_ID__: string;

/**
 * One project's connection to ModelArts: what every function of `@ws/modelarts/api` takes
 * first. Made by {@link createModelArtsContext}.
 *
 * @example
 * const ctx: ModelArtsContext = createModelArtsContext({ region: "cn-north-4", projectId, credentials: { token } });
 */
export interface ModelArtsContext extends WorkspaceScope {
  /** The pipeline the operations are sent through. */
  readonly service: ServiceCall;
}

/**
 * The context of the `@ws/modelarts/api` functions: the same options, checks and defaults as
 * `createModelArtsClient` (nothing is sent until the first call; a bad option throws a
 * ConfigurationError now), without the client's methods or its `raw` client.
 *
 * @example
 * const ctx = createModelArtsContext({ region: "cn-north-4", projectId, credentials: { accessKey, secretKey } });
 */
export function createModelArtsContext(options: ModelArtsClientOptions): ModelArtsContext {
  const service = createHuaweiServiceCall<ModelArtsRegion>({
    provider: "modelarts",
    endpoints,
    options,
    projectId: options.projectId,
    projectIdIn: "path",
    envName: "MODELARTS",
    notFoundCodes,
    packageId: __WS_PACKAGE_ID__,
    // Read as the live clients read them: ids are strings, auth_type is lower case (specs/modelarts.yaml x-notes).
    answerFields: { ids: ["id", "workspace_id"], lowerCase: ["auth_type"] },
  });
  return { service, params: { project_id: options.projectId }, nameFilter: "name" };
}

/**
 * Creates a workspace and resolves to it (see `ModelArtsClient.createWorkspace`).
 *
 * @example
 * const ws = await createWorkspace(ctx, { name: "team-a", auth_type: "PRIVATE" });
 */
export function createWorkspace(ctx: ModelArtsContext, body: CreateWorkspaceRequest, options?: CallOptions): Promise<Workspace> {
  return ctx.service.call<Workspace>(createWorkspaceOperation, { params: ctx.params, body }, options);
}

/**
 * Every workspace of the project, page after page (see `ModelArtsClient.listWorkspaces`).
 *
 * @example
 * for await (const ws of listWorkspaces(ctx, { name: "team" })) console.log(ws.id);
 */
export function listWorkspaces(ctx: ModelArtsContext, query?: ListWorkspacesQuery, options?: CallOptions): PagedAsyncIterableIterator<Workspace> {
  return listWorkspacesWith<Workspace>(ctx, listWorkspacesOperation, query, options);
}

/**
 * The workspace with this id; NotFoundError when it does not exist.
 *
 * @example
 * const ws = await getWorkspace(ctx, id);
 */
export function getWorkspace(ctx: ModelArtsContext, id: WorkspaceId, options?: CallOptions): Promise<Workspace> {
  return getWorkspaceWith<Workspace>(ctx, getWorkspaceOperation, id, options);
}

/**
 * Changes a workspace and resolves to `{ workspace_id }`.
 *
 * @example
 * await updateWorkspace(ctx, id, { description: "team A's experiments" });
 */
export function updateWorkspace(ctx: ModelArtsContext, id: WorkspaceId, body: UpdateWorkspaceRequest, options?: CallOptions): Promise<UpdateWorkspaceResponse> {
  return ctx.service.call<UpdateWorkspaceResponse>(updateWorkspaceOperation, { params: paramsWithId(ctx, id), body }, options);
}

/**
 * Starts deleting a workspace and resolves to `{ workspace_id }`.
 *
 * @example
 * await deleteWorkspace(ctx, id);
 */
export function deleteWorkspace(ctx: ModelArtsContext, id: WorkspaceId, options?: CallOptions): Promise<DeleteWorkspaceResponse> {
  return ctx.service.call<DeleteWorkspaceResponse>(deleteWorkspaceOperation, { params: paramsWithId(ctx, id) }, options);
}

/**
 * The workspace whose name is exactly `name`, or undefined.
 *
 * @example
 * const ws = await findWorkspaceByName(ctx, "team-a");
 */
export function findWorkspaceByName(ctx: ModelArtsContext, name: string, options?: CallOptions): Promise<Workspace | undefined> {
  return findWorkspaceByNameWith<Workspace>(ctx, listWorkspacesOperation, name, options);
}

/**
 * Creates the workspace unless one with exactly this name exists (see `ModelArtsClient.ensureWorkspace`).
 *
 * @example
 * const { workspace, created } = await ensureWorkspace(ctx, { name: "team-a" });
 */
export function ensureWorkspace(ctx: ModelArtsContext, body: CreateWorkspaceRequest, options?: CallOptions): Promise<EnsureResult<Workspace>> {
  return ensureWorkspaceWith<Workspace, CreateWorkspaceRequest>(ctx, createWorkspaceOperation, listWorkspacesOperation, body, options);
}

/**
 * The workspace's resource quotas: `{ quotas }`.
 *
 * @example
 * const { quotas } = await getWorkspaceQuotas(ctx, id);
 */
export function getWorkspaceQuotas(ctx: ModelArtsContext, id: WorkspaceId, options?: CallOptions): Promise<WorkspaceQuotasResponse> {
  return ctx.service.call<WorkspaceQuotasResponse>(getWorkspaceQuotasOperation, { params: paramsWithId(ctx, id) }, options);
}

/**
 * Sets the quotas listed in `body`; resolves to the updated quotas.
 *
 * @example
 * await updateWorkspaceQuotas(ctx, id, { quotas: [{ resource: "exemlProject.gpu_duration", quota: 600 }] });
 */
export function updateWorkspaceQuotas(ctx: ModelArtsContext, id: WorkspaceId, body: UpdateWorkspaceQuotasRequest, options?: CallOptions): Promise<WorkspaceQuotasResponse> {
  return ctx.service.call<WorkspaceQuotasResponse>(updateWorkspaceQuotasOperation, { params: paramsWithId(ctx, id), body }, options);
}

/**
 * What ModelArts' workspace states mean to the waiters: NORMAL is ready; CREATE_FAILED ends a
 * wait for ready, as do DELETING and DELETE_FAILED (such a workspace will not become ready);
 * DELETE_FAILED ends a wait for deletion. Any other state, documented or not, means "keep polling".
 *
 * @example
 * MODELARTS_STATES.ready; // ["NORMAL"]
 */
export const MODELARTS_STATES: WorkspaceStates = {
  ready: ["NORMAL"],
  readyFailures: ["CREATE_FAILED", "DELETING", "DELETE_FAILED"],
  deleteFailures: ["DELETE_FAILED"],
};

const waitersOf = (ctx: ModelArtsContext) => workspaceWaiters<Workspace>(
    "modelarts",
    // Marked with the context's tracing, so that a wait is one span with an event per poll.
    withTracing((id: string, o: CallOptions) => getWorkspace(ctx, id as WorkspaceId, o), ctx.service.tracing),
    MODELARTS_STATES,
  );

/**
 * Polls the workspace until it is NORMAL (see `ModelArtsClient.waitUntilWorkspaceReady`).
 *
 * @example
 * const ready = await waitUntilWorkspaceReady(ctx, id, { maxWaitInMs: 10 * 60_000 });
 */
export function waitUntilWorkspaceReady(ctx: ModelArtsContext, id: WorkspaceId, options: WaiterOptions<Workspace>): Promise<Workspace> {
  return waitersOf(ctx).waitUntilWorkspaceReady(id, options);
}

/**
 * Polls until the workspace is gone (see `ModelArtsClient.waitUntilWorkspaceDeleted`).
 *
 * @example
 * await waitUntilWorkspaceDeleted(ctx, id, { maxWaitInMs: 5 * 60_000 });
 */
export function waitUntilWorkspaceDeleted(ctx: ModelArtsContext, id: WorkspaceId, options: WaiterOptions<Workspace>): Promise<undefined> {
  return waitersOf(ctx).waitUntilWorkspaceDeleted(id, options);
}
