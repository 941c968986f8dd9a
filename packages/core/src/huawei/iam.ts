// Project-scoped IAM tokens from a username and password (IAM "obtain a user
// token through password authentication"): POST /v3/auth/tokens, 201, the token
// in X-Subject-Token, its lifetime in token.expires_at. Cached until a margin
// before expiry; concurrent callers share one request; a rejected password is
// remembered for five minutes so that a retry loop cannot lock the account.
import { assertRegionName } from "../http/endpoint.js";
import { ApiError, ConfigurationError } from "../errors/errors.js";
import { createPipeline, isRecord, type CallContext, type HttpRequest, type Policy } from "../http/http.js";
import { LogPolicy, type Logger } from "../pipeline/logging.js";
import { readResult, unwrapBody } from "../pipeline/response.js";
import { RetryPolicy, type RetryOptions } from "../pipeline/retry.js";
import { huaweiRetryClassifier } from "./huawei-gateway.js";
import type { SecretSet } from "../errors/secrets.js";
import { leaveReasons, sharedWork, type SharedWait } from "../runtime/shared-work.js";
import { createTransport } from "../pipeline/transport.js";
import { TracePolicy } from "../tracing/attempt.js";
import { traceStep } from "../tracing/call.js";

/**
 * Options of {@link createIamTokenProvider}.
 *
 * @example
 * const tokens = createIamTokenProvider({
 *   endpoint: "https://iam.cn-north-4.myhuaweicloud.com",
 *   username, password, domainName,
 *   project: { name: "cn-north-4" },
 *   secrets: createSecretSet(),
 * });
 */
export interface IamTokenOptions extends RetryOptions {
  /** IAM base URL, already checked (normalizeEndpoint). */
  endpoint: string;
  /** The IAM user's name. */
  username: string;
  /** The IAM user's password (added to `secrets`, so never logged). */
  password: string;
  /** The account (domain) the IAM user belongs to. */
  domainName: string;
  /** Token scope: the project by id (preferred) or by name (the region's default project). */
  project:
    | {
        /** The project ID. */
        id: string;
      }
    | {
        /** The project name (the region's, e.g. `cn-north-4`). */
        name: string;
      };
  /** Where the password and the tokens are registered for redaction. */
  secrets: SecretSet;
  /** A fetch implementation (default: the global one). */
  fetch?: typeof globalThis.fetch | undefined;
  /** Limit for one IAM request. Default 30 s. */
  timeoutInMs?: number | undefined;
  /** IAM answers larger than this are not read (the client's limit). Default 16 MiB. */
  maxResponseBytes?: number | undefined;
  /** Receives one redacted line per IAM request. */
  logger?: Logger | undefined;
  /** Renew this long before the token expires. Default 10 minutes. */
  refreshMarginInMs?: number | undefined;
}

const LOCKOUT_GUARD_IN_MS = 5 * 60_000;

/** `https://iam.{region}.myhuaweicloud.com`; Open Telekom Cloud's eu-de has its own. */
export function iamEndpointFor(region: string | undefined): string {
  if (!region) throw new ConfigurationError("IAM credentials need a region (to find the IAM endpoint) or credentials.iam.endpoint.");
  assertRegionName(region, "the region naming the IAM endpoint");
  return region === "eu-de" ? "https://iam.eu-de.otc.t-systems.com" : `https://iam.${region}.myhuaweicloud.com`;
}

/** A cache of one IAM user's project-scoped token, renewed before it expires. */
export interface IamTokenProvider {
  /**
   * A valid token: the cached one, the one being fetched, or a new one. A caller leaves
   * when its `abortSignal` fires or its `deadline` passes; the request is aborted when
   * every caller waiting for it has left. A request made for a traced call (`traced`: its
   * request's context) is its span `iam.getToken`, with an attempt span per HTTP attempt.
   */
  token(wait?: SharedWait, traced?: object): Promise<string>;
  /** Forget `token` if it is the cached one (the service said it is no longer valid). */
  invalidate(token: string): void;
}

/**
 * A token cache for one IAM user and project: gets a token (`POST /v3/auth/tokens`) when
 * first asked, shares one request among concurrent callers, and renews it before it
 * expires. When IAM refuses the password (400, 401, 403) the call rejects with that
 * ApiError, and the password is not tried again for five minutes (IAM locks a user after
 * repeated failures).
 */
export function createIamTokenProvider(options: IamTokenOptions): IamTokenProvider {
  options.secrets.add(options.password);
  const policies: Policy[] = [new RetryPolicy(huaweiRetryClassifier, options, "iam")];
  if (options.logger) policies.push(new LogPolicy(options.logger, "iam", options.secrets));
  policies.push(new TracePolicy());
  const send = createPipeline(policies, createTransport({ fetch: options.fetch, timeoutInMs: options.timeoutInMs, maxResponseBytes: options.maxResponseBytes, provider: "iam" }));
  let cached: { token: string; renewAt: number } | undefined;
  let refused: { error: unknown; until: number } | undefined;
  // The call that starts a request is the one its span belongs to.
  const request = sharedWork<string, object>((signal, starter) => traceStep(starter, "iam", "getToken", (context) => fetchToken(signal, context)));

  async function fetchToken(signal: AbortSignal, context: CallContext): Promise<string> {
    const o = options;
    const body = JSON.stringify({
      auth: {
        identity: {
          methods: ["password"],
          password: { user: { name: o.username, password: o.password, domain: { name: o.domainName } } },
        },
        scope: { project: o.project },
      },
    });
    const request: HttpRequest = {
      method: "POST",
      url: `${o.endpoint}/v3/auth/tokens?nocatalog=true`,
      headers: { "content-type": "application/json;charset=utf8" },
      body,
      // Asking for a token twice is harmless: a new token does not invalidate the old one.
      idempotent: true,
      abortSignal: signal,
      operation: "getToken",
      context,
    };
    const started = Date.now();
    const response = await send(request);
    try {
      const result = readResult<Record<string, unknown>>(response, request, { provider: "iam", unwrap: unwrapBody, secrets: o.secrets });
      const token = response.headers.get("x-subject-token");
      if (!token) {
        throw new ApiError("iam getToken failed: the response has no X-Subject-Token header", {
          provider: "iam",
          operation: "getToken",
          status: response.status,
          attempts: request.context.attempts,
        });
      }
      o.secrets.addRotating(token);
      cached = { token, renewAt: renewAt(result, response.headers, started, o.refreshMarginInMs ?? 10 * 60_000) };
      return token;
    } catch (error) {
      // A refused password stays refused: remember it instead of asking IAM again
      // (repeated failures lock the user out).
      if (error instanceof ApiError && [400, 401, 403].includes(error.status)) {
        refused = { error, until: Date.now() + LOCKOUT_GUARD_IN_MS };
      }
      throw error;
    }
  }

  return {
    token(wait = {}, traced) {
      const now = Date.now();
      if (refused && now < refused.until) return Promise.reject(refused.error);
      if (cached && now < cached.renewAt) return Promise.resolve(cached.token);
      return request.join(wait, leaveReasons({ provider: "iam", operation: "getToken" }, "an IAM token", wait), traced);
    },
    invalidate(token) {
      if (cached?.token === token) cached = undefined;
    },
  };
}

/**
 * When to renew, on the local clock: the token's lifetime as IAM states it
 * (expires_at minus issued_at, or minus the response's Date), counted from when
 * the request was sent, less the margin. A skewed local clock cannot make a fresh
 * token look expired, or an expired one fresh.
 */
function renewAt(body: Record<string, unknown>, headers: Headers, sentAt: number, margin: number): number {
  const token = isRecord(body.token) ? body.token : {};
  const expires = typeof token.expires_at === "string" ? Date.parse(token.expires_at) : Number.NaN;
  const issued = typeof token.issued_at === "string" ? Date.parse(token.issued_at) : Date.parse(headers.get("date") ?? "");
  if (Number.isNaN(expires)) return sentAt; // unknown lifetime: use it for this call only
  const lifetime = expires - (Number.isNaN(issued) ? sentAt : issued);
  return sentAt + Math.max(0, lifetime - margin);
}
