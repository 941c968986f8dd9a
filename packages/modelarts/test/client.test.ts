import { errorSuite, signedRequestSuite, requestExample, responseExample, ruleSuite, useTestServer, type ErrorCase, type RuleCase } from "@ws/testkit";
import { describe, expect, it } from "vitest";
import { resolveBaseUrl } from "@ws/core";
import { ApiError, ConfigurationError, createModelArtsClient, modelArtsEndpoints, ValidationError } from "../src/index.js";

const projectId = "0123456789abcdef0123456789abcdef";
const token = "MIIZ-test-token-value-0123456789";
const server = useTestServer(() => ({ status: 200, body: responseExample("modelarts", "createWorkspace", 200) }));

const client = () => createModelArtsClient({ endpoint: server().url, projectId, credentials: { token }, retryDelayInMs: 1 });

describe("createWorkspace, the document's example", () => {
  it("sends the example request as documented and returns the example response", async () => {
    const body = requestExample("modelarts", "createWorkspace");
    const result = await client().createWorkspace(body);

    expect(result).toEqual(responseExample("modelarts", "createWorkspace", 200));
    expect(server().requests).toHaveLength(1);
    const [sent] = server().requests;
    expect(sent!.method).toBe("POST");
    expect(sent!.url).toBe(`/v1/${projectId}/workspaces`);
    expect(sent!.headers["x-auth-token"]).toBe(token);
    expect(sent!.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(sent!.body)).toEqual(body);
    // the example's own quirk: it sends auth_type "internal" (lower case) and gets "public" back
    expect(JSON.parse(sent!.body).auth_type).toBe("internal");
    expect(result.auth_type).toBe("public");
  });
});

describe("AK/SK signing", () => {
  signedRequestSuite(server, (credentials) => createModelArtsClient({ endpoint: server().url, projectId, credentials }).createWorkspace(requestExample("modelarts", "createWorkspace")), {
    projectId: projectId,
    body: requestExample("modelarts", "createWorkspace"),
  });
});

describe("regions", () => {
  it("maps regions to the documented hosts, with the two exceptions", () => {
    const host = (region: string) => resolveBaseUrl(modelArtsEndpoints, { name: region }, { service: "modelarts", option: "region" });
    expect(host("cn-north-4")).toBe("https://modelarts.cn-north-4.myhuaweicloud.com");
    expect(host("ap-southeast-1")).toBe("https://modelarts.ap-southeast-1.myhuaweicloud.cn");
    expect(host("eu-de")).toBe("https://modelarts.eu-de.otc.t-systems.com");
    expect(Object.keys(modelArtsEndpoints)).toHaveLength(23);
  });

  it("refuses an unknown region and lists the known ones", () => {
    const make = () => createModelArtsClient({ region: "mars-1" as "cn-north-4", projectId, credentials: { token } });
    expect(make).toThrow(ConfigurationError);
    expect(make).toThrow(/unknown region "mars-1".*cn-north-4.*ap-southeast-1.*eu-de/);
  });
});

const valid = { name: "team-a" };
// Every rule of the spec's CreateWorkspaceRequest: a value it refuses and one it accepts.
const rules: RuleCase[] = [
  { rule: "required", field: "name", refused: {}, accepted: { name: "abcd" }, message: /name is required/ },
  { rule: "type", field: "name", refused: { name: 1234 }, accepted: { name: "1234" }, message: /name must be a string \(got number\)/ },
  { rule: "minLength", field: "name", refused: { name: "abc" }, accepted: { name: "abcd" }, message: /name must be at least 4 characters \(got 3\)/ },
  { rule: "maxLength", field: "name", refused: { name: "a".repeat(65) }, accepted: { name: "a".repeat(64) }, message: /name must be at most 64 characters \(got 65\)/ },
  { rule: "pattern", field: "name", refused: { name: "team a!" }, accepted: { name: "Team_a-9" }, message: /name must match/ },
  { rule: "not", field: "name", refused: { name: "default" }, accepted: { name: "default2" }, message: /name must not be "default"/ },
  { rule: "maxLength", field: "description", refused: { ...valid, description: "d".repeat(257) }, accepted: { ...valid, description: "d".repeat(256) }, message: /description must be at most 256/ },
  { rule: "type", field: "enterprise_project_id", refused: { ...valid, enterprise_project_id: 0 }, accepted: { ...valid, enterprise_project_id: "0" }, message: /enterprise_project_id must be a string/ },
  { rule: "enum", field: "auth_type", refused: { ...valid, auth_type: "SECRET" }, accepted: { ...valid, auth_type: "PRIVATE" }, message: /auth_type must be one of "PUBLIC", "PRIVATE", "INTERNAL"/ },
  { rule: "required", field: "grants", refused: { ...valid, auth_type: "INTERNAL" }, accepted: { ...valid, auth_type: "INTERNAL", grants: [{ user_id: "u1" }] }, message: /grants is required \(when auth_type is "INTERNAL" or "internal"\)/ },
  { rule: "minItems", field: "grants", refused: { ...valid, auth_type: "internal", grants: [] }, accepted: { ...valid, auth_type: "internal", grants: [{ user_name: "test" }] }, message: /grants must have at least 1 item/ },
  { rule: "minProperties", field: "grants[0]", refused: { ...valid, grants: [{}] }, accepted: { ...valid, grants: [{ user_name: "bob" }] }, message: /grants\[0\] must set at least 1 of user_id, user_name/ },
  { rule: "minLength", field: "grants[0].user_id", refused: { ...valid, grants: [{ user_id: "" }] }, accepted: { ...valid, grants: [{ user_id: "u" }] }, message: /grants\[0\]\.user_id must not be empty/ },
  { rule: "additionalProperties", field: "authType", refused: { ...valid, authType: "PUBLIC" }, accepted: { ...valid, auth_type: "PUBLIC" }, message: /authType is not a known field \(did you mean auth_type\?\)/ },
  { rule: "additionalProperties", field: "grants[0].id", refused: { ...valid, grants: [{ id: "u" }] }, accepted: { ...valid, grants: [{ user_id: "u" }] }, message: /grants\[0\]\.id is not a known field/ },
];

describe("validation: every documented rule, before anything is sent", () => {
  ruleSuite(server, (body) => client().createWorkspace(body), rules);

  it("accepts every auth_type spelling the document uses", async () => {
    for (const auth_type of ["PUBLIC", "PRIVATE", "public", "private"] as const) {
      await client().createWorkspace({ name: "team-a", auth_type });
    }
    expect(server().requests).toHaveLength(4);
  });

  it("reports every broken rule at once", async () => {
    const error = (await client()
      .createWorkspace({ name: "x", description: "d".repeat(300), auth_type: "nope" } as never)
      .catch((e: unknown) => e)) as ValidationError;
    expect(error.issues.map((i) => `${i.path}:${i.rule}`)).toEqual(["name:minLength", "description:maxLength", "auth_type:enum"]);
  });

  it("refuses a project id that would leave the path, and encodes one that only looks odd", async () => {
    for (const bad of ["", "..", "."]) {
      const c = createModelArtsClient({ endpoint: server().url, projectId: bad, credentials: { token } });
      await expect(c.createWorkspace(valid)).rejects.toBeInstanceOf(ValidationError);
    }
    expect(server().requests).toHaveLength(0);
    const c = createModelArtsClient({ endpoint: server().url, projectId: "../admin", credentials: { token } });
    await c.createWorkspace(valid);
    expect(server().requests[0]!.url).toBe("/v1/..%2Fadmin/workspaces");
  });
});

describe("errors", () => {
  const cases: ErrorCase[] = [
    {
      what: "ModelArts error body",
      reply: { status: 400, headers: { "x-request-id": "req-400" }, body: { error_code: "ModelArts.7001", error_msg: "Workspace name already exists." } },
      expected: { provider: "modelarts", operation: "createWorkspace", attempts: 1, status: 400, code: "ModelArts.7001", requestId: "req-400", fault: "client", outcomeUnknown: false },
      message: /HTTP 400: ModelArts\.7001: Workspace name already exists\. \[request id req-400\]/,
    },
    {
      what: "gateway error with APIG. prefix",
      reply: { status: 401, body: { error_code: "APIG.0301", error_msg: "Incorrect IAM authentication information: decrypt token fail", request_id: "gw-1" } },
      expected: { status: 401, code: "APIG.0301", requestId: "gw-1", fault: "client" },
      message: /APIG\.0301: Incorrect IAM authentication information/,
    },
    {
      what: "HTML page from a proxy (502)",
      reply: { status: 502, headers: { "content-type": "text/html" }, body: "<html><head><title>502</title></head><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>" },
      expected: { status: 502, code: undefined, fault: "server", outcomeUnknown: true, body: undefined },
      message: /HTTP 502: 502 502 Bad Gateway nginx.*may have been processed/,
    },
    {
      what: "IAM-style nested error",
      reply: { status: 403, body: { error: { code: "403", message: "X-Auth-Token is invalid in the request", title: "Forbidden" } } },
      expected: { status: 403, code: "403" },
      message: /403: X-Auth-Token is invalid in the request/,
    },
  ];

  errorSuite(server, () => client().createWorkspace(valid), cases);

  it("compares gateway codes across the APIG./APIGW. spelling", async () => {
    server().handle(() => ({ status: 403, body: { error_code: "APIG.0302", error_msg: "not authorised" } }));
    const error = (await client().createWorkspace(valid).catch((e: unknown) => e)) as ApiError;
    expect(error.hasCode("APIGW.0302")).toBe(true);
    expect(error.hasCode("APIG.0302")).toBe(true);
    expect(error.hasCode("APIGW.0303")).toBe(false);
  });

  it("never puts the token in the error", async () => {
    server().handle((req) => ({ status: 401, body: { error_code: "APIGW.0301", error_msg: `token ${req.headers["x-auth-token"]} is invalid` } }));
    const error = await client().createWorkspace(valid).catch((e: unknown) => e);
    const { inspect } = await import("node:util");
    for (const text of [String(error), (error as Error).stack ?? "", JSON.stringify(error), inspect(error, { depth: 5 }), inspect(error, { showHidden: true, depth: 5 })]) {
      expect(text).not.toContain(token);
    }
    expect((error as ApiError).message).toContain("[REDACTED]");
  });
});
