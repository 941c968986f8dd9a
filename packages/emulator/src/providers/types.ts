// What one emulated service is: its routes (the spec's paths), what it does on
// each, and how it words its errors.
import type { Account } from "../accounts.js";

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
}

type Workspace = Record<string, unknown>;

/**
 * Workspaces by provider and scope (project, instance, TrueWatch account), in
 * memory, with the state changes that happen later (a deletion that completes,
 * a creation that becomes ready). Those are settled on the emulator's clock
 * before each request is handled, so there are no timers to leak.
 */
export class Store {
  private readonly data = new Map<string, Workspace[]>();
  private transitions: Array<{ at: number; apply: () => void }> = [];

  list(provider: string, scope: string): Workspace[] {
    const key = `${provider}:${scope}`;
    let list = this.data.get(key);
    if (!list) this.data.set(key, (list = []));
    return list;
  }

  /** The workspace with this id (compared as text: ModelArts' default id is the number 0 in one example). */
  find(provider: string, scope: string, id: string, key = "id"): Workspace | undefined {
    return this.list(provider, scope).find((w) => String(w[key]) === id);
  }

  /** Removes the workspace; true when it was there. */
  remove(provider: string, scope: string, id: string, key = "id"): boolean {
    const list = this.list(provider, scope);
    const index = list.findIndex((w) => String(w[key]) === id);
    if (index === -1) return false;
    list.splice(index, 1);
    return true;
  }

  /** Runs `apply` once the emulator's clock reaches `at`. */
  later(at: number, apply: () => void): void {
    this.transitions.push({ at, apply });
  }

  /** Applies every transition that is due. */
  settle(now: number): void {
    const due = this.transitions.filter((t) => t.at <= now);
    if (due.length === 0) return;
    this.transitions = this.transitions.filter((t) => t.at > now);
    for (const t of due.sort((a, b) => a.at - b.at)) t.apply();
  }

  dump(): Record<string, Workspace[]> {
    return Object.fromEntries(this.data);
  }

  clear(): void {
    this.data.clear();
    this.transitions = [];
  }
}

export interface Context {
  account: Account;
  /** The project the caller acts in (token scope, or the account's project for AK/SK). */
  projectId: string | undefined;
  /** Whether the request named its project (a token's scope, or X-Project-Id with AK/SK), rather than falling back on the account's. */
  projectNamed: boolean;
  /** `live` or `documented` error codes where the two differ (EmulatorOptions.errorCodes). */
  errorCodes: "live" | "documented";
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: any;
  now: number;
  store: Store;
  /** TrueWatch: registers an API key minted for a new workspace. */
  registerApiKey(key: string, account: Account): void;
  /** How long a workspace stays in a passing state (DELETING) before the next one. */
  transitionDelayInMs: number;
  /** How long a new workspace stays CREATING before it is ready, where the service has states (0: ready at once). */
  createDelayInMs: number;
  /** A state fault injected for this request: the create or delete it makes ends in the failure state. */
  stateFault?: "create-failed" | "delete-failed" | undefined;
}

export interface Route {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** The path as the spec writes it. */
  path: string;
  handle(ctx: Context): Reply;
}

export interface Problem {
  field: string;
  keyword: string;
  message: string;
}

export interface Emulation {
  name: "res" | "insight" | "modelarts" | "fabric" | "truewatch";
  family: "huawei" | "truewatch";
  routes: Route[];
  /** A failure in the provider's documented error shape. */
  error(status: number, code: string, message: string): Reply;
  /** The answer to input the spec forbids. */
  invalid(problems: Problem[]): Reply;
}

/** Case-insensitive substring match, as the list calls' `name` filters do. */
export const fuzzy = (name: unknown, filter: unknown) =>
  typeof filter !== "string" || filter === "" || String(name).toLowerCase().includes(filter.toLowerCase());

/**
 * One page of `items`: `offset` counts records (`records`) or pages (`pages`,
 * offset 0 being the first page), `limit` defaults to `defaultLimit`.
 */
export function page<T>(items: T[], offset: unknown, limit: unknown, defaultLimit: number, style: "records" | "pages" = "records"): T[] {
  const size = typeof limit === "number" ? limit : defaultLimit;
  const at = typeof offset === "number" ? offset : 0;
  const start = style === "pages" ? at * size : at;
  return items.slice(start, start + size);
}

/**
 * A route handler for one workspace: `find` gives it, or the provider's
 * not-found answer, which is then the reply.
 */
export function withWorkspace<W>(find: (ctx: Context) => { workspace: W } | { error: Reply }, handle: (ctx: Context, workspace: W) => Reply): (ctx: Context) => Reply {
  return (ctx) => {
    const found = find(ctx);
    return "error" in found ? found.error : handle(ctx, found.workspace);
  };
}
