// Faults to inject into the next requests, for reliability tests: set through
// the `X-Emulator-Fault` request header, the admin route, or `emulator.inject()`.

/** What a fault does to a request. */
export type FaultKind =
  /** 429 with Retry-After and the provider's throttle body (TrueWatch: its 401 ft.TriggerApiAkCurrentLimiting). Not processed. */
  | "throttle"
  /** 503. Not processed. */
  | "unavailable"
  /** 500 after the request was processed. */
  | "error"
  /** Waits `delayInMs`, then answers normally. */
  | "delay"
  /** Drops the connection (after processing unless `afterProcessing: false`). */
  | "drop"
  /** Processes the request, then answers 200 with a truncated JSON body. */
  | "malformed"
  /** The next create succeeds, but the workspace then ends in CREATE_FAILED with a status_info (where the service has states). */
  | "create-failed"
  /** The next delete is accepted, but the workspace then ends in DELETE_FAILED with a status_info. */
  | "delete-failed";

/** Every fault kind. */
export const FAULT_KINDS: readonly FaultKind[] = ["throttle", "unavailable", "error", "delay", "drop", "malformed", "create-failed", "delete-failed"];

/** Faults that change what a request does to a workspace rather than how it is answered. */
export const STATE_FAULTS: ReadonlySet<FaultKind> = new Set(["create-failed", "delete-failed"]);

/**
 * A fault to inject into the next matching requests: through `emulator.inject()`, the
 * `X-Emulator-Fault` request header, or the admin route.
 *
 * @example
 * emulator.inject({ kind: "throttle", provider: "modelarts", count: 2, retryAfter: 1 });
 */
export interface Fault {
  /** What happens to the request. */
  kind: FaultKind;
  /** How many requests it applies to. Default 1. */
  count?: number;
  /** Only requests to this provider (`res`, `insight`, `modelarts`, `fabric`, `truewatch`, `iam`). */
  provider?: string;
  /** throttle: the Retry-After seconds. Default 1. */
  retryAfter?: number;
  /** delay: milliseconds. Default 1000. */
  delayInMs?: number;
  /** drop: whether the request is processed before the connection drops. Default true. */
  afterProcessing?: boolean;
  /** Only requests with this method (`GET`, say: the polls of a waiter). Default any. */
  method?: string;
}

export class FaultQueue {
  private readonly queue: Array<Required<Omit<Fault, "provider" | "method">> & { provider?: string | undefined; method?: string | undefined }> = [];

  /** A fault with its defaults filled in; throws on an unknown kind or a bad count. */
  static normalize(fault: Fault): Required<Omit<Fault, "provider" | "count" | "method">> & { count: number; provider?: string | undefined; method?: string | undefined } {
    if (!FAULT_KINDS.includes(fault.kind)) throw new Error(`unknown fault kind ${JSON.stringify(fault.kind)}; known: ${FAULT_KINDS.join(", ")}`);
    const count = fault.count ?? 1;
    if (!Number.isInteger(count) || count < 1) throw new Error("count must be a whole number >= 1");
    // A timer cannot wait longer than 2^31 - 1 ms (Node would fire it at once).
    if (fault.delayInMs !== undefined && !(Number.isInteger(fault.delayInMs) && fault.delayInMs >= 0 && fault.delayInMs <= 2 ** 31 - 1)) {
      throw new Error("delayInMs must be a whole number of milliseconds from 0 to 2147483647");
    }
    if (fault.retryAfter !== undefined && !(Number.isFinite(fault.retryAfter) && fault.retryAfter >= 0)) throw new Error("retryAfter must be a number of seconds >= 0");
    return {
      kind: fault.kind,
      count,
      provider: fault.provider,
      retryAfter: fault.retryAfter ?? 1,
      delayInMs: fault.delayInMs ?? 1000,
      afterProcessing: fault.afterProcessing ?? true,
      method: fault.method?.toUpperCase(),
    };
  }

  add(fault: Fault): void {
    this.queue.push(FaultQueue.normalize(fault));
  }

  /** The fault for the next request to `provider`, if any (consumed). */
  take(provider: string, eligible: (fault: Pick<Fault, "kind" | "method">) => boolean = () => true): (Required<Omit<Fault, "provider" | "count" | "method">>) | undefined {
    const index = this.queue.findIndex((f) => (!f.provider || f.provider === provider) && eligible(f));
    if (index === -1) return undefined;
    const fault = this.queue[index]!;
    if (--fault.count === 0) this.queue.splice(index, 1);
    return { kind: fault.kind, retryAfter: fault.retryAfter, delayInMs: fault.delayInMs, afterProcessing: fault.afterProcessing };
  }

  clear(): void {
    this.queue.length = 0;
  }

  get pending(): number {
    return this.queue.reduce((n, f) => n + f.count, 0);
  }
}

/** `throttle; count=2; retry-after=3` (the X-Emulator-Fault header) to a Fault; throws on anything it does not know. */
export function parseFaultHeader(value: string): Fault {
  const [kind, ...options] = value.split(";").map((s) => s.trim());
  const fault: Fault = { kind: kind as FaultKind };
  for (const option of options) {
    const [key, raw] = option.split("=").map((s) => s.trim());
    const n = Number(raw);
    if (key === "count") fault.count = n;
    else if (key === "retry-after") fault.retryAfter = n;
    else if (key === "delay") fault.delayInMs = n;
    else if (key === "after-processing") fault.afterProcessing = raw !== "false";
    else if (key === "provider") fault.provider = raw;
    else if (key === "method") fault.method = raw;
    else if (key !== "id") throw new Error(`unknown fault option ${JSON.stringify(key)}`); // id only tells values apart
  }
  FaultQueue.normalize(fault);
  return fault;
}
