// RES, with its documented codes (error-code page): RES.1001 invalid input,
// RES.3403 workspace does not exist and RES.3406 workspace already exists (both
// HTTP 400), in RES's error shape {is_success: false, error_code, error_msg}. No
// quota code is documented: the quota answers with the emulator's own
// RES.EMULATOR_QUOTA. The list has no paging (x-paging style none): one answer
// holds every workspace. The show answer wraps its workspace in an array. A
// workspace has no documented states besides the list example's NORMAL, and
// create and delete take effect at once, so the state faults do not apply.
import { hex, type Account } from "../accounts.js";
import { withWorkspace, type Context, type Emulation, type Reply } from "./types.js";

const PATH = "/v2.0/{project_id}/workspaces";
const ITEM = `${PATH}/{workspace_id}`;

function resError(status: number, code: string, message: string): Reply {
  return { status, body: { is_success: false, error_code: code, error_msg: message } };
}

const EPS_CREATED = "2019-12-12T06:41:26Z";
/** The enterprise projects every emulated account has: the default one ("0") and one more. */
const ENTERPRISE_PROJECTS = [
  { id: "0", name: "default", status: 1 },
  { id: "5d1c5366e616426a88b70f80c1873f18", name: "emulated-eps", description: "An enterprise project of the emulator", status: 1, created_at: EPS_CREATED, updated_at: EPS_CREATED },
];
const epsName = (id: unknown) => ENTERPRISE_PROJECTS.find((p) => p.id === id)?.name ?? "emulated-eps";

// The IAM user id RES reports as `userId`: one per account, stable across its workspaces.
const userIds = new WeakMap<Account, string>();
function userIdOf(account: Account): string {
  let id = userIds.get(account);
  if (!id) userIds.set(account, (id = hex(16)));
  return id;
}

const nameTaken = (name: unknown) => resError(400, "RES.3406", `Basic Error: workspace (${String(name)}) already exists`);

/** The project's workspace named by the path, or RES.3403. */
function target({ params, store }: Context): { workspace: Record<string, unknown> } | { error: Reply } {
  const workspace = store.find("res", params.project_id!, params.workspace_id!);
  return workspace
    ? { workspace }
    : { error: resError(400, "RES.3403", `workspace Error: workspace (${params.workspace_id}) does not exist`) };
}

export const res: Emulation = {
  name: "res",
  family: "huawei",
  error: resError,
  invalid: (problems) =>
    resError(400, "RES.1001", `Basic Error: request parameter value (${problems.map((p) => p.field).join(", ")}) is invalid: ${problems.map((p) => p.message).join("; ")}`),
  routes: [
    {
      method: "GET",
      path: "/v2.0/{project_id}/enterprise-projects",
      handle() {
        return { status: 200, body: { is_success: true, enterprise_projects: ENTERPRISE_PROJECTS } };
      },
    },
    {
      method: "POST",
      path: PATH,
      handle({ account, params, body, now, store }) {
        const workspaces = store.list("res", params.project_id!);
        if (workspaces.some((w) => w.name === body.name)) return nameTaken(body.name);
        if (workspaces.length >= account.quota) return resError(400, "RES.EMULATOR_QUOTA", "The maximum number of workspaces has been reached.");
        workspaces.push({
          id: hex(16),
          name: body.name,
          description: body.description ?? "",
          enterprise_project_id: body.enterprise_project_id,
          enterprise_project_name: epsName(body.enterprise_project_id),
          owner: account.username,
          status: "NORMAL",
          created_at: now,
          update_at: now,
          userId: userIdOf(account),
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
    {
      method: "GET",
      path: ITEM,
      handle: withWorkspace(target, (ctx, workspace) => {
        return { status: 200, body: { is_success: true, workspaces: [workspace] } };
      }),
    },
    {
      method: "PUT",
      path: ITEM,
      handle: withWorkspace(target, (ctx, workspace) => {
        const { body, now, params, store } = ctx;
        if (body.name !== undefined && store.list("res", params.project_id!).some((w) => w !== workspace && w.name === body.name)) return nameTaken(body.name);
        // Only the fields given change; the document's answer keeps its trailing space.
        Object.assign(workspace, {
          ...(body.name !== undefined ? { name: body.name } : {}),
          ...(body.description !== undefined ? { description: body.description } : {}),
          update_at: now,
        });
        return { status: 200, body: { is_success: true, message: "Succeed to update workspace. " } };
      }),
    },
    {
      method: "DELETE",
      path: ITEM,
      handle: withWorkspace(target, (ctx, workspace) => {
        ctx.store.remove("res", ctx.params.project_id!, String(workspace.id));
        return { status: 200, body: { is_success: true, message: "Succeed to delete workspace." } };
      }),
    },
  ],
};
