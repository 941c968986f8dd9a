// getWorkspace and updateWorkspace on the wire: the documented examples as fixtures,
// every documented error answer, validation before sending, and which failures are
// retried (modify is marked x-idempotent in the spec; create is not).
import { requestExample, responseExample, ruleSuite, truewatchUpdateRules, useTestServer, type ErrorCase, errorSuite } from "@ws/testkit";
import { describe, expect, it, vi } from "vitest";
import { ApiError, NotFoundError, ValidationError, createTrueWatchClient } from "../src/index.js";

const apiKey = "tkn_0123456789abcdef0123456789abcdef";
const server = useTestServer(() => ({ status: 200, body: responseExample("truewatch", "getWorkspace", 200) }));
const client = (extra: object = {}) => createTrueWatchClient({ endpoint: server().url, apiKey, retryDelayInMs: 1, ...extra });

const modified = () => ({ status: 200, body: responseExample("truewatch", "updateWorkspace", 200) });
const fail = (error: unknown) => error;

describe("getWorkspace: the key's workspace", () => {
  it.each(["document", "olderDocument"])("sends GET /api/v1/workspace/get with no query or body and returns the %s example's content", async (name) => {
    const answer = responseExample("truewatch", "getWorkspace", 200, name);
    server().handle(() => ({ status: 200, body: answer }));
    const ws = await client().getWorkspace();
    expect(ws).toEqual(answer.content);
    expect(server().requests).toHaveLength(1);
    const [sent] = server().requests;
    expect(sent!.method).toBe("GET");
    expect(sent!.url).toBe("/api/v1/workspace/get");
    expect(sent!.body).toBe("");
    expect(sent!.headers["df-api-key"]).toBe(apiKey);
    expect(sent!.headers["content-type"]).toBeUndefined();
  });

  it("keeps the documented field types as they come (memberCount a string in one example, a number in the other)", async () => {
    expect((await client().getWorkspace()).memberCount).toBe("79");
    server().handle(() => ({ status: 200, body: responseExample("truewatch", "getWorkspace", 200, "olderDocument") }));
    const older = await client().getWorkspace();
    expect(older).toMatchObject({ uuid: "wksp_2dc431d6693711eb8ff97aeee04b54af", memberCount: 75, id: 2, createAt: 1612697128 });
  });

  it("passes the call options (headers) through", async () => {
    await client().getWorkspace({ headers: { "x-trace": "abc" }, maxRetries: 0 });
    expect(server().requests[0]!.headers["x-trace"]).toBe("abc");
  });

  it("refuses an id (other packages' getWorkspace takes one): it would read the key's workspace instead; nothing sent", async () => {
    const error = (await client().getWorkspace("wksp_0123" as never).catch(fail)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe(
      "Invalid truewatch getWorkspace request, nothing was sent: getWorkspace takes no workspace id: it reads the workspace the API key belongs to",
    );
    expect(error.issues).toEqual([{ path: "options", rule: "type", message: expect.stringContaining("takes no workspace id") }]);
    expect(error.attempts).toBe(0);
    expect(server().requests).toHaveLength(0);
  });
});

describe("updateWorkspace: modify the key's workspace", () => {
  it("sends the document's example as POST /api/v1/workspace/modify and returns the updated workspace", async () => {
    server().handle(modified);
    const ws = await client().updateWorkspace(requestExample("truewatch", "updateWorkspace"));
    expect(ws).toEqual(responseExample("truewatch", "updateWorkspace", 200).content);
    expect(ws.updateAt).toBe(1677670046.184892);
    expect(ws.name).toBe("Development and Testing Shared 22");
    expect(server().requests).toHaveLength(1);
    const [sent] = server().requests;
    expect(sent!.method).toBe("POST");
    expect(sent!.url).toBe("/api/v1/workspace/modify");
    expect(sent!.headers["content-type"]).toBe("application/json;charset=UTF-8");
    expect(sent!.headers["df-api-key"]).toBe(apiKey);
    expect(sent!.body).toBe('{"name":"ws_test","desc":"test"}');
  });

  it("sends only the fields given (an empty body changes nothing)", async () => {
    server().handle(modified);
    await client().updateWorkspace({ desc: "" });
    await client().updateWorkspace({});
    expect(server().requests.map((r) => r.body)).toEqual(['{"desc":""}', "{}"]);
  });

  it("refuses an id before the body (other packages' updateWorkspace(id, body)); nothing sent", async () => {
    const error = (await client()
      .updateWorkspace("wksp_0123" as never, { name: "x" } as never)
      .catch(fail)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues).toEqual([{ path: "body", rule: "type", message: expect.stringMatching(/must be an object/) }]);
    expect(server().requests).toHaveLength(0);
  });

  describe("the update rules (testkit truewatchUpdateRules), before anything is sent", () => {
    ruleSuite(server, (body) => client().updateWorkspace(body), truewatchUpdateRules);
  });
});

describe("documented error answers", () => {
  const calls = {
    getWorkspace: () => client({ maxRetries: 0 }).getWorkspace(),
    updateWorkspace: () => client({ maxRetries: 0 }).updateWorkspace({ name: "ws" }),
  } as const;
  const documented: Array<[number, string, string]> = [
    [400, "RouterNotFound", "Request routing address does not exist"],
    [401, "ft.TriggerApiAkCurrentLimiting", "Trigger API rate limiting - AK level"],
    [401, "ft.TriggerApiWorkspaceCurrentLimiting", "Trigger API rate limiting - workspace level"],
    [403, "ft.InvalidAPIKey", "Invalid API Key"],
    [403, "InvalidApiKey", "Invalid Request API KEY"],
    [503, "InternalError", "Unknown error"],
  ];
  const exampleName: Record<string, string> = {
    "ft.TriggerApiAkCurrentLimiting": "akLimit",
    "ft.TriggerApiWorkspaceCurrentLimiting": "workspaceLimit",
    "ft.InvalidAPIKey": "InvalidAPIKey",
  };

  for (const [operation, call] of Object.entries(calls)) {
    describe(operation, () => {
      const cases: ErrorCase[] = documented.map(([status, code, message]) => {
        const body = responseExample("truewatch", operation, status, exampleName[code] ?? code);
        return {
          what: `${status} ${code} (the spec's example)`,
          reply: { status, body },
          expected: { status, code, requestId: body.traceId, provider: "truewatch", operation, attempts: 1, fault: status < 500 ? "client" : "server" },
          message: new RegExp(`^truewatch ${operation} failed: HTTP ${status}: ${code.replace(/\./g, "\\.")}: ${message} \\[request id ${body.traceId}\\]$`),
        };
      });
      cases.push(
        {
          what: "success false on HTTP 200",
          reply: { status: 200, body: { code: 200, content: null, errorCode: "ft.ParamError", message: "bad name", success: false, traceId: "TRACE-200" } },
          expected: { status: 200, code: "ft.ParamError", requestId: "TRACE-200", outcomeUnknown: false },
          message: /ft\.ParamError: bad name \[request id TRACE-200\]$/,
        },
        {
          what: "500 without a code (documented in prose)",
          reply: { status: 500, body: { code: 500, content: null, errorCode: "", message: "server error", success: false, traceId: "TRACE-500" } },
          expected: { status: 500, code: undefined, requestId: "TRACE-500", fault: "server" },
          message: /HTTP 500: server error \[request id TRACE-500\]$/,
        },
        {
          what: "a 404 naming RouterNotFound (a wrong route, not a missing workspace)",
          reply: { status: 404, body: { code: 404, content: null, errorCode: "RouterNotFound", message: "no route", success: false, traceId: "TRACE-404" } },
          expected: { status: 404, code: "RouterNotFound" },
        },
        {
          what: "an envelope-less 200",
          reply: { status: 200, body: { uuid: "wksp_1" } },
          expected: { status: 200, outcomeUnknown: true },
          message: /does not have the documented shape/,
        },
      );
      errorSuite(server, call, cases);

      it("a 404 (no code documented) is a NotFoundError", async () => {
        server().handle(() => ({ status: 404, body: { code: 404, content: null, errorCode: "", message: "not found", success: false, traceId: "TRACE-404" } }));
        const error = (await call().catch(fail)) as NotFoundError;
        expect(error).toBeInstanceOf(NotFoundError);
        expect(error).toBeInstanceOf(ApiError);
        expect(error).toMatchObject({ name: "NotFoundError", status: 404, code: undefined, requestId: "TRACE-404", operation });
      });
    });
  }
});

describe("retries", () => {
  const internal = (status: number) => ({
    status,
    body: { code: status, content: null, errorCode: status === 503 ? "InternalError" : "", message: "unknown", success: false, traceId: `TRACE-${status}` },
  });
  const onceThen = (first: { status: number; body: unknown }, then: () => { status: number; body: unknown }) => {
    let n = 0;
    server().handle(() => (++n === 1 ? first : then()));
  };

  it("modify is marked idempotent: a 500 (may have been processed) is sent again", async () => {
    onceThen(internal(500), modified);
    const ws = await client().updateWorkspace({ name: "ws_test" });
    expect(ws.uuid).toBe("wksp_xxxx32");
    expect(server().requests.map((r) => `${r.method} ${r.url} ${r.body}`)).toEqual([
      'POST /api/v1/workspace/modify {"name":"ws_test"}',
      'POST /api/v1/workspace/modify {"name":"ws_test"}',
    ]);
  });

  it("create is not: a 500 is not sent again, and the error says the create may have happened", async () => {
    onceThen(internal(500), () => ({ status: 200, body: responseExample("truewatch", "createWorkspace", 200) }));
    const error = (await client().createWorkspace({ name: "ws" }).catch(fail)) as ApiError;
    expect(error).toMatchObject({ name: "ApiError", status: 500, attempts: 1, outcomeUnknown: true });
    expect(error.message).toMatch(/may have been processed/);
    expect(server().requests).toHaveLength(1);
  });

  it.each(["update", "create"] as const)("%s: a 503 InternalError is sent again (core: 503 means not processed, for any method)", async (which) => {
    onceThen(internal(503), which === "update" ? modified : () => ({ status: 200, body: responseExample("truewatch", "createWorkspace", 200) }));
    await (which === "update" ? client().updateWorkspace({ name: "ws" }) : client().createWorkspace({ name: "ws" }));
    expect(server().requests).toHaveLength(2);
  });

  it("get: a 500 is sent again; a rate limit (401 ft.Trigger...) too", async () => {
    let n = 0;
    server().handle(() => {
      n += 1;
      if (n === 1) return internal(500);
      if (n === 2) return { status: 401, body: responseExample("truewatch", "getWorkspace", 401, "workspaceLimit") };
      return { status: 200, body: responseExample("truewatch", "getWorkspace", 200) };
    });
    expect((await client().getWorkspace()).uuid).toBe("wksp_xxxxx");
    expect(server().requests).toHaveLength(3);
  });
});

describe("TRUEWATCH_ENDPOINT", () => {
  it("stands in for the site's host; an endpoint option wins over it", async () => {
    vi.stubEnv("TRUEWATCH_ENDPOINT", server().url);
    try {
      await createTrueWatchClient({ site: "eu1", apiKey: "tw-key-0123456789" }).getWorkspace().catch(() => undefined);
      expect(server().requests).toHaveLength(1);
      expect(() => createTrueWatchClient({ site: "eu1", apiKey: "k", endpoint: "https://eu1-openapi.truewatch.com" })).not.toThrow();
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
