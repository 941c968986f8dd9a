// RES: invalid input is RES.1001 (its error table). Neither duplicate names nor a
// quota code are documented: duplicates are accepted, and the quota answers with
// the emulator's own RES.EMULATOR_QUOTA in RES's error shape.
import { hex } from "../accounts.js";
import type { Emulation, Reply } from "./types.js";

const PATH = "/v2.0/{project_id}/workspaces";

function resError(status: number, code: string, message: string): Reply {
  return { status, body: { is_success: false, error_code: code, error_msg: message } };
}

export const res: Emulation = {
  name: "res",
  family: "huawei",
  error: resError,
  invalid: (problems) =>
    resError(400, "RES.1001", `Basic Error: request parameter value (${problems.map((p) => p.field).join(", ")}) is invalid: ${problems.map((p) => p.message).join("; ")}`),
  routes: [
    {
      method: "POST",
      path: PATH,
      handle({ account, params, body, now, store }) {
        const workspaces = store.list("res", params.project_id!);
        if (workspaces.length >= account.quota) return resError(400, "RES.EMULATOR_QUOTA", "The maximum number of workspaces has been reached.");
        workspaces.push({
          id: hex(16),
          name: body.name,
          description: body.description ?? "",
          enterprise_project_id: body.enterprise_project_id,
          enterprise_project_name: body.enterprise_project_id === "0" ? "default" : "emulated-eps",
          owner: account.username,
          status: "NORMAL",
          created_at: now,
          update_at: now,
          userId: hex(16),
          projectId: params.project_id,
        });
        return { status: 200, body: { is_success: true, message: "Succeed to create workspace." } };
      },
    },
    {
      method: "GET",
      path: PATH,
      handle({ params, store }) {
        return { status: 200, body: { is_success: true, workspaces: store.list("res", params.project_id!) } };
      },
    },
  ],
};
