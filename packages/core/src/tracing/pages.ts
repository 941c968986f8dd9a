// A list call's span covers the whole walk: it starts when iteration starts and
// ends when the last page is read, the iteration fails, or the caller stops
// early (`break` returns the generator). Each page is an event.
import type { PagedAsyncIterableIterator } from "../operations/paging.js";
import { failSpan, startCallTrace, traceEvent, traceOf, withTrace, type ClientTracing } from "./call.js";

/**
 * `walk(options)` as a list call: inside a traced call (a lookup by name) it only
 * walks; else each iteration (of the items, or of `byPage()`) is one span.
 */
export function tracePaged<T, O extends object>(
  tracing: ClientTracing | undefined,
  method: string,
  options: O | undefined,
  walk: (options: O) => PagedAsyncIterableIterator<T>,
): PagedAsyncIterableIterator<T> {
  if (traceOf(options)) return walk(options as O);
  async function* traced<X>(pick: (iterator: PagedAsyncIterableIterator<T>) => AsyncIterable<X>): AsyncGenerator<X> {
    const trace = startCallTrace(tracing, method);
    if (!trace) return yield* pick(walk((options ?? {}) as O));
    try {
      yield* pick(walk(withTrace(options, trace)));
    } catch (error) {
      failSpan(trace.span, error, trace.tracing.secrets);
      throw error;
    } finally {
      trace.span.end();
    }
  }
  const iterator = traced((all) => all) as unknown as PagedAsyncIterableIterator<T>;
  iterator.byPage = () => traced((all) => all.byPage());
  return iterator;
}

/** Counts the pages of one walk and adds an event `page` per answer to the call's span. */
export function pageEvents(options: object | undefined, itemsOf: (answer: unknown) => number): (answer: unknown) => unknown {
  const trace = traceOf(options);
  let page = 0;
  return (answer) => {
    if (trace) traceEvent(trace, "page", { "ws.page": ++page, "ws.page.items": itemsOf(answer) });
    return answer;
  };
}
