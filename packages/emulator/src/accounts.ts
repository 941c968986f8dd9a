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
}

export const hex = (bytes: number) => randomBytes(bytes).toString("hex");

function alnum(length: number): string {
  const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  return Array.from(randomBytes(length), (b) => chars[b % chars.length]).join("");
}

/** A complete account with fresh random credentials, overridden by `partial`. */
export function makeAccount(partial: Partial<Account> = {}): Account {
  return {
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
    ...partial,
  };
}
