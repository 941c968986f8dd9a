// DataArts Insight, with its documented codes: 24150000 invalid name, 24150001
// name taken, 24150003 quota reached, 24150005 workspace does not exist (HTTP 400),
// 24010003 resource (instance) not found (HTTP 404). Other invalid fields have no
// documented code: DataArtsInsight.EMULATOR_INVALID_PARAMETER. The list's offset
// counts pages (the spec's x-paging). The emulator creates no default workspace,
// so 24150002 (the default workspace cannot be deleted) never comes up.
import { hex } from "../accounts.js";
import { huaweiError } from "./huawei.js";
import { fuzzy, page, type Context, type Emulation, type Reply, withWorkspace } from "./types.js";

const PATH = "/v1/{project_id}/instances/{instance_id}/workspaces";
const ITEM = `${PATH}/{workspace_id}`;
const code = (n: string) => `DataArtsInsight.${n}`;

function instanceMissing(account: { instanceId: string }, instanceId: string | undefined) {
  return instanceId !== account.instanceId ? huaweiError(404, code("24010003"), "Resource not found.") : undefined;
}

const scope = (params: Record<string, string>) => `${params.project_id}/${params.instance_id}`;
const nameTaken = () => huaweiError(400, code("24150001"), "The workspace name is already taken. Please choose a different name.");

/** The instance's workspace named by the path, or the documented error. */
function target({ account, params, store }: Context): { workspace: Record<string, unknown> } | { error: Reply } {
  const missing = instanceMissing(account, params.instance_id);
  if (missing) return { error: missing };
  const workspace = store.find("insight", scope(params), params.workspace_id!);
  return workspace ? { workspace } : { error: huaweiError(400, code("24150005"), "The workspace does not exist.") };
}

export const insight: Emulation = {
  name: "insight",
  family: "huawei",
  error: huaweiError,
  invalid: (problems) =>
    problems.every((p) => p.field === "name")
      ? huaweiError(
          400,
          code("24150000"),
          // The service's own text (its 32-character rule is narrower than the documented [0, 1024]), then what was wrong.
          `Invalid workspace name. The name can contain a maximum of 32 characters. Only letters, digits, underscores (_), and hyphens (-) are allowed. (${problems.map((p) => p.message).join("; ")})`,
        )
      : huaweiError(400, code("EMULATOR_INVALID_PARAMETER"), problems.map((p) => p.message).join("; ")),
  routes: [
    {
      method: "POST",
      path: PATH,
      handle({ account, params, body, now, store }) {
        const missing = instanceMissing(account, params.instance_id);
        if (missing) return missing;
        const workspaces = store.list("insight", scope(params));
        if (workspaces.some((w) => w.name === body.name)) return nameTaken();
        if (workspaces.length >= account.quota) return huaweiError(400, code("24150003"), "Operation failed. The maximum number of workspaces has been reached.");
        const workspace = {
          configs: body.configs ?? {},
          create_time: now,
          create_user: account.username,
          description: body.description ?? "",
          domain_id: account.domainId,
          eps_id: body.eps_id,
          id: hex(16),
          instance_id: params.instance_id,
          is_default: 0,
          name: body.name,
          owner_name: account.username,
          project_id: params.project_id,
          update_time: now,
          update_user: account.username,
        };
        workspaces.push(workspace);
        return { status: 200, body: workspace };
      },
    },
    {
      method: "GET",
      path: PATH,
      handle({ account, params, query, store }) {
        const missing = instanceMissing(account, params.instance_id);
        if (missing) return missing;
        const all = store.list("insight", scope(params)).filter((w) => fuzzy(w.name, query.name));
        return { status: 200, body: { count: all.length, page_data: page(all, query.offset, query.limit, 10, "pages") } };
      },
    },
    {
      method: "PUT",
      path: ITEM,
      handle: withWorkspace(target, (ctx, workspace) => {
        const { body, account, now, params, store } = ctx;
        if (store.list("insight", scope(params)).some((w) => w !== workspace && w.name === body.name)) return nameTaken();
        // PUT sends the whole workspace; the optional fields left out keep their value.
        Object.assign(workspace, {
          name: body.name,
          eps_id: body.eps_id,
          ...(body.description !== undefined ? { description: body.description } : {}),
          ...(body.configs !== undefined ? { configs: body.configs } : {}),
          update_time: now,
          update_user: account.username,
        });
        return { status: 200, body: { id: workspace.id } };
      }),
    },
    {
      method: "DELETE",
      path: ITEM,
      handle: withWorkspace(target, (ctx, workspace) => {
        ctx.store.remove("insight", scope(ctx.params), String(workspace.id));
        // The English document's answer (the Chinese one shows "").
        return { status: 200, body: { status_code: 200, message: null, is_success: true } };
      }),
    },
  ],
};
