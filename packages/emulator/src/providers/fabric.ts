// DataArts Fabric: invalid input answers like the document's 400 example
// (common.01000001, "failed to read http request ..."). The document says
// duplicate names are refused and the number of workspaces is limited, without
// publishing the codes: the emulator's are dataartsfabric.EMULATOR_DUPLICATE_NAME
// and dataartsfabric.EMULATOR_QUOTA, in Fabric's error shape.
import { randomUUID } from "node:crypto";
import { huaweiError } from "./huawei.js";
import { fuzzy, page, type Emulation } from "./types.js";

const PATH = "/v1/workspaces";

export const fabric: Emulation = {
  name: "fabric",
  family: "huawei",
  error: huaweiError,
  invalid: (problems) =>
    huaweiError(400, "common.01000001", `failed to read http request, please check your input, code: 400, reason: ${problems.map((p) => p.message).join("; ")}`),
  routes: [
    {
      method: "POST",
      path: PATH,
      handle({ account, projectId, body, now, store }) {
        const workspaces = store.list("fabric", projectId ?? account.projectId);
        if (workspaces.some((w) => w.name === body.name)) {
          return huaweiError(400, "dataartsfabric.EMULATOR_DUPLICATE_NAME", `The workspace name ${body.name} already exists.`, { solution_msg: "Use another name." });
        }
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
      handle({ account, projectId, query, store }) {
        const all = store
          .list("fabric", projectId ?? account.projectId)
          .filter((w) => fuzzy(w.name, query.name))
          .filter((w) => !query.id || w.id === query.id);
        return { status: 200, body: { total: all.length, workspaces: page(all, query.offset, query.limit, 10) } };
      },
    },
  ],
};
