// What a Huawei package promises in the README's "Credentials" section, checked
// the same way for each: a client given only its region (the endpoint, for the
// test, from HUAWEICLOUD_SDK_REGION_{SERVICE}_{REGION_ID} as the Go SDK reads it)
// signs with keys from the environment, the credentials file or the ECS metadata
// service, finds its project where it needs one, and says what it tried when
// there is nothing. Every request is checked with Huawei's official signer.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closedUrl, gateway, iamProjects, KeyRing, startMetadata, type FakeMetadata } from "./cloud.js";
import { startServer, type RecordedRequest, type TestServer } from "./index.js";

export interface CredentialSourcesSuite {
  /** The service's name in HUAWEICLOUD_SDK_REGION_{SERVICE}_{REGION_ID}. */
  envName: string;
  region: string;
  /** `path`: the paths carry the project; `header`: only X-Project-Id. Either way it is looked up in IAM when not configured (as the official SDKs do). */
  projectIn: "path" | "header";
  /** Creates a client with these options only (plus what the package requires); the function returned makes one call with it. */
  client: (options: Record<string, unknown>) => () => Promise<unknown>;
  /** The service's success answer. */
  reply: (req: RecordedRequest) => unknown;
}

const ENV_KEY = { accessKey: "SUITEENVAK0000000001", secretKey: "suite-env-secret-0123456789abcdef" };
const FILE_KEY = { accessKey: "SUITEFILEAK000000001", secretKey: "suite-file-secret-0123456789abcde" };
const DISCOVERED = "d15c0e7ed0123456789abcdef0123456";
const FILE_PROJECT = "f11e0123456789abcdef0123456789ab";

export function credentialSourcesSuite(o: CredentialSourcesSuite): void {
  describe("credentials and project from the machine (only a region in the code)", () => {
    let ring: KeyRing;
    let service: TestServer;
    let iam: TestServer;
    let metadata: FakeMetadata;
    let dir: string;
    let closed: string;

    beforeAll(async () => {
      ring = new KeyRing();
      ring.add(ENV_KEY);
      ring.add(FILE_KEY);
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "ws-suite-"));
      closed = await closedUrl();
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
    // Each test has its own servers: a late request of a test that failed or timed out reaches nobody else's.
    beforeEach(async () => {
      service = await startServer(gateway(ring, o.reply));
      iam = await startServer(iamProjects(ring, { [o.region]: [{ id: DISCOVERED, name: o.region }] }));
      metadata = await startMetadata(ring);
      for (const name of ["AK", "SK", "SECURITY_TOKEN", "PROJECT_ID", "DOMAIN_ID", "REGION"]) vi.stubEnv(`HUAWEICLOUD_SDK_${name}`, "");
      vi.stubEnv(`HUAWEICLOUD_SDK_REGION_${o.envName}_${o.region.toUpperCase().replace(/-/g, "_")}`, service.url);
      vi.stubEnv("HUAWEICLOUD_SDK_IAM_ENDPOINT", iam.url);
      vi.stubEnv("HUAWEICLOUD_SDK_CREDENTIALS_FILE", path.join(dir, "absent"));
      vi.stubEnv("WS_SDK_METADATA_ENDPOINT", closed);
    });
    afterEach(() => Promise.all([service.close(), iam.close(), metadata.close()]));
    afterEach(() => vi.unstubAllEnvs());

    /** Every request to the service verified by the official signer; the access key and project they carried. */
    const sent = () => {
      expect(service.requests.length).toBeGreaterThan(0);
      return service.requests.map((req) => {
        expect(ring.refusal(req)).toBeUndefined();
        return {
          accessKey: /Access=([^,]+)/.exec(req.headers.authorization ?? "")?.[1],
          inPath: req.url.includes(`/${DISCOVERED}/`) ? DISCOVERED : req.url.includes(`/${FILE_PROJECT}/`) ? FILE_PROJECT : undefined,
          header: req.headers["x-project-id"],
          securityToken: req.headers["x-security-token"],
        };
      });
    };

    it("keys from HUAWEICLOUD_SDK_AK / _SK; the project looked up once (with the SDK's User-Agent) and sent", async () => {
      vi.stubEnv("HUAWEICLOUD_SDK_AK", ENV_KEY.accessKey);
      vi.stubEnv("HUAWEICLOUD_SDK_SK", ENV_KEY.secretKey);
      const call = o.client({ region: o.region });
      await Promise.all([1, 2, 3].map(() => call()));
      for (const s of sent()) {
        expect(s.accessKey).toBe(ENV_KEY.accessKey);
        if (o.projectIn === "path") expect(s).toMatchObject({ inPath: DISCOVERED, header: DISCOVERED });
        else expect(s).toMatchObject({ inPath: undefined, header: DISCOVERED });
      }
      expect(iam.requests).toHaveLength(1);
      // The lookup is the SDK's request too, not the runtime's ("node").
      expect(iam.requests[0]!.headers["user-agent"]).toMatch(/^ws-sdk-js @ws\/[a-z]+\/\S+ /);
    });

    it("keys and project_id from the credentials file's [basic] section (region from HUAWEICLOUD_SDK_REGION)", async () => {
      const file = path.join(dir, "credentials");
      fs.writeFileSync(file, `[basic]\nak = ${FILE_KEY.accessKey}\nsk = ${FILE_KEY.secretKey}\nproject_id = ${FILE_PROJECT}\n`);
      vi.stubEnv("HUAWEICLOUD_SDK_CREDENTIALS_FILE", file);
      vi.stubEnv("HUAWEICLOUD_SDK_REGION", o.region);
      await o.client({})();
      const [s] = sent();
      expect(s).toMatchObject({ accessKey: FILE_KEY.accessKey, header: FILE_PROJECT, ...(o.projectIn === "path" ? { inPath: FILE_PROJECT } : {}) });
      expect(iam.requests).toHaveLength(0);
    });

    it("temporary keys from the ECS metadata service, with their signed security token", async () => {
      vi.stubEnv("WS_SDK_METADATA_ENDPOINT", metadata.url);
      await o.client({ region: o.region })();
      const [s] = sent();
      expect(s).toMatchObject({ accessKey: metadata.issued[0]!.accessKey, securityToken: metadata.issued[0]!.securityToken });
      if (o.projectIn === "path") {
        expect(s!.inPath).toBe(DISCOVERED);
        expect(iam.requests[0]!.headers["x-security-token"]).toBe(metadata.issued[0]!.securityToken);
      }
    });

    it("nothing anywhere: a ConfigurationError listing what was tried, and nothing sent", async () => {
      const error = (await o.client({ region: o.region })().catch((e: unknown) => e)) as Error & { tried?: Array<{ source: string }> };
      expect(error.name).toBe("CredentialsUnavailableError");
      expect(error.message).toMatch(/no credentials found\. Tried environment: .*; profile: no file .*; metadata: the metadata service at .* is unreachable/);
      expect(error.tried?.map((t) => t.source)).toEqual(["environment", "profile", "metadata"]);
      expect(service.requests).toHaveLength(0);
    });
  });
}
