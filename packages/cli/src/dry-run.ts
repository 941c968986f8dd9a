// --dry-run: the client is given a fetch that records the first request, exactly as
// the SDK validated, built and signed it, and sends nothing. The global fetch is
// replaced for the run too, so nothing else can send either.

/** What --dry-run prints. */
export interface DryRunRequest {
  dryRun: true;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
}

/** Headers whose whole value is a credential. */
const SECRET_HEADERS = new Set(["x-auth-token", "df-api-key", "x-security-token", "x-subject-token", "cookie", "proxy-authorization"]);

/** Requests a credential source makes before the service's own: IAM tokens and projects, the ECS metadata service. */
const CREDENTIAL_REQUEST = /\/v3\/auth\/tokens|\/v3\/projects|\/openstack\/latest\/securitykey|\/meta-data\/latest\/api\/token/;

export class DryRunStop extends Error {
  constructor() {
    super("dry run: the request was not sent");
    this.name = "DryRunStop";
  }
}

function redactHeader(name: string, value: string): string {
  if (SECRET_HEADERS.has(name)) return "[REDACTED]";
  if (name === "authorization") {
    // SDK-HMAC-SHA256 Access=..., SignedHeaders=..., Signature=...: the algorithm and the
    // signed headers show what was signed; the key id and the signature stay out.
    return value.replace(/(Access|Signature|Credential)=[^,\s]+/g, "$1=[REDACTED]").replace(/^(Bearer|Basic)\s+.+$/i, "$1 [REDACTED]");
  }
  return value;
}

export interface DryRun {
  fetch: typeof globalThis.fetch;
  /** The recorded request, once the client tried to send one. */
  request(): DryRunRequest | undefined;
  /** True when the first request was one a credential source needs before the service's (nothing was sent). */
  credentialRequest(): boolean;
  /** Puts the global fetch back. */
  restore(): void;
}

export function startDryRun(): DryRun {
  let recorded: DryRunRequest | undefined;
  let credential = false;
  const record: typeof globalThis.fetch = async (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (recorded === undefined && !credential) {
      if (CREDENTIAL_REQUEST.test(new URL(url).pathname)) {
        credential = true;
      } else {
        const headers: Record<string, string> = {};
        new Headers(init?.headers).forEach((value, name) => (headers[name] = redactHeader(name, value)));
        const text = typeof init?.body === "string" ? init.body : undefined;
        let body: unknown = text;
        if (text !== undefined) {
          try {
            body = JSON.parse(text);
          } catch {
            // not JSON: shown as sent
          }
        }
        recorded = { dryRun: true, method: (init?.method ?? "GET").toUpperCase(), url, headers, ...(text !== undefined ? { body } : {}) };
      }
    }
    throw new DryRunStop();
  };
  const original = globalThis.fetch;
  globalThis.fetch = record;
  return {
    fetch: record,
    request: () => recorded,
    credentialRequest: () => credential,
    restore: () => {
      globalThis.fetch = original;
    },
  };
}
