// Exit codes, the one-line error message, and the redaction every output passes through.
import { inspect } from "node:util";

/** What `ws` exits with. */
export const EXIT_CODES = {
  /** The command did what it was asked. */
  success: 0,
  /** The service answered with a failure, or did not answer (connection, timeout). */
  failure: 1,
  /** Invalid input, flags or configuration (unknown region, no credentials); nothing was sent. */
  invalid: 2,
  /** A waiter ended without success: a failure state, or --max-wait passed. */
  waiter: 3,
  /** Interrupted (Ctrl-C). */
  interrupted: 130,
} as const;

/** A mistake on the command line (unknown option, bad JSON, bad --query): exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

const INVALID = new Set(["ValidationError", "ConfigurationError", "UsageError"]);

/** The class names of an error and its ancestors (`CredentialsUnavailableError`, `ConfigurationError`, `SdkError`, ...). */
function classNames(error: object): string[] {
  const names: string[] = [];
  for (let proto = Object.getPrototypeOf(error); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    const name = Object.prototype.hasOwnProperty.call(proto, "name") ? (proto as { name?: unknown }).name : (proto as { constructor?: { name?: unknown } }).constructor?.name;
    if (typeof name === "string") names.push(name);
  }
  return names;
}

/**
 * The exit code for an error, by class name along its prototype chain (so a subclass such as
 * CredentialsUnavailableError counts as its parent ConfigurationError, whichever copy of
 * @ws/core made it).
 */
export function exitCodeOf(error: unknown): number {
  if (typeof error !== "object" || error === null) return EXIT_CODES.failure;
  for (const name of classNames(error)) {
    if (INVALID.has(name)) return EXIT_CODES.invalid;
    if (name === "WaiterError") return EXIT_CODES.waiter;
    if (name === "AbortError") return EXIT_CODES.interrupted;
    if (name === "ApiError" || name === "ConnectionError" || name === "TimeoutError") return EXIT_CODES.failure;
  }
  return EXIT_CODES.failure;
}

/** Replaces every known secret value in `text`. */
export type Redact = (text: string) => string;

export function createRedactor(values: Iterable<string | undefined>): Redact {
  // Very short values would redact ordinary words; real credentials are long (as @ws/core's SecretSet).
  const secrets = [...new Set([...values].filter((v): v is string => typeof v === "string" && v.length >= 6))].sort((a, b) => b.length - a.length);
  return (text) => {
    for (const value of secrets) if (text.includes(value)) text = text.split(value).join("[REDACTED]");
    return text;
  };
}

/**
 * One line: `ApiError ModelArts.0104: <message> (request id …)`, `ValidationError: <message>`,
 * `WaiterError (timeout): <message>`.
 */
export function errorLine(error: unknown): string {
  if (!(error instanceof Error)) return `Error: ${String(error)}`;
  const e = error as Error & { code?: unknown; requestId?: unknown; reason?: unknown; status?: unknown };
  let head = e.name;
  if (typeof e.code === "string" && e.code && "status" in e) head += ` ${e.code}`;
  if (e.name === "WaiterError" && typeof e.reason === "string") head += ` (${e.reason})`;
  const requestId = typeof e.requestId === "string" && e.requestId ? e.requestId : undefined;
  let message = e.message.replace(/\s*\n\s*/g, " ");
  if (requestId) message = message.split(` [request id ${requestId}]`).join("");
  const request = requestId ? ` (request id ${requestId})` : "";
  return `${head}: ${message}${request}`;
}

/** The whole error for --debug: every field, the cause and the stack (redacted by the caller). */
export function errorDetails(error: unknown): string {
  return inspect(error, { depth: 6, colors: false, breakLength: 120 });
}
