// --profile: credentials from a section of the credentials file, never from a flag.
import { startEmulator, type Emulator } from "@ws/emulator";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanEnv, expectNoSecrets, ws, type Env } from "./helpers.js";

// The credential chain (fromProfile) is what --profile uses; without it --profile is a configuration error.

let emulator: Emulator;
let env: Env;
let file: string;
beforeAll(async () => {
  emulator = await startEmulator();
  const a = emulator.credentials;
  file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ws-cli-profile-")), "credentials");
  fs.writeFileSync(file, `[basic]\nak = NOT-THIS-ONE-0000\nsk = not-this-secret-0000\n\n[emulator]\nak = ${a.accessKey}\nsk = ${a.secretKey}\n`);
  // No HUAWEICLOUD_SDK_AK/SK: the keys are in the file only.
  env = await cleanEnv({ WS_ENDPOINT: emulator.url, WS_PROJECT_ID: a.projectId, HUAWEICLOUD_SDK_CREDENTIALS_FILE: file });
});
afterAll(async () => {
  expectNoSecrets([emulator.credentials.secretKey, "not-this-secret-0000"]);
  await emulator.close();
});

describe("--profile", () => {
  it("signs with the keys of that section of the credentials file", async () => {
    const result = await ws(["modelarts", "create-workspace", "--name", "from-profile", "--profile", "emulator", "--query", "name", "-o", "text"], env);
    expect(result).toMatchObject({ code: 0, stdout: "from-profile\n", stderr: "" });
  });

  it("an unknown section is a configuration error (exit 2), naming the file, not its keys", async () => {
    const result = await ws(["modelarts", "list-workspaces", "--profile", "nope"], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^(CredentialsUnavailableError|ConfigurationError): /);
  });


  it("--dry-run with keys that only the metadata service would give: nothing is asked, nothing sent (exit 2)", async () => {
    const before = emulator.requests("metadata") + emulator.requests("modelarts") + emulator.requests("iam");
    const result = await ws(["modelarts", "list-workspaces", "--dry-run"], { ...env, HUAWEICLOUD_SDK_CREDENTIALS_FILE: `${file}.none`, WS_SDK_METADATA_ENDPOINT: emulator.url });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ws: --dry-run: the request needs an answer from IAM or the ECS metadata service first/);
    expect(emulator.requests("metadata") + emulator.requests("modelarts") + emulator.requests("iam")).toBe(before);
  });
});
