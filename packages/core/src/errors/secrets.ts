// Keeps credential values out of everything the SDK prints or throws. Each
// client registers its secrets: the configured ones (secret key, password, API
// key, a fixed token) for its whole life, and the ones that rotate (tokens a
// function returns, IAM tokens, temporary keys) in a short most-recent list,
// plus on the call that sent them, for as long as that call runs. Text built
// from service answers and log lines pass through `redact` before they reach an
// error or a logger. A secret is found in every form it can take on the way
// back: as sent, JSON-escaped (`\/`, `\u00e4`, any character as `\uXXXX`),
// percent-encoded, and base64-encoded (at any alignment) where it is long enough.
import { ConfigurationError } from "./errors.js";

/** What a secret is replaced with in messages and logs. */
export const REDACTED = "[REDACTED]";

/**
 * How many rotating secrets (tokens a function returns, IAM tokens, temporary keys) a
 * client keeps beyond those of its calls in flight: the most recent ones.
 *
 * @example
 * const secrets = createSecretSet();
 * for (const token of manyTokens) secrets.addRotating(token);
 * secrets.size <= RECENT_SECRETS; // true
 */
export const RECENT_SECRETS = 32;

/** Values shorter than this are ignored: they would redact ordinary words; real credentials are long. */
const MIN_SECRET_LENGTH = 6;
/** Base64 forms are looked for from this length on: shorter ones would match ordinary text. */
const MIN_BASE64_LENGTH = 12;
/** Longer secrets (IAM tokens are kilobytes) are looked for as sent and escaped only. */
const MAX_BASE64_LENGTH = 512;

/** The secrets one client knows. Values live in a closure: inspecting the client prints none of them. */
export interface SecretSet {
  /** Registers a configured secret, kept as long as the client (values shorter than 6 characters are ignored). */
  add(value: string | undefined): void;
  /**
   * Registers a secret that rotates (a token a function returns, an IAM token, temporary
   * keys): kept among the {@link RECENT_SECRETS} most recent, and for the whole of the call
   * whose `context` (its CallContext) is given, however many others come meanwhile.
   */
  addRotating(value: string | undefined, context?: object): void;
  /** `text` with every registered secret (and those of the call `context`) replaced by {@link REDACTED}, in any encoding. */
  redact(text: string, context?: object): string;
  /** How many secrets are held outside calls: the configured ones and the recent rotating ones. */
  readonly size: number;
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
  const configured = new Map<string, Secret>();
  // A Map keeps insertion order: the first key is the least recently used.
  const recent = new Map<string, Secret>();
  const ofCall = new WeakMap<object, Map<string, Secret>>();
  const secretOf = (value: string) => configured.get(value) ?? recent.get(value) ?? new Secret(value);
  const redactWith = (text: string, secrets: Iterable<Secret>) => {
    for (const secret of secrets) text = text.replace(secret.pattern, REDACTED);
    return text;
  };
  return {
    add(value) {
      if (!worthRedacting(value) || configured.has(value)) return;
      configured.set(value, secretOf(value));
      recent.delete(value);
    },
    addRotating(value, context) {
      if (!worthRedacting(value)) return;
      const secret = secretOf(value);
      if (context) {
        let held = ofCall.get(context);
        if (!held) ofCall.set(context, (held = new Map()));
        held.set(value, secret);
      }
      if (configured.has(value)) return;
      recent.delete(value);
      recent.set(value, secret);
      if (recent.size > RECENT_SECRETS) recent.delete(recent.keys().next().value as string);
    },
    redact(text, context) {
      text = redactWith(text, configured.values());
      const held = context ? ofCall.get(context) : undefined;
      if (held) text = redactWith(text, held.values());
      return redactWith(text, recent.values());
    },
    get size() {
      return configured.size + recent.size;
    },
  };
}

/** A secret and its pattern, built at the first redaction: most calls redact nothing, and a token function may rotate per call. */
class Secret {
  private built: RegExp | undefined;
  constructor(private readonly value: string) {}
  get pattern(): RegExp {
    return (this.built ??= secretPattern(this.value));
  }
}

function worthRedacting(value: string | undefined): value is string {
  return typeof value === "string" && value.length >= MIN_SECRET_LENGTH;
}

/** One pattern for every form of `value`: as sent, JSON-escaped, percent-encoded, and its base64 forms. */
function secretPattern(value: string): RegExp {
  const forms = [value];
  if (value.length >= MIN_BASE64_LENGTH && value.length <= MAX_BASE64_LENGTH) forms.push(...base64Fragments(value));
  return new RegExp(forms.map(anyEscaping).join("|"), "g");
}

const JSON_SHORT_ESCAPES: Record<string, string> = { '"': '\\"', "\\": "\\\\", "/": "\\/", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t" };
const utf8 = new TextEncoder();
const charPatterns = new Map<string, string>();

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
/** Hex digits matched in either case (`%2f` and `%2F`, `\u00E4` and `\u00e4`). */
const hexPattern = (hex: string) => hex.replace(/[a-f]/g, (d) => `[${d}${d.toUpperCase()}]`);

/** A character as sent, as a JSON escape (short, or `\uXXXX` per UTF-16 unit), or percent-encoded UTF-8 (`+` for a space). */
function charPattern(char: string): string {
  let pattern = charPatterns.get(char);
  if (pattern !== undefined) return pattern;
  const forms = [escapeRegExp(char)];
  const short = JSON_SHORT_ESCAPES[char];
  if (short) forms.push(escapeRegExp(short));
  let unicode = "";
  for (let i = 0; i < char.length; i++) unicode += `\\\\u${hexPattern(char.charCodeAt(i).toString(16).padStart(4, "0"))}`;
  forms.push(unicode);
  forms.push([...utf8.encode(char)].map((byte) => `%${hexPattern(byte.toString(16).padStart(2, "0"))}`).join(""));
  if (char === " ") forms.push("\\+");
  pattern = `(?:${forms.join("|")})`;
  if (charPatterns.size < 4096) charPatterns.set(char, pattern);
  return pattern;
}

function anyEscaping(text: string): string {
  let pattern = "";
  for (const char of text) pattern += charPattern(char);
  return pattern;
}

/**
 * The base64 (and base64url) text of `value` wherever it sits in a longer encoded
 * string: for each of the three alignments, the characters that depend on its bytes alone.
 */
function base64Fragments(value: string): string[] {
  const bytes = utf8.encode(value);
  const fragments = new Set<string>();
  for (const offset of [0, 1, 2]) {
    let binary = "\0".repeat(offset);
    for (const byte of bytes) binary += String.fromCharCode(byte);
    const encoded = btoa(binary).slice(Math.ceil((offset * 8) / 6), Math.floor(((offset + bytes.length) * 8) / 6));
    fragments.add(encoded);
    fragments.add(encoded.replace(/\+/g, "-").replace(/\//g, "_"));
  }
  return [...fragments];
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
export function redactUrl(url: string, secrets?: SecretSet, context?: object): string {
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
  return secrets ? secrets.redact(out, context) : out;
}
