// ModelArts, with its documented codes: invalid input is ModelArts.0104 "Parameter
// error.", a workspace that does not exist HTTP 400 ModelArts.7005 as the live
// service answers (Huawei's Terraform provider, PR #3241; ModelArts.0102 as
// documented with the `errorCodes: "documented"` option), a quota item
// outside its bounds or of an unknown resource ModelArts.0107. Two codes are the
// emulator's own: ModelArts.0116 for the per-account workspace quota, and
// ModelArts.EMULATOR_DUPLICATE_NAME (HTTP 400) for a name another workspace of the
// project has, on create and on update: Huawei's CreateWorkspace page says an
// existing name is an error without naming its code.
// The list's offset counts records and its limit defaults to 1000 (the spec's
// x-paging); sort_by / order default to name / desc, as documented. auth_type is
// answered in lower case (`public` when none was given), as the live service
// answers; an update that sets auth_type without grants clears the grants, as the
// live service did in Terraform's acceptance test. Deletion is
// asynchronous: the workspace shows DELETING for `transitionDelayInMs`, then is
// gone (or, with the delete-failed fault, ends in DELETE_FAILED with a status_info);
// with the create-failed fault a created workspace turns CREATE_FAILED after that
// delay. Each workspace has quotas (the documented exemlProject.gpu_duration and two
// resources of the emulator's own), unlimited (-1, used_quota null) until set.
// The emulator creates no default workspace ("0"), so ModelArts.3566 (the default
// workspace cannot be changed) never comes up.
import { hex } from "../accounts.js";
import { huaweiError } from "./huawei.js";
import { fuzzy, page, type Context, type Emulation, type Reply, withWorkspace } from "./types.js";

const PATH = "/v1/{project_id}/workspaces";
const ITEM = `${PATH}/{workspace_id}`;
const QUOTAS = `${ITEM}/quotas`;

type Workspace = Record<string, unknown>;
type Quota = Record<string, unknown> & { resource: string; quota: number; used_quota: number | null; min_quota: number; max_quota: number };

const RESOURCES = [
  { resource: "exemlProject.gpu_duration", name_en: "ExeML training duration (image classification, object detection, and sound classification)", name_cn: "自动学习训练时长（图像分类、物体检测、声音分类）", unit_en: "minute", unit_cn: "分钟", min_quota: -1, max_quota: 60000 },
  { resource: "notebook.gpu_duration", name_en: "Notebook GPU duration", name_cn: "开发环境GPU时长", unit_en: "minute", unit_cn: "分钟", min_quota: -1, max_quota: 600000 },
  { resource: "train.gpu_duration", name_en: "Training job GPU duration", name_cn: "训练作业GPU时长", unit_en: "minute", unit_cn: "分钟", min_quota: -1, max_quota: 600000 },
];

// Kept beside the store (not in it) so that workspaces() shows only workspaces; gone with them on reset.
const quotaTables = new WeakMap<Workspace, Quota[]>();

function quotasOf(workspace: Workspace): Quota[] {
  let table = quotaTables.get(workspace);
  if (!table) {
    table = RESOURCES.map((r) => ({ ...r, quota: -1, used_quota: null, update_time: workspace.create_time }));
    quotaTables.set(workspace, table);
  }
  return table;
}

const notFound = ({ errorCodes }: Context) => huaweiError(400, errorCodes === "documented" ? "ModelArts.0102" : "ModelArts.7005", "The workspace does not exist.");
const nameTaken = (name: unknown) => huaweiError(400, "ModelArts.EMULATOR_DUPLICATE_NAME", `A workspace named ${JSON.stringify(name)} already exists.`);
const invalidValues = (field: string, value: unknown) => huaweiError(400, "ModelArts.0107", `Invalid values of request parameters (${field},${String(value)}).`);

/** The project's workspace named by the path, or the not-found answer. */
function target(ctx: Context): { workspace: Workspace } | { error: Reply } {
  const workspace = ctx.store.find("modelarts", ctx.params.project_id!, ctx.params.workspace_id!);
  return workspace ? { workspace } : { error: notFound(ctx) };
}

const compare = (a: unknown, b: unknown) =>
  typeof a === "number" && typeof b === "number" ? a - b : String(a ?? "") < String(b ?? "") ? -1 : String(a ?? "") > String(b ?? "") ? 1 : 0;

/** A list item: the workspace without its grants. */
function listed(workspace: Workspace): Workspace {
  const { grants: _grants, ...rest } = workspace;
  return rest;
}

export const modelarts: Emulation = {
  name: "modelarts",
  family: "huawei",
  error: huaweiError,
  invalid: (problems) => huaweiError(400, "ModelArts.0104", `Parameter error. ${problems.map((p) => p.message).join("; ")}`),
  routes: [
    {
      method: "POST",
      path: PATH,
      handle({ account, params, body, now, store, stateFault, transitionDelayInMs, createDelayInMs }) {
        const workspaces = store.list("modelarts", params.project_id!);
        if (workspaces.some((w) => w.name === body.name)) return nameTaken(body.name);
        if (workspaces.length >= account.quota) return huaweiError(400, "ModelArts.0116", "The expected workspace exceeds the quota limit.");
        const workspace: Workspace = {
          id: hex(16),
          name: body.name,
          description: body.description ?? "",
          owner: account.username,
          create_time: now,
          update_time: now,
          auth_type: String(body.auth_type ?? "public").toLowerCase(),
          enterprise_project_id: body.enterprise_project_id ?? "0",
          enterprise_project_name: (body.enterprise_project_id ?? "0") === "0" ? "default" : "emulated-eps",
          status: createDelayInMs > 0 ? "CREATING" : "NORMAL",
          status_info: "",
          ...(body.grants ? { grants: body.grants } : {}),
        };
        workspaces.push(workspace);
        if (stateFault === "create-failed") {
          store.later(now + Math.max(createDelayInMs, transitionDelayInMs), () => {
            workspace.status = "CREATE_FAILED";
            workspace.status_info = "Creating the workspace failed (injected by the emulator).";
          });
        } else if (createDelayInMs > 0) {
          store.later(now + createDelayInMs, () => {
            workspace.status = "NORMAL";
          });
        }
        return { status: 200, body: { ...workspace } };
      },
    },
    {
      method: "GET",
      path: PATH,
      handle({ params, query, store }) {
        // The spec's defaults are filled in by the validator: sort_by name, order desc.
        const key = query.sort_by as "name" | "update_time" | "status";
        const direction = query.order === "asc" ? 1 : -1;
        const all = store
          .list("modelarts", params.project_id!)
          .filter((w) => fuzzy(w.name, query.name))
          .filter((w) => !query.enterprise_project_id || w.enterprise_project_id === query.enterprise_project_id)
          .sort((a, b) => direction * compare(a[key], b[key]));
        const workspaces = page(all, query.offset, query.limit, 1000, "records").map(listed);
        return { status: 200, body: { total_count: all.length, count: workspaces.length, workspaces } };
      },
    },
    {
      method: "GET",
      path: ITEM,
      handle: withWorkspace(target, (ctx, workspace) => {
        return { status: 200, body: { ...workspace, grants: workspace.grants ?? [] } };
      }),
    },
    {
      method: "PUT",
      path: ITEM,
      handle: withWorkspace(target, (ctx, workspace) => {
        const { body, now, params, store } = ctx;
        if (body.name !== undefined && store.list("modelarts", params.project_id!).some((w) => w !== workspace && w.name === body.name)) return nameTaken(body.name);
        // Name and description left out are not changed; auth_type without grants drops them.
        if (body.name !== undefined) workspace.name = body.name;
        if (body.description !== undefined) workspace.description = body.description;
        if (body.auth_type !== undefined) {
          workspace.auth_type = String(body.auth_type).toLowerCase();
          if (body.grants === undefined) delete workspace.grants;
        }
        if (body.grants !== undefined) workspace.grants = body.grants;
        workspace.update_time = now;
        return { status: 200, body: { workspace_id: workspace.id } };
      }),
    },
    {
      method: "DELETE",
      path: ITEM,
      handle: withWorkspace(target, (ctx, workspace) => {
        const { now, params, store, stateFault, transitionDelayInMs } = ctx;
        // A deletion under way is not started again.
        if (workspace.status !== "DELETING") {
          workspace.status = "DELETING";
          workspace.status_info = "";
          workspace.update_time = now;
          store.later(now + transitionDelayInMs, () => {
            if (stateFault === "delete-failed") {
              workspace.status = "DELETE_FAILED";
              workspace.status_info = "Deleting the workspace failed: its resources could not be cleared (injected by the emulator).";
            } else {
              store.remove("modelarts", params.project_id!, String(workspace.id));
            }
          });
        }
        return { status: 200, body: { workspace_id: workspace.id } };
      }),
    },
    {
      method: "GET",
      path: QUOTAS,
      handle: withWorkspace(target, (ctx, workspace) => {
        return { status: 200, body: { quotas: quotasOf(workspace).map((q) => ({ ...q })) } };
      }),
    },
    {
      method: "PUT",
      path: QUOTAS,
      handle: withWorkspace(target, (ctx, workspace) => {
        const table = quotasOf(workspace);
        const changes = ctx.body.quotas as Array<{ resource: string; quota: number }>;
        // Every item is checked before any is applied.
        for (const { resource, quota } of changes) {
          const entry = table.find((q) => q.resource === resource);
          if (!entry) return invalidValues("resource", resource);
          if (quota < entry.min_quota || quota > entry.max_quota) return invalidValues("quota", quota);
        }
        const updated = changes.map(({ resource, quota }) => {
          const entry = table.find((q) => q.resource === resource)!;
          entry.quota = quota;
          entry.used_quota = quota === -1 ? null : (entry.used_quota ?? 0);
          entry.update_time = ctx.now;
          const { used_quota: _used, ...shown } = entry;
          return shown;
        });
        return { status: 200, body: { quotas: updated } };
      }),
    },
  ],
};
