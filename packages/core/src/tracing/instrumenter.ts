// The whole contract between the SDK and a tracing library: start a span with a
// name, kind and attributes; set attributes; add events; record an exception;
// end. No dependency on @opentelemetry/api: @ws/opentelemetry implements it. The
// registration is a globalThis symbol, so that every copy of @ws/core in a
// process (the ESM and the CommonJS build, two versions) sees the same one.

/**
 * `internal`: an SDK call (its validation, credentials, every attempt and waiting); `client`: one HTTP attempt.
 *
 * @example
 * const kind: TraceSpanKind = "client";
 */
export type TraceSpanKind = "internal" | "client";

/**
 * An attribute value; `undefined` values are left out.
 *
 * @example
 * const port: TraceAttributeValue = 443;
 */
export type TraceAttributeValue = string | number | boolean;

/**
 * Attributes of a span or an event, by OpenTelemetry name.
 *
 * @example
 * const attributes: TraceAttributes = { "http.request.method": "POST", "server.port": 443 };
 */
export type TraceAttributes = Record<string, TraceAttributeValue | undefined>;

/**
 * A span as the SDK drives it. Everything the SDK passes to it has already been
 * through the client's redaction: no credential reaches an instrumenter.
 *
 * @example
 * const span = instrumenter.startSpan("modelarts.createWorkspace", { kind: "internal", attributes: { "rpc.system": "huaweicloud" } });
 * span.addEvent("page", { "ws.page.items": 10 });
 * span.end();
 */
export interface TraceSpan {
  /** Adds or replaces attributes. */
  setAttributes(attributes: TraceAttributes): void;
  /** A timestamped event (a page, a poll, a step of ensureWorkspace). */
  addEvent(name: string, attributes?: TraceAttributes): void;
  /** Records an error the call or attempt ended with (an exception event). */
  recordException(error: { name: string; message: string }): void;
  /** Marks the span's status as an error (an exception, or an HTTP error status). */
  setError(description: string): void;
  /** Ends the span (once). */
  end(): void;
}

/**
 * What a span starts with.
 *
 * @example
 * const span = instrumenter.startSpan("POST", { kind: "client", attributes: { "http.request.method": "POST" }, parent: callSpan });
 */
export interface TraceSpanOptions {
  /** INTERNAL for a call, CLIENT for an HTTP attempt. */
  kind: TraceSpanKind;
  /** The attributes known when it starts. */
  attributes: TraceAttributes;
  /** The span this one belongs to (an attempt's call span); without it, the instrumenter's current context. */
  parent?: TraceSpan | undefined;
}

/**
 * What the SDK emits spans through. `@ws/opentelemetry` provides one over
 * `@opentelemetry/api`; a test or another tracing library can provide its own.
 *
 * @example
 * const spans: string[] = [];
 * const instrumenter: Instrumenter = {
 *   startSpan(name) {
 *     spans.push(name);
 *     return { setAttributes() {}, addEvent() {}, recordException() {}, setError() {}, end() {} };
 *   },
 * };
 * setInstrumenter(instrumenter);
 */
export interface Instrumenter {
  /** Starts a span (for a call without a parent, as a child of the caller's current context). */
  startSpan(name: string, options: TraceSpanOptions): TraceSpan;
  /** Runs `fn` with `span` as the current span, where the runtime has such a context (so that nested instrumentation nests). */
  withSpan?<T>(span: TraceSpan, fn: () => T): T;
  /** Headers that carry `span` to the service (W3C `traceparent`), where propagation is on. */
  inject?(span: TraceSpan, headers: Record<string, string>): void;
}

const REGISTERED = Symbol.for("@ws/core.instrumenter");

type Registry = { [REGISTERED]?: Instrumenter | undefined };

/**
 * Makes every `@ws` client in the process (without its own `instrumenter` option)
 * emit through `instrumenter`; `undefined` turns tracing off again. Also seen by
 * other copies of @ws/core loaded in the same process.
 *
 * @example
 * import { registerWsInstrumentation } from "@ws/opentelemetry";
 * registerWsInstrumentation(); // calls setInstrumenter(createOpenTelemetryInstrumenter())
 */
export function setInstrumenter(instrumenter: Instrumenter | undefined): void {
  (globalThis as Registry)[REGISTERED] = instrumenter;
}

/**
 * The instrumenter registered with {@link setInstrumenter}, or undefined (tracing off).
 *
 * @example
 * if (getInstrumenter()) console.log("@ws calls are traced");
 */
export function getInstrumenter(): Instrumenter | undefined {
  return (globalThis as Registry)[REGISTERED];
}
