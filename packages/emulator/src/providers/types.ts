// What one emulated service is: its routes (the spec's paths), what it does on
// each, and how it words its errors.
import type { Account } from "../accounts.js";

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
}

/** Workspaces by provider and scope (project, instance, TrueWatch account). In memory. */
export class Store {
  private readonly data = new Map<string, Array<Record<string, unknown>>>();

  list(provider: string, scope: string): Array<Record<string, unknown>> {
    const key = `${provider}:${scope}`;
    let list = this.data.get(key);
    if (!list) this.data.set(key, (list = []));
    return list;
  }

  dump(): Record<string, Array<Record<string, unknown>>> {
    return Object.fromEntries(this.data);
  }

  clear(): void {
    this.data.clear();
  }
}

export interface Context {
  account: Account;
  /** The project the caller acts in (token scope, or the account's project for AK/SK). */
  projectId: string | undefined;
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: any;
  now: number;
  store: Store;
  /** TrueWatch: registers an API key minted for a new workspace. */
  registerApiKey(key: string, account: Account): void;
}

export interface Route {
  method: "GET" | "POST";
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

export function page<T>(items: T[], offset: unknown, limit: unknown, defaultLimit: number): T[] {
  const start = typeof offset === "number" ? offset : 0;
  const size = typeof limit === "number" ? limit : defaultLimit;
  return items.slice(start, start + size);
}
