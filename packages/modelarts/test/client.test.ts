import { modelartsRules, modelartsValid, errorSuite, signedRequestSuite, requestExample, responseExample, ruleSuite, useTestServer, type ErrorCase } from "@ws/testkit";
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

const valid = modelartsValid;

describe("validation: every documented rule, before anything is sent", () => {
  ruleSuite(server, (body) => client().createWorkspace(body), modelartsRules);

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
