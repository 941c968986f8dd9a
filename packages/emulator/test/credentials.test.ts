// Where an SDK finds credentials and a project without being given them: IAM's
// GET /v3/projects (the project of a region), the ECS metadata service (session
// token, then temporary AK/SK and security token), and the gateway accepting
// those temporary keys only with their signed security token, until they expire.
// Requests are plain fetch calls signed with core's signer, as the SDK signs them.
import { createSigner } from "@ws/core";
import { manualClock, type ManualClock } from "@ws/testkit";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../src/index.js";

interface SignOptions {
  accessKey: string;
  secretKey: string;
  securityToken?: string | undefined;
  /** Default true: the security token is set before signing, so it is signed. */
  signSecurityToken?: boolean;
  projectId?: string | undefined;
  domainId?: string | undefined;
  method?: string;
  body?: string | undefined;
}

async function signedFetch(url: string, o: SignOptions): Promise<{ status: number; body: any; text: string }> {
  const headers: Record<string, string> = {};
  if (o.body !== undefined) headers["content-type"] = "application/json";
  if (o.projectId !== undefined) headers["x-project-id"] = o.projectId;
  if (o.domainId !== undefined) headers["x-domain-id"] = o.domainId;
  if (o.securityToken !== undefined && o.signSecurityToken !== false) headers["x-security-token"] = o.securityToken;
  const request = { method: o.method ?? "GET", url, headers, body: o.body };
  await createSigner(o.accessKey, o.secretKey).sign(request, new Date());
  if (o.securityToken !== undefined && o.signSecurityToken === false) headers["x-security-token"] = o.securityToken;
  const response = await fetch(url, { method: request.method, headers, body: o.body });
  const text = await response.text();
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: response.status, body, text };
}

/** PUT the session-token request; `ttl` null: without X-Metadata-Token-Ttl-Seconds. */
async function metadataToken(endpoint: string, ttl: string | null = "21600"): Promise<Response> {
  return fetch(`${endpoint}/meta-data/latest/api/token`, { method: "PUT", headers: ttl === null ? {} : { "X-Metadata-Token-Ttl-Seconds": ttl } });
}

async function securityKey(endpoint: string, token?: string): Promise<Response> {
  return fetch(`${endpoint}/openstack/latest/securitykey`, { headers: token === undefined ? {} : { "X-Metadata-Token": token } });
}

/** Temporary keys from the metadata service, the way the SDK gets them (token first). */
async function temporaryKeys(e: Emulator): Promise<{ accessKey: string; secretKey: string; securityToken: string; expiresAt: string }> {
  const token = await (await metadataToken(e.metadataEndpoint)).text();
  const response = await securityKey(e.metadataEndpoint, token);
  expect(response.status).toBe(200);
  const { credential } = (await response.json()) as { credential: { access: string; secret: string; securitytoken: string; expires_at: string } };
  return { accessKey: credential.access, secretKey: credential.secret, securityToken: credential.securitytoken, expiresAt: credential.expires_at };
}

let emu: Emulator;
let clock: ManualClock;
// Each test has its own emulator, on a clock that moves only when the test moves it: a
// session token or a key expires at a step of the test, never because the machine was slow.
beforeEach(async () => {
  clock = manualClock();
  emu = await startEmulator({
    clock,
    accounts: [{ projects: [{ name: "ap-southeast-1" }, { name: "cn-north-4", id: "second-cn-north-4-project" }, { name: "la-south-2", enabled: false }] }],
  });
});
afterEach(() => emu.close());

const permanent = () => ({ accessKey: emu.credentials.accessKey, secretKey: emu.credentials.secretKey });
const projects = (query = "", extra: Partial<SignOptions> = {}) => signedFetch(`${emu.iamEndpoint}/v3/projects${query}`, { ...permanent(), ...extra });

describe("IAM GET /v3/projects", () => {
  it("answers the region's project in IAM's KeystoneListProjects shape", async () => {
    const e = await startEmulator();
    try {
      expect(e.iamEndpoint).toBe(e.url);
      const { status, body } = await signedFetch(`${e.iamEndpoint}/v3/projects?name=cn-north-4`, { accessKey: e.credentials.accessKey, secretKey: e.credentials.secretKey });
      expect(status).toBe(200);
      expect(body).toEqual({
        projects: [
          {
            id: e.credentials.projectId,
            name: "cn-north-4",
            domain_id: e.credentials.domainId,
            description: "",
            enabled: true,
            is_domain: false,
            parent_id: e.credentials.domainId,
            links: { self: `${e.url}/v3/projects/${e.credentials.projectId}`, previous: null, next: null },
          },
        ],
        links: { self: `${e.url}/v3/projects?name=cn-north-4`, previous: null, next: null },
      });
      expect(e.requests("iam")).toBe(1);
      expect(e.requests("iam:projects")).toBe(1);
    } finally {
      await e.close();
    }
  });

  it("by region: one project, none, or several; without name: all of the account's", async () => {
    const one = await projects("?name=ap-southeast-1");
    expect(one.body.projects).toHaveLength(1);
    expect(one.body.projects[0]).toMatchObject({ name: "ap-southeast-1", id: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(emu.credentials.projects?.[0]?.id).toBe(one.body.projects[0].id);

    const none = await projects("?name=eu-west-101");
    expect(none).toMatchObject({ status: 200, body: { projects: [] } });

    const several = await projects("?name=cn-north-4");
    expect(several.body.projects.map((p: { id: string }) => p.id)).toEqual([emu.credentials.projectId, "second-cn-north-4-project"]);

    const all = await projects();
    expect(all.body.projects.map((p: { name: string }) => p.name)).toEqual(["cn-north-4", "ap-southeast-1", "cn-north-4", "la-south-2"]);
    expect(all.body.projects[3]).toMatchObject({ enabled: false });
    expect((await projects("?enabled=true")).body.projects).toHaveLength(3);
    expect((await projects(`?domain_id=${emu.credentials.domainId}&name=ap-southeast-1`)).body.projects).toHaveLength(1);
    expect((await projects("?domain_id=someone-else")).body.projects).toEqual([]);
    expect((await projects("?page=2&per_page=3")).body.projects.map((p: { name: string }) => p.name)).toEqual(["la-south-2"]);
    expect(await projects("?per_page=0&page=1")).toMatchObject({ status: 400, body: { error: { code: 400 } } });
    expect(emu.requests("iam:projects")).toBe(9);
  });

  it("signed as the SDK's global credentials sign it (X-Domain-Id), or with an IAM token; refused otherwise", async () => {
    expect((await projects("?name=cn-north-4", { domainId: emu.credentials.domainId })).status).toBe(200);
    expect(await projects("?name=cn-north-4", { domainId: "not-the-account" })).toMatchObject({ status: 401, body: { error_code: "APIGW.0301" } });
    expect(await projects("?name=cn-north-4", { secretKey: "wrong" })).toMatchObject({ status: 401, body: { error_code: "APIGW.0301" } });
    const unsigned = await fetch(`${emu.iamEndpoint}/v3/projects?name=cn-north-4`);
    expect(unsigned.status).toBe(401);
    expect(await unsigned.json()).toMatchObject({ error_code: "APIGW.0301", error_msg: expect.stringContaining("x-auth-token not found") });
    expect((await fetch(`${emu.iamEndpoint}/v3/projects`, { method: "POST" })).status).toBe(404);

    // A password token scoped by region name: the region's project, including an extra one.
    const { username, password, domainName } = emu.credentials;
    const tokenResponse = await fetch(`${emu.iamEndpoint}/v3/auth/tokens`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ auth: { identity: { methods: ["password"], password: { user: { name: username, password, domain: { name: domainName } } } }, scope: { project: { name: "ap-southeast-1" } } } }),
    });
    expect(tokenResponse.status).toBe(201);
    expect(((await tokenResponse.json()) as any).token.project).toMatchObject({ id: emu.credentials.projects![0]!.id, name: "ap-southeast-1" });
    const token = tokenResponse.headers.get("x-subject-token")!;
    const listed = await fetch(`${emu.iamEndpoint}/v3/projects?name=ap-southeast-1`, { headers: { "X-Auth-Token": token } });
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as any).projects[0].id).toBe(emu.credentials.projects![0]!.id);
    expect(emu.requests("iam")).toBe(7);
    expect(emu.requests("iam:tokens")).toBe(1);
  });

  it("a project found that way is one the services accept (X-Project-Id and path); a disabled one is not", async () => {
    const found = (await projects("?name=ap-southeast-1")).body.projects[0].id as string;
    const url = `${emu.url}/v1/${found}/workspaces`;
    const created = await signedFetch(url, { ...permanent(), projectId: found, method: "POST", body: JSON.stringify({ name: "in-ap-southeast-1" }) });
    expect(created.status, created.text).toBe(200);
    const listed = await signedFetch(url, { ...permanent(), projectId: found });
    expect(listed.body).toMatchObject({ count: 1, workspaces: [{ name: "in-ap-southeast-1" }] });
    // the account's own project does not see it
    const own = await signedFetch(`${emu.url}/v1/${emu.credentials.projectId}/workspaces`, permanent());
    expect(own.body).toMatchObject({ count: 0 });
    const disabled = emu.credentials.projects![2]!.id;
    expect(await signedFetch(`${emu.url}/v1/${disabled}/workspaces`, { ...permanent(), projectId: disabled })).toMatchObject({ status: 403, body: { error_code: "APIGW.0310" } });
  });
});

describe("ECS metadata service", () => {
  it("is on the same server; the session token needs X-Metadata-Token-Ttl-Seconds and is plain text", async () => {
    expect(emu.metadataEndpoint).toBe(emu.url);
    expect((await metadataToken(emu.metadataEndpoint, null)).status).toBe(400);
    expect((await metadataToken(emu.metadataEndpoint, "21601")).status).toBe(400);
    expect((await metadataToken(emu.metadataEndpoint, "abc")).status).toBe(400);
    expect((await fetch(`${emu.metadataEndpoint}/meta-data/latest/api/token`)).status).toBe(405);
    const response = await metadataToken(emu.metadataEndpoint);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await response.text()).toMatch(/^\S+$/);
  });

  it("tokens required (default): securitykey answers 401 without a token, with a wrong or an expired one", async () => {
    expect((await securityKey(emu.metadataEndpoint)).status).toBe(401);
    expect((await securityKey(emu.metadataEndpoint, "not-a-token")).status).toBe(401);
    const shortLived = await (await metadataToken(emu.metadataEndpoint, "1")).text();
    expect((await securityKey(emu.metadataEndpoint, shortLived)).status).toBe(200);
    clock.advance(1_000); // its second is over
    const expired = await securityKey(emu.metadataEndpoint, shortLived);
    expect(expired.status).toBe(401);
    expect(await expired.text()).not.toContain("Please configure Cloud Service Agency first"); // so a client asks for a new token

    const token = await (await metadataToken(emu.metadataEndpoint)).text();
    const response = await securityKey(emu.metadataEndpoint, token);
    expect(response.status).toBe(200);
    const body = (await response.json()) as any;
    expect(body).toEqual({
      credential: {
        access: expect.stringMatching(/^[A-Z0-9]{20}$/),
        secret: expect.any(String),
        securitytoken: expect.any(String),
        expires_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/),
      },
    });
    // default lifetime: 15 minutes
    expect(Date.parse(body.credential.expires_at) - clock()).toBe(15 * 60_000);
    expect(emu.requests("metadata")).toBe(7);
    expect(emu.requests("metadata:token")).toBe(2);
    expect(emu.requests("metadata:securitykey")).toBe(5);
  });

  it("tokens optional: securitykey answers without one, but not with a wrong one", async () => {
    emu.setMetadata({ tokens: "optional" });
    expect((await securityKey(emu.metadataEndpoint)).status).toBe(200);
    expect((await securityKey(emu.metadataEndpoint, "not-a-token")).status).toBe(401);
    expect((await securityKey(emu.metadataEndpoint, await (await metadataToken(emu.metadataEndpoint)).text())).status).toBe(200);
  });

  it.each([404, 405] as const)("no token route (%i): the token request answers it, securitykey answers without a token", async (status) => {
    emu.setMetadata({ tokens: status });
    expect((await metadataToken(emu.metadataEndpoint)).status).toBe(status);
    expect((await securityKey(emu.metadataEndpoint)).status).toBe(200);
    expect((await securityKey(emu.metadataEndpoint, "anything")).status).toBe(200);
    expect(emu.requests("metadata:token")).toBe(1);
    expect(emu.requests("metadata:securitykey")).toBe(2);
  });

  it("without an agency: 401 with the text the SDKs look for", async () => {
    emu.setMetadata({ agency: false });
    const response = await securityKey(emu.metadataEndpoint, await (await metadataToken(emu.metadataEndpoint)).text());
    expect(response.status).toBe(401);
    expect(await response.text()).toContain("Please configure Cloud Service Agency first");
  });

  it("failing: a configured status or dropped connections for every request, or an injected fault for the next", async () => {
    emu.setMetadata({ failure: 503 });
    expect((await metadataToken(emu.metadataEndpoint)).status).toBe(503);
    expect((await securityKey(emu.metadataEndpoint)).status).toBe(503);
    emu.setMetadata({ failure: "drop" });
    await expect(metadataToken(emu.metadataEndpoint)).rejects.toThrow();
    await expect(securityKey(emu.metadataEndpoint)).rejects.toThrow();
    emu.setMetadata({ failure: undefined });
    emu.inject({ kind: "unavailable", provider: "metadata" });
    expect((await metadataToken(emu.metadataEndpoint)).status).toBe(503);
    expect((await metadataToken(emu.metadataEndpoint)).status).toBe(200);
    emu.inject({ kind: "drop", provider: "metadata", afterProcessing: false });
    await expect(securityKey(emu.metadataEndpoint)).rejects.toThrow();
    expect(emu.requests("metadata")).toBe(7);
    // through the admin route too (null: no failure)
    await fetch(`${emu.url}/__emulator/metadata`, { method: "POST", body: JSON.stringify({ failure: 500 }) });
    expect((await metadataToken(emu.metadataEndpoint)).status).toBe(500);
    const settings = await fetch(`${emu.url}/__emulator/metadata`, { method: "POST", body: JSON.stringify({ failure: null }) });
    expect(await settings.json()).toEqual({ tokens: "required", agency: true, account: 0 });
    expect((await metadataToken(emu.metadataEndpoint)).status).toBe(200);
    expect(() => emu.setMetadata({ tokens: 401 as never })).toThrow(/metadata.tokens/);
  });

  it("counts its requests until reset", async () => {
    await temporaryKeys(emu);
    await temporaryKeys(emu);
    expect(emu.requests("metadata")).toBe(4);
    expect(emu.requests("metadata:securitykey")).toBe(2);
    expect(await (await fetch(`${emu.url}/__emulator/requests`)).json()).toMatchObject({ metadata: 4, "metadata:token": 2, "metadata:securitykey": 2 });
    emu.reset();
    expect(emu.requests("metadata")).toBe(0);
  });
});

describe("temporary keys at the gateway", () => {
  const modelarts = (e: Emulator) => `${e.url}/v1/${e.credentials.projectId}/workspaces`;

  it("are accepted with their signed X-Security-Token, as the account they were issued for", async () => {
    await signedFetch(modelarts(emu), { ...permanent(), method: "POST", body: JSON.stringify({ name: "made-with-the-permanent-key" }) });
    const keys = await temporaryKeys(emu);
    const listed = await signedFetch(modelarts(emu), { ...keys, projectId: emu.credentials.projectId });
    expect(listed.status, listed.text).toBe(200);
    expect(listed.body).toMatchObject({ count: 1, workspaces: [{ name: "made-with-the-permanent-key" }] });
    const own = await signedFetch(`${emu.iamEndpoint}/v3/projects?name=cn-north-4`, keys);
    expect(own.body.projects[0]).toMatchObject({ id: emu.credentials.projectId, domain_id: emu.credentials.domainId });
    // a second key pair is another, equally valid one
    const again = await temporaryKeys(emu);
    expect(again.accessKey).not.toBe(keys.accessKey);
    expect((await signedFetch(modelarts(emu), again)).status).toBe(200);
    expect((await signedFetch(modelarts(emu), keys)).status).toBe(200);
  });

  it("are refused without their security token, with it unsigned or with another one; a permanent key takes none", async () => {
    const keys = await temporaryKeys(emu);
    const other = await temporaryKeys(emu);
    const refused = { status: 401, body: { error_code: "APIGW.0301", error_msg: expect.stringContaining("Incorrect IAM authentication information") } };
    expect(await signedFetch(modelarts(emu), { ...keys, securityToken: undefined })).toMatchObject(refused);
    expect(await signedFetch(modelarts(emu), { ...keys, signSecurityToken: false })).toMatchObject(refused);
    expect(await signedFetch(modelarts(emu), { ...keys, securityToken: other.securityToken })).toMatchObject(refused);
    expect(await signedFetch(modelarts(emu), { ...permanent(), securityToken: keys.securityToken })).toMatchObject(refused);
    expect(await signedFetch(modelarts(emu), { ...keys, secretKey: other.secretKey })).toMatchObject(refused);
    expect((await signedFetch(modelarts(emu), permanent())).status).toBe(200);
  });

  it("are refused once expired: after their lifetime, or at once with expireTemporaryCredentials()", async () => {
    const own = manualClock();
    const e = await startEmulator({ clock: own, temporaryCredentialsTtlInMs: 300, metadata: { tokens: 404 } });
    try {
      const response = await securityKey(e.metadataEndpoint);
      const { credential } = (await response.json()) as any;
      const keys = { accessKey: credential.access, secretKey: credential.secret, securityToken: credential.securitytoken };
      expect(Date.parse(credential.expires_at) - own()).toBe(300);
      own.advance(299);
      expect((await signedFetch(modelarts(e), keys)).status).toBe(200);
      own.advance(1);
      const expired = await signedFetch(modelarts(e), keys);
      expect(expired).toMatchObject({ status: 401, body: { error_code: "APIGW.0301", error_msg: expect.stringMatching(/security token expires, expires_at: /) } });
      expect(expired.text).not.toContain(keys.securityToken);
      expect(expired.text).not.toContain(keys.secretKey);
    } finally {
      await e.close();
    }

    const keys = await temporaryKeys(emu);
    expect((await signedFetch(modelarts(emu), keys)).status).toBe(200);
    emu.expireTemporaryCredentials();
    expect(await signedFetch(modelarts(emu), keys)).toMatchObject({ status: 401, body: { error_code: "APIGW.0301" } });
    // new ones work again
    expect((await signedFetch(modelarts(emu), await temporaryKeys(emu))).status).toBe(200);
  });

  it("belong to the account metadata.account names", async () => {
    const e = await startEmulator({ accounts: [{}, { projectName: "ap-southeast-3" }], metadata: { account: 1 } });
    try {
      const keys = await temporaryKeys(e);
      const second = e.accounts[1]!;
      const listed = await signedFetch(`${e.iamEndpoint}/v3/projects`, keys);
      expect(listed.body.projects).toEqual([expect.objectContaining({ id: second.projectId, name: "ap-southeast-3", domain_id: second.domainId })]);
      expect((await signedFetch(`${e.url}/v1/${second.projectId}/workspaces`, keys)).status).toBe(200);
      expect((await signedFetch(`${e.url}/v1/${e.accounts[0]!.projectId}/workspaces`, keys)).status).toBe(403);
    } finally {
      await e.close();
    }
  });
});
