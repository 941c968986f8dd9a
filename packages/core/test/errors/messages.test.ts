// The messages a new user met in a first trial, each fixed and held here: what
// an error says must be true and point at the fix.
import { startServer, useTestServer } from "@ws/testkit";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { ConfigurationError, ConnectionError, createHuaweiService, describeFetchFailure, prepareRequest, suggest, type OperationSpec } from "../../src/index.js";

const op: OperationSpec = {
  provider: "modelarts",
  id: "createWorkspace",
  method: "POST",
  path: "/v1/workspaces",
  idempotent: false,
  body: { type: "object", additionalProperties: false, required: ["name"], properties: { name: { type: "string", minLength: 1 }, auth_type: { type: "string" }, code: { type: "string", minLength: 3 } } },
};
const server = useTestServer(() => ({ status: 200, body: { id: "w" } }));
const client = (endpoint = server().url) =>
  createHuaweiService<{}, string>({ provider: "modelarts", endpoints: {}, options: { endpoint, credentials: { token: "t0ken-value-0123456789" }, retryDelayInMs: 1 } });
const fail = (p: Promise<unknown>) => p.then(() => expect.unreachable("should have failed"), (e: Error) => e);

describe("messages", () => {
  it("an IAM-style error states the status once", async () => {
    server().handle(() => ({ status: 401, body: { error: { code: 401, message: "The username or password is wrong.", title: "Unauthorized" } } }));
    const error = await fail(client().call(op, { body: { name: "a" } }));
    expect(error.message).toMatch(/HTTP 401: The username or password is wrong\./);
    expect(error.message).not.toMatch(/401: 401/);
  });

  it("a refused IAM password: the status once, and the IAM request counted", async () => {
    const iam = await startServer(() => ({ status: 401, body: { error: { code: 401, message: "The username or password is wrong.", title: "Unauthorized" } } }));
    try {
      const c = createHuaweiService<{}, string>({
        provider: "modelarts",
        endpoints: {},
        options: { endpoint: server().url, region: "cn-north-4", credentials: { iam: { username: "u", password: "p4ssw0rd-secret", domainName: "d", endpoint: iam.url } }, retryDelayInMs: 1 },
      });
      const error = (await fail(c.call(op, { body: { name: "a" } }))) as ConnectionError;
      expect(error.message).toBe("iam getToken failed: HTTP 401: The username or password is wrong.");
      expect(error).toMatchObject({ provider: "iam", operation: "getToken", attempts: 1 });
      expect(server().requests).toHaveLength(0);
    } finally {
      await iam.close();
    }
  });

  it("a 401 APIGW.0301 says what to check", async () => {
    server().handle(() => ({ status: 401, body: { error_code: "APIGW.0301", error_msg: "Incorrect IAM authentication information: verify aksk signature fail" } }));
    const error = await fail(client().call(op, { body: { name: "a" } }));
    expect(error.message).toMatch(/access key and its secret key belong together/);
    expect(error.message).toMatch(/clock/);
  });

  it("a refused connection says it was tried each time, not 'attempts: 3' beside 'not sent' alone", async () => {
    const closed = await startServer();
    const url = closed.url;
    await closed.close();
    const error = (await fail(client(url).call(op, { body: { name: "a" } }))) as ConnectionError;
    expect(error).toMatchObject({ sent: false, attempts: 3, outcomeUnknown: false });
    expect(error.message).toMatch(/the request was not sent \(gave up after 3 attempts\)\.$/);
  });

  it("a port fetch itself refuses (9) is not sent, and says why", async () => {
    const error = (await fail(client("http://127.0.0.1:9").call(op, { body: { name: "a" } }))) as ConnectionError;
    expect(error).toBeInstanceOf(ConnectionError);
    // Refused by the runtime: it would be refused again, so it is not retried.
    expect(error).toMatchObject({ sent: false, code: "BAD_PORT", outcomeUnknown: false, attempts: 1 });
    expect(error.message).toMatch(/refused to send the request to 127\.0\.0\.1:9: the port is one the Fetch standard blocks/);
    expect(error.message).not.toMatch(/may have been sent/);
  });

  it("a ConfigurationError without provider or operation prints neither as undefined", () => {
    const error = new ConfigurationError("modelarts: set region (one of cn-north-4) or endpoint.");
    expect(Object.keys(error)).not.toContain("provider");
    expect(inspect(error)).not.toMatch(/undefined/);
    expect(JSON.stringify(error)).not.toMatch(/provider/);
  });

  it("an empty required string 'must not be empty'; other minimums count characters in the singular or plural", () => {
    expect(() => prepareRequest(op, { body: { name: "" } })).toThrow(/name must not be empty$/);
    expect(() => prepareRequest(op, { body: { name: "a", code: "" } })).toThrow(/code must be at least 3 characters \(got 0\)/);
  });

  it("a misspelt field gets 'did you mean' by edit distance, not only by case and separators", () => {
    expect(() => prepareRequest(op, { body: { nmae: "a" } })).toThrow(/nmae is not a known field \(did you mean name\?\)/);
    expect(suggest("auth_tpye", ["name", "auth_type"])).toBe("auth_type");
    expect(suggest("authType", ["name", "auth_type"])).toBe("auth_type");
    expect(suggest("id", ["ak", "sk"])).toBeUndefined();
    expect(suggest("description", ["name"])).toBeUndefined();
  });
});

describe("what a failed fetch means, in each runtime", () => {
  const fetchFailed = (cause?: unknown, message = "fetch failed") => Object.assign(new TypeError(message), cause === undefined ? {} : { cause });
  it("Node (undici): the cause's code", () => {
    expect(describeFetchFailure(fetchFailed({ code: "ECONNREFUSED" }), "h:1", false)).toMatchObject({ code: "ECONNREFUSED", sent: false });
    expect(describeFetchFailure(fetchFailed({ code: "UND_ERR_SOCKET" }), "h:1", false)).toMatchObject({ code: "UND_ERR_SOCKET", sent: true });
  });
  it("Deno: a ConnectionRefused cause, or only the words; Bun: code ConnectionRefused — refused, so not sent and retried", () => {
    const denoCause = Object.assign(new Error("Connection refused (os error 111)"), { name: "ConnectionRefused" });
    expect(describeFetchFailure(fetchFailed(denoCause, "error sending request"), "h:1", false)).toMatchObject({ code: "ECONNREFUSED", sent: false });
    expect(describeFetchFailure(new TypeError("error sending request for url (http://h:1/): client error (Connect): tcp connect error: Connection refused (os error 111)"), "h:1", false)).toMatchObject({ code: "ECONNREFUSED", sent: false });
    expect(describeFetchFailure(Object.assign(new Error("Unable to connect"), { code: "ConnectionRefused" }), "h:1", false)).toMatchObject({ code: "ECONNREFUSED", sent: false });
  });
  it("a browser that gives no reason: the message names CORS, mixed content and being offline", () => {
    const chrome = describeFetchFailure(new TypeError("Failed to fetch"), "api.example.com", true);
    expect(chrome).toMatchObject({ code: undefined, sent: true });
    expect(chrome.message).toMatch(/The browser refused to send the request to api\.example\.com or to let the SDK read the answer \(a CORS policy, mixed content, or being offline/);
    expect(describeFetchFailure(new TypeError("Failed to fetch"), "h", false).message).toMatch(/may have been sent/);
  });
});
