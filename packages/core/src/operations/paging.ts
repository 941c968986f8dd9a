// One paginator for every list operation, configured by the spec's `x-paging`
// (offsets that count records or pages, the page size the SDK asks for, where
// the items and the total are). It asks for a page only when the caller wants
// more, checks the abortSignal between pages, and stops at the end: an empty or
// short page, the total reached, or a page that repeats the previous one (a
// service that ignores the offset would otherwise loop forever). It keeps only
// the previous page's ids, so memory does not grow with the number of pages.
import { AbortError } from "../errors/errors.js";
import { isRecord } from "../http/http.js";
import type { PagingRule } from "./operation.js";

/**
 * An async iterator over every item of every page, that can also be walked
 * page by page.
 *
 * @example
 * for await (const ws of client.listWorkspaces({ name: "team" })) console.log(ws.id);
 * for await (const page of client.listWorkspaces().byPage()) console.log(page.length);
 */
export interface PagedAsyncIterableIterator<T> extends AsyncIterableIterator<T> {
  /** The pages themselves, each the array the service answered. */
  byPage(): AsyncIterableIterator<T[]>;
  /** The iterator itself, so that it can be used in `for await`. */
  [Symbol.asyncIterator](): PagedAsyncIterableIterator<T>;
}

/** Fetches one page with these query parameters and resolves to the service's answer. */
export type PageFetcher = (query: Record<string, unknown>) => Promise<unknown>;

/**
 * Options of {@link paginate}.
 *
 * @example
 * const all = paginate(fetchPage, rule, {}, { abortSignal: controller.signal, provider: "fabric", operation: "listWorkspaces" });
 */
export interface PaginateOptions {
  /** Checked before each page: the iteration rejects with AbortError once it fires. */
  abortSignal?: AbortSignal | undefined;
  /** For errors: which provider and operation. */
  provider?: string | undefined;
  /** For errors: which operation (`listWorkspaces`). */
  operation?: string | undefined;
  /** A stable identity of an item, to notice a repeated page. */
  idOf?: ((item: unknown) => unknown) | undefined;
}

function itemsOf(answer: unknown, rule: PagingRule): unknown[] {
  const items = isRecord(answer) ? answer[rule.items] : undefined;
  return Array.isArray(items) ? items : [];
}

function totalOf(answer: unknown, rule: PagingRule): number | undefined {
  if (!rule.total || !isRecord(answer)) return undefined;
  const total = answer[rule.total];
  return typeof total === "number" && Number.isFinite(total) ? total : undefined;
}

async function* pages<T>(fetchPage: PageFetcher, rule: PagingRule, query: Record<string, unknown>, options: PaginateOptions): AsyncGenerator<T[]> {
  const paged = rule.style !== "none" && rule.offset !== undefined;
  const limitName = rule.limit;
  const pageSize = limitName && typeof query[limitName] === "number" ? (query[limitName] as number) : rule.pageSize;
  let offset = paged && typeof query[rule.offset!] === "number" ? (query[rule.offset!] as number) : (rule.firstOffset ?? 0);
  const idOf = options.idOf ?? ((item: unknown) => (isRecord(item) ? (item.id ?? item.uuid) : undefined));
  // Where the documents disagree whether the offset counts pages or records, the
  // spec says `pages` (a reading that cannot skip records); the second page then
  // tells: asked for offset 1, a service that counts records answers the previous
  // page shifted by one. From there on the offset counts records, and the overlap
  // is not yielded again.
  let style = rule.style;
  let previous: unknown[] = [];
  let seen = 0;
  for (;;) {
    if (options.abortSignal?.aborted) {
      throw new AbortError("The listing was aborted between pages.", {
        provider: options.provider,
        operation: options.operation,
        cause: options.abortSignal.reason,
      });
    }
    const pageQuery = { ...query };
    if (paged) {
      pageQuery[rule.offset!] = offset;
      if (limitName && pageSize !== undefined) pageQuery[limitName] = pageSize;
    }
    const answer = await fetchPage(pageQuery);
    let items = itemsOf(answer, rule) as T[];
    const ids = items.map(idOf);
    if (items.length === 0 || (paged && sameIds(ids, previous))) return;
    if (style === "pages" && previous.length > 1 && ids[0] !== undefined && ids[0] === previous[1]) {
      style = "records";
      const before = new Set(previous);
      items = items.filter((_, i) => !before.has(ids[i]));
    }
    previous = ids;
    seen += items.length;
    if (items.length > 0) yield items;
    if (!paged) return;
    // A total is the better signal: a service may cap the page size below what was asked.
    const total = totalOf(answer, rule);
    if (total !== undefined ? seen >= total || endReached(style, offset, ids.length, pageSize, total) : pageSize !== undefined && ids.length < pageSize) return;
    offset = style === "pages" ? offset + 1 : offset + ids.length;
  }
}

// The total counts from the first record; a walk that started at the caller's offset ends where the records do.
function endReached(style: string, offset: number, count: number, pageSize: number | undefined, total: number): boolean {
  if (style === "records") return offset + count >= total;
  return pageSize !== undefined && (offset + 1) * pageSize >= total;
}

function sameIds(a: unknown[], b: unknown[]): boolean {
  return a.length === b.length && a.length > 0 && a.every((id, i) => id !== undefined && id === b[i]);
}

/** Walks a list operation's pages as one async iterator (see PagedAsyncIterableIterator). Nothing is fetched until iteration starts. */
export function paginate<T>(fetchPage: PageFetcher, rule: PagingRule, query: Record<string, unknown> = {}, options: PaginateOptions = {}): PagedAsyncIterableIterator<T> {
  async function* items(): AsyncGenerator<T> {
    for await (const page of pages<T>(fetchPage, rule, query, options)) yield* page;
  }
  const iterator = items() as unknown as PagedAsyncIterableIterator<T>;
  iterator.byPage = () => pages<T>(fetchPage, rule, query, options);
  return iterator;
}
