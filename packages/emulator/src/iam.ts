// IAM's "query project list" (KeystoneListProjects): GET /v3/projects, with the
// filters IAM documents (name, domain_id, enabled, is_domain, parent_id, page,
// per_page). What Huawei's SDKs call with `?name={region}` to find a project id.
// Authenticated like any call through the gateway: AK/SK (optionally with
// X-Domain-Id, as the SDKs' global credentials sign it) or an IAM token.
import { projectsOf, type Account } from "./accounts.js";
import type { Incoming } from "./auth.js";
import type { Reply } from "./providers/types.js";

const iamError = (status: number, message: string): Reply => ({
  status,
  body: { error: { code: status, message, title: status === 400 ? "Bad Request" : "Error" } },
});

function flag(value: string | null): boolean | undefined | "invalid" {
  if (value === null) return undefined;
  const v = value.toLowerCase();
  return v === "true" ? true : v === "false" ? false : "invalid";
}

/** The query of a request target as received; never throws (unlike `new URL` on `//[`). */
export function queryOf(url: string): URLSearchParams {
  const at = url.indexOf("?");
  return new URLSearchParams(at === -1 ? "" : url.slice(at + 1));
}

export function listProjects(account: Account, incoming: Incoming): Reply {
  const base = `http://${incoming.headers.host ?? "127.0.0.1"}`;
  const query = queryOf(incoming.url);
  const enabled = flag(query.get("enabled"));
  const isDomain = flag(query.get("is_domain"));
  if (enabled === "invalid") return iamError(400, "Invalid input for field/attribute enabled.");
  if (isDomain === "invalid") return iamError(400, "Invalid input for field/attribute is_domain.");
  const page = query.get("page");
  const perPage = query.get("per_page");
  for (const [name, value, max] of [["page", page, Number.MAX_SAFE_INTEGER], ["per_page", perPage, 5000]] as const) {
    if (value !== null && !(/^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= max)) {
      return iamError(400, `Invalid input for field/attribute ${name}.`);
    }
  }
  if ((page === null) !== (perPage === null)) return iamError(400, "page and per_page must be given together.");

  const name = query.get("name");
  const domainId = query.get("domain_id");
  const parentId = query.get("parent_id");
  let projects = projectsOf(account)
    .map((p) => ({
      id: p.id,
      name: p.name,
      domain_id: account.domainId,
      description: p.description ?? "",
      enabled: p.enabled ?? true,
      is_domain: false,
      // A region's built-in project has the account as its parent.
      parent_id: account.domainId,
      links: { self: `${base}/v3/projects/${p.id}`, previous: null, next: null },
    }))
    .filter(
      (p) =>
        (name === null || p.name === name) &&
        (domainId === null || p.domain_id === domainId) &&
        (parentId === null || p.parent_id === parentId) &&
        (enabled === undefined || p.enabled === enabled) &&
        isDomain !== true,
    );
  if (page !== null && perPage !== null) {
    const size = Number(perPage);
    projects = projects.slice((Number(page) - 1) * size, Number(page) * size);
  }
  return { status: 200, body: { projects, links: { self: `${base}${incoming.url}`, previous: null, next: null } } };
}
