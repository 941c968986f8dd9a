/**
 * OpenTelemetry tracing for the `@ws` workspace SDKs. One call makes every `@ws` client in
 * the process emit through the global tracer provider: an INTERNAL span per SDK call
 * (`modelarts.createWorkspace`) and a CLIENT span per HTTP attempt, with OpenTelemetry's
 * HTTP client attributes. Nothing is patched: the SDKs call a small interface in `@ws/core`.
 *
 * @example
 * import { registerWsInstrumentation } from "@ws/opentelemetry";
 * registerWsInstrumentation();
 *
 * @module @ws/opentelemetry
 */
import { context, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Span, type Tracer, type TracerProvider } from "@opentelemetry/api";
import { getInstrumenter, setInstrumenter, type Instrumenter, type TraceAttributes, type TraceSpan } from "@ws/core";

/**
 * Options of {@link createOpenTelemetryInstrumenter} and {@link registerWsInstrumentation}.
 *
 * @example
 * registerWsInstrumentation({ tracerProvider: provider, propagateTraceContext: false });
 */
export interface WsInstrumentationOptions {
  /** The tracer provider to emit through. Default: the global one (`trace.getTracerProvider()`), looked up at each span. */
  tracerProvider?: TracerProvider | undefined;
  /**
   * Sends a W3C `traceparent` (and `tracestate`) header with every attempt. Off by default:
   * the header is not covered by the request's signature, and the services ignore it.
   */
  propagateTraceContext?: boolean | undefined;
}

// name/version of this package, set by the build (tooling/tsup.base.mjs), for the tracer.
declare const __WS_PACKAGE_ID__: string;
const [TRACER_NAME, TRACER_VERSION] = splitPackageId(__WS_PACKAGE_ID__);

function splitPackageId(id: string): [string, string] {
  const at = id.lastIndexOf("/");
  return [id.slice(0, at), id.slice(at + 1)];
}

const KINDS = { internal: SpanKind.INTERNAL, client: SpanKind.CLIENT } as const;

/** A @ws span over an OpenTelemetry span (the wrapper is what @ws/core hands back as a parent). */
class OtelSpan implements TraceSpan {
  constructor(readonly span: Span) {}
  setAttributes(attributes: TraceAttributes): void {
    this.span.setAttributes(attributes as Attributes);
  }
  addEvent(name: string, attributes?: TraceAttributes): void {
    this.span.addEvent(name, attributes as Attributes | undefined);
  }
  recordException(error: { name: string; message: string }): void {
    this.span.recordException({ name: error.name, message: error.message });
  }
  setError(description: string): void {
    this.span.setStatus({ code: SpanStatusCode.ERROR, message: description });
  }
  end(): void {
    this.span.end();
  }
}

const otelSpanOf = (span: TraceSpan): Span | undefined => (span instanceof OtelSpan ? span.span : undefined);

function contextOf(span: TraceSpan | undefined): Context {
  const parent = span && otelSpanOf(span);
  return parent ? trace.setSpan(context.active(), parent) : context.active();
}

/** `00-{trace-id}-{span-id}-{flags}`: W3C Trace Context, written directly (no global propagator needed). */
function traceparent(span: Span): { traceparent: string; tracestate?: string } | undefined {
  const c = span.spanContext();
  if (!trace.isSpanContextValid(c)) return undefined;
  const header = `00-${c.traceId}-${c.spanId}-${(c.traceFlags & 0xff).toString(16).padStart(2, "0")}`;
  const state = c.traceState?.serialize();
  return state ? { traceparent: header, tracestate: state } : { traceparent: header };
}

/**
 * An {@link Instrumenter} over `@opentelemetry/api`: pass it as a client's `instrumenter`
 * option to trace that client only, or register it for all with {@link registerWsInstrumentation}.
 * A call span's parent is the active context where the call was made.
 *
 * @example
 * import { createOpenTelemetryInstrumenter } from "@ws/opentelemetry";
 * const ma = createModelArtsClient({ region: "cn-north-4", instrumenter: createOpenTelemetryInstrumenter() });
 */
export function createOpenTelemetryInstrumenter(options: WsInstrumentationOptions = {}): Instrumenter {
  const tracer = (): Tracer => (options.tracerProvider ?? trace.getTracerProvider()).getTracer(TRACER_NAME!, TRACER_VERSION);
  const instrumenter: Instrumenter = {
    startSpan(name, spanOptions) {
      const span = tracer().startSpan(name, { kind: KINDS[spanOptions.kind], attributes: spanOptions.attributes as Attributes }, contextOf(spanOptions.parent));
      return new OtelSpan(span);
    },
    withSpan(span, fn) {
      const otel = otelSpanOf(span);
      return otel ? context.with(trace.setSpan(context.active(), otel), fn) : fn();
    },
  };
  if (options.propagateTraceContext) {
    instrumenter.inject = (span, headers) => {
      const otel = otelSpanOf(span);
      const fields = otel && traceparent(otel);
      if (fields) Object.assign(headers, fields);
    };
  }
  return instrumenter;
}

/**
 * Makes every `@ws` client in the process (every copy of `@ws/core`, ESM or CommonJS) emit
 * its spans through OpenTelemetry, and returns a function that turns it off again. Register
 * your tracer provider (the OpenTelemetry SDK) as usual; this works before or after.
 *
 * @example
 * import { NodeSDK } from "@opentelemetry/sdk-node";
 * import { registerWsInstrumentation } from "@ws/opentelemetry";
 * new NodeSDK({ serviceName: "provisioner" }).start();
 * const unregister = registerWsInstrumentation();
 */
export function registerWsInstrumentation(options: WsInstrumentationOptions = {}): () => void {
  const previous = getInstrumenter();
  const instrumenter = createOpenTelemetryInstrumenter(options);
  setInstrumenter(instrumenter);
  return () => {
    if (getInstrumenter() === instrumenter) setInstrumenter(previous);
  };
}
