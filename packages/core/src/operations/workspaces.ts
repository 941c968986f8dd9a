// The workspace lifecycle every provider package offers (list, get, update,
// delete, find by name, create-once), written once over a provider's generated
// operations and configured with what differs: how a single workspace is found
// where the service has no get, how a get answer holds it, which list parameter
// filters, which codes say a name is taken. (The waiters, for services whose
// workspaces have states, are workspaceWaiters in waiter.ts: a package that has
// none does not carry them.)
import type { CallOptions, ServiceClient } from "./client.js";
import { ensureWorkspace, type EnsureResult } from "./ensure.js";
import { NotFoundError } from "../errors/errors.js";
import { isRecord } from "../http/http.js";
import { prepareRequest, type OperationSpec, type PagingRule } from "./operation.js";
import { paginate, type PagedAsyncIterableIterator } from "./paging.js";
import type { Unwrap } from "../pipeline/response.js";
import { check } from "./validate.js";
import { traceAttributes, traceCall, traceEvent, traceFailedCall, traceOf, withTracing } from "../tracing/call.js";
import { pageEvents, tracePaged } from "../tracing/pages.js";

/** The part of a service client the lifecycle needs. */
export type LifecycleService = Pick<ServiceClient<{}>, "call" | "provider"> & Partial<Pick<ServiceClient<{}>, "tracing">>;

/** The provider's generated operations behind each method; a method exists only where its operation does. */
export interface WorkspaceOperations {
  /** The create operation (for `ensureWorkspace`). */
  create?: OperationSpec | undefined;
  /** The list operation (`listWorkspaces`, `findWorkspaceByName`, and `getWorkspace` where there is no get). */
  list?: OperationSpec | undefined;
  /** The get operation (`getWorkspace`). */
  get?: OperationSpec | undefined;
  /** The update operation (`updateWorkspace`). */
  update?: OperationSpec | undefined;
  /** The delete operation (`deleteWorkspace`). */
  delete?: OperationSpec | undefined;
}

/** What differs between providers. */
export interface WorkspaceApiConfig {
  /** The operations behind the methods. */
  operations: WorkspaceOperations;
  /** Path parameters every call takes (`project_id`, `instance_id`). */
  params?: Record<string, unknown>;
  /** The path parameter that names the workspace. Default `workspace_id`. */
  idParam?: string;
  /** The workspace in a get answer, or undefined when it holds none (RES answers an array). Default: the answer. */
  readGet?: (answer: unknown) => unknown;
  /** List query parameter that filters by id, for services without a get (Fabric). */
  idFilter?: string;
  /** List query parameter that filters by name (fuzzily). */
  nameFilter?: string;
  /**
   * Query values every list request carries unless the caller gives that parameter
   * (Fabric's `enterprise_project_id=all_granted_eps`): also the lookups of get and find.
   */
  listDefaults?: Record<string, unknown> | undefined;
  /** How a 2xx answer is read where it is not the service's usual JSON object. */
  read?: {
    /** How an update answer is read. */
    update?: Unwrap | undefined;
    /** How a delete answer is read. */
    delete?: Unwrap | undefined;
  };
  /** A workspace's id. Default `id`, else `uuid`, as a string. */
  idOf?: (workspace: unknown) => string | undefined;
  /** The service's documented "name already exists" codes (for ensureWorkspace). */
  duplicateCodes?: readonly string[] | undefined;
}

/** The lifecycle methods, typed by the provider package. */
export interface WorkspaceMethods<W, Q, U, UR, DR, B = never> {
  /** Every workspace matching `query`, fetched page by page as you iterate. A bad query throws a ValidationError at the call. */
  listWorkspaces(query?: Q, options?: CallOptions): PagedAsyncIterableIterator<W>;
  /** The workspace with this id. Rejects with NotFoundError when it does not exist. */
  getWorkspace(id: WorkspaceIdInput, options?: CallOptions): Promise<W>;
  /** Changes the workspace and resolves to the service's answer. */
  updateWorkspace(id: WorkspaceIdInput, body: U, options?: CallOptions): Promise<UR>;
  /** Deletes the workspace and resolves to the service's answer. */
  deleteWorkspace(id: WorkspaceIdInput, options?: CallOptions): Promise<DR>;
  /** The workspace whose name is exactly `name`, or undefined. */
  findWorkspaceByName(name: string, options?: CallOptions): Promise<W | undefined>;
  /** Creates the workspace unless one with exactly this name exists, and resolves to it with `created`. */
  ensureWorkspace(body: B, options?: CallOptions): Promise<EnsureResult<W>>;
}

/** A workspace id: always a string (a number in an answer, ModelArts' default workspace 0, is read as "0"). */
export type WorkspaceIdInput = string;

/**
 * Reads any 2xx answer as success with no value (a delete whose body is empty, or
 * one the documents disagree on), unless the body says it failed.
 */
export const acceptAnyBody: Unwrap = (body) =>
  isRecord(body) && (body.is_success === false || body.success === false) ? { ok: false, outcomeUnknown: false } : { ok: true, value: undefined };

const defaultIdOf = (workspace: unknown): string | undefined => {
  if (!isRecord(workspace)) return undefined;
  const id = workspace.id ?? workspace.uuid;
  return id === undefined || id === null ? undefined : String(id);
};

function missing(service: LifecycleService, operation: string, id: string, attempts: number, how: string): NotFoundError {
  return new NotFoundError(`${service.provider} ${operation} failed: workspace ${JSON.stringify(id)} does not exist (${how}).`, {
    provider: service.provider,
    operation,
    attempts,
    status: 404,
  });
}

/**
 * What the standalone lifecycle functions need of a provider: its service and the parts of
 * {@link WorkspaceApiConfig} that are not operations (each function takes its own operation,
 * so a bundle keeps only the operations it calls).
 *
 * @example
 * const scope: WorkspaceScope = { service, params: { project_id: projectId }, nameFilter: "name" };
 * const ws = await getWorkspaceWith(scope, getWorkspaceOperation, id);
 */
export type WorkspaceScope = Omit<WorkspaceApiConfig, "operations" | "read" | "readGet"> & {
  /** Sends the provider's operations. */
  readonly service: LifecycleService;
};

const idOfIn = (scope: WorkspaceScope) => scope.idOf ?? defaultIdOf;

/** The path parameters of a call on one workspace: the scope's, with the id as text (ModelArts' default workspace may come back as the number 0). */
export function paramsWithId(scope: WorkspaceScope, id: WorkspaceIdInput): Record<string, unknown> {
  return { ...scope.params, [scope.idParam ?? "workspace_id"]: String(id) };
}

/**
 * `listWorkspaces` over `list`: every workspace matching `query`, page by page as you
 * iterate. A bad query throws a ValidationError at the call.
 *
 * @example
 * for await (const ws of listWorkspacesWith(scope, listWorkspacesOperation, { name: "team" })) console.log(ws);
 */
export function listWorkspacesWith<W>(scope: WorkspaceScope, list: OperationSpec, query?: object, options: CallOptions = {}): PagedAsyncIterableIterator<W> {
  const { service } = scope;
  const params = scope.params ?? {};
  const rule: PagingRule = list.paging ?? { style: "none", items: "workspaces" };
  const base: Record<string, unknown> = { ...(query as Record<string, unknown> | undefined) };
  for (const [name, value] of Object.entries(scope.listDefaults ?? {})) if (base[name] === undefined) base[name] = value;
  // Checked now, so a bad query fails where it is written, not at the first page
  // (the path is not: its project id may still have to be looked up).
  try {
    prepareRequest({ ...list, path: "/" }, { params, query: base });
  } catch (error) {
    traceFailedCall(service.tracing, "listWorkspaces", options, error);
    throw error;
  }
  const pageSize = (answer: unknown) => (isRecord(answer) && Array.isArray(answer[rule.items]) ? (answer[rule.items] as unknown[]).length : 0);
  return tracePaged(service.tracing, "listWorkspaces", options, (traced) => {
    const onPage = pageEvents(traced, pageSize);
    return paginate<W>((pageQuery) => service.call(list, { params, query: pageQuery }, traced).then(onPage), rule, base, {
      abortSignal: options.abortSignal,
      provider: service.provider,
      operation: list.id,
      idOf: idOfIn(scope),
    });
  });
}

/**
 * `getWorkspace` over `get`: the workspace with this id (`readGet` finds it in the answer).
 * Rejects with NotFoundError when it does not exist.
 *
 * @example
 * const ws = await getWorkspaceWith(scope, getWorkspaceOperation, id);
 */
export function getWorkspaceWith<W>(scope: WorkspaceScope, get: OperationSpec, input: WorkspaceIdInput, options?: CallOptions, readGet?: (answer: unknown) => unknown): Promise<W> {
  return traceCall(scope.service.tracing, "getWorkspace", options, async (traced) => {
    const id = String(input);
    const answer = await scope.service.call<unknown>(get, { params: paramsWithId(scope, id) }, traced);
    const workspace = readGet ? readGet(answer) : answer;
    if (workspace === undefined) throw missing(scope.service, get.id, id, 1, "the service answered with no workspace");
    return workspace as W;
  });
}

/**
 * `getWorkspace` of a service without a get: the workspace with this id, looked for in
 * `list` (filtered by `idFilter` where the service has one). Rejects with NotFoundError.
 *
 * @example
 * const ws = await getWorkspaceFromList(scope, listWorkspacesOperation, id);
 */
export function getWorkspaceFromList<W>(scope: WorkspaceScope, list: OperationSpec, input: WorkspaceIdInput, options?: CallOptions): Promise<W> {
  return traceCall(scope.service.tracing, "getWorkspace", options, async (traced) => {
    const id = String(input);
    const idOf = idOfIn(scope);
    const filter = scope.idFilter ? { [scope.idFilter]: id } : undefined;
    for await (const workspace of listWorkspacesWith<W>(scope, list, filter, traced)) {
      if (idOf(workspace) === id) return workspace;
    }
    throw missing(scope.service, "getWorkspace", id, 0, "no workspace with this id in the list");
  });
}

/**
 * `findWorkspaceByName` over `list`: the workspace whose name is exactly `name`, or undefined.
 *
 * @example
 * const ws = await findWorkspaceByNameWith(scope, listWorkspacesOperation, "team-a");
 */
export function findWorkspaceByNameWith<W>(scope: WorkspaceScope, list: OperationSpec, name: string, options?: CallOptions): Promise<W | undefined> {
  return traceCall(scope.service.tracing, "findWorkspaceByName", options, (traced) => findByName<W>(scope, list, name, traced));
}

async function findByName<W>(scope: WorkspaceScope, list: OperationSpec, name: string, options: CallOptions): Promise<W | undefined> {
  const filter = scope.nameFilter;
  // The filter is fuzzy (`team` also matches `team-2`), so the match is checked
  // here; a name the filter's own rules refuse is looked for without it.
  const schema = filter ? list.query?.[filter]?.schema : undefined;
  const usable = schema !== undefined && (() => {
    const issues: never[] = [];
    check(schema, name, filter!, issues);
    return issues.length === 0;
  })();
  const query = usable ? { [filter!]: name } : undefined;
  for await (const workspace of listWorkspacesWith<W>(scope, list, query, options)) {
    if (isRecord(workspace) && workspace.name === name) return workspace;
  }
  return undefined;
}

/**
 * `ensureWorkspace` over `create` and `list`: creates the workspace unless one with exactly
 * this name exists, and resolves to it with `created`.
 *
 * @example
 * const { workspace, created } = await ensureWorkspaceWith(scope, createWorkspaceOperation, listWorkspacesOperation, { name: "team-a" });
 */
export function ensureWorkspaceWith<W, B>(scope: WorkspaceScope, create: OperationSpec, list: OperationSpec, body: B, options?: CallOptions): Promise<EnsureResult<W>> {
  const { service } = scope;
  return traceCall(service.tracing, "ensureWorkspace", options, async (traced) => {
    // Each step is an event of the one ensureWorkspace span.
    const step = (name: string) => traceEvent(traceOf(traced), "step", { "ws.step": name });
    const result = await ensureWorkspace<W, B & { name?: unknown }>(
      {
        provider: service.provider,
        create: (b, o) => (step("create"), service.call(create, { params: scope.params ?? {}, body: b }, o)),
        findWorkspaceByName: (name, o) => (step("lookup"), findWorkspaceByNameWith<W>(scope, list, name, o)),
        duplicateCodes: scope.duplicateCodes,
      },
      body as B & { name?: unknown },
      traced,
    );
    traceAttributes(traceOf(traced), { "ws.created": result.created });
    return result;
  });
}

/** Builds the lifecycle methods of one provider from its operations (see WorkspaceApiConfig). */
export function workspaceMethods<W, Q, U, UR, DR, B = never>(service: LifecycleService, config: WorkspaceApiConfig): WorkspaceMethods<W, Q, U, UR, DR, B> {
  const { operations } = config;
  const scope: WorkspaceScope = { ...config, service };
  const list = operations.list!;
  const create = operations.create;
  // Only what the service has: a method that cannot work is not there at all.
  return {
    listWorkspaces: (query, options) => listWorkspacesWith<W>(scope, list, query as object | undefined, options),
    getWorkspace: withTracing(
      (id: WorkspaceIdInput, options?: CallOptions) =>
        operations.get ? getWorkspaceWith<W>(scope, operations.get, id, options, config.readGet) : getWorkspaceFromList<W>(scope, list, id, options),
      service.tracing,
    ),
    findWorkspaceByName: (name, options) => findWorkspaceByNameWith<W>(scope, list, name, options),
    updateWorkspace: (id, body, options) => service.call<UR>(operations.update!, { params: paramsWithId(scope, id), body }, options, config.read?.update),
    deleteWorkspace: (id, options) => service.call<DR>(operations.delete!, { params: paramsWithId(scope, id) }, options, config.read?.delete),
    ...(create && operations.list ? { ensureWorkspace: (body: B, options?: CallOptions) => ensureWorkspaceWith<W, B>(scope, create, list, body, options) } : {}),
  } as WorkspaceMethods<W, Q, U, UR, DR, B>;
}
