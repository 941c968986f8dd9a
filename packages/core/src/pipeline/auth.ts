// Puts credentials on each attempt, last, after every other header is set (so a
// signature covers them all). An authenticator may also recover from a rejection
// it understands (an expired token, a skewed clock) by preparing a fresh attempt;
// AuthPolicy replays at most once per attempt, so a bad credential never loops
// (Huawei's gateway locks an access key after five failures in a row).
import type { AccessKeyCredentials, ProvidedCredentials, TokenSource } from "../credentials/credentials.js";
import type { HttpRequest, HttpResponse, Policy, SendRequest } from "../http/http.js";
import { isTokenRejected, skewedServerTime } from "../huawei/huawei-gateway.js";
import type { IamTokenProvider } from "../huawei/iam.js";
import { assertHeaderValue, type SecretSet } from "../errors/secrets.js";
import type { RefreshingCredentials } from "../credentials/refreshing-credentials.js";
import { leaveReasons, within } from "../runtime/shared-work.js";
import { createSigner, type Hashing, type Signer } from "./signing.js";

/** Puts a client's credentials on each attempt: a token header, or an AK/SK signature. */
export interface Authenticator {
  /** Adds the credentials to this attempt's headers (last, after every other header is set). */
  authenticate(request: HttpRequest): void | Promise<void>;
  /** After a rejection: true when authenticating again may succeed (and it is safe to resend). */
  recover?(response: HttpResponse, request: HttpRequest): boolean | Promise<boolean>;
}

/**
 * The pipeline step that authenticates each attempt with an {@link Authenticator}, and
 * replays an attempt at most once when the authenticator can recover from a rejection
 * (an expired token, a skewed clock). Rejects with AbortError when the caller's
 * `abortSignal` fires while credentials are being fetched.
 */
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
    // Asked after every attempt; a false answer (the usual one) is not awaited.
    const recovering = this.authenticator.recover?.(response, first);
    if (!recovering || !(await recovering)) return response;
    const again = { ...request, headers: { ...unsigned } };
    await this.authenticate(again);
    return next(again);
  }

  // Waiting for credentials (an IAM token being fetched for everyone) must not
  // outlast the caller's abortSignal or deadline.
  private authenticate(request: HttpRequest): Promise<void> | void {
    const result = this.authenticator.authenticate(request);
    if (!(result instanceof Promise)) return;
    return within(result, request, leaveReasons({ provider: this.provider, operation: request.operation, attempts: request.context.attempts }, "credentials", request));
  }

}

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
  // A function's token is new each time: check it (CR/LF) and register it for
  // redaction, among the recent ones and for as long as the call that sends it runs.
  const current = async (fn: () => string | Promise<string>, request: HttpRequest) => {
    const value = await fn();
    assertHeaderValue(header, value, `the ${what} returned by the credentials function`);
    secrets.addRotating(value, request.context);
    return value;
  };
  return {
    authenticate(request) {
      if (typeof source === "string") {
        request.headers[header] = source;
        return;
      }
      return current(source, request).then((value) => {
        request.headers[header] = value;
      });
    },
    recover(response, request) {
      if (typeof source === "string" || !isRejected(response)) return false;
      return current(source, request).then((value) => value !== request.headers[header]);
    },
  };
}

/**
 * Signs every attempt with SDK-HMAC-SHA256, with a fresh date. Adds the signed
 * X-Project-Id (project-level services) and X-Security-Token (temporary keys).
 * When the gateway refuses the signature's date, it corrects the clock by the
 * server's time and re-signs once; later calls keep the correction. When it refuses
 * a RefreshingCredentials' temporary keys (APIGW.0301 with a security token), it asks
 * for new keys once and replays once.
 *
 * `credentials` is a key pair, or a RefreshingCredentials whose current answer
 * signs each attempt (one answer per attempt: key, secret and token always
 * belong together). `projectId` is the X-Project-Id, or a function of the
 * credentials signing (their source may name the project).
 */
export function accessKeyAuthenticator(
  credentials: AccessKeyCredentials | RefreshingCredentials,
  secrets: SecretSet,
  projectId?: string | ((credentials: Readonly<ProvidedCredentials>) => string | undefined),
  hashing?: Hashing,
): Authenticator {
  const source = "get" in credentials && typeof credentials.get === "function" ? (credentials as RefreshingCredentials) : undefined;
  if (!source) {
    const c = credentials as AccessKeyCredentials;
    secrets.add(c.secretKey);
    secrets.add(c.securityToken);
  }
  if (typeof projectId === "string") assertHeaderValue("x-project-id", projectId, "projectId");
  // The signer of the credentials signing now (its HMAC key is prepared once per key pair).
  let last: { credentials: AccessKeyCredentials; signer: Signer } | undefined;
  let clockOffset = 0;
  const sign = (request: HttpRequest, c: AccessKeyCredentials) => {
    if (last?.credentials !== c) last = { credentials: c, signer: createSigner(c.accessKey, c.secretKey, hashing) };
    const project = typeof projectId === "function" ? projectId(c) : projectId;
    if (project) request.headers["x-project-id"] = project;
    if (c.securityToken) {
      request.headers["x-security-token"] = c.securityToken;
      // Temporary keys rotate: the call that sends this token redacts it, however many came since.
      if (source) secrets.addRotating(c.securityToken, request.context);
    }
    return last.signer.sign(request, new Date(Date.now() + clockOffset));
  };
  return {
    authenticate(request) {
      if (!source) return sign(request, credentials as AccessKeyCredentials);
      const current = source.get({ abortSignal: request.abortSignal, deadline: request.deadline });
      return current instanceof Promise ? current.then((c) => sign(request, c)) : sign(request, current);
    },
    recover(response, request) {
      // Temporary keys refused before their time (expired early, revoked): ask the
      // provider once for new ones and replay once; a gateway 401 was not processed.
      const securityToken = request.headers["x-security-token"];
      if (source && securityToken && isTokenRejected(response)) {
        source.forget(securityToken);
        return true;
      }
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
      request.headers["x-auth-token"] = await provider.token({ abortSignal: request.abortSignal, deadline: request.deadline }, request.context);
    },
    recover(response, request) {
      if (!isTokenRejected(response)) return false;
      provider.invalidate(request.headers["x-auth-token"] ?? "");
      return true;
    },
  };
}
