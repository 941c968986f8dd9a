// The emulator on its own terms: it refuses what the specs forbid, in each
// provider's error shape; authenticates like the gateway; refuses duplicates and
// enforces quotas where the providers do; injects faults; runs from its CLI.
import { createFabricClient } from "@ws/fabric";
import { createInsightClient } from "@ws/insight";
import { createModelArtsClient } from "@ws/modelarts";
import { createResClient } from "@ws/res";
import { fabricRules, holdTimeouts, insightRules, modelartsRules, resRules, truewatchRules, until, type RuleCase } from "@ws/testkit";
import { createTrueWatchClient } from "@ws/truewatch";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from "vitest";
import { ApiError } from "@ws/core";
import { startEmulator, type Emulator } from "../src/index.js";

let emu: Emulator;
// Each test has its own emulator: a test that fails or times out leaves nothing for the next.
beforeEach(async () => {
  emu = await startEmulator();
});
afterEach(() => emu.close());

const aksk = () => ({ accessKey: emu.credentials.accessKey, secretKey: emu.credentials.secretKey });
const clients = () => {
  const { projectId, instanceId, apiKey } = emu.credentials;
  return {
    res: createResClient({ endpoint: emu.url, projectId, credentials: aksk() }),
    insight: createInsightClient({ endpoint: emu.url, projectId, instanceId, credentials: aksk() }),
    modelarts: createModelArtsClient({ endpoint: emu.url, projectId, credentials: aksk() }),
    fabric: createFabricClient({ endpoint: emu.url, projectId, credentials: aksk() }),
    truewatch: createTrueWatchClient({ endpoint: emu.url, apiKey }),
  };
};

/** A create sent through the package's raw client: signed like any call, but not validated by the SDK. */
async function rawCreate(provider: keyof ReturnType<typeof clients>, body: unknown): Promise<{ status: number; body: any }> {
  const c = clients();
  const { projectId, instanceId } = emu.credentials;
  const options = { body: body as never, parseAs: "text" as const };
  // raw rejects with the ApiError of any failure, which keeps the parsed body.
  const result = await sendRaw();
  if (result instanceof ApiError) return { status: result.status, body: result.body };
  const raw: unknown = result.data;
  return { status: result.response.status, body: typeof raw === "string" ? (raw ? JSON.parse(raw) : undefined) : raw };

  function sendRaw() {
    return (
      provider === "res"
      ? c.res.raw.POST("/v2.0/{project_id}/workspaces", { ...options, params: { path: { project_id: projectId } } })
      : provider === "insight"
        ? c.insight.raw.POST("/v1/{project_id}/instances/{instance_id}/workspaces", { ...options, params: { path: { project_id: projectId, instance_id: instanceId } } })
        : provider === "modelarts"
          ? c.modelarts.raw.POST("/v1/{project_id}/workspaces", { ...options, params: { path: { project_id: projectId } } })
          : provider === "fabric"
            ? c.fabric.raw.POST("/v1/workspaces", options)
            : c.truewatch.raw.POST("/api/v1/workspace/create", options)
    ).catch((error: unknown) => {
      if (error instanceof ApiError) return error;
      throw error;
    });
  }
}

const shapes: Record<string, (body: any) => void> = {
  res: (b) => expect(b).toMatchObject({ is_success: false, error_code: "RES.1001", error_msg: expect.stringContaining("Basic Error") }),
  insight: (b) => expect(b).toMatchObject({ error_code: expect.stringMatching(/^DataArtsInsight\.(24150000|EMULATOR_INVALID_PARAMETER)$/), error_msg: expect.any(String) }),
  modelarts: (b) => expect(b).toMatchObject({ error_code: "ModelArts.0104", error_msg: expect.stringContaining("Parameter error.") }),
  fabric: (b) => expect(b).toMatchObject({ error_code: "common.01000001", error_msg: expect.stringContaining("failed to read http request") }),
  truewatch: (b) => expect(b).toMatchObject({ code: 400, success: false, errorCode: "ft.EMULATOR_INVALID_PARAMETER", content: null, traceId: expect.any(String) }),
};

describe.each([
  ["res", resRules],
  ["insight", insightRules],
  ["modelarts", modelartsRules],
  ["fabric", fabricRules],
  ["truewatch", truewatchRules],
] as Array<[keyof ReturnType<typeof clients>, RuleCase[]]>)("%s: every rule the SDK enforces, the emulator enforces too", (provider, rules) => {
  it.each(rules)("$field $rule: refused with the provider's error shape, accepted otherwise", async ({ refused, accepted, field }) => {
    const refusal = await rawCreate(provider, refused);
    expect(refusal.status).toBe(400);
    shapes[provider]!(refusal.body);
    expect(JSON.stringify(refusal.body)).toContain(field.replace(/\[(\d+)\]/g, ".$1").split(".")[0]);
    emu.reset();
    const acceptance = await rawCreate(provider, accepted);
    expect(acceptance.status, JSON.stringify(acceptance.body)).toBe(200);
  });
});

describe("what each service answers", () => {
  it("returns fresh ids and timestamps in each provider's format", async () => {
    const c = clients();
    const before = Date.now();
    expect(await c.res.createWorkspace({ name: "r1", enterprise_project_id: "0" })).toEqual({ is_success: true, message: "Succeed to create workspace." });
    const ins = await c.insight.createWorkspace({ name: "i1", eps_id: "0" });
    expect(ins).toMatchObject({ id: expect.stringMatching(/^[0-9a-f]{32}$/), instance_id: emu.credentials.instanceId, is_default: 0 });
    expect(ins.create_time).toBeGreaterThanOrEqual(before);
    const ma = await c.modelarts.createWorkspace({ name: "m1-ws", auth_type: "INTERNAL", grants: [{ user_name: "u" }] });
    expect(ma).toMatchObject({ id: expect.stringMatching(/^[0-9a-f]{32}$/), status: "NORMAL", auth_type: "internal", grants: [{ user_name: "u" }] });
    expect(ma.create_time).toBeGreaterThanOrEqual(before);
    const fab = await c.fabric.createWorkspace({ name: "f1-ws", tags: [{ key: "k", value: "v" }] });
    expect(fab.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(fab.create_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
    const tw = await c.truewatch.createWorkspace({ name: "t1", needCreateAk: true, akName: "ci" });
    expect(tw.wsInfo?.uuid).toMatch(/^wksp_[0-9a-f]{32}$/);
    expect(tw.wsInfo?.createAt).toBe(Math.floor(tw.wsInfo!.createAt!));
    expect(tw.akInfo?.keyId).toMatch(/^wsak_/);
    // the minted key works
    await createTrueWatchClient({ endpoint: emu.url, apiKey: tw.akInfo!.keyId! }).createWorkspace({ name: "t2" });
    const ids = new Set([ins.id, ma.id, fab.id, tw.wsInfo?.uuid]);
    expect(ids.size).toBe(4);
  });

  it("refuses duplicate names where the provider documents it", async () => {
    const c = clients();
    await c.insight.createWorkspace({ name: "dup", eps_id: "0" });
    await expect(c.insight.createWorkspace({ name: "dup", eps_id: "0" })).rejects.toMatchObject({ status: 400, code: "DataArtsInsight.24150001" });
    await c.fabric.createWorkspace({ name: "dup-1" });
    await expect(c.fabric.createWorkspace({ name: "dup-1" })).rejects.toMatchObject({ status: 400, code: "dataartsfabric.EMULATOR_DUPLICATE_NAME" });
    await c.res.createWorkspace({ name: "dup-2", enterprise_project_id: "0" });
    await expect(c.res.createWorkspace({ name: "dup-2", enterprise_project_id: "0" })).rejects.toMatchObject({ status: 400, code: "RES.3406" });
    // ModelArts' create page says an existing name is refused, without the code: the emulator's own
    await c.modelarts.createWorkspace({ name: "dup-3" });
    await expect(c.modelarts.createWorkspace({ name: "dup-3" })).rejects.toMatchObject({ status: 400, code: "ModelArts.EMULATOR_DUPLICATE_NAME" });
  });

  it("enforces a per-account quota, with each provider's code", async () => {
    const small = await startEmulator({ accounts: [{ quota: 1 }] });
    try {
      const a = small.credentials;
      const creds = { accessKey: a.accessKey, secretKey: a.secretKey };
      let n = 0;
      const name = () => `quota-${++n}`;
      const cases = [
        [() => createResClient({ endpoint: small.url, projectId: a.projectId, credentials: creds }).createWorkspace({ name: name(), enterprise_project_id: "0" }), "RES.EMULATOR_QUOTA"],
        [() => createInsightClient({ endpoint: small.url, projectId: a.projectId, instanceId: a.instanceId, credentials: creds }).createWorkspace({ name: name(), eps_id: "0" }), "DataArtsInsight.24150003"],
        [() => createModelArtsClient({ endpoint: small.url, projectId: a.projectId, credentials: creds }).createWorkspace({ name: name() }), "ModelArts.0116"],
        [() => createFabricClient({ endpoint: small.url, projectId: a.projectId, credentials: creds }).createWorkspace({ name: name() }), "dataartsfabric.EMULATOR_QUOTA"],
        [() => createTrueWatchClient({ endpoint: small.url, apiKey: a.apiKey }).createWorkspace({ name: name() }), "ft.EMULATOR_QUOTA"],
      ] as Array<[() => Promise<unknown>, string]>;
      for (const [create, code] of cases) {
        await create();
        await expect(create()).rejects.toMatchObject({ status: 400, code });
      }
    } finally {
      await small.close();
    }
  });

  it("keeps state per project: another account's project is refused", async () => {
    const two = await startEmulator({ accounts: [{}, {}] });
    try {
      const [a, b] = two.accounts as [typeof emu.credentials, typeof emu.credentials];
      const wrong = createModelArtsClient({ endpoint: two.url, projectId: b.projectId, credentials: { accessKey: a.accessKey, secretKey: a.secretKey } });
      await expect(wrong.createWorkspace({ name: "x-ws1" })).rejects.toMatchObject({ status: 403, code: "APIGW.0310" });
      await createModelArtsClient({ endpoint: two.url, projectId: b.projectId, credentials: { accessKey: b.accessKey, secretKey: b.secretKey } }).createWorkspace({ name: "x-ws1" });
      expect(Object.keys(two.workspaces())).toEqual([`modelarts:${b.projectId}`]);
    } finally {
      await two.close();
    }
  });

  it("lists what was created (for recovery)", async () => {
    const c = clients();
    await c.fabric.createWorkspace({ name: "lake-a" });
    await c.fabric.createWorkspace({ name: "lake-b" });
    const { data } = await c.fabric.raw.GET("/v1/workspaces", { params: { query: { name: "lake-a" } } });
    expect(data).toMatchObject({ total: 1, workspaces: [{ name: "lake-a" }] });
  });
});

describe("authentication, as the gateway does it", () => {
  it("refuses a wrong signature, a stale X-Sdk-Date and unsigned required headers", async () => {
    const { projectId, accessKey } = emu.credentials;
    const wrong = createModelArtsClient({ endpoint: emu.url, projectId, credentials: { accessKey, secretKey: "not-the-secret-key-000" } });
    await expect(wrong.createWorkspace({ name: "team-a" })).rejects.toMatchObject({ status: 401, code: "APIGW.0301", message: expect.stringContaining("verify aksk signature fail") });

    const signedAt = "20200101T000000Z";
    const stale = await fetch(`${emu.url}/v1/${projectId}/workspaces`, {
      method: "POST",
      headers: { "x-sdk-date": signedAt, authorization: `SDK-HMAC-SHA256 Access=${accessKey}, SignedHeaders=host;x-sdk-date, Signature=${"0".repeat(64)}` },
      body: "{}",
    });
    expect(stale.status).toBe(401);
    expect(await stale.json()).toMatchObject({ error_code: "APIGW.0301", error_msg: expect.stringContaining("signature expired") });

    const unsigned = await fetch(`${emu.url}/v1/${projectId}/workspaces`, {
      method: "POST",
      headers: { authorization: `SDK-HMAC-SHA256 Access=${accessKey}, SignedHeaders=content-type;host, Signature=${"0".repeat(64)}` },
      body: "{}",
    });
    expect(await unsigned.json()).toMatchObject({ error_code: "APIGW.0301", error_msg: expect.stringContaining("must be signed") });
  });

  it("locks an access key after more than five failures in a row", async () => {
    const own = await startEmulator();
    try {
      const { projectId, accessKey, secretKey } = own.credentials;
      const wrong = createModelArtsClient({ endpoint: own.url, projectId, credentials: { accessKey, secretKey: "wrong-secret-0000000" } });
      for (let i = 0; i < 6; i++) await wrong.createWorkspace({ name: "team-a" }).catch(() => {});
      const right = createModelArtsClient({ endpoint: own.url, projectId, credentials: { accessKey, secretKey } });
      await expect(right.createWorkspace({ name: "team-a" })).rejects.toMatchObject({ code: "APIGW.0301", message: expect.stringContaining("AK access failed to reach the limit") });
    } finally {
      await own.close();
    }
  });

  it("corrects for a gateway whose clock is an hour ahead (the SDK re-signs once)", async () => {
    const ahead = await startEmulator({ clockSkewInMs: 60 * 60_000 });
    try {
      const { projectId, accessKey, secretKey } = ahead.credentials;
      const ma = createModelArtsClient({ endpoint: ahead.url, projectId, credentials: { accessKey, secretKey } });
      await ma.createWorkspace({ name: "skew-1" });
      expect(ahead.requests("modelarts")).toBe(2);
      await ma.createWorkspace({ name: "skew-2" });
      expect(ahead.requests("modelarts")).toBe(3);
    } finally {
      await ahead.close();
    }
  });

  it("issues IAM tokens the services accept, and refuses them once revoked", async () => {
    const { projectId, username, password, domainName } = emu.credentials;
    const ma = createModelArtsClient({ endpoint: emu.url, projectId, credentials: { iam: { username, password, domainName, endpoint: emu.url } } });
    await ma.createWorkspace({ name: "iam-1" });
    expect(emu.requests("iam")).toBe(1);
    emu.revokeTokens();
    await ma.createWorkspace({ name: "iam-2" }); // APIGW.0307, new token, replay
    expect(emu.requests("iam")).toBe(2);
    expect(emu.requests("modelarts")).toBe(3);
    const bad = createModelArtsClient({ endpoint: emu.url, projectId, credentials: { iam: { username, password: "wrong", domainName, endpoint: emu.url } } });
    await expect(bad.createWorkspace({ name: "iam-3" })).rejects.toMatchObject({ provider: "iam", status: 401 });
    const tokenless = await fetch(`${emu.url}/v1/${projectId}/workspaces`, { method: "POST", body: "{}" });
    expect(await tokenless.json()).toMatchObject({ error_code: "APIGW.0301", error_msg: expect.stringContaining("x-auth-token not found") });
  });

  it("checks TrueWatch's DF-API-KEY", async () => {
    await expect(createTrueWatchClient({ endpoint: emu.url, apiKey: "wsak_not-a-key-0000" }).createWorkspace({ name: "t" })).rejects.toMatchObject({
      status: 403,
      code: "ft.InvalidAPIKey",
      requestId: expect.stringMatching(/^TRACE-/),
    });
  });

  it("answers unknown routes like the gateway and TrueWatch do", async () => {
    expect(await (await fetch(`${emu.url}/v1/nothing/here/at/all`)).json()).toMatchObject({ error_code: "APIGW.0101" });
    expect(await (await fetch(`${emu.url}/api/v1/nothing`, { method: "POST" })).json()).toMatchObject({ errorCode: "RouterNotFound", success: false });
  });

  it("gives one request id per answer: the X-Request-Id header is the body's request_id", async () => {
    const response = await fetch(`${emu.url}/v1/nothing/here/at/all`);
    const body = (await response.json()) as { request_id: string };
    expect(body.request_id).toMatch(/^[0-9a-f]{32}$/);
    expect(response.headers.get("x-request-id")).toBe(body.request_id);
    const error = await clients().modelarts.getWorkspace("0123456789abcdef0123456789abcdef").catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "ModelArts.7005", requestId: expect.stringMatching(/^[0-9a-f]{32}$/) });
  });
});

describe("fault injection", () => {
  it("through the X-Emulator-Fault header: the first `count` requests carrying it", async () => {
    const { projectId } = emu.credentials;
    // The SDK sends the header on every attempt; only the first two carrying it are throttled.
    const headers = { "X-Emulator-Fault": "throttle; count=2; retry-after=0; id=header-test" };
    const ma = createModelArtsClient({ endpoint: emu.url, projectId, credentials: aksk(), headers, retryDelayInMs: 1 });
    await ma.createWorkspace({ name: "faulty" });
    expect(emu.requests("modelarts")).toBe(3);
    await ma.createWorkspace({ name: "faulty-2" });
    expect(emu.requests("modelarts")).toBe(4);
    const bad = await fetch(`${emu.url}/v1/${projectId}/workspaces`, { method: "POST", headers: { "X-Emulator-Fault": "gremlins" } });
    expect(bad.status).toBe(400);
  });

  it("through the admin route and inject(): each kind", async () => {
    const { projectId } = emu.credentials;
    const ma = createModelArtsClient({ endpoint: emu.url, projectId, credentials: aksk(), retryDelayInMs: 1 });
    const admin = await fetch(`${emu.url}/__emulator/faults`, { method: "POST", body: JSON.stringify({ kind: "unavailable", count: 2 }) });
    expect(await admin.json()).toEqual({ pending: 2 });
    await ma.createWorkspace({ name: "f-unavail" });
    expect(emu.requests("modelarts")).toBe(3);

    emu.reset();
    emu.inject({ kind: "throttle", retryAfter: 0 });
    await ma.createWorkspace({ name: "f-throttle" });
    expect(emu.requests("modelarts")).toBe(2);

    for (const [kind, expected] of [
      ["error", { name: "ApiError", status: 500, outcomeUnknown: true }],
      ["drop", { name: "ConnectionError", sent: true, outcomeUnknown: true }],
      ["malformed", { name: "ApiError", status: 200, outcomeUnknown: true }],
    ] as const) {
      emu.reset();
      emu.inject({ kind });
      await expect(ma.createWorkspace({ name: `f-${kind}` })).rejects.toMatchObject(expected);
      expect(emu.requests("modelarts")).toBe(1);
      expect(emu.workspaces()[`modelarts:${projectId}`]).toHaveLength(1); // processed once, not again
    }

    emu.reset();
    emu.inject({ kind: "delay", delayInMs: 300 });
    // The client's limit is held and fired once the create is at the emulator (a real 100 ms could
    // pass before it left, and the late create take the next step's fault); then the emulator
    // answers, 300 ms on, to nobody: the workspace is there, and the next step starts clean.
    const limit = holdTimeouts(4_321);
    onTestFinished(() => limit.restore());
    const slow = createModelArtsClient({ endpoint: emu.url, projectId, credentials: aksk(), timeoutInMs: 4_321 }).createWorkspace({ name: "f-slow" }).catch((e: unknown) => e);
    await until(() => emu.requests("modelarts") === 1 && limit.pending === 1, "the slow create");
    limit.fire();
    expect(await slow).toMatchObject({ name: "TimeoutError", attempts: 1 });
    await until(() => emu.workspaces()[`modelarts:${projectId}`]?.length === 1, "the slow create, processed");

    emu.reset();
    emu.inject({ kind: "drop", afterProcessing: false, provider: "modelarts" });
    await expect(ma.createWorkspace({ name: "f-drop-before" })).rejects.toMatchObject({ name: "ConnectionError" });
    expect(emu.workspaces()[`modelarts:${projectId}`]).toBeUndefined();
  });

  it("refuses a fault it does not know", async () => {
    const response = await fetch(`${emu.url}/__emulator/faults`, { method: "POST", body: JSON.stringify({ kind: "gremlins" }) });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: expect.stringContaining("unknown fault kind") });
  });
});

describe("ws-emulator", () => {
  it("prints the URL it listens on, and serves there", async () => {
    const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
    const child = spawn(process.execPath, [bin, "--port", "0", "--host", "127.0.0.1"], { stdio: ["ignore", "pipe", "pipe"] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.once("data", (d) => resolve(String(d).trim()));
        child.once("exit", (code) => reject(new Error(`exited with ${code}`)));
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(`${url}/v1/nothing/here/at/all`)).status).toBe(404);
    } finally {
      child.kill();
    }
  });
});

describe("error codes by name", () => {
  it("each package exports its documented codes, with their meaning, usable with hasCode", async () => {
    const packages = await Promise.all(["@ws/res", "@ws/insight", "@ws/modelarts", "@ws/fabric", "@ws/truewatch"].map((name) => import(name)));
    for (const pkg of packages) {
      const codes = Object.values(pkg.errorCodes as Record<string, string>);
      expect(codes.length).toBeGreaterThan(3);
      for (const code of codes) expect(pkg.errorCodeMeanings[code]).toMatchObject({ status: expect.any(Array), meaning: expect.any(String) });
    }
    const { errorCodes } = await import("@ws/modelarts");
    const error = await clients().modelarts.getWorkspace("0123456789abcdef0123456789abcdef").catch((e: unknown) => e);
    expect((error as ApiError).hasCode(errorCodes.MODELARTS_7005)).toBe(true);
    expect((error as ApiError).hasCode(errorCodes.MODELARTS_0104)).toBe(false);
  });
});
