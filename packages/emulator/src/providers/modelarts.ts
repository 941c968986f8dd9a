// ModelArts: invalid input is ModelArts.0104 "Parameter error." and the quota
// ModelArts.0116 (both in the published error tables); duplicate names are not
// refused, since no document says they are.
import { hex } from "../accounts.js";
import { huaweiError } from "./huawei.js";
import { fuzzy, page, type Emulation } from "./types.js";

const PATH = "/v1/{project_id}/workspaces";

export const modelarts: Emulation = {
  name: "modelarts",
  family: "huawei",
  error: huaweiError,
  invalid: (problems) => huaweiError(400, "ModelArts.0104", `Parameter error. ${problems.map((p) => p.message).join("; ")}`),
  routes: [
    {
      method: "POST",
      path: PATH,
      handle({ account, params, body, now, store }) {
        const workspaces = store.list("modelarts", params.project_id!);
        if (workspaces.length >= account.quota) return huaweiError(400, "ModelArts.0116", "The expected workspace exceeds the quota limit.");
        const workspace = {
          id: hex(16),
          name: body.name,
          description: body.description ?? "",
          owner: account.username,
          create_time: now,
          update_time: now,
          auth_type: String(body.auth_type ?? "PUBLIC").toUpperCase(),
          enterprise_project_id: body.enterprise_project_id ?? "0",
          enterprise_project_name: (body.enterprise_project_id ?? "0") === "0" ? "default" : "emulated-eps",
          status: "NORMAL",
          status_info: "",
          ...(body.grants ? { grants: body.grants } : {}),
        };
        workspaces.push(workspace);
        return { status: 200, body: workspace };
      },
    },
    {
      method: "GET",
      path: PATH,
      handle({ params, query, store }) {
        const key = query.sort_by as "name" | "update_time" | "status";
        const direction = query.order === "asc" ? 1 : -1;
        const all = store
          .list("modelarts", params.project_id!)
          .filter((w) => fuzzy(w.name, query.name))
          .filter((w) => !query.enterprise_project_id || w.enterprise_project_id === query.enterprise_project_id)
          .sort((a, b) => (String(a[key]) < String(b[key]) ? -direction : String(a[key]) > String(b[key]) ? direction : 0));
        const workspaces = page(all, query.offset, query.limit, 1000);
        return { status: 200, body: { total_count: all.length, count: workspaces.length, workspaces } };
      },
    },
  ],
};
