// The ECS metadata service, as an instance with an agency sees it (and as
// huaweicloud-sdk-go-v3's core/auth/internal/metadata_accessor.go uses it):
// PUT /meta-data/latest/api/token with X-Metadata-Token-Ttl-Seconds answers a
// session token as plain text; GET /openstack/latest/securitykey (with
// X-Metadata-Token) answers temporary AK/SK and a security token, which the
// gateway then accepts until they expire.
import { hex, type Account } from "./accounts.js";
import type { Gatekeeper, Incoming } from "./auth.js";
import type { Reply } from "./providers/types.js";

export const METADATA_TOKEN_PATH = "/meta-data/latest/api/token";
export const SECURITY_KEY_PATH = "/openstack/latest/securitykey";
/** The Go SDK's 401 body check: this text means "no agency", not "get a new token". */
export const NO_AGENCY_MESSAGE = "Please configure Cloud Service Agency first";
const MAX_TOKEN_TTL_SECONDS = 21_600; // 6 h, what the Go SDK asks for

/**
 * How the emulated ECS metadata service behaves.
 *
 * @example
 * const emulator = await startEmulator({ metadata: { tokens: 404, agency: true } });
 */
export interface MetadataOptions {
  /**
   * The session-token route (`PUT /meta-data/latest/api/token`):
   * - `"required"` (default): it answers a token, and securitykey answers 401 without a valid one;
   * - `"optional"`: it answers a token; securitykey also answers without one (401 with a wrong or expired one);
   * - `404` or `405`: it answers that status (a metadata service without tokens), and securitykey
   *   answers without a token (any X-Metadata-Token is ignored). The SDK's token-less fallback.
   */
  tokens?: "required" | "optional" | 404 | 405;
  /**
   * Default true. false: the instance has no agency, and securitykey answers 401 with
   * "Please configure Cloud Service Agency first" (the SDK must not retry it with a new token).
   */
  agency?: boolean;
  /**
   * Default undefined (served). A status (500, 503, ...) answers every metadata request with it;
   * `"drop"` closes every metadata connection without an answer (as good as unreachable for a client).
   * For one request only, inject a fault instead: `inject({ kind: "unavailable", provider: "metadata" })`.
   */
  failure?: number | "drop" | undefined;
  /** Whose temporary keys securitykey hands out: an index into `accounts`. Default 0 (the first). */
  account?: number;
}

export type MetadataSettings = Required<Omit<MetadataOptions, "failure">> & Pick<MetadataOptions, "failure">;

export function metadataSettings(options: MetadataOptions = {}, previous?: MetadataSettings): MetadataSettings {
  const merged: MetadataSettings = { ...(previous ?? { tokens: "required", agency: true, failure: undefined, account: 0 }) };
  for (const [key, value] of Object.entries(options) as Array<[keyof MetadataOptions, never]>) {
    if (!["tokens", "agency", "failure", "account"].includes(key)) throw new Error(`unknown metadata option ${JSON.stringify(key)}`);
    // `failure: undefined` turns a configured failure off; the others keep their value when undefined.
    if (key === "failure") merged.failure = (value as MetadataOptions["failure"] | null) ?? undefined; // null (JSON) as undefined
    else if (value !== undefined) merged[key] = value;
  }
  if (!["required", "optional", 404, 405].includes(merged.tokens)) throw new Error(`metadata.tokens must be "required", "optional", 404 or 405 (got ${JSON.stringify(merged.tokens)})`);
  if (merged.failure !== undefined && merged.failure !== "drop" && !(Number.isInteger(merged.failure) && merged.failure >= 400 && merged.failure <= 599)) {
    throw new Error(`metadata.failure must be an HTTP error status or "drop" (got ${JSON.stringify(merged.failure)})`);
  }
  if (typeof merged.agency !== "boolean") throw new Error("metadata.agency must be true or false");
  if (!Number.isInteger(merged.account) || merged.account < 0) throw new Error("metadata.account must be an index into accounts");
  return merged;
}

export interface MetadataState {
  settings: MetadataSettings;
  accounts: Account[];
  gate: Gatekeeper;
  /** Session tokens issued, with their expiry (emulator clock). */
  tokens: Map<string, number>;
  temporaryCredentialsTtlInMs: number;
  now(): number;
}

const text = (status: number, body: string, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: { "content-type": "text/plain; charset=utf-8", ...headers },
  body,
});

/** `2026-11-23T12:00:00.000000Z`: the microsecond form the metadata service writes (Go parses it with `2006-01-02T15:04:05Z`). */
export function formatExpiresAt(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.(\d{3})Z$/, ".$1000Z");
}

/** Which metadata route a path is (for request counts), or undefined. */
export function metadataRoute(path: string): "token" | "securitykey" | undefined {
  return path === METADATA_TOKEN_PATH ? "token" : path === SECURITY_KEY_PATH ? "securitykey" : undefined;
}

export function metadata(state: MetadataState, incoming: Incoming, path: string): Reply {
  const { settings } = state;
  if (typeof settings.failure === "number") return text(settings.failure, `${settings.failure} metadata service failure (configured)`);

  if (path === METADATA_TOKEN_PATH) {
    if (settings.tokens === 404) return text(404, "404 Not Found");
    if (settings.tokens === 405 || incoming.method !== "PUT") return text(405, "405 Method Not Allowed", { allow: "PUT" });
    const raw = incoming.headers["x-metadata-token-ttl-seconds"];
    const ttl = raw !== undefined && /^\d+$/.test(raw.trim()) ? Number(raw) : Number.NaN;
    if (!(ttl >= 1 && ttl <= MAX_TOKEN_TTL_SECONDS)) {
      return text(400, `400 Bad Request: X-Metadata-Token-Ttl-Seconds must be a whole number of seconds from 1 to ${MAX_TOKEN_TTL_SECONDS}`);
    }
    const token = `mdt-${hex(24)}`;
    state.tokens.set(token, state.now() + ttl * 1000);
    return text(200, token, { "x-metadata-token-ttl-seconds": String(ttl) });
  }

  if (path === SECURITY_KEY_PATH) {
    if (incoming.method !== "GET") return text(405, "405 Method Not Allowed", { allow: "GET" });
    if (settings.tokens === "required" || settings.tokens === "optional") {
      const token = incoming.headers["x-metadata-token"];
      if (token === undefined ? settings.tokens === "required" : !((state.tokens.get(token) ?? 0) > state.now())) {
        return text(401, "401 Unauthorized: a valid X-Metadata-Token is required");
      }
    }
    if (!settings.agency) return text(401, `401 Unauthorized: ${NO_AGENCY_MESSAGE}`);
    const account = state.accounts[settings.account];
    if (!account) return text(500, "500 Internal Server Error: metadata.account is not one of the emulator's accounts");
    const issued = state.gate.issueTemporary(account, state.temporaryCredentialsTtlInMs);
    return {
      status: 200,
      headers: { "content-type": "application/json" },
      body: {
        credential: {
          access: issued.accessKey,
          secret: issued.secretKey,
          securitytoken: issued.securityToken,
          expires_at: formatExpiresAt(issued.expiresAt),
        },
      },
    };
  }
  return text(404, "404 Not Found");
}
