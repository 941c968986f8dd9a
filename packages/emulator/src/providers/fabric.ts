// DataArts Fabric: invalid input answers like the document's 400 example
// (common.01000001, "failed to read http request ..."); an unknown workspace
// like the error-code page's 00010003 (HTTP 400, "Workspace does not exist"),
// as dataartsfabric.00010003, the form its body example shows. The document says
// duplicate names are refused and the number of workspaces is limited, without
// publishing the codes: the emulator's are dataartsfabric.EMULATOR_DUPLICATE_NAME
// and dataartsfabric.EMULATOR_QUOTA, in Fabric's error shape. The list's offset
// counts records (x-paging), limit defaults to 10. Every call is synchronous:
// workspaces have no states, so the create-failed/delete-failed faults do not apply.
// The project comes from the token's scope or, with AK/SK, from X-Project-Id, as
// the spec says: an AK/SK request without that header is refused (403 APIGW.0310,
// the spec's "project is unavailable") instead of falling back on the account's
// own project. The official SDKs always send it (they look the project up).
import { randomUUID } from "node:crypto";
import { huaweiError } from "./huawei.js";
import { fuzzy, page, type Context, type Emulation, type Reply, type Route, withWorkspace } from "./types.js";

const PATH = "/v1/workspaces";
const ITEM = `${PATH}/{workspace_id}`;

const scope = ({ account, projectId }: Context) => projectId ?? account.projectId;
const noProject = () => huaweiError(403, "APIGW.0310", "The project is unavailable: a signed DataArts Fabric request names its project with X-Project-Id.");
const nameTaken = (name: unknown) =>
  huaweiError(400, "dataartsfabric.EMULATOR_DUPLICATE_NAME", `The workspace name ${String(name)} already exists.`, { solution_msg: "Use another name." });

/** Every route refuses a request that does not name its project. */
function namingTheProject(routes: Route[]): Route[] {
  return routes.map((route) => ({ ...route, handle: (ctx: Context) => (ctx.projectNamed ? route.handle(ctx) : noProject()) }));
}

/** The workspace named by the path, or the documented error. */
function target(ctx: Context): { workspace: Record<string, unknown> } | { error: Reply } {
  const workspace = ctx.store.find("fabric", scope(ctx), ctx.params.workspace_id!);
  return workspace ? { workspace } : { error: huaweiError(400, "dataartsfabric.00010003", "Workspace does not exist.") };
}

export const fabric: Emulation = {
  name: "fabric",
  family: "huawei",
  error: huaweiError,
  invalid: (problems) =>
    huaweiError(400, "common.01000001", `failed to read http request, please check your input, code: 400, reason: ${problems.map((p) => p.message).join("; ")}`),
  routes: namingTheProject([
    {
      method: "POST",
      path: PATH,
      handle(ctx) {
        const { account, body, now, store } = ctx;
        const workspaces = store.list("fabric", scope(ctx));
        if (workspaces.some((w) => w.name === body.name)) return nameTaken(body.name);
        if (workspaces.length >= account.quota) {
          return huaweiError(400, "dataartsfabric.EMULATOR_QUOTA", "The maximum number of workspaces has been reached.", { solution_msg: "Delete workspaces you no longer need." });
        }
        const id = randomUUID();
        const workspace = {
          id,
          name: body.name,
          description: body.description ?? "",
          create_time: new Date(now).toISOString().replace("Z", "+00:00"),
          create_domain_name: account.domainName,
          create_user_name: account.username,
          metastore_id: body.metastore_id ?? "",
          access_url: `https://${id}.fabric.emulator.invalid/`,
          enterprise_project_id: body.enterprise_project_id ?? "0",
          tags: body.tags ?? [],
        };
        workspaces.push(workspace);
        return { status: 200, body: workspace };
      },
    },
    {
      method: "GET",
      path: PATH,
      handle(ctx) {
        const { query } = ctx;
        // all_granted_eps (the documented default): every enterprise project.
        const eps = query.enterprise_project_id === undefined || query.enterprise_project_id === "all_granted_eps" ? undefined : String(query.enterprise_project_id);
        const all = ctx.store
          .list("fabric", scope(ctx))
          .filter((w) => fuzzy(w.name, query.name))
          .filter((w) => query.id === undefined || w.id === query.id)
          .filter((w) => eps === undefined || String(w.enterprise_project_id) === eps);
        return { status: 200, body: { total: all.length, workspaces: page(all, query.offset, query.limit, 10, "records") } };
      },
    },
    {
      method: "PUT",
      path: ITEM,
      handle: withWorkspace(target, (ctx, workspace) => {
        const { body } = ctx;
        if (body.name !== undefined && ctx.store.list("fabric", scope(ctx)).some((w) => w !== workspace && w.name === body.name)) return nameTaken(body.name);
        // Fields left out keep their value.
        for (const field of ["name", "description", "metastore_id", "enterprise_project_id"]) {
          if (body[field] !== undefined) workspace[field] = body[field];
        }
        return { status: 200, body: workspace };
      }),
    },
    {
      method: "DELETE",
      path: ITEM,
      handle: withWorkspace(target, (ctx, workspace) => {
        ctx.store.remove("fabric", scope(ctx), String(workspace.id));
        // 200 with an empty body; the server adds the X-request-id header.
        return { status: 200, body: "" };
      }),
    },
  ]),
};
