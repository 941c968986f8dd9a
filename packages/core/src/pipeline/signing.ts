// SDK-HMAC-SHA256, the AK/SK request signature Huawei Cloud's API gateway
// verifies (shared/docs/signing.md). Pure string building plus two hashes and an
// HMAC from the crypto seam (#crypto: node:crypto under the `node` condition,
// WebCrypto elsewhere).
//
// Where Huawei's official Node SDK and the gateway's own signer disagree, this
// follows the gateway: each path segment is decoded once, fully (as the official
// Python SDK and the gateway's Python signer do), and encoded once; header lines are sorted by code unit like the signed-header
// list; header values are trimmed; the hash covers the exact body bytes sent.
import { hmacSha256, sha256Hex } from "#crypto";
import { encodeRfc3986 } from "../http/endpoint.js";

/** The algorithm name of Huawei's AK/SK signatures, as it appears in the Authorization header. */
export const SIGNING_ALGORITHM = "SDK-HMAC-SHA256";
/** The SHA-256 (hex) of an empty body. */
export const EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/** A request as {@link Signer.sign} reads and completes it. */
export interface SignableRequest {
  /** The HTTP method, upper case. */
  method: string;
  /** The absolute URL, encoded. */
  url: string;
  /** Lower-case names. Signing adds `x-sdk-date` and `authorization`. */
  headers: Record<string, string>;
  /** The exact body text sent (its hash is signed). */
  body?: string | undefined;
}

/** The hash functions signing uses: node:crypto under Node, WebCrypto elsewhere. */
export interface Hashing {
  /** SHA-256 of the UTF-8 text, in lower-case hex. */
  sha256Hex(data: string): string | Promise<string>;
  /** An HMAC-SHA256 with this key, returning lower-case hex. */
  hmacSha256(key: string): (data: string) => string | Promise<string>;
}

/** The default hashing, chosen by export condition. */
export const defaultHashing: Hashing = { sha256Hex, hmacSha256 };

let cachedSecond = Number.NaN;
let cachedDate = "";
/** `YYYYMMDDTHHMMSSZ` in UTC. Formatted once per second: it is on every signed request. */
export function formatSdkDate(date: Date): string {
  const second = Math.floor(date.getTime() / 1000);
  if (second !== cachedSecond) {
    cachedSecond = second;
    cachedDate = date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
  }
  return cachedDate;
}

// An encoded "/" stays as it is, so it cannot turn into a separator (its "%" is
// then encoded again, as the gateway's signer does); every other escape, reserved
// characters included ("%2B" for "+"), is decoded, so the segment is encoded once:
// "a%2Bb" signs as "a%2Bb", not "a%252Bb" (shared/docs/signing.md).
const ENCODED_SLASH = /%2F/i;

function decodeSegment(segment: string): string {
  try {
    return ENCODED_SLASH.test(segment) ? segment.split(/(%2F)/i).map((part, i) => (i % 2 === 1 ? part : decodeURIComponent(part))).join("") : decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function decodeQueryPart(part: string): string {
  try {
    return decodeURIComponent(part); // "+" stays a literal "+"
  } catch {
    return part;
  }
}

const UNRESERVED_PATH = /^[A-Za-z0-9\-._~/]*$/;

/** The absolute path, each segment encoded once, ending with "/". */
export function canonicalUri(pathname: string): string {
  // Ids and names in these APIs need no encoding: skip the per-segment work.
  let out = UNRESERVED_PATH.test(pathname) ? pathname : pathname.split("/").map((s) => encodeRfc3986(decodeSegment(s))).join("/");
  if (!out.endsWith("/")) out += "/";
  return out;
}

/**
 * Keys sorted by UTF-16 code unit before encoding (as the official signer sorts
 * them: "名" after "limit"), repeated keys' values sorted, everything RFC
 * 3986-encoded, `k=` for an empty value.
 */
export function canonicalQuery(search: string): string {
  const query = search.startsWith("?") ? search.slice(1) : search;
  if (query === "") return "";
  const pairs: Array<[string, string]> = [];
  for (const part of query.split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const key = eq === -1 ? part : part.slice(0, eq);
    const value = eq === -1 ? "" : part.slice(eq + 1);
    pairs.push([decodeQueryPart(key), decodeQueryPart(value)]);
  }
  pairs.sort(([ka, va], [kb, vb]) => (ka < kb ? -1 : ka > kb ? 1 : va < vb ? -1 : va > vb ? 1 : 0));
  return pairs.map(([k, v]) => `${encodeRfc3986(k)}=${encodeRfc3986(v)}`).join("&");
}

/** The canonical request of a signature and the header names it covers. */
export interface CanonicalParts {
  /** The canonical request text that is hashed and signed. */
  canonicalRequest: string;
  /** The signed header names, `;`-separated, sorted. */
  signedHeaders: string;
}

/** The canonical request of an SDK-HMAC-SHA256 signature: method, path, query, headers (`host` included) and body hash. */
export function canonicalRequest(request: SignableRequest, host: string, pathname: string, search: string, payloadHash: string): CanonicalParts {
  const headers = request.headers;
  const names = ["host"];
  for (const name in headers) if (name !== "authorization" && name !== "host") names.push(name);
  names.sort();
  let lines = "";
  for (const name of names) lines += `${name}:${(name === "host" ? host : headers[name]!).trim()}\n`;
  const signedHeaders = names.join(";");
  return {
    canonicalRequest: `${request.method.toUpperCase()}\n${canonicalUri(pathname)}\n${canonicalQuery(search)}\n${lines}\n${signedHeaders}\n${payloadHash}`,
    signedHeaders,
  };
}

/**
 * Host (with the port only when it is not the scheme's default: what fetch sends
 * as Host), path and query of a serialised URL, without building a URL object.
 */
let lastUrl = "";
let lastParts = { host: "", pathname: "/", search: "" };

export function splitUrl(url: string): { host: string; pathname: string; search: string } {
  // A client signs the same URL over and over (one operation, one project).
  if (url === lastUrl) return lastParts;
  lastParts = parseUrl(url);
  lastUrl = url;
  return lastParts;
}

function parseUrl(url: string): { host: string; pathname: string; search: string } {
  const hostStart = url.indexOf("//") + 2;
  let pathStart = url.indexOf("/", hostStart);
  if (pathStart === -1) pathStart = url.length;
  let host = url.slice(hostStart, pathStart).toLowerCase();
  if ((url.startsWith("https:") && host.endsWith(":443")) || (url.startsWith("http:") && host.endsWith(":80"))) {
    host = host.slice(0, host.lastIndexOf(":"));
  }
  const hash = url.indexOf("#", pathStart);
  const rest = hash === -1 ? url.slice(pathStart) : url.slice(pathStart, hash);
  const q = rest.indexOf("?");
  return q === -1 ? { host, pathname: rest || "/", search: "" } : { host, pathname: rest.slice(0, q) || "/", search: rest.slice(q) };
}

type MaybeAsync<T> = T | Promise<T>;
/** Continue synchronously when the hashing is synchronous (node:crypto), asynchronously otherwise. */
function then<T, R>(value: MaybeAsync<T>, next: (value: T) => MaybeAsync<R>): MaybeAsync<R> {
  return value instanceof Promise ? value.then(next) : next(value);
}

/** Signs requests with one access key (SDK-HMAC-SHA256). */
export interface Signer {
  /** Signs in place: sets `x-sdk-date` and `authorization`. Call last, once every other header is set. Synchronous under node:crypto. */
  sign(request: SignableRequest, date: Date): void | Promise<void>;
}

/**
 * A signer for one access key. The secret key stays in this closure; the HMAC
 * key material is prepared once.
 */
export function createSigner(accessKey: string, secretKey: string, hashing: Hashing = defaultHashing): Signer {
  const hmac = hashing.hmacSha256(secretKey);
  return {
    sign(request, date) {
      const headers = request.headers;
      const sdkDate = formatSdkDate(date);
      headers["x-sdk-date"] = sdkDate;
      // delete would turn the object into a slow dictionary; only a re-signed request has one.
      if (headers.authorization !== undefined) delete headers.authorization;
      const { host, pathname, search } = splitUrl(request.url);
      // A caller-declared payload hash (e.g. UNSIGNED-PAYLOAD) is what the gateway checks against.
      const payload = headers["x-sdk-content-sha256"] ?? (request.body ? hashing.sha256Hex(request.body) : EMPTY_BODY_SHA256);
      return then(payload, (payloadHash) => {
        const { canonicalRequest: canonical, signedHeaders } = canonicalRequest(request, host, pathname, search, payloadHash);
        return then(hashing.sha256Hex(canonical), (hashed) =>
          then(hmac(`${SIGNING_ALGORITHM}\n${sdkDate}\n${hashed}`), (signature) => {
            headers.authorization = `${SIGNING_ALGORITHM} Access=${accessKey}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
          }),
        );
      });
    },
  };
}
