// Where requests go: a region (or site) name looked up in the table generated
// from the spec's `servers`, or an explicit endpoint; and how a path template
// becomes a path that cannot leave the documented route.
import { ConfigurationError, type ValidationIssue } from "./errors.js";

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

/** Whether a host name is loopback: `localhost`, `*.localhost`, `127.x.x.x` or `::1`. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return host === "localhost" || host.endsWith(".localhost") || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Checks and normalises an explicit endpoint (no trailing slash, https unless loopback). */
export function normalizeEndpoint(endpoint: string, options: { allowInsecureHttp?: boolean | undefined; label?: string } = {}): string {
  const label = options.label ?? "endpoint";
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new ConfigurationError(`${label} ${JSON.stringify(endpoint)} is not an absolute URL.`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ConfigurationError(`${label} must use https:// (got ${url.protocol}).`);
  }
  if (url.username || url.password) {
    throw new ConfigurationError(`${label} must not contain user info; pass credentials in the credentials option.`);
  }
  if (url.search || url.hash) {
    throw new ConfigurationError(`${label} must not have a query or fragment.`);
  }
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname) && !options.allowInsecureHttp) {
    throw new ConfigurationError(
      `${label} ${url.origin} uses plain http:// to a host that is not loopback; credentials would travel in clear text. Use https://, or set allowInsecureHttp: true if you really mean it.`,
    );
  }
  return url.origin + url.pathname.replace(/\/+$/, "");
}

/** The base URL for a client: `endpoint` if given, else the region's (or site's) documented host. */
export function resolveBaseUrl<Name extends string>(
  table: Readonly<Record<Name, string>>,
  choice: { name?: string | undefined; endpoint?: string | undefined; allowInsecureHttp?: boolean | undefined },
  what: { service: string; option: "region" | "site" },
): string {
  if (choice.endpoint !== undefined) return normalizeEndpoint(choice.endpoint, choice);
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

/** RFC 3986 percent-encoding: everything but A-Z a-z 0-9 - . _ ~ (what Huawei's signer expects too). */
export function encodeRfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

const UNRESERVED = /^[A-Za-z0-9\-._~]+$/;
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
    if (typeof value !== "string" || value === "") {
      issues.push({ path: name, rule: "required", message: `${name} (path parameter) is required and must be a non-empty string` });
    } else if (value === "." || value === "..") {
      issues.push({ path: name, rule: "pathSegment", message: `${name} (path parameter) must not be "." or ".."` });
    } else if (UNRESERVED.test(value)) {
      path += value;
    } else {
      try {
        path += encodeRfc3986(value);
      } catch {
        issues.push({ path: name, rule: "encoding", message: `${name} (path parameter) cannot be encoded: it contains a lone UTF-16 surrogate` });
      }
    }
  }
  return path;
}
