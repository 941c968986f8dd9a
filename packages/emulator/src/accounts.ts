// The emulator's accounts: who may call it, with which credentials, and how
// many workspaces each may create. One ready account unless told otherwise.
import { randomBytes } from "node:crypto";

export interface Account {
  /** AK/SK for the four Huawei services. */
  accessKey: string;
  secretKey: string;
  /** IAM user (password credentials) of the account. */
  username: string;
  password: string;
  domainName: string;
  /** The account (domain) id. */
  domainId: string;
  /** The account's project (ModelArts, RES, Insight paths; Fabric's X-Project-Id). */
  projectId: string;
  /** Its name, used when an IAM token is scoped by project name. */
  projectName: string;
  /** The DataArts Insight instance that exists in this account. */
  instanceId: string;
  /** TrueWatch API key (DF-API-KEY) of the account's first workspace. */
  apiKey: string;
  /** Workspaces one project (or TrueWatch account) may hold. Default 50. */
  quota: number;
  /**
   * Projects besides `projectId`/`projectName`, which IAM's `GET /v3/projects` also lists: another
   * region's project, or a second project named like a region (real IAM keeps names unique in an
   * account; a test uses this to meet the SDK's "several projects" error). A region with no project
   * at all needs nothing: any region name the account has no project for.
   */
  projects?: Project[] | undefined;
}

/** An IAM project of an account. Named after its region (`cn-north-4`), or `{region}_{name}` for a subproject. */
export interface Project {
  id: string;
  name: string;
  /** Default true. A disabled project is still listed (`enabled: false`) but cannot scope a token. */
  enabled?: boolean | undefined;
  /** Default "". */
  description?: string | undefined;
}

/** What `startEmulator({ accounts })` takes: any field of an account, extra projects with or without ids. */
export type AccountOptions = Partial<Omit<Account, "projects">> & {
  projects?: Array<Partial<Project> & { name: string }> | undefined;
};

/** Every project of the account: its own (`projectId`/`projectName`) first, then `projects`. */
export function projectsOf(account: Account): Project[] {
  return [{ id: account.projectId, name: account.projectName }, ...(account.projects ?? [])];
}

export const hex = (bytes: number) => randomBytes(bytes).toString("hex");

function alnum(length: number): string {
  const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  return Array.from(randomBytes(length), (b) => chars[b % chars.length]).join("");
}

/** A complete account with fresh random credentials, overridden by `partial`. */
export function makeAccount(partial: AccountOptions = {}): Account {
  const { projects, ...rest } = partial;
  const account: Account = {
    accessKey: alnum(20),
    secretKey: randomBytes(30).toString("base64"),
    username: "emulator-user",
    password: `Emu-${hex(8)}!`,
    domainName: "emulator-account",
    domainId: hex(16),
    projectId: hex(16),
    projectName: "cn-north-4",
    instanceId: hex(16),
    apiKey: `wsak_${hex(16)}`,
    quota: 50,
    ...rest,
  };
  if (projects) account.projects = projects.map((p) => ({ ...p, id: p.id ?? hex(16) }));
  return account;
}
