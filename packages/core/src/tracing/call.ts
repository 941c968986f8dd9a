// The spans of one SDK call: the call span (INTERNAL, `<provider>.<method>`) that
// covers validation, credentials, every attempt and every wait, and its children
// (the project lookup). The call's trace travels with its CallOptions under a
// symbol, so a call made inside another (a page of a list, a poll of a waiter,
// a step of ensureWorkspace) adds to the outer span instead of starting one.
// Every value handed to the instrumenter goes through the client's redaction.
import type { SecretSet } from "../errors/secrets.js";
import type { CallContext } from "../http/http.js";
import { getInstrumenter, type Instrumenter, type TraceAttributes, type TraceSpan } from "./instrumenter.js";

/**
 * What a client's spans say about the service (OpenTelemetry has no Huawei values: these are documented custom ones).
 *
 * @example
 * const identity: TraceIdentity = { system: "huaweicloud", cloudProvider: "huawei_cloud", region: "cn-north-4" };
 */
export interface TraceIdentity {
  /** `rpc.system`: `huaweicloud` for the four Huawei services, `truewatch` for TrueWatch. Default: the provider. */
  system?: string | undefined;
  /** `cloud.provider`: `huawei_cloud`, `truewatch`. Default: the system. */
  cloudProvider?: string | undefined;
  /** `cloud.region`, where the client has one. */
  region?: string | undefined;
}

/**
 * One client's tracing settings: who it is, what it redacts, and its own instrumenter if it was given one.
 *
 * @example
 * const tracing: ClientTracing = { service: "modelarts", identity: { system: "huaweicloud" }, secrets: createSecretSet() };
 */
export interface ClientTracing {
  /** `rpc.service`: the service's short name (`modelarts`). */
  service: string;
  /** The identity of every span of the client. */
  identity: TraceIdentity;
  /** The client's secrets, kept out of every name, attribute and event. */
  secrets: SecretSet;
  /** The client's `instrumenter` option; else the registered one. */
  instrumenter?: Instrumenter | undefined;
}

const CALL_TRACE = Symbol.for("@ws/core.callTrace");

/** An active call span, with what its children and attempts need. */
export interface CallTrace {
  readonly span: TraceSpan;
  readonly instrumenter: Instrumenter;
  readonly tracing: ClientTracing;
  /** `rpc.*` and `cloud.*` of the call, shared by its attempts. */
  readonly attributes: TraceAttributes;
}

/** The same attributes with every string redacted and undefined values left out. */
export function redactAttributes(attributes: TraceAttributes, secrets: SecretSet): TraceAttributes {
  const out: TraceAttributes = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) out[name] = typeof value === "string" ? secrets.redact(value) : value;
  }
  return out;
}

/** The call trace carried by these options, if any. */
export function traceOf(options: object | undefined): CallTrace | undefined {
  return (options as { [CALL_TRACE]?: CallTrace } | undefined)?.[CALL_TRACE];
}

/** `options` carrying `trace`, for the calls made inside a traced one. */
export function withTrace<O extends object>(options: O | undefined, trace: CallTrace | undefined): O {
  return (trace ? { ...options, [CALL_TRACE]: trace } : (options ?? {})) as O;
}

/** A low-cardinality name of what went wrong: the error's class (`ValidationError`, `AbortError`, ...). */
export function errorTypeOf(error: unknown): string {
  return error instanceof Error && error.name ? error.name : "Error";
}

/** Marks `span` failed with `error`, redacted. */
export function failSpan(span: TraceSpan, error: unknown, secrets: SecretSet): void {
  const name = errorTypeOf(error);
  const message = secrets.redact(error instanceof Error ? error.message : String(error));
  span.setAttributes({ "error.type": name });
  span.recordException({ name, message });
  span.setError(message);
}

function identityAttributes(tracing: ClientTracing, method: string): TraceAttributes {
  const system = tracing.identity.system ?? tracing.service;
  return {
    "rpc.system": system,
    "rpc.service": tracing.service,
    "rpc.method": method,
    "cloud.provider": tracing.identity.cloudProvider ?? system,
    "cloud.region": tracing.identity.region,
  };
}

/** Starts a call span when tracing is on; undefined when it is off (the no-op path costs one lookup). */
export function startCallTrace(tracing: ClientTracing | undefined, method: string, parent?: CallTrace): CallTrace | undefined {
  const instrumenter = tracing?.instrumenter ?? getInstrumenter();
  if (!tracing || !instrumenter) return undefined;
  const attributes = redactAttributes(identityAttributes(tracing, method), tracing.secrets);
  const span = instrumenter.startSpan(tracing.secrets.redact(`${tracing.service}.${method}`), { kind: "internal", attributes, parent: parent?.span });
  return { span, instrumenter, tracing, attributes };
}

/** Adds an event to the call's span, redacted. */
export function traceEvent(trace: CallTrace | undefined, name: string, attributes: TraceAttributes = {}): void {
  trace?.span.addEvent(name, redactAttributes(attributes, trace.tracing.secrets));
}

/** Sets attributes on the call's span, redacted. */
export function traceAttributes(trace: CallTrace | undefined, attributes: TraceAttributes): void {
  trace?.span.setAttributes(redactAttributes(attributes, trace.tracing.secrets));
}

/** Runs `run` inside `trace`'s span (current where the instrumenter has a context); ends it with the outcome. */
async function within<T>(trace: CallTrace, run: () => Promise<T>): Promise<T> {
  try {
    return await (trace.instrumenter.withSpan ? trace.instrumenter.withSpan(trace.span, run) : run());
  } catch (error) {
    failSpan(trace.span, error, trace.tracing.secrets);
    throw error;
  } finally {
    trace.span.end();
  }
}

/**
 * Runs one SDK call inside its span `<provider>.<method>`: `run` receives the options
 * carrying the span, for the requests and inner calls it makes. Inside a traced call
 * already, or with tracing off, it only runs `run`.
 */
export function traceCall<T, O extends object>(tracing: ClientTracing | undefined, method: string, options: O | undefined, run: (options: O) => Promise<T>): Promise<T> {
  const trace = traceOf(options) ? undefined : startCallTrace(tracing, method);
  if (!trace) return run((options ?? {}) as O);
  return within(trace, () => run(withTrace(options, trace)));
}

/** A call that failed before it could start (a bad list query, checked where it is written): a span with the error. */
export function traceFailedCall(tracing: ClientTracing | undefined, method: string, options: object | undefined, error: unknown): void {
  if (traceOf(options)) return;
  const trace = startCallTrace(tracing, method);
  if (!trace) return;
  failSpan(trace.span, error, trace.tracing.secrets);
  trace.span.end();
}

const TRACING = Symbol.for("@ws/core.tracing");

/** Marks `method` as one of a client with these tracing settings (the waiters built on a getWorkspace read them). */
export function withTracing<F extends object>(method: F, tracing: ClientTracing | undefined): F {
  if (tracing) Object.defineProperty(method, TRACING, { value: tracing, enumerable: false });
  return method;
}

/** The tracing settings of the client `method` belongs to, if it was marked. */
export function tracingOf(method: object): ClientTracing | undefined {
  return (method as { [TRACING]?: ClientTracing })[TRACING];
}

/**
 * A span of its own for a step of a traced call (`iam.lookupProject`, `iam.getToken`), a
 * child of the call's span. `run` gets the context of the step's requests (their attempt
 * spans are the step's children), or an untraced one.
 */
export function traceStep<T>(options: object | undefined, service: string, method: string, run: (context: CallContext) => Promise<T>): Promise<T> {
  const parent = traceOf(options);
  const child = parent && startCallTrace({ ...parent.tracing, service }, method, parent);
  return child ? within(child, () => run(withTrace({ attempts: 0, retry: 0 }, child))) : run({ attempts: 0, retry: 0 });
}

/**
 * A credential provider whose every call is a span `<provider>.refreshCredentials`
 * (a child of whatever is current: the call that needed the credentials).
 */
export function traceProvider<A extends unknown[], R>(tracing: ClientTracing, provide: (...args: A) => R | Promise<R>): (...args: A) => R | Promise<R> {
  return (...args) => {
    const trace = startCallTrace(tracing, "refreshCredentials");
    return trace ? within(trace, async () => provide(...args)) : provide(...args);
  };
}
