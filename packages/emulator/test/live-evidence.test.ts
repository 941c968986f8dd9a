// The emulator answers as clients that ran against the live services saw them
// (issue 18): a missing or deleted ModelArts workspace is HTTP 400 ModelArts.7005
// (ModelArts.0102, the documented code, with `errorCodes: "documented"`); auth_type
// is written in lower case; an update that sets auth_type without grants drops
// them; a signed Fabric request must name its project in X-Project-Id; a request
// signed the way the official Python SDK signs a path with an encoded reserved
// character ("a%2Bb": decode the whole path, encode each segment once) is accepted.
import { createHash, createHmac } from "node:crypto";
import { createModelArtsClient, NotFoundError } from "@ws/modelarts";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../src/index.js";

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ transitionDelayInMs: 0 });
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

const modelarts = (e: Emulator = emu) => createModelArtsClient({ ...e.clientOptions.modelarts, retryDelayInMs: 1 });
const missing = "0123456789abcdef0123456789abcdef";

describe("ModelArts as the live service answers", () => {
  it("a missing workspace is HTTP 400 ModelArts.7005, read as NotFoundError; deleted ones too", async () => {
    const ma = modelarts();
    await expect(ma.getWorkspace(missing)).rejects.toMatchObject({ name: "NotFoundError", status: 400, code: "ModelArts.7005" });
    const ws = await ma.createWorkspace({ name: "team-gone" });
    await ma.deleteWorkspace(ws.id!);
    await expect(ma.waitUntilWorkspaceDeleted(ws.id!, { maxWaitInMs: 10_000, minDelayInMs: 1, maxDelayInMs: 5 })).resolves.toBeUndefined();
    await expect(ma.getWorkspace(ws.id!)).rejects.toMatchObject({ code: "ModelArts.7005" });
  });

  it("answers the documented ModelArts.0102 with errorCodes: documented", async () => {
    const documented = await startEmulator({ errorCodes: "documented" });
    try {
      const error = await modelarts(documented).getWorkspace(missing).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error).toMatchObject({ status: 400, code: "ModelArts.0102" });
    } finally {
      await documented.close();
    }
  });

  it("writes auth_type in lower case and drops the grants of an update that sets auth_type without them", async () => {
    const ma = modelarts();
    await expect(ma.createWorkspace({ name: "team-plain" })).resolves.toMatchObject({ auth_type: "public" });
    const ws = await ma.createWorkspace({ name: "team-inner", auth_type: "INTERNAL", grants: [{ user_name: "alice" }] });
    expect(ws).toMatchObject({ auth_type: "internal", grants: [{ user_name: "alice" }] });
    await ma.updateWorkspace(ws.id!, { name: "team-inner", description: "update", auth_type: "internal" });
    await expect(ma.getWorkspace(ws.id!)).resolves.toMatchObject({ auth_type: "internal", description: "update", grants: [] });
  });
});

describe("DataArts Fabric names its project", () => {
  it("refuses a signed request without X-Project-Id (403 APIGW.0310) and serves one that names it", async () => {
    const { accessKey, secretKey, projectId } = emu.credentials;
    const unnamed = await signedFetch("GET", `${emu.url}/v1/workspaces`, {}, accessKey, secretKey);
    expect(unnamed.status).toBe(403);
    expect(await unnamed.json()).toMatchObject({ error_code: "APIGW.0310" });
    const named = await signedFetch("GET", `${emu.url}/v1/workspaces`, { "x-project-id": projectId }, accessKey, secretKey);
    expect(named.status).toBe(200);
  });
});

describe("a path segment with an encoded reserved character, signed as the official Python SDK signs it", () => {
  it.each(["%2B", "%24", "%3A", "%40", "%2C"])("GET .../workspaces/a%sb passes the signature check (and is not found)", async (escape) => {
    const { accessKey, secretKey, projectId } = emu.credentials;
    const response = await signedFetch("GET", `${emu.url}/v1/${projectId}/workspaces/a${escape}b`, { "x-project-id": projectId }, accessKey, secretKey);
    expect(await response.json()).toMatchObject({ error_code: "ModelArts.7005" });
  });
});

// An independent model of huaweicloudsdkcore's Signer (3.1.211): unquote the whole
// path, split on "/", quote each segment with only unreserved characters kept.
const quote = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
function pythonCanonicalUri(path: string): string {
  const uri = decodeURIComponent(path).split("/").map(quote).join("/");
  return uri.endsWith("/") ? uri : `${uri}/`;
}

async function signedFetch(method: string, url: string, extra: Record<string, string>, accessKey: string, secretKey: string): Promise<Response> {
  const target = new URL(url);
  const date = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
  const headers: Record<string, string> = { host: target.host, "x-sdk-date": date, ...extra };
  const names = Object.keys(headers).sort();
  const canonical = [method, pythonCanonicalUri(target.pathname), "", ...names.map((n) => `${n}:${headers[n]}`), "", names.join(";"), createHash("sha256").update("").digest("hex")].join("\n");
  const toSign = `SDK-HMAC-SHA256\n${date}\n${createHash("sha256").update(canonical).digest("hex")}`;
  const signature = createHmac("sha256", secretKey).update(toSign).digest("hex");
  const { host: _host, ...sent } = headers;
  return fetch(url, { method, headers: { ...sent, authorization: `SDK-HMAC-SHA256 Access=${accessKey}, SignedHeaders=${names.join(";")}, Signature=${signature}` } });
}
