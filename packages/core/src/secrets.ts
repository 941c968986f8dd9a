// Keeps credential values out of everything the SDK prints or throws. Each
// client registers its secrets (token, secret key, password, API key, and every
// token it obtains); text built from service answers and log lines pass through
// `redact` before they reach an error message or a logger.
import { ConfigurationError } from "./errors.js";

/** What a secret is replaced with in messages and logs. */
export const REDACTED = "[REDACTED]";

/** The secrets one client knows. Values live in a closure: inspecting the client prints none of them. */
export interface SecretSet {
  /** Registers a secret (values shorter than 6 characters are ignored: they would redact ordinary words). */
  add(value: string | undefined): void;
  /** `text` with every registered secret replaced by {@link REDACTED}. */
  redact(text: string): string;
}

/**
 * An empty {@link SecretSet}.
 *
 * @example
 * const secrets = createSecretSet();
 * secrets.add(apiKey);
 * console.log(secrets.redact(`key=${apiKey}`)); // "key=[REDACTED]"
 */
export function createSecretSet(): SecretSet {
  const values: string[] = [];
  return {
    add(value) {
      // Very short values would redact ordinary words; real credentials are long.
      if (value && value.length >= 6 && !values.includes(value)) values.push(value);
    },
    redact(text) {
      for (const value of values) {
        if (text.includes(value)) text = text.split(value).join(REDACTED);
      }
      return text;
    },
  };
}

/**
 * Refuses a header value that would break the request framing (CR, LF, NUL) or
 * that fetch would reject, before anything is sent. The message names the header
 * and never repeats the value.
 */
export function assertHeaderValue(name: string, value: unknown, what = `header ${name}`): asserts value is string {
  if (typeof value !== "string") throw new ConfigurationError(`${what} must be a string (got ${typeof value}).`);
  if (/[\r\n\0]/.test(value)) {
    throw new ConfigurationError(`${what} contains a line break or NUL character; refusing to send it.`);
  }
  // Header values are ISO-8859-1 on the wire; anything beyond would make fetch throw with less care.
  if (/[^\t\x20-\x7e\x80-\xff]/.test(value)) {
    throw new ConfigurationError(`${what} contains characters that cannot be sent in an HTTP header.`);
  }
}

export function assertHeaderName(name: string): void {
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
    throw new ConfigurationError(`${JSON.stringify(name)} is not a valid HTTP header name.`);
  }
}

/** Query parameters whose values are credentials in some API somewhere. */
const SECRET_QUERY = /token|key|secret|signature|password|credential|auth/i;

/** A URL safe to print: credentials-looking query values and user info removed. */
export function redactUrl(url: string, secrets?: SecretSet): string {
  let out = url;
  try {
    const parsed = new URL(url);
    if (parsed.username || parsed.password) {
      parsed.username = "";
      parsed.password = "";
    }
    for (const key of [...parsed.searchParams.keys()]) {
      if (SECRET_QUERY.test(key)) parsed.searchParams.set(key, REDACTED);
    }
    out = parsed.toString();
  } catch {
    // not a URL: fall through to value redaction
  }
  return secrets ? secrets.redact(out) : out;
}
