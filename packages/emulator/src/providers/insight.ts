// DataArts Insight, with its documented codes: 24150000 invalid name, 24150001
// name taken, 24150003 quota reached, 24010003 resource (instance) not found.
// Other invalid fields have no documented code: DataArtsInsight.EMULATOR_INVALID_PARAMETER.
import { hex } from "../accounts.js";
import { huaweiError } from "./huawei.js";
import { fuzzy, page, type Emulation } from "./types.js";

const PATH = "/v1/{project_id}/instances/{instance_id}/workspaces";
const code = (n: string) => `DataArtsInsight.${n}`;

function instanceMissing(account: { instanceId: string }, instanceId: string | undefined) {
  return instanceId !== account.instanceId ? huaweiError(404, code("24010003"), "Resource not found.") : undefined;
}

export const insight: Emulation = {
  name: "insight",
  family: "huawei",
  error: huaweiError,
  invalid: (problems) =>
    problems.every((p) => p.field === "name")
      ? huaweiError(400, code("24150000"), "Invalid workspace name. The name can contain a maximum of 32 characters. Only letters, digits, underscores (_), and hyphens (-) are allowed.")
      : huaweiError(400, code("EMULATOR_INVALID_PARAMETER"), problems.map((p) => p.message).join("; ")),
  routes: [
    {
      method: "POST",
      path: PATH,
      handle({ account, params, body, now, store }) {
        const missing = instanceMissing(account, params.instance_id);
        if (missing) return missing;
        const workspaces = store.list("insight", `${params.project_id}/${params.instance_id}`);
        if (workspaces.some((w) => w.name === body.name)) {
          return huaweiError(400, code("24150001"), "The workspace name is already taken. Please choose a different name.");
        }
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
        const all = store.list("insight", `${params.project_id}/${params.instance_id}`).filter((w) => fuzzy(w.name, query.name));
        return { status: 200, body: { count: all.length, page_data: page(all, query.offset, query.limit, 10) } };
      },
    },
  ],
};
