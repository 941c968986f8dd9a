// An independent check of AK/SK signatures: Huawei's official Node SDK signer
// (@huaweicloud/huaweicloud-sdk-core, a test-only dependency) recomputes the
// signature of a request as a server received it, the way the gateway does.
import { createRequire } from "node:module";
import type { RecordedRequest } from "./index.js";

const require = createRequire(import.meta.url);
const { AKSKSigner } = require("@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner");
const { BasicCredentials } = require("@huaweicloud/huaweicloud-sdk-core/auth/BasicCredentials");

export interface OfficialRequest {
  /** Scheme, host and path, without the query. */
  endpoint: string;
  method: string;
  headers: Record<string, string>;
  queryParams?: Record<string, string | string[]>;
  /** The JSON body as an object: the official signer hashes JSON.stringify(data). */
  data?: unknown;
}

/** The Authorization header the official signer computes. Pass X-Sdk-Date (exact case) to pin the date. */
export function officialAuthorization(request: OfficialRequest, accessKey: string, secretKey: string): string {
  const credential = new BasicCredentials().withAk(accessKey).withSk(secretKey);
  return AKSKSigner.sign({ ...request, headers: { ...request.headers } }, credential).Authorization;
}

export interface Verdict {
  valid: boolean;
  reason?: string;
  accessKey?: string;
  signedHeaders?: string[];
}

const AUTHORIZATION = /^SDK-HMAC-SHA256 Access=([^,]+), SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/;

/** Verifies a received request's signature with the official signer; `secretFor` maps an access key to its secret. */
export function verifyWithOfficialSigner(
  received: RecordedRequest,
  secretFor: (accessKey: string) => string | undefined,
  options: { maxSkewInMs?: number; now?: number } = {},
): Verdict {
  const match = AUTHORIZATION.exec(received.headers.authorization ?? "");
  if (!match) return { valid: false, reason: "no SDK-HMAC-SHA256 Authorization header" };
  const [, accessKey, signedList, signature] = match;
  const secretKey = secretFor(accessKey!);
  if (!secretKey) return { valid: false, reason: `unknown access key ${accessKey}` };
  const signedHeaders = signedList!.split(";");
  for (const required of ["host", "x-sdk-date"]) {
    if (!signedHeaders.includes(required)) return { valid: false, reason: `${required} is not signed`, accessKey };
  }
  const date = received.headers["x-sdk-date"];
  const m = date && /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(date);
  if (!m) return { valid: false, reason: "X-Sdk-Date is not YYYYMMDDTHHMMSSZ", accessKey };
  const signedAt = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
  if (Math.abs((options.now ?? Date.now()) - signedAt) > (options.maxSkewInMs ?? 15 * 60_000)) {
    return { valid: false, reason: "signature expired", accessKey };
  }
  const headers: Record<string, string> = {};
  for (const name of signedHeaders) {
    const value = received.headers[name];
    if (value === undefined) return { valid: false, reason: `signed header ${name} is missing`, accessKey };
    headers[name === "x-sdk-date" ? "X-Sdk-Date" : name] = value;
  }
  const url = new URL(received.url, `http://${received.headers.host}`);
  const queryParams: Record<string, string | string[]> = {};
  for (const [key, value] of url.searchParams) {
    const existing = queryParams[key];
    queryParams[key] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  const expected = officialAuthorization(
    {
      endpoint: `http://${received.headers.host}${url.pathname}`,
      method: received.method,
      headers,
      queryParams,
      data: received.body ? JSON.parse(received.body) : undefined,
    },
    accessKey!,
    secretKey,
  );
  const valid = expected.endsWith(`Signature=${signature}`);
  return valid ? { valid, accessKey, signedHeaders } : { valid, reason: "signature mismatch", accessKey, signedHeaders };
}
