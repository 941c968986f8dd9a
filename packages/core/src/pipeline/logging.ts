// Opt-in, one line per attempt on the wire. Sits directly above the transport,
// so re-sent requests (retries, token refresh) each get their line. Lines carry
// no headers and no bodies; the URL is redacted.
import { readEnv } from "../runtime/env.js";
import type { HttpRequest, HttpResponse, Policy, SendRequest } from "../http/http.js";
import type { RetryNotice } from "./retry.js";
import { requestIdOf } from "./response.js";
import { redactUrl, type SecretSet } from "../errors/secrets.js";

/** One attempt (or retry notice) as a {@link Logger} receives it; never a header or a body. */
export interface AttemptLog {
  /** The service (`modelarts`, `iam`, ...). */
  provider: string;
  /** The operation (`createWorkspace`, or `METHOD /path` for raw calls). */
  operation: string;
  /** The HTTP method ("" in a retry notice). */
  method: string;
  /** The URL, secrets redacted ("" in a retry notice). */
  url: string;
  /** The attempt's number, from 1. */
  attempt: number;
  /** The HTTP status, when an answer came. */
  status?: number | undefined;
  /** What went wrong, when the attempt failed (or why a retry follows). */
  error?: string | undefined;
  /** How long the attempt took. */
  durationInMs: number;
  /** The request ID the service answered with. */
  requestId?: string | undefined;
}

/** Receives one redacted line per attempt, and the same facts as a record. */
export type Logger = (line: string, record: AttemptLog) => void;

/** `debug`: every attempt; `info`: retries, waits and failures only. */
export type LogLevel = "debug" | "info";

/** `WS_SDK_LOG=debug|info` from the environment, where there is one. */
export function logLevelFromEnv(): LogLevel | undefined {
  const value = readEnv("WS_SDK_LOG")?.trim().toLowerCase();
  return value === "debug" || value === "info" ? value : undefined;
}

/** Writes each line to standard error (the console's error stream in browsers). */
export const consoleLogger: Logger = (line) => console.error(line);

/** The pipeline step that writes one redacted line per attempt to a {@link Logger}. */
export class LogPolicy implements Policy {
  readonly name = "log";
  constructor(
    private readonly logger: Logger,
    private readonly provider: string,
    private readonly secrets: SecretSet,
    private readonly level: LogLevel = "debug",
  ) {}

  /** A line for a retry about to happen (logged at both levels). */
  retry(notice: RetryNotice): void {
    const line = `[ws:${this.provider}] ${notice.operation}: retry ${notice.retry} of ${notice.maxRetries} in ${notice.delayInMs} ms after ${notice.reason}`;
    this.write(line, { provider: this.provider, operation: notice.operation, method: "", url: "", attempt: notice.retry + 1, durationInMs: 0, error: notice.reason });
  }

  async send(request: HttpRequest, next: SendRequest): Promise<HttpResponse> {
    const started = Date.now();
    const record: AttemptLog = {
      provider: this.provider,
      operation: this.secrets.redact(request.operation, request.context),
      method: request.method,
      url: redactUrl(request.url, this.secrets, request.context),
      attempt: request.context.attempts + 1,
      durationInMs: 0,
    };
    try {
      const response = await next(request);
      record.status = response.status;
      const requestId = requestIdOf(response.body, response.headers);
      record.requestId = requestId === undefined ? undefined : this.secrets.redact(requestId, request.context);
      return response;
    } catch (error) {
      record.error = error instanceof Error ? error.name : "Error";
      throw error;
    } finally {
      record.durationInMs = Date.now() - started;
      this.emit(record, request.context);
    }
  }

  private emit(record: AttemptLog, context: object): void {
    const failed = record.error !== undefined || (record.status !== undefined && record.status >= 400);
    if (this.level === "info" && !failed) return;
    const outcome = record.status !== undefined ? `${record.status}` : (record.error ?? "failed");
    const line = this.secrets.redact(
      `[ws:${record.provider}] ${record.operation} ${record.method} ${record.url} -> ${outcome} (attempt ${record.attempt}, ${record.durationInMs} ms${record.requestId ? `, request id ${record.requestId}` : ""})`,
      context,
    );
    this.write(line, record, context);
  }

  private write(line: string, record: AttemptLog, context?: object): void {
    try {
      this.logger(this.secrets.redact(line, context), record);
    } catch {
      // A failing logger must not fail the call.
    }
  }
}
