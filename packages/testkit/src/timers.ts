// Timeouts that fire when the test says, not when the machine gets round to it. A
// request timing out in 100 ms of real time may time out before it left (a loaded
// machine runs the timer first), and then the server never sees it: a test counting
// the requests that arrived would count the machine's speed.
import { setTimeout as delay } from "node:timers/promises";
import { vi } from "vitest";

/** The timers set for the held delays since `holdTimeouts(...)`, held until the test fires them. */
export interface HeldTimeouts {
  /** How many were set. */
  readonly created: number;
  /** How many are waiting (set, neither fired nor cleared). */
  readonly pending: number;
  /** Fires the oldest waiting one (throws when there is none). */
  fire(): void;
  /** Puts setTimeout and clearTimeout back. */
  restore(): void;
}

/**
 * Holds every `setTimeout(fn, ms)` for exactly these delays (pick values nothing else
 * uses, say 4_321): such a timer does not fire by itself; `fire()` runs it. Other delays
 * run as usual. Call `restore()` at the end (a `finally`, or `onTestFinished`).
 *
 * @example
 * const timeouts = holdTimeouts(4_321);
 * const pending = client({ timeoutInMs: 4_321 }).call(op, args).catch((e) => e);
 * await until(() => server.requests.length === 1); // the request arrived: now it may time out
 * timeouts.fire();
 * expect(await pending).toBeInstanceOf(TimeoutError);
 * timeouts.restore();
 */
export function holdTimeouts(...delays: number[]): HeldTimeouts {
  const realSet = globalThis.setTimeout;
  const realClear = globalThis.clearTimeout;
  const held = new Map<unknown, () => void>();
  let created = 0;
  const setSpy = vi.spyOn(globalThis, "setTimeout").mockImplementation(((fn: (...args: unknown[]) => void, delay?: number, ...args: unknown[]) => {
    if (delay === undefined || !delays.includes(delay)) return realSet(fn, delay, ...args);
    created++;
    // A real timer that never fires on its own, so the id behaves as ids do (clearTimeout, ref/unref).
    const id = realSet(() => {}, 2 ** 31 - 1);
    held.set(id, () => fn(...args));
    return id;
  }) as typeof setTimeout);
  const clearSpy = vi.spyOn(globalThis, "clearTimeout").mockImplementation(((id: unknown) => {
    held.delete(id);
    realClear(id as ReturnType<typeof setTimeout>);
  }) as typeof clearTimeout);
  return {
    get created() {
      return created;
    },
    get pending() {
      return held.size;
    },
    fire() {
      const [id, fn] = held.entries().next().value ?? [];
      if (!fn) throw new Error(`no timeout of ${delays.join(" or ")} ms is waiting`);
      held.delete(id);
      realClear(id as ReturnType<typeof setTimeout>);
      fn();
    },
    restore() {
      setSpy.mockRestore();
      clearSpy.mockRestore();
    },
  };
}

/** Waits until `done()` holds, checking every few ms (node:timers/promises: the global timers may be faked or held). */
export async function until(done: () => boolean, what = "a condition"): Promise<void> {
  const started = Date.now();
  while (!done()) {
    // A guard against waiting forever, far above any real wait: the test's own budget ends it sooner.
    if (Date.now() - started > 120_000) throw new Error(`gave up waiting for ${what}`);
    await delay(2);
  }
}
