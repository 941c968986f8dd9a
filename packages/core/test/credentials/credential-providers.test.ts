// Each credential provider alone (environment, credentials file, ECS metadata
// service), the chain's order, and the same through a client: explicit
// credentials, then the environment, then the file, then the metadata service.
// Real loopback servers; the gateway checks every signature with Huawei's
// official signer. No secret may appear in an error or a log line.
import { holdTimeouts, startServer, type TestServer, closedUrl, until, keyCheckingGateway as gateway, KeyRing, startMetadata, type FakeMetadata } from "@ws/testkit";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inspect } from "node:util";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, onTestFinished, vi } from "vitest";
import {
  chainCredentials,
  ConfigurationError,
  createHuaweiService,
  CredentialsUnavailableError,
  defaultCredentials,
  fromEnv,
  fromMetadata,
  fromProfile,
  parseIni,
  type HuaweiClientOptions,
  type OperationSpec,
} from "../../src/index.js";

const ENV = { ak: "ENVAKEXAMPLE000000001", sk: "env-secret-key-0123456789abcdefgh", token: "env-security-token-0123456789==" };
const FILE = { ak: "FILEAKEXAMPLE00000001", sk: "file-secret-key-0123456789abcdefg" };
const CODE = { ak: "CODEAKEXAMPLE00000001", sk: "code-secret-key-0123456789abcdefg" };

let dir: string;
let ring: KeyRing;
let metadata: FakeMetadata;
let service: TestServer;

function writeFile(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const SEVERAL_SECTIONS = `# Huawei Cloud credentials, as hcloud and Terraform users keep them
[basic]
ak = ${FILE.ak}
sk = ${FILE.sk}
project_id = 0123456789abcdef0123456789abcdef
iam_endpoint = https://iam.cn-north-4.myhuaweicloud.com
region = cn-north-4

[global]
ak = GLOBALAKEXAMPLE000001
sk = global-secret-key-0123456789abcdef
domain_id = fedcba9876543210fedcba9876543210

; a second project-level profile
[staging]
AK: STAGINGAKEXAMPLE00001
SK: "staging-secret-key-0123456789abcd"
security_token = staging-token-0123456789   # temporary
`;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ws-credentials-"));
  ring = new KeyRing();
  for (const k of [ENV, FILE, CODE]) ring.add({ accessKey: k.ak, secretKey: k.sk, securityToken: k === ENV ? ENV.token : undefined });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
// Each test has its own servers: a late request of a test that failed or timed out reaches nobody else's.
beforeEach(async () => {
  metadata = await startMetadata(ring);
  service = await startServer(gateway(ring));
  // Nothing from the machine running the tests: no variables, no home file, no metadata service.
  for (const name of ["AK", "SK", "SECURITY_TOKEN", "PROJECT_ID", "DOMAIN_ID", "IAM_ENDPOINT", "REGION"]) vi.stubEnv(`HUAWEICLOUD_SDK_${name}`, "");
  vi.stubEnv("HUAWEICLOUD_SDK_CREDENTIALS_FILE", path.join(dir, "absent"));
  vi.stubEnv("WS_SDK_METADATA_ENDPOINT", metadata.url);
});
afterEach(async () => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
  await Promise.all([metadata.close(), service.close()]);
});

const unavailable = async (p: unknown): Promise<CredentialsUnavailableError> => {
  const error = await Promise.resolve()
    .then(() => (typeof p === "function" ? p() : p))
    .then(
      () => expect.unreachable("should have found nothing"),
      (e: unknown) => e,
    );
  expect(error).toBeInstanceOf(CredentialsUnavailableError);
  expect(error).toBeInstanceOf(ConfigurationError);
  return error as CredentialsUnavailableError;
};

function expectNoSecret(texts: string[], secrets: string[]): void {
  for (const text of texts) for (const secret of secrets) expect(text).not.toContain(secret);
}
const shown = (e: unknown) => [String(e), JSON.stringify(e), inspect(e, { showHidden: true, depth: 6 })];

describe("fromEnv", () => {
  it("reads HUAWEICLOUD_SDK_AK, _SK, _SECURITY_TOKEN, _PROJECT_ID, _DOMAIN_ID and _IAM_ENDPOINT", async () => {
    vi.stubEnv("HUAWEICLOUD_SDK_AK", ENV.ak);
    vi.stubEnv("HUAWEICLOUD_SDK_SK", ENV.sk);
    vi.stubEnv("HUAWEICLOUD_SDK_SECURITY_TOKEN", ENV.token);
    vi.stubEnv("HUAWEICLOUD_SDK_PROJECT_ID", "p-env");
    vi.stubEnv("HUAWEICLOUD_SDK_DOMAIN_ID", "d-env");
    vi.stubEnv("HUAWEICLOUD_SDK_IAM_ENDPOINT", "https://iam.example.test");
    expect(await fromEnv()()).toEqual({
      accessKey: ENV.ak,
      secretKey: ENV.sk,
      securityToken: ENV.token,
      expiration: undefined,
      projectId: "p-env",
      domainId: "d-env",
      iamEndpoint: "https://iam.example.test",
    });
  });

  it("names the variables that are not set, and no value", async () => {
    vi.stubEnv("HUAWEICLOUD_SDK_AK", ENV.ak);
    const error = await unavailable(fromEnv());
    expect(error.message).toBe("No credentials from the environment: HUAWEICLOUD_SDK_SK is not set.");
    expect(error.tried).toEqual([{ source: "environment", reason: "HUAWEICLOUD_SDK_SK is not set" }]);
    expectNoSecret(shown(error), [ENV.ak]);
    vi.stubEnv("HUAWEICLOUD_SDK_AK", "");
    expect((await unavailable(fromEnv())).message).toMatch(/HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK are not set/);
  });

  it("says so where the runtime has no environment (browsers)", () => {
    const provider = fromEnv();
    vi.stubGlobal("process", undefined);
    let error: unknown;
    try {
      provider();
    } catch (e) {
      error = e;
    }
    vi.unstubAllGlobals();
    expect(error).toBeInstanceOf(CredentialsUnavailableError);
    expect((error as Error).message).toMatch(/no environment variables in this runtime/);
  });
});

describe("the credentials file", () => {
  it("parses sections, `=` and `:`, comments, quotes, any key case and CRLF line ends", () => {
    const sections = parseIni(SEVERAL_SECTIONS.replace(/\n/g, "\r\n"));
    expect(Object.keys(sections)).toEqual(["basic", "global", "staging"]);
    expect(sections.basic).toMatchObject({ ak: FILE.ak, sk: FILE.sk, region: "cn-north-4", iam_endpoint: "https://iam.cn-north-4.myhuaweicloud.com" });
    expect(sections.staging).toEqual({ ak: "STAGINGAKEXAMPLE00001", sk: "staging-secret-key-0123456789abcd", security_token: "staging-token-0123456789" });
    expect(parseIni("\uFEFF[basic]\nak=\nsk = x=y\n")).toEqual({ basic: { ak: "", sk: "x=y" } });
  });

  it("reads the [basic] section by default, another on request, from HUAWEICLOUD_SDK_CREDENTIALS_FILE or an explicit file", async () => {
    const file = writeFile("several", SEVERAL_SECTIONS);
    vi.stubEnv("HUAWEICLOUD_SDK_CREDENTIALS_FILE", file);
    expect(await fromProfile()()).toEqual({
      accessKey: FILE.ak,
      secretKey: FILE.sk,
      securityToken: undefined,
      expiration: undefined,
      projectId: "0123456789abcdef0123456789abcdef",
      domainId: undefined,
      iamEndpoint: "https://iam.cn-north-4.myhuaweicloud.com",
    });
    expect(await fromProfile({ profile: "staging" })()).toMatchObject({ accessKey: "STAGINGAKEXAMPLE00001", securityToken: "staging-token-0123456789" });
    vi.stubEnv("HUAWEICLOUD_SDK_CREDENTIALS_FILE", path.join(dir, "absent"));
    expect(await fromProfile({ file, profile: "global" })()).toMatchObject({ accessKey: "GLOBALAKEXAMPLE000001", domainId: "fedcba9876543210fedcba9876543210" });
  });

  it("a missing file, a missing section or a section without ak and sk is 'nothing here', with the reason", async () => {
    const absent = path.join(dir, "absent");
    expect((await unavailable(fromProfile())).tried).toEqual([{ source: "profile", reason: `no file ${absent}` }]);
    const file = writeFile("several", SEVERAL_SECTIONS);
    expect((await unavailable(fromProfile({ file, profile: "prod" }))).message).toBe(`No credentials from the profile: no [prod] section in ${file}.`);
    const half = writeFile("half", `[basic]\nak = ${FILE.ak}\nproject_id = p\n`);
    const error = await unavailable(fromProfile({ file: half }));
    expect(error.message).toMatch(/the \[basic\] section of .*half has no sk/);
    expectNoSecret(shown(error), [FILE.ak]);
  });

  it("a malformed file is a ConfigurationError with the line number, never the line", async () => {
    const cases: Array<[string, RegExp]> = [
      [`ak = ${FILE.ak}\n[basic]\nsk = ${FILE.sk}\n`, /line 1: key "ak" comes before any \[section\]/],
      [`[basic]\nak = ${FILE.ak}\n${FILE.sk}\n`, /line 3: expected \[section\], key = value, or a comment/],
      [`[basic]\nak = ${FILE.ak}\nak = ${FILE.sk}\n`, /line 3: key "ak" appears twice in its section/],
      [`[basic]\nak = a\n[basic]\nsk = ${FILE.sk}\n`, /line 3: section \[basic\] appears twice/],
      [`[basic\nak = ${FILE.ak}\n`, /line 1: a section header must be \[name\]/],
      [`[basic]\n= ${FILE.sk}\n`, /line 2: expected/],
    ];
    for (const [text, message] of cases) {
      const file = writeFile("malformed", text);
      const error = await Promise.resolve().then(fromProfile({ file })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(error).not.toBeInstanceOf(CredentialsUnavailableError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).toContain(file);
      expectNoSecret(shown(error), [FILE.ak, FILE.sk]);
    }
  });

  it("a file that cannot be read is a ConfigurationError naming it", async () => {
    const error = await Promise.resolve().then(fromProfile({ file: dir })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toBe(`Cannot read the credentials file ${dir} (EISDIR).`);
  });
});

describe("fromMetadata", () => {
  it("gets a session token (PUT, TTL 21600), then the temporary keys with it, and reuses the token", async () => {
    const provider = fromMetadata();
    const before = Date.now();
    const first = await provider();
    expect(first).toMatchObject({ accessKey: metadata.issued[0]!.accessKey, secretKey: metadata.issued[0]!.secretKey, securityToken: metadata.issued[0]!.securityToken });
    // On the local clock, and never later than the service says (its Date header has whole seconds).
    expect(first.expiration!.getTime()).toBeLessThanOrEqual(metadata.issued[0]!.expiresAt!);
    expect(first.expiration!.getTime()).toBeGreaterThan(before + 60 * 60_000 - 3_000);
    await provider();
    expect(metadata.tokenRequests()).toHaveLength(1);
    expect(metadata.tokenRequests()[0]).toMatchObject({ method: "PUT", headers: expect.objectContaining({ "x-metadata-token-ttl-seconds": "21600" }) });
    const keys = metadata.keyRequests();
    expect(keys).toHaveLength(2);
    expect(keys[0]!.headers["x-metadata-token"]).toMatch(/^session-token-/);
  });

  for (const status of [404, 405] as const) {
    it(`falls back to the request without a session token when the token request is answered ${status}`, async () => {
      metadata.tokenMode = status;
      const provider = fromMetadata();
      await expect(provider()).resolves.toMatchObject({ accessKey: expect.stringMatching(/^TMPAK/) });
      await provider();
      expect(metadata.tokenRequests()).toHaveLength(1); // not asked again for a day
      expect(metadata.keyRequests().map((r) => r.headers["x-metadata-token"])).toEqual([undefined, undefined]);
    });
  }

  it("gets a new session token once when the service no longer accepts its token", async () => {
    const provider = fromMetadata();
    await provider();
    metadata.expireSessions();
    await expect(provider()).resolves.toBeDefined();
    expect(metadata.server.requests.map((r) => r.method)).toEqual(["PUT", "GET", "GET", "PUT", "GET"]);
  });

  it("an instance without an agency, a failure or an unusable answer give nothing, with the reason and no token", async () => {
    metadata.failWith = 404;
    expect((await unavailable(fromMetadata())).message).toMatch(/the instance has no agency \(Please configure Cloud Service Agency first\)/);
    metadata.failWith = 500;
    const error = await unavailable(fromMetadata());
    expect(error.message).toMatch(/the metadata service gave no credentials: HTTP 500/);
    expect(error.message).not.toMatch(/session-token/);
    expectNoSecret(shown(error), ["session-token-"]);
    metadata.failWith = undefined;
    metadata.server.handle((req) => (req.method === "PUT" ? { status: 200, body: "session-token-x-abcdefghijklmnop" } : { status: 200, body: { credential: { access: "A" } } }));
    expect((await unavailable(fromMetadata())).message).toMatch(/has no credential\.access, secret, securitytoken and expires_at/);
  });

  it("an unreachable or silent service gives nothing, within the time limit", async () => {
    const error = await unavailable(fromMetadata({ endpoint: await closedUrl() }));
    expect(error.message).toMatch(/^No credentials from the metadata: the metadata service at http:\/\/127\.0\.0\.1:\d+ is unreachable: Could not connect/);
    const silent = await startServer(() => new Promise(() => {}));
    // The time limit is held and fired once the request is there: a timeout, not the machine's speed, ends it.
    const limit = holdTimeouts(4_321);
    onTestFinished(() => limit.restore());
    const pending = unavailable(fromMetadata({ endpoint: silent.url, timeoutInMs: 4_321 }));
    await until(() => silent.requests.length === 1 && limit.pending === 1, "the token request");
    limit.fire();
    const timedOut = await pending;
    expect(timedOut.message).toMatch(/unreachable: No complete response within 4321 ms/);
    await silent.close();
  });

  it("refuses an endpoint that is not a base URL", () => {
    expect(() => fromMetadata({ endpoint: "169.254.169.254" })).toThrow(ConfigurationError);
    expect(() => fromMetadata({ endpoint: "http://169.254.169.254/openstack" })).toThrow(/must be http\(s\):\/\/host\[:port\]/);
  });
});

describe("the default chain", () => {
  const all = () => {
    vi.stubEnv("HUAWEICLOUD_SDK_AK", ENV.ak);
    vi.stubEnv("HUAWEICLOUD_SDK_SK", ENV.sk);
    vi.stubEnv("HUAWEICLOUD_SDK_CREDENTIALS_FILE", writeFile("several", SEVERAL_SECTIONS));
  };

  it("takes the environment first, then the file, then the metadata service, asking no further than needed", async () => {
    all();
    expect((await defaultCredentials()()).accessKey).toBe(ENV.ak);
    vi.stubEnv("HUAWEICLOUD_SDK_SK", "");
    expect((await defaultCredentials()()).accessKey).toBe(FILE.ak);
    expect(metadata.server.requests).toHaveLength(0);
    vi.stubEnv("HUAWEICLOUD_SDK_CREDENTIALS_FILE", path.join(dir, "absent"));
    expect((await defaultCredentials()()).accessKey).toMatch(/^TMPAK/);
    expect(metadata.keyRequests()).toHaveLength(1);
  });

  it("when none yields, lists each provider and why, without a secret", async () => {
    vi.stubEnv("HUAWEICLOUD_SDK_AK", ENV.ak);
    vi.stubEnv("HUAWEICLOUD_SDK_CREDENTIALS_FILE", writeFile("half", `[basic]\nsk = ${FILE.sk}\n`));
    vi.stubEnv("WS_SDK_METADATA_ENDPOINT", await closedUrl());
    const error = await unavailable(defaultCredentials());
    expect(error.tried.map((t) => t.source)).toEqual(["environment", "profile", "metadata"]);
    expect(error.message).toMatch(
      /^No credentials found\. Tried environment: HUAWEICLOUD_SDK_SK is not set; profile: the \[basic\] section of .*half has no ak; metadata: the metadata service at http:\/\/127\.0\.0\.1:\d+ is unreachable: .*\.$/,
    );
    expectNoSecret(shown(error), [ENV.ak, FILE.sk]);
  });

  it("stops at a malformed file instead of falling through to the metadata service", async () => {
    vi.stubEnv("HUAWEICLOUD_SDK_CREDENTIALS_FILE", writeFile("malformed", "[basic\n"));
    const error = await Promise.resolve().then(defaultCredentials()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).not.toBeInstanceOf(CredentialsUnavailableError);
    expect(metadata.server.requests).toHaveLength(0);
  });

  it("chains any providers, yours included", async () => {
    const mine = async () => ({ accessKey: CODE.ak, secretKey: CODE.sk });
    expect((await chainCredentials(fromEnv(), mine)()).accessKey).toBe(CODE.ak);
    const error = await Promise.resolve().then(chainCredentials(fromEnv(), async () => Promise.reject(new Error("vault down")))).catch((e: unknown) => e);
    expect((error as Error).message).toBe("vault down");
  });
});

describe("a client's credentials: explicit, then environment, then file, then metadata", () => {
  const op: OperationSpec = { provider: "modelarts", id: "createWorkspace", method: "POST", path: "/v1/{project_id}/workspaces", idempotent: false, body: { type: "object" } };
  const client = (extra: Partial<HuaweiClientOptions<string>> = {}) =>
    createHuaweiService<{}, string>({
      provider: "modelarts",
      endpoints: {},
      projectId: "0123456789abcdef0123456789abcdef",
      projectIdIn: "path",
      options: { endpoint: service.url, retryDelayInMs: 1, ...extra } as HuaweiClientOptions<string>,
    });
  const signedBy = async (extra?: Partial<HuaweiClientOptions<string>>) => {
    service.requests.length = 0;
    const answer = await client(extra).call<{ accessKey: string }>(op, { params: {}, body: { name: "a" } });
    expect(service.requests).toHaveLength(1); // the gateway verified the signature the first time
    return answer.accessKey;
  };

  it("uses the first source that has keys, and explicit credentials always", async () => {
    vi.stubEnv("HUAWEICLOUD_SDK_AK", ENV.ak);
    vi.stubEnv("HUAWEICLOUD_SDK_SK", ENV.sk);
    vi.stubEnv("HUAWEICLOUD_SDK_SECURITY_TOKEN", ENV.token);
    vi.stubEnv("HUAWEICLOUD_SDK_CREDENTIALS_FILE", writeFile("several", SEVERAL_SECTIONS));
    expect(await signedBy({ credentials: { accessKey: CODE.ak, secretKey: CODE.sk } })).toBe(CODE.ak);
    expect(await signedBy({ credentials: fromProfile() })).toBe(FILE.ak);
    expect(await signedBy()).toBe(ENV.ak);
    vi.stubEnv("HUAWEICLOUD_SDK_AK", "");
    expect(await signedBy()).toBe(FILE.ak);
    vi.stubEnv("HUAWEICLOUD_SDK_CREDENTIALS_FILE", path.join(dir, "absent"));
    expect(await signedBy()).toMatch(/^TMPAK/);
    expect(await signedBy({ credentials: fromMetadata({ endpoint: metadata.url }) })).toMatch(/^TMPAK/);
  });

  it("never shows the metadata service's secret key or security token, in errors or log lines", async () => {
    const lines: string[] = [];
    const c = client({ logger: (line, record) => lines.push(line, JSON.stringify(record)), maxRetries: 0 });
    service.handle((req) => ({ status: 400, body: { error_code: "X.1", error_msg: `echo ${req.headers["x-security-token"]} ${metadata.issued.at(-1)?.secretKey}` } }));
    const error = await c.call(op, { params: {}, body: { name: "a" } }).catch((e: unknown) => e);
    service.handle(gateway(ring));
    const key = metadata.issued.at(-1)!;
    expect((error as Error).message).toContain("[REDACTED]");
    expectNoSecret([...shown(error), inspect(c, { showHidden: true, depth: 8 }), ...lines], [key.secretKey, key.securityToken!, "session-token-"]);
  });
});
