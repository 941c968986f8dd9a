// Where requests go: a region (or site) name looked up in the table generated
// from the spec's `servers`, or an explicit endpoint; and how a path template
// becomes a path that cannot leave the documented route.
import { ConfigurationError, type ValidationIssue } from "../errors/errors.js";

/**
 * Where a client sends its requests, when not to its region's (or site's) documented host.
 *
 * @example
 * const ma = createModelArtsClient({ endpoint: "http://127.0.0.1:4010", projectId, credentials: { accessKey, secretKey } });
 */
export interface EndpointOptions {
  /** Base URL; overrides the region table. `http://` is accepted for loopback only, unless `allowInsecureHttp`. */
  endpoint?: string | undefined;
  /** Send credentials over plain `http://` to a host that is not loopback. Off by default. */
  allowInsecureHttp?: boolean | undefined;
}

/**
 * Whether a host may take credentials over plain http: a literal loopback address
 * (`127.x.x.x`, `::1`, `::ffff:127.x.x.x`) or `localhost` itself, which
 * {@link normalizeEndpoint} pins to 127.0.0.1. Other names (`*.localhost` among them)
 * are resolved through DNS, which may send them anywhere.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return (
    host === "localhost" ||
    host === "::1" ||
    /^127(\.\d{1,3}){3}$/.test(host) ||
    // The URL parser writes ::ffff:127.0.0.1 as ::ffff:7f00:1.
    /^::ffff:(127(\.\d{1,3}){3}|7f[0-9a-f]{2}:[0-9a-f]{1,4})$/.test(host)
  );
}

/** Refuses user info (`https://user:password@host`) in a URL, without repeating it. */
export function assertNoUserInfo(url: URL, label: string): void {
  if (url.username || url.password) {
    throw new ConfigurationError(`${label} must not contain user info; pass credentials in the credentials option.`);
  }
}

/** Checks and normalises an explicit endpoint (no trailing slash, https unless loopback; plain http to `localhost` goes to 127.0.0.1). */
export function normalizeEndpoint(endpoint: string, options: { allowInsecureHttp?: boolean | undefined; label?: string } = {}): string {
  const label = options.label ?? "endpoint";
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    // Not repeated: a malformed URL may still hold a password.
    throw new ConfigurationError(`${label} is not an absolute URL (scheme://host[:port][/path]).`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ConfigurationError(`${label} must use https:// (got ${url.protocol}).`);
  }
  assertNoUserInfo(url, label);
  if (url.search || url.hash) {
    throw new ConfigurationError(`${label} must not have a query or fragment.`);
  }
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname) && !options.allowInsecureHttp) {
    throw new ConfigurationError(
      `${label} ${url.origin} uses plain http:// to a host that is not a loopback address; credentials would travel in clear text. Use https://, or set allowInsecureHttp: true if you really mean it.`,
    );
  }
  // Pinned: the name is not looked up, so no resolver can send credentials elsewhere.
  if (url.protocol === "http:" && url.hostname === "localhost") url.hostname = "127.0.0.1";
  return url.origin + url.pathname.replace(/\/+$/, "");
}

/** A region or site name: one DNS label (lower-case letters, digits, inner hyphens), as every documented one is. */
const REGION_NAME = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Refuses a region (or site) name that is not one DNS label (`cn-north-4`, `eu-de`,
 * `guance-cn1`): such a name would change the host built from it
 * (`attacker.example/#` in `https://iam.{region}.myhuaweicloud.com`). The one check
 * every region passes, wherever it comes from (option, environment, credentials file,
 * CLI flag), before any request.
 *
 * @example
 * assertRegionName("cn-north-4", "region");              // fine
 * assertRegionName("attacker.example/#", "region");      // throws ConfigurationError
 */
export function assertRegionName(name: unknown, label: string): asserts name is string {
  if (typeof name !== "string" || !REGION_NAME.test(name)) {
    const shown = typeof name === "string" && name.length <= 64 ? JSON.stringify(name) : typeof name;
    throw new ConfigurationError(`${label} ${shown} is not a region name: lower-case letters, digits and inner hyphens only (like cn-north-4).`);
  }
}

/** The base URL for a client: `endpoint` if given, else the region's (or site's) documented host. */
export function resolveBaseUrl<Name extends string>(
  table: Readonly<Record<Name, string>>,
  choice: { name?: string | undefined; endpoint?: string | undefined; allowInsecureHttp?: boolean | undefined },
  what: { service: string; option: "region" | "site" },
): string {
  if (choice.endpoint !== undefined) {
    // Checked even when an endpoint replaces the host: other hosts are built from it (IAM's).
    if (choice.name !== undefined && choice.name !== "") assertRegionName(choice.name, `${what.service}: ${what.option}`);
    return normalizeEndpoint(choice.endpoint, choice);
  }
  const known = Object.keys(table);
  if (choice.name === undefined || choice.name === "") {
    throw new ConfigurationError(
      `${what.service}: set ${what.option} (one of ${known.join(", ")}) or endpoint.`,
    );
  }
  if (!Object.prototype.hasOwnProperty.call(table, choice.name)) {
    throw new ConfigurationError(
      `${what.service}: unknown ${what.option} ${JSON.stringify(choice.name)}. Known ${what.option}s: ${known.join(", ")}. For another host, pass endpoint.`,
    );
  }
  return table[choice.name as Name];
}

// Values made only of unreserved characters need no encoding (the usual ids and names).
const UNRESERVED = /^[A-Za-z0-9\-._~]+$/;

/**
 * RFC 3986 percent-encoding: everything but A-Z a-z 0-9 - . _ ~ (what Huawei's signer expects too).
 *
 * @example
 * encodeRfc3986("team a!"); // "team%20a%21"
 */
export function encodeRfc3986(value: string): string {
  // Ids, names and numbers need no encoding: most values take this test alone.
  if (UNRESERVED.test(value)) return value;
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

const templates = new Map<string, Array<string | { name: string }>>();

/** `/v1/{project_id}/workspaces` as literal parts and parameter slots, parsed once per template. */
function parseTemplate(template: string): Array<string | { name: string }> {
  let parts = templates.get(template);
  if (!parts) {
    parts = template.split(/(\{[^}]+\})/).filter(Boolean).map((p) => (p.startsWith("{") ? { name: p.slice(1, -1) } : p));
    templates.set(template, parts);
  }
  return parts;
}

/**
 * What is wrong with `value` as the path parameter `name`: not a non-empty string, or
 * `.` / `..` (which URL parsers resolve, even as %2e). Undefined when it is fine.
 */
export function pathSegmentIssue(name: string, value: unknown): ValidationIssue | undefined {
  if (typeof value !== "string" || value === "") {
    return { path: name, rule: "required", message: `${name} (path parameter) is required and must be a non-empty string` };
  }
  if (value === "." || value === "..") return { path: name, rule: "pathSegment", message: `${name} (path parameter) must not be "." or ".."` };
  return undefined;
}

/**
 * Fills `{name}` in a path template. Each value is one encoded segment, so `a/b`
 * or `../admin` stay inside their segment; `.` and `..` (which URL parsers would
 * resolve, even as %2e) and empty values are refused.
 */
export function expandPath(template: string, params: Record<string, unknown>, issues: ValidationIssue[]): string {
  let path = "";
  for (const part of parseTemplate(template)) {
    if (typeof part === "string") {
      path += part;
      continue;
    }
    const { name } = part;
    const value = params[name];
    const issue = pathSegmentIssue(name, value);
    if (issue) {
      issues.push(issue);
    } else {
      try {
        path += encodeRfc3986(value as string);
      } catch {
        issues.push({ path: name, rule: "encoding", message: `${name} (path parameter) cannot be encoded: it contains a lone UTF-16 surrogate` });
      }
    }
  }
  return path;
}
