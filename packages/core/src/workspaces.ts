// The workspace lifecycle every provider package offers (list, get, update,
// delete, find by name, create-once), written once over a provider's generated
// operations and configured with what differs: how a single workspace is found
// where the service has no get, how a get answer holds it, which list parameter
// filters, which codes say a name is taken. (The waiters, for services whose
// workspaces have states, are workspaceWaiters in waiter.ts: a package that has
// none does not carry them.)
import type { CallOptions, ServiceClient } from "./client.js";
import { ensureWorkspace, type EnsureResult } from "./ensure.js";
import { NotFoundError } from "./errors.js";
import { isRecord } from "./http.js";
import { prepareRequest, type OperationSpec, type PagingRule } from "./operation.js";
import { paginate, type PagedAsyncIterableIterator } from "./paging.js";
import type { Unwrap } from "./response.js";
import { check } from "./validate.js";
import { traceAttributes, traceCall, traceEvent, traceFailedCall, traceOf, withTracing } from "./tracing/call.js";
import { pageEvents, tracePaged } from "./tracing/pages.js";

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

/** A workspace id as a caller may hold it: ModelArts' default workspace comes back as the number 0. Sent as text. */
export type WorkspaceIdInput = string | number;

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

/** Builds the lifecycle methods of one provider from its operations (see WorkspaceApiConfig). */
export function workspaceMethods<W, Q, U, UR, DR, B = never>(service: LifecycleService, config: WorkspaceApiConfig): WorkspaceMethods<W, Q, U, UR, DR, B> {
  const { operations } = config;
  const params = config.params ?? {};
  const idParam = config.idParam ?? "workspace_id";
  const idOf = config.idOf ?? defaultIdOf;
  const withId = (id: WorkspaceIdInput) => ({ ...params, [idParam]: String(id) });

  function listWorkspaces(query?: Q, options: CallOptions = {}): PagedAsyncIterableIterator<W> {
    const list = operations.list!;
    const rule: PagingRule = list.paging ?? { style: "none", items: "workspaces" };
    const base: Record<string, unknown> = { ...(query as Record<string, unknown> | undefined) };
    for (const [name, value] of Object.entries(config.listDefaults ?? {})) if (base[name] === undefined) base[name] = value;
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
        idOf,
      });
    });
  }

  async function findInList(id: string, options: CallOptions): Promise<W | undefined> {
    const filter = config.idFilter ? ({ [config.idFilter]: id } as Q) : undefined;
    for await (const workspace of listWorkspaces(filter, options)) {
      if (idOf(workspace) === id) return workspace;
    }
    return undefined;
  }

  const getWorkspace = withTracing(
    (input: WorkspaceIdInput, options?: CallOptions): Promise<W> => traceCall(service.tracing, "getWorkspace", options, (traced) => getOne(input, traced)),
    service.tracing,
  );

  async function getOne(input: WorkspaceIdInput, options: CallOptions): Promise<W> {
    const id = String(input);
    const get = operations.get;
    if (get) {
      const answer = await service.call<unknown>(get, { params: withId(id) }, options);
      const workspace = config.readGet ? config.readGet(answer) : answer;
      if (workspace === undefined) throw missing(service, get.id, id, 1, "the service answered with no workspace");
      return workspace as W;
    }
    const found = await findInList(id, options);
    if (found === undefined) throw missing(service, "getWorkspace", id, 0, "no workspace with this id in the list");
    return found;
  }

  const findWorkspaceByName = (name: string, options?: CallOptions): Promise<W | undefined> =>
    traceCall(service.tracing, "findWorkspaceByName", options, (traced) => findByName(name, traced));

  async function findByName(name: string, options: CallOptions): Promise<W | undefined> {
    const list = operations.list!;
    const filter = config.nameFilter;
    // The filter is fuzzy (`team` also matches `team-2`), so the match is checked
    // here; a name the filter's own rules refuse is looked for without it.
    const schema = filter ? list.query?.[filter]?.schema : undefined;
    const usable = schema !== undefined && (() => {
      const issues: never[] = [];
      check(schema, name, filter!, issues);
      return issues.length === 0;
    })();
    const query = usable ? ({ [filter!]: name } as Q) : undefined;
    for await (const workspace of listWorkspaces(query, options)) {
      if (isRecord(workspace) && workspace.name === name) return workspace;
    }
    return undefined;
  }

  const create = operations.create;
  // Only what the service has: a method that cannot work is not there at all.
  return {
    listWorkspaces,
    getWorkspace,
    findWorkspaceByName,
    updateWorkspace: (id, body, options) => service.call<UR>(operations.update!, { params: withId(id), body }, options, config.read?.update),
    deleteWorkspace: (id, options) => service.call<DR>(operations.delete!, { params: withId(id) }, options, config.read?.delete),
    ...(create && operations.list
      ? {
          ensureWorkspace: (body: B, options?: CallOptions) =>
            traceCall(service.tracing, "ensureWorkspace", options, async (traced) => {
              // Each step is an event of the one ensureWorkspace span.
              const step = (name: string) => traceEvent(traceOf(traced), "step", { "ws.step": name });
              const result = await ensureWorkspace<W, B & { name?: unknown }>(
                {
                  provider: service.provider,
                  create: (b, o) => (step("create"), service.call(create, { params, body: b }, o)),
                  findWorkspaceByName: (n, o) => (step("lookup"), findWorkspaceByName(n, o)),
                  duplicateCodes: config.duplicateCodes,
                },
                body as B & { name?: unknown },
                traced,
              );
              traceAttributes(traceOf(traced), { "ws.created": result.created });
              return result;
            }),
        }
      : {}),
  } as WorkspaceMethods<W, Q, U, UR, DR, B>;
}
