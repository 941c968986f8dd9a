// TrueWatch: every answer is the {code, content, errorCode, message, success,
// traceId} envelope. An invalid key is 403 ft.InvalidAPIKey (documented);
// invalid input and the quota have no published codes: ft.EMULATOR_INVALID_PARAMETER
// and ft.EMULATOR_QUOTA. A key minted with needCreateAk is accepted afterwards.
import { hex } from "../accounts.js";
import type { Emulation, Reply } from "./types.js";

export function envelope(status: number, content: unknown, errorCode = "", message = ""): Reply {
  return {
    status,
    body: { code: status, content, errorCode, message, success: errorCode === "", traceId: `TRACE-${hex(16).toUpperCase()}` },
  };
}

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
        const creator = account.apiKey;
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
          registerApiKey(akInfo.keyId!, account); // the key id is what DF-API-KEY carries (creator: wsak_...)
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
  ],
};
