import { resolveBaseUrl } from "@ws/core";
import { resRules, resValid, errorSuite, signedRequestSuite, requestExample, responseExample, ruleSuite, useTestServer, type ErrorCase } from "@ws/testkit";
import { describe, expect, it } from "vitest";
import { ApiError, ConfigurationError, createResClient, resEndpoints } from "../src/index.js";

const projectId = "testuuidxxxxxxxxxxxxxxxxxxxxxxxx";
const token = "MIIZ-res-token-0123456789";
const server = useTestServer(() => ({ status: 200, body: responseExample("res", "createWorkspace", 200) }));

const client = () => createResClient({ endpoint: server().url, projectId, credentials: { token } });

describe("createWorkspace, the document's example", () => {
  it("sends the example request as documented and returns the example response", async () => {
    const body = requestExample("res", "createWorkspace");
    const result = await client().createWorkspace(body);
    expect(result).toEqual({ is_success: true, message: "Succeed to create workspace." });
    const [sent] = server().requests;
    expect(server().requests).toHaveLength(1);
    expect(sent!.method).toBe("POST");
    expect(sent!.url).toBe(`/v2.0/${projectId}/workspaces`);
    expect(sent!.headers["x-auth-token"]).toBe(token);
    expect(sent!.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(sent!.body)).toEqual(body);
  });
});

describe("AK/SK signing", () => {
  signedRequestSuite(server, (credentials) => createResClient({ endpoint: server().url, projectId, credentials }).createWorkspace(requestExample("res", "createWorkspace")), {
    projectId: projectId,
    body: requestExample("res", "createWorkspace"),
  });
});

describe("regions", () => {
  it("knows cn-north-4 and nothing it cannot vouch for", () => {
    expect(resolveBaseUrl(resEndpoints, { name: "cn-north-4" }, { service: "res", option: "region" })).toBe(
      "https://res.cn-north-4.myhuaweicloud.com",
    );
    expect(() => createResClient({ region: "cn-east-3" as "cn-north-4", projectId, credentials: { token } })).toThrow(
      ConfigurationError,
    );
  });
});

const valid = resValid;

describe("validation: every documented rule, before anything is sent", () => {
  ruleSuite(server, (body) => client().createWorkspace(body), resRules);
});

describe("errors", () => {
  const cases: ErrorCase[] = [
    {
      what: "is_success false on HTTP 200, error_msg (error-code page)",
      reply: { status: 200, headers: { "x-request-id": "r-200" }, body: responseExample("res", "createWorkspace", 200, "failedOn200") },
      expected: { status: 200, code: "res.2301", requestId: "r-200", outcomeUnknown: false },
      message: /res\.2301: Failed to resolve the token from the request\./,
    },
    {
      what: "is_success false on HTTP 200, message (SDK models)",
      reply: { status: 200, body: { is_success: false, error_code: "RES.1002", message: "Basic error" } },
      expected: { status: 200, code: "RES.1002", outcomeUnknown: false },
      message: /RES\.1002: Basic error/,
    },
    {
      what: "HTTP 400 RES error",
      reply: { status: 400, body: responseExample("res", "createWorkspace", 400, "invalidParameter") },
      expected: { status: 400, code: "RES.1001", fault: "client" },
      message: /RES\.1001/,
    },
    {
      what: "HTTP 500 RES error on a create",
      reply: { status: 500, body: { is_success: false, error_code: "RES.3007", error_msg: "DLI server error" } },
      expected: { status: 500, code: "RES.3007", fault: "server", outcomeUnknown: true },
      message: /may have been processed/,
    },
    {
      what: "a 200 that is not the documented object",
      reply: { status: 200, body: "OK" },
      expected: { status: 200, outcomeUnknown: true },
      message: /not valid JSON/,
    },
  ];
  errorSuite(server, () => client().createWorkspace(valid), cases);

  it("compares RES codes without regard to case", async () => {
    server().handle(() => ({ status: 200, body: { is_success: false, error_code: "res.2301", error_msg: "token" } }));
    const error = (await client().createWorkspace(valid).catch((e: unknown) => e)) as ApiError;
    expect(error.hasCode("RES.2301")).toBe(true);
    expect(error.hasCode("res.2301")).toBe(true);
  });
});
