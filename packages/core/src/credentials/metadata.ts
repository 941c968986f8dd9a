// The ECS metadata service's temporary credentials (the instance's agency), as
// Huawei's SDKs get them: a session token first (PUT /meta-data/latest/api/token
// with X-Metadata-Token-Ttl-Seconds), then GET /openstack/latest/securitykey with
// X-Metadata-Token. A service that answers the token request with 404 or 405 has
// no session tokens: the key request is sent without one. The session token is
// kept in this closure, never in an error, a log line or a field.
import type { CredentialRequestOptions } from "./credentials.js";
import { AbortError, ConfigurationError, SdkError } from "../errors/errors.js";
import { isRecord, type HttpRequest, type HttpResponse } from "../http/http.js";
import { assertNoUserInfo } from "../http/endpoint.js";
import { assertHeaderValue } from "../errors/secrets.js";
import { createTransport } from "../pipeline/transport.js";

/** The ECS metadata service's address. */
export const METADATA_ENDPOINT = "http://169.254.169.254";
const TOKEN_PATH = "/meta-data/latest/api/token";
const KEY_PATH = "/openstack/latest/securitykey";
const TOKEN_TTL_SECONDS = 21_600;
/** The Go SDK's limit for each metadata request. */
const METADATA_TIMEOUT_IN_MS = 3_000;
const NO_AGENCY = "Please configure Cloud Service Agency first";

/**
 * Where and how {@link fromMetadata} asks the ECS metadata service.
 *
 * @example
 * const credentials = fromMetadata({ endpoint: "http://127.0.0.1:8080", timeoutInMs: 1_000 });
 */
export interface MetadataOptions {
  /** Base URL of the metadata service. Default `http://169.254.169.254` (WS_SDK_METADATA_ENDPOINT overrides it, for tests and proxies). */
  endpoint?: string | undefined;
  /** Limit for each request. Default 3 s. */
  timeoutInMs?: number | undefined;
  /** A fetch implementation (default: the global one). */
  fetch?: typeof globalThis.fetch | undefined;
}

/** What the metadata service hands out: temporary keys, and when they expire (on the local clock). */
export interface MetadataCredentials {
  /** The temporary access key ID. */
  accessKey: string;
  /** The temporary secret access key. */
  secretKey: string;
  /** The security token that goes with them. */
  securityToken: string;
  /** When they expire, on the local clock (the service's `expires_at`, corrected by its Date). */
  expiration: Date;
}

/**
 * Why the metadata service gave no credentials. `unreachable` is true when no
 * answer came at all (not an ECS instance, or the service is down). `fromMetadata` turns it
 * into a CredentialsUnavailableError; {@link createMetadataClient} rejects with it.
 *
 * @example
 * try {
 *   await createMetadataClient()();
 * } catch (error) {
 *   if (error instanceof MetadataError && error.unreachable) console.log("not on an ECS instance");
 * }
 */
export class MetadataError extends ConfigurationError {
  /** True when no answer came at all. */
  readonly unreachable: boolean;
  constructor(message: string, unreachable: boolean, cause?: unknown) {
    super(message, { provider: "metadata", cause });
    this.unreachable = unreachable;
  }
}

/**
 * A client of one metadata service: each call gets a session token, then the instance
 * agency's temporary keys. Rejects with {@link MetadataError} when it gets none.
 *
 * @example
 * const metadata = createMetadataClient({ timeoutInMs: 1_000 });
 * const { accessKey, expiration } = await metadata();
 */
export function createMetadataClient(options: MetadataOptions = {}): (request?: CredentialRequestOptions) => Promise<MetadataCredentials> {
  const base = (options.endpoint ?? METADATA_ENDPOINT).replace(/\/+$/, "");
  let parsed: URL;
  try {
    parsed = new URL(base);
  } catch {
    throw new ConfigurationError("the metadata endpoint is not an absolute URL.");
  }
  // The endpoint is repeated in errors: a password in it would be too.
  assertNoUserInfo(parsed, "the metadata endpoint");
  const send = createTransport({ fetch: options.fetch, timeoutInMs: options.timeoutInMs ?? METADATA_TIMEOUT_IN_MS, provider: "metadata" });
  // undefined: not asked yet (or expired); null: the service has no session tokens.
  let session: { token: string | null; renewAt: number } | undefined;

  async function request(method: string, path: string, headers: Record<string, string>, abortSignal: AbortSignal | undefined): Promise<HttpResponse> {
    const req: HttpRequest = { method, url: base + path, headers, abortSignal, idempotent: true, operation: `${method} ${path}`, context: { attempts: 0, retry: 0 } };
    try {
      return await send(req);
    } catch (error) {
      if (error instanceof AbortError) throw error;
      const why = error instanceof SdkError ? error.message : "the request failed";
      throw new MetadataError(`the metadata service at ${base} is unreachable: ${why}`, true, error);
    }
  }

  async function sessionToken(force: boolean, abortSignal: AbortSignal | undefined): Promise<string | null> {
    if (!force && session && Date.now() < session.renewAt) return session.token;
    const response = await request("PUT", TOKEN_PATH, { "x-metadata-token-ttl-seconds": String(TOKEN_TTL_SECONDS) }, abortSignal);
    if (response.status === 404 || response.status === 405) {
      // No session tokens here; ask again in a day, as the Go SDK does.
      session = { token: null, renewAt: Date.now() + 86_400_000 };
    } else if (response.status === 200 && response.bodyText.trim() !== "") {
      const token = response.bodyText.trim();
      assertHeaderValue("x-metadata-token", token, "the metadata session token");
      session = { token, renewAt: Date.now() + (TOKEN_TTL_SECONDS - 60) * 1000 };
    } else {
      throw new MetadataError(`the metadata service refused a session token (HTTP ${response.status})`, false);
    }
    return session.token;
  }

  async function securityKey(token: string | null, abortSignal: AbortSignal | undefined): Promise<HttpResponse> {
    return request("GET", KEY_PATH, token ? { "x-metadata-token": token } : {}, abortSignal);
  }

  return async function getCredentials({ abortSignal } = {}): Promise<MetadataCredentials> {
    const sentAt = Date.now();
    let response = await securityKey(await sessionToken(false, abortSignal), abortSignal);
    // An expired session token: get a new one and ask once more (not when the
    // instance simply has no agency).
    if (response.status === 401 && !response.bodyText.includes(NO_AGENCY)) {
      response = await securityKey(await sessionToken(true, abortSignal), abortSignal);
    }
    if (response.status !== 200) {
      const why = response.bodyText.includes(NO_AGENCY) ? "the instance has no agency (Please configure Cloud Service Agency first)" : `HTTP ${response.status}`;
      throw new MetadataError(`the metadata service gave no credentials: ${why}`, false);
    }
    const credential = isRecord(response.body) && isRecord(response.body.credential) ? response.body.credential : {};
    const { access, secret, securitytoken } = credential;
    const expires = typeof credential.expires_at === "string" ? Date.parse(credential.expires_at) : Number.NaN;
    if (typeof access !== "string" || !access || typeof secret !== "string" || !secret || typeof securitytoken !== "string" || !securitytoken || Number.isNaN(expires)) {
      throw new MetadataError("the metadata service's answer has no credential.access, secret, securitytoken and expires_at", false);
    }
    // expires_at is on the service's clock: count the lifetime from its Date header
    // (when it sends one), so that a skewed local clock changes nothing. The header
    // has whole seconds: its time may be up to a second later than it says.
    const served = Date.parse(response.headers.get("date") ?? "");
    const expiration = new Date(Number.isNaN(served) ? expires : sentAt + (expires - served - 1000));
    return { accessKey: access, secretKey: secret, securityToken: securitytoken, expiration };
  };
}
