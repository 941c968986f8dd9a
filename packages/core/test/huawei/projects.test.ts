// A project id nobody configured: looked up in IAM (GET /v3/projects?name={region},
// signed like the client's requests), once per client and region even under 50
// concurrent calls; a clear ConfigurationError when the region has no project or
// several, or when nothing can supply one. Also where the region, the project and
// the IAM endpoint come from: option, environment, credentials file.
import { startServer, type TestServer, keyCheckingGateway as gateway, iamProjects, KeyRing, startMetadata, type FakeMetadata } from "@ws/testkit";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  AbortError,
  ConfigurationError,
  createHuaweiService,
  fromMetadata,
  requireOption,
  ValidationError,
  type HuaweiClientOptions,
  type HuaweiServiceConfig,
  type OperationSpec,
} from "../../src/index.js";

const op: OperationSpec = {
  provider: "modelarts",
  id: "createWorkspace",
  method: "POST",
  path: "/v1/{project_id}/workspaces",
  idempotent: false,
  body: { type: "object", required: ["name"], properties: { name: { type: "string", maxLength: 8 } } },
};
const AK = "PROJAKEXAMPLE00000001";
const SK = "proj-secret-key-0123456789abcdefg";
const NORTH4 = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
const PROJECTS = {
  "cn-north-4": [{ id: NORTH4, name: "cn-north-4" }],
  "cn-east-3": [],
  "ap-southeast-1": [
    { id: "11111111111111111111111111111111", name: "ap-southeast-1" },
    { id: "22222222222222222222222222222222", name: "ap-southeast-1" },
  ],
};

let ring: KeyRing;
let iam: TestServer;
let service: TestServer;
let metadata: FakeMetadata;
let dir: string;

beforeAll(() => {
  ring = new KeyRing();
  ring.add({ accessKey: AK, secretKey: SK });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ws-projects-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
// Each test has its own servers: a late request of a test that failed or timed out reaches nobody else's.
beforeEach(async () => {
  iam = await startServer(iamProjects(ring, PROJECTS, new Set(["iam-token-0123456789"])));
  service = await startServer(gateway(ring));
  metadata = await startMetadata(ring);
  for (const name of ["AK", "SK", "PROJECT_ID", "IAM_ENDPOINT", "REGION"]) vi.stubEnv(`HUAWEICLOUD_SDK_${name}`, "");
  vi.stubEnv("HUAWEICLOUD_SDK_CREDENTIALS_FILE", path.join(dir, "absent"));
});
afterEach(() => Promise.all([iam.close(), service.close(), metadata.close()]));
afterEach(() => vi.unstubAllEnvs());

type Options = Partial<HuaweiClientOptions<string>>;
const config = (options: Options, extra: Partial<HuaweiServiceConfig<string>> = {}): HuaweiServiceConfig<string> => ({
  provider: "modelarts",
  endpoints: { "cn-north-4": "https://modelarts.cn-north-4.myhuaweicloud.com", "cn-east-3": "https://x", "ap-southeast-1": "https://y" },
  projectIdIn: "path",
  options: { endpoint: service.url, region: "cn-north-4", iamEndpoint: iam.url, credentials: { accessKey: AK, secretKey: SK }, retryDelayInMs: 1, ...options },
  ...extra,
});
const client = (options: Options = {}, extra: Partial<HuaweiServiceConfig<string>> = {}) => createHuaweiService<{}, string>(config(options, extra));
type Seen = { projectInPath: string; projectHeader: string | undefined };
const create = (c: ReturnType<typeof client>, body: unknown = { name: "a" }, signal?: AbortSignal) =>
  c.call<Seen>(op, { params: { project_id: undefined }, body }, { abortSignal: signal });

describe("project lookup in IAM", () => {
  it("looks the region's project up once for 50 concurrent calls, signed as the official signer checks, and uses it in the path and X-Project-Id", async () => {
    const c = client();
    const answers = await Promise.all(Array.from({ length: 50 }, () => create(c)));
    expect(iam.requests).toHaveLength(1);
    const [lookup] = iam.requests;
    expect(lookup).toMatchObject({ method: "GET", url: "/v3/projects?name=cn-north-4" });
    expect(ring.refusal(lookup!)).toBeUndefined();
    expect(lookup!.headers["x-project-id"]).toBeUndefined();
    for (const a of answers) expect(a).toMatchObject({ projectInPath: NORTH4, projectHeader: NORTH4 });
    expect(service.requests).toHaveLength(50);
    for (const req of service.requests) expect(ring.refusal(req)).toBeUndefined();
    await create(c);
    expect(iam.requests).toHaveLength(1); // kept for the client's life
  });

  it("signs the lookup with temporary keys and their security token", async () => {
    const c = client({ credentials: fromMetadata({ endpoint: metadata.url }) });
    await expect(create(c)).resolves.toMatchObject({ projectInPath: NORTH4 });
    expect(iam.requests[0]!.headers["x-security-token"]).toBe(metadata.issued[0]!.securityToken);
    expect(ring.refusal(iam.requests[0]!)).toBeUndefined();
  });

  it("sends a caller's token instead when the client uses one", async () => {
    const c = client({ credentials: { token: "iam-token-0123456789" } });
    service.handle(() => ({ status: 200, body: { ok: true } }));
    await create(c);
    expect(iam.requests[0]!.headers["x-auth-token"]).toBe("iam-token-0123456789");
    expect(service.requests[0]!.url).toBe(`/v1/${NORTH4}/workspaces`);
  });

  it("no project or several for the region: a ConfigurationError naming projectId; a failure is not kept", async () => {
    const none = (await create(client({ region: "cn-east-3" })).catch((e: unknown) => e)) as Error;
    expect(none).toBeInstanceOf(ConfigurationError);
    expect(none.message).toMatch(/^modelarts: projectId is not set and IAM \(GET \/v3\/projects\?name=cn-east-3 at http:\/\/127\.0\.0\.1:\d+\) lists no project for region cn-east-3\. Pass projectId/);
    const several = (await create(client({ region: "ap-southeast-1" })).catch((e: unknown) => e)) as Error;
    expect(several.message).toMatch(/lists 2 projects for region ap-southeast-1 \(1{32}, 2{32}\)\. Pass projectId to choose one\./);
    expect(service.requests).toHaveLength(0);

    iam.handle(() => ({ status: 503, body: { error_msg: "busy" } }));
    const c = client({ maxRetries: 0 });
    await expect(create(c)).rejects.toMatchObject({ provider: "iam", status: 503 });
    iam.handle(iamProjects(ring, PROJECTS));
    await expect(create(c)).resolves.toMatchObject({ projectInPath: NORTH4 });
  });

  it("checks the input before looking anything up, and stops waiting on abort", async () => {
    const c = client();
    await expect(create(c, { name: "far-too-long" })).rejects.toBeInstanceOf(ValidationError);
    expect(iam.requests).toHaveLength(0);
    iam.handle(() => new Promise(() => {}));
    const controller = new AbortController();
    const pending = create(c, { name: "a" }, controller.signal);
    // Abort once the lookup has reached IAM, so it cannot arrive during the next test.
    await vi.waitFor(() => expect(iam.requests).toHaveLength(1));
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as Error).message).toMatch(/waiting for the project id of cn-north-4/);
  });
});

describe("where the project, the region and the IAM endpoint come from", () => {
  it("projectId: the option, then HUAWEICLOUD_SDK_PROJECT_ID, then project_id in the file; no lookup then", async () => {
    vi.stubEnv("HUAWEICLOUD_SDK_CREDENTIALS_FILE", writeFile("file", "[basic]\nproject_id = fromfile0000000000000000000000000\n"));
    expect(await create(client())).toMatchObject({ projectInPath: "fromfile0000000000000000000000000" });
    vi.stubEnv("HUAWEICLOUD_SDK_PROJECT_ID", "fromenv00000000000000000000000000");
    expect(await create(client())).toMatchObject({ projectInPath: "fromenv00000000000000000000000000" });
    expect(await create(client({}, { projectId: "explicit0000000000000000000000000" }))).toMatchObject({ projectInPath: "explicit0000000000000000000000000" });
    expect(iam.requests).toHaveLength(0);
  });

  it("a header-only service (Fabric) sends X-Project-Id from those sources, else looks the region's up once, as the official SDKs do", async () => {
    const fabric: OperationSpec = { ...op, path: "/v1/workspaces" };
    const call = (c: ReturnType<typeof client>) => c.call<Seen>(fabric, { body: { name: "a" } });
    const discovering = client({}, { projectIdIn: "header" });
    expect((await call(discovering)).projectHeader).toBe(NORTH4);
    expect((await call(discovering)).projectHeader).toBe(NORTH4);
    expect(iam.requests).toHaveLength(1);
    expect(iam.requests[0]!.headers["user-agent"]).toMatch(/^ws-sdk-js @ws\/modelarts /);
    vi.stubEnv("HUAWEICLOUD_SDK_PROJECT_ID", "fromenv00000000000000000000000000");
    expect(await call(client({}, { projectIdIn: "header" }))).toMatchObject({ projectHeader: "fromenv00000000000000000000000000" });
    expect(iam.requests).toHaveLength(1);
  });

  it("a header-only service's raw calls look the project up too, and name it", async () => {
    const raw = client({}, { projectIdIn: "header" }).raw as unknown as { POST(path: string, init: object): Promise<{ data?: Seen }> };
    const { data } = await raw.POST("/v1/workspaces", { body: { name: "a" } });
    expect(data?.projectHeader).toBe(NORTH4);
    expect(iam.requests).toHaveLength(1);
    expect(service.requests[0]!.headers["x-project-id"]).toBe(NORTH4);
  });

  it("a header-only service with neither a project nor a region sends none (nothing to look up)", async () => {
    const fabric: OperationSpec = { ...op, path: "/v1/workspaces" };
    const seen = await client({ region: undefined }, { projectIdIn: "header" }).call<Seen>(fabric, { body: { name: "a" } });
    expect(seen.projectHeader).toBeUndefined();
    expect(iam.requests).toHaveLength(0);
  });

  it("nothing that could supply a project: a ConfigurationError naming projectId when the client is created", () => {
    const make = () => client({ region: undefined });
    expect(make).toThrow(ConfigurationError);
    expect(make).toThrow(/^modelarts: projectId is required\. Pass projectId, set HUAWEICLOUD_SDK_PROJECT_ID \(or project_id in .*\), or give a region/);
    vi.stubEnv("HUAWEICLOUD_SDK_REGION", "cn-north-4");
    expect(make).not.toThrow();
  });

  it("region: the option, then HUAWEICLOUD_SDK_REGION, then region in the file", async () => {
    const regionOf = async (options: Options = {}) => {
      iam.requests.length = 0;
      await create(client({ region: undefined, ...options })).catch(() => undefined);
      return new URL(iam.requests[0]!.url, "http://x").searchParams.get("name");
    };
    vi.stubEnv("HUAWEICLOUD_SDK_CREDENTIALS_FILE", writeFile("region", "[basic]\nregion = ap-southeast-1\n"));
    expect(await regionOf()).toBe("ap-southeast-1");
    vi.stubEnv("HUAWEICLOUD_SDK_REGION", "cn-east-3");
    expect(await regionOf()).toBe("cn-east-3");
    expect(await regionOf({ region: "cn-north-4" })).toBe("cn-north-4");
  });

  it("no region and no endpoint: says what to set", () => {
    expect(() => client({ region: undefined, endpoint: undefined }, { projectId: "p" })).toThrow(
      /^modelarts: no region\. Pass region \(one of cn-north-4, cn-east-3, ap-southeast-1\) or endpoint, or set HUAWEICLOUD_SDK_REGION/,
    );
  });

  it("the endpoint: the option, then HUAWEICLOUD_SDK_REGION_{SERVICE}_{REGION_ID} (as the Go SDK reads it), then the region table", async () => {
    vi.stubEnv("HUAWEICLOUD_SDK_REGION_MODELARTS_CN_NORTH_4", `${service.url},https://backup.example`);
    await create(client({ endpoint: undefined }, { projectId: NORTH4 }));
    expect(service.requests).toHaveLength(1);
    vi.stubEnv("HUAWEICLOUD_SDK_REGION_MODELARTS_CN_NORTH_4", "http://10.0.0.1");
    expect(() => client({ endpoint: undefined }, { projectId: NORTH4 })).toThrow(/HUAWEICLOUD_SDK_REGION_MODELARTS_CN_NORTH_4 http:\/\/10\.0\.0\.1 uses plain http/);
    expect(() => client({}, { projectId: NORTH4 })).not.toThrow(); // the option wins
  });

  it("the IAM endpoint: the option, then HUAWEICLOUD_SDK_IAM_ENDPOINT, then iam_endpoint in the file", async () => {
    const other = await startServer(iamProjects(ring, { "cn-north-4": [{ id: "f".repeat(32), name: "cn-north-4" }] }));
    try {
      vi.stubEnv("HUAWEICLOUD_SDK_CREDENTIALS_FILE", writeFile("iam", `[basic]\niam_endpoint = ${other.url}\n`));
      expect(await create(client({ iamEndpoint: undefined }))).toMatchObject({ projectInPath: "f".repeat(32) });
      vi.stubEnv("HUAWEICLOUD_SDK_IAM_ENDPOINT", iam.url);
      expect(await create(client({ iamEndpoint: undefined }))).toMatchObject({ projectInPath: NORTH4 });
      expect(other.requests).toHaveLength(1);
    } finally {
      await other.close();
    }
  });
});

describe("requireOption", () => {
  it("names the missing option at client creation", () => {
    expect(() => requireOption("insight", {}, "instanceId", "the DataArts Insight instance")).toThrow(ConfigurationError);
    expect(() => requireOption("insight", {}, "instanceId", "the DataArts Insight instance")).toThrow(/^insight: instanceId is required \(the DataArts Insight instance\)\.$/);
    expect(() => requireOption("insight", { instanceId: "" }, "instanceId", "x")).toThrow(/instanceId is required \(x\); got an empty string/);
    expect(() => requireOption("insight", { instanceId: "i-1" }, "instanceId", "x")).not.toThrow();
  });
});

function writeFile(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}
