// Puts credentials on each attempt, last, after every other header is set (so a
// signature covers them all). An authenticator may also recover from a rejection
// it understands (an expired token, a skewed clock) by preparing a fresh attempt;
// AuthPolicy replays at most once per attempt, so a bad credential never loops
// (Huawei's gateway locks an access key after five failures in a row).
import type { AccessKeyCredentials } from "./credentials.js";
import { AbortError } from "./errors.js";
import type { HttpRequest, HttpResponse, Policy, SendRequest } from "./http.js";
import { isTokenRejected, skewedServerTime } from "./huawei-gateway.js";
import type { IamTokenProvider } from "./iam.js";
import { assertHeaderValue, type SecretSet } from "./secrets.js";
import { createSigner, type Hashing } from "./signing.js";

export interface Authenticator {
  authenticate(request: HttpRequest): void | Promise<void>;
  /** After a rejection: true when authenticating again may succeed (and it is safe to resend). */
  recover?(response: HttpResponse, request: HttpRequest): boolean | Promise<boolean>;
}

export class AuthPolicy implements Policy {
  readonly name = "auth";
  constructor(
    private readonly authenticator: Authenticator,
    private readonly provider?: string,
  ) {}

  async send(request: HttpRequest, next: SendRequest): Promise<HttpResponse> {
    const unsigned = request.headers;
    const first = { ...request, headers: { ...unsigned } };
    const pending = this.authenticate(first);
    if (pending) await pending; // a token string or node:crypto signing is synchronous: no await
    const response = await next(first);
    if (!this.authenticator.recover || !(await this.authenticator.recover(response, first))) return response;
    const again = { ...request, headers: { ...unsigned } };
    await this.authenticate(again);
    return next(again);
  }

  // Waiting for credentials (an IAM token being fetched for everyone) must not
  // outlast the caller's abortSignal.
  private authenticate(request: HttpRequest): Promise<void> | void {
    const signal = request.abortSignal;
    const result = this.authenticator.authenticate(request);
    if (!(result instanceof Promise)) return;
    const pending = result;
    if (!signal) return pending;
    return new Promise<void>((resolve, reject) => {
      const onAbort = () =>
        reject(
          new AbortError("The call was aborted while waiting for credentials.", {
            provider: this.provider,
            operation: request.operation,
            attempts: request.context.attempts,
            cause: signal.reason,
          }),
        );
      if (signal.aborted) return onAbort();
      signal.addEventListener("abort", onAbort, { once: true });
      pending.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
    });
  }
}

export type TokenSource = string | (() => string | Promise<string>);

/**
 * Sends a caller-managed token: a string, or a function asked before every
 * attempt. When the service rejects a function's token and the function then
 * returns a different one, the request is replayed once with it.
 */
export function tokenAuthenticator(
  header: string,
  source: TokenSource,
  secrets: SecretSet,
  what = "token",
  isRejected: (response: HttpResponse) => boolean = () => false,
): Authenticator {
  if (typeof source === "string") {
    assertHeaderValue(header, source, `credentials ${what}`);
    secrets.add(source);
  }
  // A function's token is new each time: check it (CR/LF) and register it for redaction.
  const current = async (fn: () => string | Promise<string>) => {
    const value = await fn();
    assertHeaderValue(header, value, `the ${what} returned by the credentials function`);
    secrets.add(value);
    return value;
  };
  return {
    authenticate(request) {
      if (typeof source === "string") {
        request.headers[header] = source;
        return;
      }
      return current(source).then((value) => {
        request.headers[header] = value;
      });
    },
    async recover(response, request) {
      if (typeof source === "string" || !isRejected(response)) return false;
      return (await current(source)) !== request.headers[header];
    },
  };
}

/**
 * Signs every attempt with SDK-HMAC-SHA256, with a fresh date. Adds the signed
 * X-Project-Id (project-level services) and X-Security-Token (temporary keys).
 * When the gateway refuses the signature's date, it corrects the clock by the
 * server's time and re-signs once; later calls keep the correction.
 */
export function accessKeyAuthenticator(
  credentials: AccessKeyCredentials,
  secrets: SecretSet,
  projectId?: string,
  hashing?: Hashing,
): Authenticator {
  const signer = createSigner(credentials.accessKey, credentials.secretKey, hashing);
  secrets.add(credentials.secretKey);
  secrets.add(credentials.securityToken);
  if (projectId !== undefined) assertHeaderValue("x-project-id", projectId, "projectId");
  let clockOffset = 0;
  return {
    authenticate(request) {
      if (projectId) request.headers["x-project-id"] = projectId;
      if (credentials.securityToken) request.headers["x-security-token"] = credentials.securityToken;
      return signer.sign(request, new Date(Date.now() + clockOffset));
    },
    recover(response, request) {
      const server = skewedServerTime(response, request.headers["x-sdk-date"]);
      if (server === undefined) return false;
      clockOffset = server - Date.now();
      return true;
    },
  };
}

/** Sends an IAM token obtained from a password; on a token rejection, renews it and replays once. */
export function iamAuthenticator(provider: IamTokenProvider): Authenticator {
  return {
    async authenticate(request) {
      request.headers["x-auth-token"] = await provider.token();
    },
    recover(response, request) {
      if (!isTokenRejected(response)) return false;
      provider.invalidate(request.headers["x-auth-token"] ?? "");
      return true;
    },
  };
}
