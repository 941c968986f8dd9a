// Browsers and workers get `#fs`'s portable build (package.json "imports",
// default condition): no file system, so no credentials file, and the chain
// says so instead of failing to load node:fs.
import { closedUrl } from "@ws/testkit";
import { afterEach, describe, expect, it, vi } from "vitest";

vi.mock("#fs", () => import("../src/credentials/fs/web.js"));

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("without a file system", () => {
  it("the profile provider gives nothing, saying why, and the chain goes on", async () => {
    const { fromProfile, defaultCredentials, CredentialsUnavailableError } = await import("../src/index.js");
    vi.stubEnv("HUAWEICLOUD_SDK_CREDENTIALS_FILE", "/etc/hosts"); // exists, but cannot be read here
    const error = await Promise.resolve().then(fromProfile()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsUnavailableError);
    expect((error as Error).message).toBe("No credentials from the profile: no file system in this runtime.");
    vi.stubEnv("HUAWEICLOUD_SDK_AK", "");
    vi.stubEnv("WS_SDK_METADATA_ENDPOINT", await closedUrl());
    const chain = (await Promise.resolve().then(defaultCredentials()).catch((e: unknown) => e)) as InstanceType<typeof CredentialsUnavailableError>;
    expect(chain.tried.map((t) => `${t.source}: ${t.reason.slice(0, 40)}`)).toEqual([
      expect.stringMatching(/^environment: HUAWEICLOUD_SDK_AK/),
      "profile: no file system in this runtime",
      expect.stringMatching(/^metadata: the metadata service at http/),
    ]);
  });

  it("a client needs its region from the code or the environment", async () => {
    const { createHuaweiService, ConfigurationError } = await import("../src/index.js");
    const make = () => createHuaweiService<{}, string>({ provider: "modelarts", endpoints: { "cn-north-4": "https://modelarts.cn-north-4.myhuaweicloud.com" }, options: { credentials: { token: "t0ken-0123456789" } } });
    vi.stubEnv("HUAWEICLOUD_SDK_REGION", "");
    expect(make).toThrow(ConfigurationError);
    vi.stubEnv("HUAWEICLOUD_SDK_REGION", "cn-north-4");
    expect(make).not.toThrow();
  });
});
