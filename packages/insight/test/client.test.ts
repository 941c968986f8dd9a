import { resolveBaseUrl } from "@ws/core";
import { insightRules, insightValid, errorSuite, signedRequestSuite, requestExample, responseExample, ruleSuite, useTestServer, type ErrorCase } from "@ws/testkit";
import { describe, expect, it } from "vitest";
import { ApiError, createInsightClient, insightEndpoints } from "../src/index.js";

const projectId = "0123456789abcdef0123456789abcdef";
const instanceId = "0d2c7d17c41c414dabaa08f47c7d0a1b";
const token = "MIIZ-insight-token-0123456789";
const server = useTestServer(() => ({ status: 200, body: responseExample("insight", "createWorkspace", 200) }));

const client = () => createInsightClient({ endpoint: server().url, projectId, instanceId, credentials: { token } });

describe("createWorkspace, the document's example", () => {
  it("sends the example request as documented and returns the example response", async () => {
    const body = requestExample("insight", "createWorkspace");
    const result = await client().createWorkspace(body);
    expect(result).toEqual(responseExample("insight", "createWorkspace", 200));
    const [sent] = server().requests;
    expect(server().requests).toHaveLength(1);
    expect(sent!.method).toBe("POST");
    expect(sent!.url).toBe(`/v1/${projectId}/instances/${instanceId}/workspaces`);
    expect(sent!.headers["x-auth-token"]).toBe(token);
    expect(sent!.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(sent!.body)).toEqual(body);
    // the example's name has a space although error 24150000 speaks of letters, digits, _ and -
    expect(body.name).toBe("Test name");
  });

  it("encodes the instance id as one path segment", async () => {
    await createInsightClient({ endpoint: server().url, projectId, instanceId: "a/b c", credentials: { token } }).createWorkspace({
      name: "ws",
      eps_id: "0",
    });
    expect(server().requests[0]!.url).toBe(`/v1/${projectId}/instances/a%2Fb%20c/workspaces`);
  });
});

describe("AK/SK signing", () => {
  signedRequestSuite(server, (credentials) => createInsightClient({ endpoint: server().url, projectId, instanceId, credentials }).createWorkspace(requestExample("insight", "createWorkspace")), {
    projectId: projectId,
    body: requestExample("insight", "createWorkspace"),
  });
});

describe("regions", () => {
  it("maps the five documented regions", () => {
    expect(Object.keys(insightEndpoints)).toEqual(["cn-north-4", "cn-north-9", "cn-east-3", "cn-south-1", "cn-southwest-2"]);
    expect(resolveBaseUrl(insightEndpoints, { name: "cn-east-3" }, { service: "insight", option: "region" })).toBe(
      "https://dataartsinsight.cn-east-3.myhuaweicloud.com",
    );
  });
});

const valid = insightValid;

describe("validation: every documented rule, before anything is sent", () => {
  ruleSuite(server, (body) => client().createWorkspace(body), insightRules);
});

describe("errors", () => {
  const cases: ErrorCase[] = [
    {
      what: "name already taken",
      reply: { status: 400, headers: { "x-request-id": "ins-1" }, body: { error_code: "DataArtsInsight.24150001", error_msg: "The workspace name already exists." } },
      expected: { status: 400, code: "DataArtsInsight.24150001", requestId: "ins-1", outcomeUnknown: false },
      message: /24150001/,
    },
    {
      what: "quota reached",
      reply: { status: 400, body: { error_code: "DataArtsInsight.24150003", error_msg: "The number of workspaces has reached the upper limit." } },
      expected: { status: 400, code: "DataArtsInsight.24150003" },
    },
    {
      what: "gateway throttling without retries left",
      reply: { status: 429, body: { error_code: "APIGW.0308", error_msg: "The throttling threshold has been reached: policy user over ratelimit,limit:5,time:5 second" } },
      expected: { status: 429, code: "APIGW.0308", retryAfterInMs: 5000 },
    },
  ];
  errorSuite(server, () => createInsightClient({ endpoint: server().url, projectId, instanceId, credentials: { token }, maxRetries: 0 }).createWorkspace(valid), cases);

  it("matches the table's bare numbers against the prefixed codes", async () => {
    server().handle(() => ({ status: 400, body: { error_code: "DataArtsInsight.24150001", error_msg: "taken" } }));
    const error = (await client().createWorkspace(valid).catch((e: unknown) => e)) as ApiError;
    expect(error.hasCode("24150001")).toBe(true);
    expect(error.hasCode("24150003")).toBe(false);
  });
});
