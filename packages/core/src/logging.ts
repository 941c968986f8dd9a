// Opt-in, one line per attempt on the wire. Sits directly above the transport,
// so re-sent requests (retries, token refresh) each get their line. Lines carry
// no headers and no bodies; the URL is redacted.
import type { HttpRequest, HttpResponse, Policy, SendRequest } from "./http.js";
import { requestIdOf } from "./response.js";
import { redactUrl, type SecretSet } from "./secrets.js";

export interface AttemptLog {
  provider: string;
  operation: string;
  method: string;
  url: string;
  attempt: number;
  status?: number | undefined;
  error?: string | undefined;
  durationInMs: number;
  requestId?: string | undefined;
}

/** Receives one redacted line per attempt, and the same facts as a record. */
export type Logger = (line: string, record: AttemptLog) => void;

export class LogPolicy implements Policy {
  readonly name = "log";
  constructor(
    private readonly logger: Logger,
    private readonly provider: string,
    private readonly secrets: SecretSet,
  ) {}

  async send(request: HttpRequest, next: SendRequest): Promise<HttpResponse> {
    const started = Date.now();
    const record: AttemptLog = {
      provider: this.provider,
      operation: request.operation,
      method: request.method,
      url: redactUrl(request.url, this.secrets),
      attempt: request.context.attempts + 1,
      durationInMs: 0,
    };
    try {
      const response = await next(request);
      record.status = response.status;
      record.requestId = requestIdOf(response.body, response.headers);
      return response;
    } catch (error) {
      record.error = error instanceof Error ? error.name : "Error";
      throw error;
    } finally {
      record.durationInMs = Date.now() - started;
      this.emit(record);
    }
  }

  private emit(record: AttemptLog): void {
    const outcome = record.status !== undefined ? `${record.status}` : (record.error ?? "failed");
    const line = this.secrets.redact(
      `[ws:${record.provider}] ${record.operation} ${record.method} ${record.url} -> ${outcome} (attempt ${record.attempt}, ${record.durationInMs} ms${record.requestId ? `, request id ${record.requestId}` : ""})`,
    );
    try {
      this.logger(line, record);
    } catch {
      // A failing logger must not fail the call.
    }
  }
}
