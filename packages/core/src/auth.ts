// Puts credentials on each attempt, last, after every other header is set (so a
// signature covers them all). An authenticator may also recover from a rejection
// it understands (an expired token, a skewed clock) by preparing a fresh attempt;
// AuthPolicy replays at most once per attempt, so a bad credential never loops.
import type { HttpRequest, HttpResponse, Policy, SendRequest } from "./http.js";
import { assertHeaderValue, type SecretSet } from "./secrets.js";

export interface Authenticator {
  authenticate(request: HttpRequest): void | Promise<void>;
  /** After a rejection: true when authenticating again may succeed (and it is safe to resend). */
  recover?(response: HttpResponse, request: HttpRequest): boolean | Promise<boolean>;
}

export class AuthPolicy implements Policy {
  readonly name = "auth";
  constructor(private readonly authenticator: Authenticator) {}

  async send(request: HttpRequest, next: SendRequest): Promise<HttpResponse> {
    const unsigned = request.headers;
    const first = { ...request, headers: { ...unsigned } };
    await this.authenticator.authenticate(first);
    const response = await next(first);
    if (!this.authenticator.recover || !(await this.authenticator.recover(response, first))) return response;
    const again = { ...request, headers: { ...unsigned } };
    await this.authenticator.authenticate(again);
    return next(again);
  }
}

export type TokenSource = string | (() => string | Promise<string>);

/** Sends a caller-managed token (a string, or a function asked before every attempt). */
export function tokenAuthenticator(header: string, source: TokenSource, secrets: SecretSet, what = "token"): Authenticator {
  if (typeof source === "string") {
    assertHeaderValue(header, source, `credentials ${what}`);
    secrets.add(source);
  }
  return {
    async authenticate(request) {
      const value = typeof source === "string" ? source : await source();
      if (typeof source !== "string") {
        assertHeaderValue(header, value, `the ${what} returned by the credentials function`);
        secrets.add(value);
      }
      request.headers[header] = value;
    },
  };
}
