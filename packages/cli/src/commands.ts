// Which commands each provider has, and which SDK method and spec operation stand
// behind each. The flags and their help text are not written here: they are the
// generated operation's fields (src/generated/commands.ts, from specs/*.yaml).
import { providers, type FieldInfo, type OperationInfo, type ProviderInfo } from "./generated/commands.js";

/** A provider the CLI has commands for: the first word of `ws <provider> <command>`. */
export type ProviderName = "res" | "insight" | "modelarts" | "fabric" | "truewatch";
/** Every provider, in the order `ws help` lists them. */
export const PROVIDERS: readonly ProviderName[] = ["res", "insight", "modelarts", "fabric", "truewatch"];

/** How the CLI calls the SDK method: what it passes and what comes back. */
export type CommandKind =
  | "body" // method(body)                       createWorkspace, TrueWatch updateWorkspace
  | "list" // method(query): async iterable        listWorkspaces
  | "id" // method(id)                             getWorkspace, deleteWorkspace, getWorkspaceQuotas
  | "id-body" // method(id, body)                  updateWorkspace, updateWorkspaceQuotas
  | "none" // method()                             TrueWatch getWorkspace, RES listEnterpriseProjects
  | "name" // method(name)                         findWorkspaceByName
  | "wait"; // method(id, waiterOptions)           waitUntilWorkspaceReady/Deleted

/** A command of one provider: its name, the SDK method behind it, and the spec operation whose fields are its flags. */
export interface CommandDef {
  /** The command's name (`create-workspace`). */
  name: string;
  /** The SDK client method. */
  method: string;
  /** The spec operation whose fields are this command's flags and whose summary is its help. */
  operation: string;
  /** How the SDK method is called. */
  kind: CommandKind;
  /**
   * For commands that are not one API call (find, ensure, wait): what the SDK method does,
   * in one line. The others show their operation's summary and description.
   */
  about?: string;
}

const ABOUT = {
  find: "The workspace whose name is exactly --name, or null: lists with the service's (fuzzy) name filter, then compares names exactly.",
  ensure:
    "Creates the workspace unless one with exactly this name exists; prints { workspace, created }. Never sends the create twice by accident: after a lost answer it looks the name up first.",
  ready: "Polls the workspace until it is NORMAL; fails (exit 3) on CREATE_FAILED, DELETING, DELETE_FAILED, when it disappears, or at --max-wait.",
  deleted: "Polls the workspace until it is gone (after delete-workspace, which only starts the deletion); fails (exit 3) on DELETE_FAILED or at --max-wait.",
};

const create: CommandDef = { name: "create-workspace", method: "createWorkspace", operation: "createWorkspace", kind: "body" };
const list: CommandDef = { name: "list-workspaces", method: "listWorkspaces", operation: "listWorkspaces", kind: "list" };
const update: CommandDef = { name: "update-workspace", method: "updateWorkspace", operation: "updateWorkspace", kind: "id-body" };
const remove: CommandDef = { name: "delete-workspace", method: "deleteWorkspace", operation: "deleteWorkspace", kind: "id" };
const find: CommandDef = { name: "find-workspace", method: "findWorkspaceByName", operation: "listWorkspaces", kind: "name", about: ABOUT.find };
const ensure: CommandDef = { name: "ensure-workspace", method: "ensureWorkspace", operation: "createWorkspace", kind: "body", about: ABOUT.ensure };
// DataArts Insight and DataArts Fabric have no get call: the SDK finds the workspace in the list.
const getById: CommandDef = { name: "get-workspace", method: "getWorkspace", operation: "getWorkspace", kind: "id" };
const getFromList: CommandDef = {
  ...getById,
  operation: "listWorkspaces",
  about: "The workspace with this id (the service has no get call: the SDK looks it up in the list). Fails with NotFoundError when it does not exist.",
};

/** Every command, by provider. */
export const COMMANDS: Readonly<Record<ProviderName, readonly CommandDef[]>> = {
  res: [create, list, getById, update, remove, find, ensure, { name: "list-enterprise-projects", method: "listEnterpriseProjects", operation: "listEnterpriseProjects", kind: "none" }],
  insight: [create, list, getFromList, update, remove, find, ensure],
  modelarts: [
    create,
    list,
    getById,
    update,
    remove,
    find,
    ensure,
    { name: "wait-workspace-ready", method: "waitUntilWorkspaceReady", operation: "getWorkspace", kind: "wait", about: ABOUT.ready },
    { name: "wait-workspace-deleted", method: "waitUntilWorkspaceDeleted", operation: "getWorkspace", kind: "wait", about: ABOUT.deleted },
    { name: "get-workspace-quotas", method: "getWorkspaceQuotas", operation: "getWorkspaceQuotas", kind: "id" },
    { name: "update-workspace-quotas", method: "updateWorkspaceQuotas", operation: "updateWorkspaceQuotas", kind: "id-body" },
  ],
  fabric: [create, list, getFromList, update, remove, find, ensure],
  // The API key's own workspace: no id, no list, no delete.
  truewatch: [create, { ...getById, kind: "none" }, { ...update, kind: "body" }],
};

/** Path parameters the connection options supply (never per-command flags). */
export const CONNECTION_PARAMS = new Set(["project_id", "instance_id"]);

export function providerInfo(provider: ProviderName): ProviderInfo {
  return providers[provider]!;
}

export function operationInfo(provider: ProviderName, def: CommandDef): OperationInfo {
  const op = providerInfo(provider).operations[def.operation];
  if (!op) throw new Error(`${provider} has no operation ${def.operation} in its spec`);
  return op;
}

/** `auth_type` → `auth-type`, `needCreateAk` → `need-create-ak`. */
export function kebab(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/_/g, "-")
    .toLowerCase();
}

/** The workspace id parameter, as any operation of the provider documents it. */
function workspaceIdField(provider: ProviderName): FieldInfo | undefined {
  for (const op of Object.values(providerInfo(provider).operations)) {
    const field = op.fields.find((f) => f.in === "path" && f.name === "workspace_id");
    if (field) return field;
  }
  return undefined;
}

/** A field of the command as a flag: the spec's field, its flag name, and where its value goes. */
export interface FlagField {
  flag: string;
  field: FieldInfo;
  /** Where the value goes: the id argument, the query, the body, or the name argument. */
  target: "id" | "query" | "body" | "name";
}

/** The command's own flags, from its spec operation's fields. */
export function commandFields(provider: ProviderName, def: CommandDef): FlagField[] {
  const op = operationInfo(provider, def);
  const out: FlagField[] = [];
  const takesId = def.kind === "id" || def.kind === "id-body" || def.kind === "wait";
  if (takesId) {
    const field = op.fields.find((f) => f.in === "path" && f.name === "workspace_id") ?? workspaceIdField(provider);
    if (field) out.push({ flag: kebab(field.name), field: { ...field, required: true }, target: "id" });
  }
  switch (def.kind) {
    case "list":
      for (const field of op.fields) if (field.in === "query") out.push({ flag: kebab(field.name), field, target: "query" });
      break;
    case "body":
    case "id-body":
      for (const field of op.fields) if (field.in === "body") out.push({ flag: kebab(field.name), field, target: "body" });
      break;
    case "name": {
      // The exact name: the create body's `name` describes what a workspace name is.
      const created = providerInfo(provider).operations.createWorkspace?.fields.find((f) => f.in === "body" && f.name === "name");
      const filter = op.fields.find((f) => f.in === "query" && f.name === "name");
      const field = created ?? filter ?? { name: "name", in: "query", type: "string", required: true };
      out.push({ flag: "name", field: { ...field, required: true }, target: "name" });
      break;
    }
    default:
      break;
  }
  return out;
}

export function findCommand(provider: ProviderName, name: string): CommandDef | undefined {
  return COMMANDS[provider].find((c) => c.name === name);
}

/** The command's one-line summary. */
export function commandSummary(provider: ProviderName, def: CommandDef): string {
  if (def.about) return def.about.split(/(?<=\.) /)[0]!;
  const op = operationInfo(provider, def);
  return op.summary ?? op.description?.split(/(?<=\.) /)[0] ?? def.method;
}
