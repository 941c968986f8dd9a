// The emulator's accounts: who may call it, with which credentials, and how
// many workspaces each may create. One ready account unless told otherwise.
import { createHmac, randomBytes } from "node:crypto";

/** An account the emulator accepts: its credentials for every service, its project and instance. */
export interface Account {
  /** AK/SK for the four Huawei services: the access key ID. */
  accessKey: string;
  /** The secret access key that goes with `accessKey`. */
  secretKey: string;
  /** IAM user (password credentials) of the account. */
  username: string;
  /** The IAM user's password. */
  password: string;
  /** The account (domain) name the IAM user logs in to. */
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
  /** The project ID. */
  id: string;
  /** The project name. */
  name: string;
  /** Default true. A disabled project is still listed (`enabled: false`) but cannot scope a token. */
  enabled?: boolean | undefined;
  /** Default "". */
  description?: string | undefined;
}

/**
 * What `startEmulator({ accounts })` takes: any field of an account, extra projects with or
 * without ids; the fields left out are made up.
 *
 * @example
 * const emulator = await startEmulator({ accounts: [{ quota: 2 }, { projects: [{ name: "ap-southeast-1" }] }] });
 */
export type AccountOptions = Partial<Omit<Account, "projects">> & {
  /** Projects besides the account's own; an id is made up when left out. */
  projects?:
    | Array<
        Partial<Project> & {
          /** The project name (a region, e.g. `ap-southeast-1`). */
          name: string;
        }
      >
    | undefined;
};

/** Every project of the account: its own (`projectId`/`projectName`) first, then `projects`. */
export function projectsOf(account: Account): Project[] {
  return [{ id: account.projectId, name: account.projectName }, ...(account.projects ?? [])];
}

export const hex = (bytes: number) => randomBytes(bytes).toString("hex");

/** Where an account's values come from: fresh random bytes, or bytes derived from a seed. */
export type ByteSource = (length: number) => Buffer;

/**
 * The same bytes for the same seed, every run: `--seed demo` gives scripts
 * credentials they can rely on. Made-up test values, never anyone's secrets.
 */
export function seededBytes(seed: string): ByteSource {
  let counter = 0;
  return (length) => {
    const out = Buffer.alloc(length);
    for (let filled = 0; filled < length; filled += 32) createHmac("sha256", seed).update(String(counter++)).digest().copy(out, filled);
    return out;
  };
}

const alnum = (bytes: ByteSource, length: number): string => {
  const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  return Array.from(bytes(length), (b) => chars[b % chars.length]).join("");
};

export function makeAccount(partial: AccountOptions = {}, bytes: ByteSource = randomBytes): Account {
  const { projects, ...rest } = partial;
  const h = (n: number) => bytes(n).toString("hex");
  const account: Account = {
    accessKey: alnum(bytes, 20),
    secretKey: bytes(30).toString("base64"),
    username: "emulator-user",
    password: `Emu-${h(8)}!`,
    domainName: "emulator-account",
    domainId: h(16),
    projectId: h(16),
    projectName: "cn-north-4",
    instanceId: h(16),
    apiKey: `wsak_${h(16)}`,
    quota: 50,
    ...rest,
  };
  if (projects) account.projects = projects.map((p) => ({ ...p, id: p.id ?? h(16) }));
  return account;
}
