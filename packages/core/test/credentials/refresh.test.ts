// Temporary keys are refreshed before they expire, by one request shared by
// every concurrent call; each call signs with one whole answer (key, secret and
// token that belong together), which the gateway checks with Huawei's official
// signer; a failed refresh keeps the old keys while they are valid.
import { startServer, type TestServer, keyCheckingGateway as gateway, KeyRing, startMetadata, until, type FakeMetadata } from "@ws/testkit";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createHuaweiService, fromMetadata, refreshingCredentials, type HuaweiClientOptions, type OperationSpec, type ProvidedCredentials } from "../../src/index.js";

const op: OperationSpec = { provider: "modelarts", id: "createWorkspace", method: "POST", path: "/v1/{project_id}/workspaces", idempotent: false, body: { type: "object" } };
const projectId = "0123456789abcdef0123456789abcdef";
let ring: KeyRing;
let metadata: FakeMetadata;
let service: TestServer;

// Each test has its own services: the late requests of a test that failed reach nobody else's.
beforeEach(async () => {
  ring = new KeyRing();
  metadata = await startMetadata(ring);
  service = await startServer(gateway(ring));
  vi.stubEnv("HUAWEICLOUD_SDK_CREDENTIALS_FILE", "/nonexistent/credentials");
});
afterEach(async () => {
  await Promise.all([metadata.close(), service.close()]);
});
afterEach(() => vi.unstubAllEnvs());

// The clock the credentials' lifetimes are measured on (Date: the SDK's, the fake metadata
// service's and the gateway's) moves only when a test says so: no test waits out a lifetime,
// and a loaded machine cannot push a burst past one. A test that timed out cannot move the
// clock of the next one: `advance` refuses once its test's signal has fired.
function frozenClock(): void {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-23T10:00:00Z"));
  });
  afterEach(() => vi.useRealTimers());
}
function advance(signal: AbortSignal, ms: number): void {
  signal.throwIfAborted();
  vi.setSystemTime(Date.now() + ms);
}
// 100 concurrent calls, each signed and checked by the official signer in this process:
// seconds on a loaded 2-core machine, not milliseconds.
const HEAVY = 120_000; // 28 s measured at load 25
const client = (credentials: HuaweiClientOptions<string>["credentials"]) =>
  createHuaweiService<{}, string>({ provider: "modelarts", endpoints: {}, projectId, options: { endpoint: service.url, credentials, maxRetries: 0 } });
const burst = (c: ReturnType<typeof client>, n: number) =>
  Promise.all(Array.from({ length: n }, (_, i) => c.call<{ accessKey: string }>(op, { params: { project_id: projectId }, body: { name: `w${i}` } })));
/**
 * Afterwards: every request carried a signature the official signer verifies and
 * the token of the same key (the gateway refused expired keys as they came: the
 * calls resolved).
 */
const allAccepted = () => {
  expect(service.requests.length).toBeGreaterThan(0);
  for (const req of service.requests) expect(ring.refusal(req, false)).toBeUndefined();
};

describe("metadata keys under 100 concurrent calls", () => {
  frozenClock();
  it("one metadata request for the first burst, one background refresh in the margin, every signature valid", async ({ signal }) => {
    // 3 s keys: after the whole-second Date correction they count as 2 s, refreshed after half.
    metadata.lifetimeInMs = 3_000;
    const c = client(fromMetadata({ endpoint: metadata.url }));
    const first = await burst(c, 100);
    expect(metadata.tokenRequests()).toHaveLength(1);
    expect(metadata.keyRequests()).toHaveLength(1);
    expect(new Set(first.map((a) => a.accessKey))).toEqual(new Set([metadata.issued[0]!.accessKey]));

    advance(signal, 1_600); // inside the margin, before expiry
    const second = await burst(c, 100);
    await until(() => metadata.issued.length === 2);
    // The keys in hand signed while the one refresh ran; then the new ones.
    for (const answer of second) expect([metadata.issued[0]!.accessKey, metadata.issued[1]!.accessKey]).toContain(answer.accessKey);
    const third = await burst(c, 100);
    expect(new Set(third.map((a) => a.accessKey))).toEqual(new Set([metadata.issued[1]!.accessKey]));
    expect(metadata.keyRequests()).toHaveLength(2);
    expect(metadata.tokenRequests()).toHaveLength(1);
    expect(service.requests).toHaveLength(300);
    allAccepted();
  }, HEAVY);
});

describe("a provider function with an expiry", () => {
  frozenClock();
  it("after expiry, 100 concurrent calls wait for one new answer", async ({ signal }) => {
    let asked = 0;
    const keys: ProvidedCredentials[] = [];
    const provider = async () => {
      asked++;
      await new Promise((resolve) => setTimeout(resolve, 20)); // the 99 others arrive meanwhile
      const i = keys.length + 1;
      const key = { accessKey: `FNAK${i}EXAMPLE0000000`, secretKey: `fn-secret-${i}-0123456789abcdef`, securityToken: `fn-token-${i}-0123456789==`, expiration: new Date(Date.now() + 1_500) };
      ring.add({ ...key, expiresAt: key.expiration.getTime() });
      keys.push(key);
      return key;
    };
    const c = client(provider);
    await burst(c, 100);
    expect(asked).toBe(1);
    advance(signal, 1_600); // expired: nobody may sign with it
    const answers = await burst(c, 100);
    expect(asked).toBe(2);
    expect(new Set(answers.map((a) => a.accessKey))).toEqual(new Set([keys[1]!.accessKey]));
    allAccepted();
  }, HEAVY);

  it("keeps the valid keys when a refresh fails, and fails only once they have expired", async ({ signal }) => {
    let asked = 0;
    const provider = async () => {
      if (++asked > 1) throw new Error("the vault is down");
      const key = { accessKey: "FNAKKEEPEXAMPLE0000001", secretKey: "fn-keep-secret-0123456789abcdef", expiration: new Date(Date.now() + 2_000) };
      ring.add({ ...key, expiresAt: key.expiration.getTime() });
      return key;
    };
    const c = client(provider);
    await burst(c, 10);
    advance(signal, 1_100); // past half the lifetime: refresh, which fails
    await expect(burst(c, 100)).resolves.toHaveLength(100);
    expect(asked).toBe(2); // one refresh for the burst, and not again at once
    allAccepted();
    advance(signal, 1_000); // expired now
    await expect(c.call(op, { params: { project_id: projectId }, body: { name: "late" } })).rejects.toThrow("the vault is down");
  }, HEAVY);

  it("refreshes 5 minutes before a long expiry, or after half a short lifetime", async () => {
    let asked = 0;
    const cache = refreshingCredentials(() => ({ accessKey: `AK${++asked}`, secretKey: "secret-value", expiration: new Date("2026-11-23T11:00:00Z") }));
    await cache.get();
    vi.setSystemTime(new Date("2026-11-23T10:54:59Z"));
    expect(cache.get()).toMatchObject({ accessKey: "AK1" });
    expect(asked).toBe(1);
    vi.setSystemTime(new Date("2026-11-23T10:55:01Z"));
    expect(cache.get()).toMatchObject({ accessKey: "AK1" }); // still valid: used while the refresh runs
    await until(() => cache.peek()?.accessKey === "AK2");
  });

  it("refuses an answer that is not a whole key pair, naming the field and no value", async () => {
    const c = client(async () => ({ accessKey: "AKX0000000000000", secretKey: "" }) as ProvidedCredentials);
    await expect(c.call(op, { params: { project_id: projectId }, body: { name: "a" } })).rejects.toThrow(/secretKey from the credentials provider must be a non-empty string/);
    const d = client(async () => ({ accessKey: "AKX0000000000000", secretKey: "secret-0123456789", expiration: "tomorrow" }) as unknown as ProvidedCredentials);
    await expect(d.call(op, { params: { project_id: projectId }, body: { name: "a" } })).rejects.toThrow(/expiration from the credentials provider must be a valid Date/);
    expect(service.requests).toHaveLength(0);
  });
});
