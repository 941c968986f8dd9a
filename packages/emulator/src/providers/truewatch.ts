// TrueWatch: every answer is the {code, content, errorCode, message, success,
// traceId} envelope. An invalid key is 403 ft.InvalidAPIKey (documented);
// invalid input and the quota have no published codes: ft.EMULATOR_INVALID_PARAMETER
// and ft.EMULATOR_QUOTA. A key minted with needCreateAk is accepted afterwards.
// A key belongs to one workspace, which get and modify act on: the account's key
// to the account's own workspace (made on first use, first in the account's list),
// a minted key to the workspace it was minted with. No list, no delete (none documented).
import { hex, type Account } from "../accounts.js";
import type { Context, Emulation, Reply } from "./types.js";

export function envelope(status: number, content: unknown, errorCode = "", message = ""): Reply {
  return {
    status,
    body: { code: status, content, errorCode, message, success: errorCode === "", traceId: `TRACE-${hex(16).toUpperCase()}` },
  };
}

// A minted key authenticates as a view of its account (same store scope, quota and
// owner, read through the prototype) that remembers the workspace it belongs to.
const mintedFor = new WeakMap<Account, { uuid: string; keyId: string }>();

/** The account's own workspace (the account key's): made on first use, with the fields `workspace/get` documents. */
function home(ctx: Context): Record<string, unknown> {
  const { account, store, now } = ctx;
  const workspaces = store.list("truewatch", account.apiKey);
  const uuid = `wksp_${account.domainId}`;
  const found = workspaces.find((w) => w.uuid === uuid);
  if (found) return found;
  const seconds = Math.floor(now / 1000);
  const created = {
    billingState: "normal",
    createAt: seconds,
    creator: `acnt_${account.domainId}`,
    dashboardUUID: null,
    datastore: { backup_log: "es", custom_object: "es", keyevent: "es", logging: "es", metric: "influxdb", network: "es", object: "es", object_history: "es", rum: "es", security: "es", tracing: "es" },
    dbUUID: `ifdb_${hex(16)}`,
    deleteAt: -1,
    desc: "",
    durationSet: { apm: "7d", backup_log: "180d", keyevent: "14d", logging: "14d", network: "2d", rp: "30d" },
    enablePublicDataway: 1,
    esIndexMerged: 1,
    esIndexSettings: {},
    esInstanceUUID: `es_${hex(12)}`,
    exterId: "",
    id: 1,
    isLocked: 0,
    isOpenLogMultipleIndex: 1,
    language: "en",
    lockAt: -1,
    loggingCutSize: 10240,
    makeResourceExceptionCode: "",
    memberCount: 1,
    name: `${account.username}'s workspace`,
    rpName: "rp1",
    status: 0,
    supportJsonMessage: 1,
    timezone: "",
    updateAt: seconds,
    updator: `acnt_${account.domainId}`,
    uuid,
    versionType: "pay",
  };
  workspaces.unshift(created);
  return created;
}

/** The workspace the calling key belongs to, or undefined when it no longer exists (a minted key after a reset). */
function keyWorkspace(ctx: Context): Record<string, unknown> | undefined {
  const minted = mintedFor.get(ctx.account);
  if (minted === undefined) return home(ctx);
  return ctx.store.find("truewatch", ctx.account.apiKey, minted.uuid, "uuid");
}

// A key whose workspace is gone is no longer valid: documented as 403 ft.InvalidAPIKey.
const invalidKey = () => envelope(403, null, "ft.InvalidAPIKey", "Invalid API Key");

export const truewatch: Emulation = {
  name: "truewatch",
  family: "truewatch",
  error: (status, code, message) => envelope(status, null, code, message),
  invalid: (problems) => envelope(400, null, "ft.EMULATOR_INVALID_PARAMETER", problems.map((p) => p.message).join("; ")),
  routes: [
    {
      method: "POST",
      path: "/api/v1/workspace/create",
      handle({ account, body, now, store, registerApiKey }) {
        const workspaces = store.list("truewatch", account.apiKey);
        if (workspaces.length >= account.quota) return envelope(400, null, "ft.EMULATOR_QUOTA", "The maximum number of workspaces has been reached.");
        const seconds = Math.floor(now / 1000);
        const creator = mintedFor.get(account)?.keyId ?? account.apiKey; // the calling key
        const wsInfo = {
          billingState: "free",
          createAt: seconds,
          creator,
          dashboardUUID: null,
          dbUUID: `ifdb_${hex(16)}`,
          deleteAt: -1,
          desc: body.desc ?? "",
          durationSet: { apm: "7d", backup_log: "7d", keyevent: "7d", logging: "7d", network: "1d", rp: "7d" },
          id: null,
          isLocked: 0,
          lockAt: -1,
          makeResourceExceptionCode: "",
          name: body.name,
          status: 0,
          updateAt: seconds,
          updator: creator,
          uuid: `wksp_${hex(16)}`,
          versionType: "free",
        };
        workspaces.push(wsInfo);
        let akInfo: Record<string, string> | undefined;
        if (body.needCreateAk) {
          akInfo = { keyId: `wsak_${hex(16)}`, keySk: hex(16), name: body.akName ?? "" };
          // The key id is what DF-API-KEY carries (creator: wsak_...).
          const view = Object.create(account) as Account;
          mintedFor.set(view, { uuid: wsInfo.uuid, keyId: akInfo.keyId! });
          registerApiKey(akInfo.keyId!, view);
        }
        const owner = `acnt_${account.domainId}`;
        return envelope(200, {
          accountInfo: [owner],
          ...(akInfo ? { akInfo } : {}),
          makeResourceExceptionCode: "",
          ownerInfo: { accountUUID: owner, email: `${account.username}@emulator.invalid`, name: account.username },
          wsInfo,
        });
      },
    },
    {
      method: "GET",
      path: "/api/v1/workspace/get",
      handle(ctx) {
        const workspace = keyWorkspace(ctx);
        return workspace ? envelope(200, workspace) : invalidKey();
      },
    },
    {
      method: "POST",
      path: "/api/v1/workspace/modify",
      handle(ctx) {
        const workspace = keyWorkspace(ctx);
        if (!workspace) return invalidKey();
        // The spec's validator has run: name and desc are strings when present.
        if (ctx.body.name !== undefined) workspace.name = ctx.body.name;
        if (ctx.body.desc !== undefined) workspace.desc = ctx.body.desc;
        // Seconds with a fraction, as modify.md's example (1677670046.184892).
        workspace.updateAt = ctx.now / 1000;
        // The calling key, as create records its creator.
        workspace.updator = mintedFor.get(ctx.account)?.keyId ?? ctx.account.apiKey;
        return envelope(200, workspace);
      },
    },
  ],
};
