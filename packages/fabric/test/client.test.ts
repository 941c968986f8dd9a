import { resolveBaseUrl } from "@ws/core";
import { fabricRules, fabricValid, errorSuite, signedRequestSuite, loadSpec, requestExample, responseExample, ruleSuite, useTestServer, type ErrorCase } from "@ws/testkit";
import { describe, expect, it } from "vitest";
import { ApiError, createFabricClient, fabricEndpoints, NotFoundError, ValidationError } from "../src/index.js";

const token = "MIIZ-fabric-token-0123456789";
const server = useTestServer(() => ({ status: 200, headers: { "X-request-id": "fab-1" }, body: responseExample("fabric", "createWorkspace", 200) }));

const client = () => createFabricClient({ endpoint: server().url, credentials: { token } });

describe("createWorkspace, the document's example", () => {
  it("sends the example request as documented and returns the example response", async () => {
    const body = requestExample("fabric", "createWorkspace");
    const result = await client().createWorkspace(body);
    // returned as the service sends it: enterprise_project_id is the number 0 although documented as a string
    expect(result).toEqual(responseExample("fabric", "createWorkspace", 200));
    expect(result.enterprise_project_id).toBe(0);
    const [sent] = server().requests;
    expect(server().requests).toHaveLength(1);
    expect(sent!.method).toBe("POST");
    expect(sent!.url).toBe("/v1/workspaces");
    expect(sent!.headers["x-auth-token"]).toBe(token);
    expect(JSON.parse(sent!.body)).toEqual(body);
  });

  it("refuses the document's literal example: its metastore_id placeholder is shorter than the table allows", async () => {
    const literal = { ...requestExample("fabric", "createWorkspace"), metastore_id: "xxxxxx" };
    const error = await client()
      .createWorkspace(literal)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toMatch(/metastore_id must be at least 32 characters \(got 6\)/);
    expect(server().requests).toHaveLength(0);
  });
});

describe("AK/SK signing", () => {
  signedRequestSuite(server, (credentials) => createFabricClient({ endpoint: server().url, projectId: "0123456789abcdef0123456789abcdef", credentials }).createWorkspace(requestExample("fabric", "createWorkspace")), {
    projectId: "0123456789abcdef0123456789abcdef",
    body: requestExample("fabric", "createWorkspace"),
  });
});

describe("AK/SK signing without a project id", () => {
  signedRequestSuite(server, (credentials) => createFabricClient({ endpoint: server().url, credentials }).createWorkspace({ name: "fabric" }), {
    projectId: undefined,
    body: { name: "fabric" },
  });
});

describe("regions", () => {
  it("maps the two documented regions", () => {
    expect(Object.keys(fabricEndpoints)).toEqual(["cn-north-4", "cn-southwest-2"]);
    expect(resolveBaseUrl(fabricEndpoints, { name: "cn-southwest-2" }, { service: "fabric", option: "region" })).toBe(
      "https://fabric.cn-southwest-2.myhuaweicloud.com",
    );
  });
});

const valid = fabricValid;

describe("validation: every documented rule, before anything is sent", () => {
  ruleSuite(server, (body) => client().createWorkspace(body), fabricRules);
});

describe("errors: every documented error example", () => {
  // The statuses with an example from the document itself (429 and 502-504 carry the gateway's examples).
  const spec = loadSpec("fabric");
  const statuses = Object.entries<any>(spec.paths["/v1/workspaces"].post.responses)
    .filter(([status, response]) => {
      const ref = response.$ref as string | undefined;
      const resolved = ref ? spec.components.responses[ref.split("/").pop()!] : response;
      return Number(status) >= 400 && resolved.content?.["application/json"]?.examples?.document !== undefined;
    })
    .map(([status]) => Number(status));
  const cases: ErrorCase[] = statuses.map((status) => {
    const body = responseExample("fabric", "createWorkspace", status);
    return {
      what: `HTTP ${status} ${body.error_code}`,
      reply: { status, headers: { "X-request-id": `fab-${status}` }, body },
      expected: {
        status,
        code: String(body.error_code),
        requestId: `fab-${status}`,
        // 408 and 500 answer a create that may have been processed
        outcomeUnknown: status === 408 || status === 500,
      },
      message: new RegExp(String(body.error_msg).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")),
    };
  });
  it("covers 400, 401, 403, 404, 408 and 500", () => expect(statuses).toEqual([400, 401, 403, 404, 408, 500]));
  // A service 404 is a NotFoundError (a subclass of ApiError): checked on its own below.
  errorSuite(server, () => client().createWorkspace(valid), cases.filter((c) => c.reply.status !== 404));

  it("HTTP 404 common.01000001 becomes a NotFoundError, which is an ApiError", async () => {
    const { reply, expected } = cases.find((c) => c.reply.status === 404)!;
    server().handle(() => reply);
    const error = await client()
      .createWorkspace(valid)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ ...expected, name: "NotFoundError", code: "common.01000001", requestId: "fab-404" });
    expect((error as Error).message).toMatch(/response status exception, code: 404/);
  });
});
