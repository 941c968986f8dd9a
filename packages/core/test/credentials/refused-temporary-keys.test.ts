// Temporary keys the gateway refuses before their time (expired early, revoked:
// 401 APIGW.0301 with a security token): the client asks its credential provider
// once for new keys and replays the refused request once; a second refusal is the
// caller's error. Counted on the wire and at the provider, not timed.
import { keyCheckingGateway as gateway, KeyRing, startServer, type TestServer } from "@ws/testkit";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError, createHuaweiService, type CredentialProvider, type OperationSpec } from "../../src/index.js";

const op: OperationSpec = { provider: "modelarts", id: "getWorkspace", method: "GET", path: "/v1/{project_id}/workspaces/w", idempotent: true };
const projectId = "0123456789abcdef0123456789abcdef";
let ring: KeyRing;
let service: TestServer;

beforeAll(async () => {
  ring = new KeyRing();
  service = await startServer(gateway(ring));
});
afterAll(() => service.close());
beforeEach(() => {
  service.requests.length = 0;
  ring.keys.clear();
  vi.stubEnv("HUAWEICLOUD_SDK_CREDENTIALS_FILE", "/nonexistent/credentials");
});
afterEach(() => vi.unstubAllEnvs());

/** Hands out a new temporary key (valid for an hour) at each call; `accepted: false` keeps it off the gateway's ring. */
function issuer(accepted = true): CredentialProvider & { calls: number } {
  const provider = Object.assign(
    () => {
      provider.calls++;
      const key = { accessKey: `TMPAK${provider.calls}XXXXXXXXXXXXX`, secretKey: `secret-${provider.calls}`, securityToken: `token-${provider.calls}`, expiration: new Date(Date.now() + 3_600_000) };
      if (accepted) ring.add({ ...key, expiresAt: key.expiration.getTime() });
      return key;
    },
    { calls: 0 },
  );
  return provider;
}
const client = (credentials: CredentialProvider) =>
  createHuaweiService<{}, string>({ provider: "modelarts", endpoints: {}, projectId, options: { endpoint: service.url, credentials, maxRetries: 0 } });
const get = (c: ReturnType<typeof client>) => c.call<{ accessKey: string }>(op, { params: { project_id: projectId } });

describe("temporary keys refused before their time", () => {
  it("refreshes once and replays once: the call succeeds with the new key", async () => {
    const keys = issuer();
    const c = client(keys);
    await expect(get(c)).resolves.toMatchObject({ accessKey: "TMPAK1XXXXXXXXXXXXX" });
    ring.keys.delete("TMPAK1XXXXXXXXXXXXX"); // revoked at the gateway, an hour before its expiration
    await expect(get(c)).resolves.toMatchObject({ accessKey: "TMPAK2XXXXXXXXXXXXX" });
    expect(keys.calls).toBe(2);
    expect(service.requests.map((r) => /Access=([^,]+)/.exec(r.headers.authorization!)![1])).toEqual(["TMPAK1XXXXXXXXXXXXX", "TMPAK1XXXXXXXXXXXXX", "TMPAK2XXXXXXXXXXXXX"]);
  });

  it("twenty calls refused at once cause one refresh, and each is replayed once", async () => {
    const keys = issuer();
    const c = client(keys);
    await get(c);
    ring.keys.clear();
    // allSettled: a failing run leaves no request in flight for the next test.
    const answers = await Promise.allSettled(Array.from({ length: 20 }, () => get(c)));
    expect(answers.map((a) => (a.status === "fulfilled" ? a.value.accessKey : String(a.reason)))).toEqual(Array(20).fill("TMPAK2XXXXXXXXXXXXX"));
    expect(keys.calls).toBe(2);
    expect(service.requests).toHaveLength(1 + 20 + 20);
  });

  it("a second refusal is surfaced: two requests, one refresh, no loop", async () => {
    const keys = issuer(false);
    const c = client(keys);
    const error = await get(c).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: "APIGW.0301" });
    expect(keys.calls).toBe(2);
    expect(service.requests).toHaveLength(2);
  });

  it("a permanent key (no security token) is not replayed on APIGW.0301", async () => {
    const c = createHuaweiService<{}, string>({ provider: "modelarts", endpoints: {}, projectId, options: { endpoint: service.url, credentials: { accessKey: "PERMAKXXXXXXXXXXXXXX", secretKey: "s" }, maxRetries: 0 } });
    await expect(get(c)).rejects.toMatchObject({ status: 401, code: "APIGW.0301" });
    expect(service.requests).toHaveLength(1);
  });
});
