// What Huawei Cloud's API gateway (in front of RES, DataArts Insight, ModelArts
// and DataArts Fabric) tells a client, and how to read it: throttling, a token
// that must be renewed, a signature outside the accepted time window.
import { normalizeErrorCode } from "../errors/errors.js";
import type { HttpResponse } from "../http/http.js";
import { readErrorFields } from "../pipeline/response.js";
import { parseRetryAfter, type RetryClassifier } from "../pipeline/retry.js";

const WINDOW_UNITS: Record<string, number> = { second: 1_000, minute: 60_000, hour: 3_600_000 };

/**
 * The gateway's 429 (APIGW.0308) sends no Retry-After, but its message names the
 * window: "... policy user over ratelimit,limit:100,time:1 minute". Waiting one
 * window is the shortest wait that is sure to help.
 */
export function gatewayThrottleWindow(body: unknown): number | undefined {
  const message = readErrorFields(body).message ?? "";
  const match = /time:\s*(\d+)\s*(second|minute|hour)s?/i.exec(message);
  return match ? Number(match[1]) * WINDOW_UNITS[match[2]!.toLowerCase()]! : undefined;
}

/**
 * How Huawei's gateway says "throttled, try later": a 429 (the gateway's APIGW.0308,
 * ModelArts' own throttling codes), with the wait from Retry-After or the message's window.
 */
export const huaweiRetryClassifier: RetryClassifier = {
  // Every Huawei throttle is a 429: the gateway's APIGW.0308 and ModelArts' own
  // ModelArts.2799 / 4206 / 6101. A 429 means "not processed".
  isThrottled: (response: HttpResponse) => response.status === 429,
  retryAfterInMs: (response: HttpResponse) =>
    parseRetryAfter(response.headers.get("retry-after")) ??
    (response.status === 429 ? gatewayThrottleWindow(response.body) : undefined),
};

/**
 * 401s that mean "this token is not (or no longer) good": APIGW.0301 (incorrect
 * IAM authentication information: expired, undecryptable), APIGW.0307 (the token
 * must be updated), and APIG.1002 (incorrect token, as DataArts Fabric documents).
 */
const TOKEN_REJECTED = new Set(["APIGW.0301", "APIGW.0307", "APIGW.1002"]);

/** Whether a 401 says the token is not (or no longer) good: APIGW.0301, APIGW.0307 or APIG.1002. */
export function isTokenRejected(response: HttpResponse): boolean {
  if (response.status !== 401) return false;
  const { code } = readErrorFields(response.body, response.headers);
  return code !== undefined && TOKEN_REJECTED.has(normalizeErrorCode(code));
}

/** `20230527T020608Z` to epoch ms. */
export function parseSdkDate(value: string | undefined): number | undefined {
  const m = value ? /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value) : null;
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : undefined;
}

const SKEW_TOLERANCE_IN_MS = 5 * 60_000;

/**
 * The server's time when the gateway refused a signature for its date ("signature
 * expired, signature time:..., server time:..."), or when the refusal's Date header
 * is far from the date signed. Undefined for any other answer.
 */
export function skewedServerTime(response: HttpResponse, signedDate: string | undefined): number | undefined {
  if (response.status !== 401 && response.status !== 403) return undefined;
  const message = readErrorFields(response.body, response.headers).message ?? "";
  const fromMessage = parseSdkDate(/server time:\s*(\d{8}T\d{6}Z)/i.exec(message)?.[1]);
  const fromHeader = Date.parse(response.headers.get("date") ?? "");
  const server = fromMessage ?? (Number.isNaN(fromHeader) ? undefined : fromHeader);
  if (server === undefined) return undefined;
  const signed = parseSdkDate(signedDate);
  const expired = /signature expired|expired signature|sdk-date/i.test(message);
  const far = signed !== undefined && Math.abs(server - signed) > SKEW_TOLERANCE_IN_MS;
  return expired || far ? server : undefined;
}
