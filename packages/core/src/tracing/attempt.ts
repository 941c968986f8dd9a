// One CLIENT span per HTTP attempt, a child of the call's span, with
// OpenTelemetry's stable HTTP client attributes. It sits at the bottom of the
// pipeline, under retries and authentication: each attempt on the wire (a
// retry, a replay after a token refresh) gets its own span, and the URL it
// records is the one sent, redacted like a log line.
import type { HttpRequest, HttpResponse, Policy, SendRequest } from "../http/http.js";
import { requestIdOf } from "../pipeline/response.js";
import { redactUrl } from "../errors/secrets.js";
import { failSpan, redactAttributes, traceAttributes, traceOf, type CallTrace } from "./call.js";
import type { TraceAttributes } from "./instrumenter.js";

function serverAttributes(url: string): TraceAttributes {
  try {
    const parsed = new URL(url);
    const port = parsed.port ? Number(parsed.port) : parsed.protocol === "http:" ? 80 : 443;
    return { "server.address": parsed.hostname, "server.port": port };
  } catch {
    return {};
  }
}

function attemptAttributes(request: HttpRequest, trace: CallTrace): TraceAttributes {
  const resends = request.context.attempts;
  return {
    ...trace.attributes,
    "http.request.method": request.method,
    ...serverAttributes(request.url),
    "url.full": redactUrl(request.url, trace.tracing.secrets),
    // Left out of a first attempt (redactAttributes drops undefined values).
    "http.request.resend_count": resends > 0 ? resends : undefined,
  };
}

/** The pipeline step that wraps each attempt of a traced call in a CLIENT span. Does nothing when the call is not traced. */
export class TracePolicy implements Policy {
  readonly name = "trace";

  async send(request: HttpRequest, next: SendRequest): Promise<HttpResponse> {
    const trace = traceOf(request.context);
    if (!trace) return next(request);
    const { instrumenter, tracing } = trace;
    const span = instrumenter.startSpan(request.method, { kind: "client", attributes: redactAttributes(attemptAttributes(request, trace), tracing.secrets), parent: trace.span });
    let attempt = request;
    if (instrumenter.inject) {
      // After signing, on this attempt's own headers: traceparent is not signed, and the services ignore it.
      attempt = { ...request, headers: { ...request.headers } };
      instrumenter.inject(span, attempt.headers);
    }
    try {
      const response = await (instrumenter.withSpan ? instrumenter.withSpan(span, () => next(attempt)) : next(attempt));
      const requestId = requestIdOf(response.body, response.headers);
      span.setAttributes(redactAttributes({ "http.response.status_code": response.status, "ws.request_id": requestId }, tracing.secrets));
      if (requestId !== undefined) traceAttributes(trace, { "ws.request_id": requestId });
      if (response.status >= 400) {
        span.setAttributes({ "error.type": String(response.status) });
        span.setError(`HTTP ${response.status}`);
      }
      return response;
    } catch (error) {
      failSpan(span, error, tracing.secrets);
      throw error;
    } finally {
      span.end();
    }
  }
}
