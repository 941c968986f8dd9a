import { resolveBaseUrl } from "@ws/core";
import { truewatchRules, truewatchValid, errorSuite, requestExample, responseExample, ruleSuite, useTestServer, type ErrorCase } from "@ws/testkit";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, ConfigurationError, createTrueWatchClient, trueWatchEndpoints } from "../src/index.js";

const apiKey = "tkn_0123456789abcdef0123456789abcdef";
const server = useTestServer(() => ({ status: 200, body: responseExample("truewatch", "createWorkspace", 200) }));

const client = (extra: object = {}) => createTrueWatchClient({ endpoint: server().url, apiKey, retryDelayInMs: 1, ...extra });

describe("createWorkspace, the document's example", () => {
  it("sends the curl example as documented and returns the envelope's content", async () => {
    const body = requestExample("truewatch", "createWorkspace");
    const result = await client().createWorkspace(body);
    expect(result).toEqual(responseExample("truewatch", "createWorkspace", 200).content);
    expect(result.wsInfo?.uuid).toBe("wksp_xxxx32");
    const [sent] = server().requests;
    expect(server().requests).toHaveLength(1);
    expect(sent!.method).toBe("POST");
    expect(sent!.url).toBe("/api/v1/workspace/create");
    expect(sent!.headers["df-api-key"]).toBe(apiKey);
    expect(sent!.headers["content-type"]).toBe("application/json;charset=UTF-8");
    expect(sent!.body).toBe('{"name":"ws_create_test","desc":"test","needCreateAk":true,"akName":"test_ak"}');
  });
});

describe("sites", () => {
  const site = (name: string) => resolveBaseUrl(trueWatchEndpoints, { name }, { service: "truewatch", option: "site" });
  it("maps the TrueWatch and Guance sites to their OpenAPI hosts", () => {
    expect(site("us1")).toBe("https://us1-openapi.truewatch.com");
    expect(site("id1")).toBe("https://id1-openapi.truewatch.com");
    expect(site("guance-cn1")).toBe("https://openapi.guance.com");
    expect(site("guance-cn2")).toBe("https://aws-openapi.guance.com");
    expect(site("guance-eu1")).toBe("https://eu1-openapi.guance.one");
    // China 5 (世纪互联), in GuanceCloud's own Terraform provider
    expect(site("guance-cn5")).toBe("https://cn5-openapi.guance.com");
    expect(Object.keys(trueWatchEndpoints)).toHaveLength(15);
  });
  it("refuses an unknown site, listing the known ones", () => {
    expect(() => createTrueWatchClient({ site: "eu2" as "eu1", apiKey })).toThrow(ConfigurationError);
    expect(() => createTrueWatchClient({ site: "eu2" as "eu1", apiKey })).toThrow(/unknown site "eu2".*us1, eu1, ap1, za1, id1, guance-cn1/);
  });
});

const valid = truewatchValid;

describe("validation: every documented rule, before anything is sent", () => {
  ruleSuite(server, (body) => client().createWorkspace(body), truewatchRules);
});

describe("errors", () => {
  const envelope = (status: number, errorCode: string, message: string) => ({
    code: status,
    content: null,
    errorCode,
    message,
    success: false,
    traceId: `TRACE-${status}`,
  });
  const cases: ErrorCase[] = [
    {
      what: "success false on HTTP 200",
      reply: { status: 200, body: envelope(200, "ft.ParamError", "name exists") },
      expected: { status: 200, code: "ft.ParamError", requestId: "TRACE-200", outcomeUnknown: false },
      message: /ft\.ParamError: name exists \[request id TRACE-200\]/,
    },
    {
      what: "invalid API key (403)",
      reply: { status: 403, body: envelope(403, "ft.InvalidAPIKey", "invalid key") },
      expected: { status: 403, code: "ft.InvalidAPIKey", requestId: "TRACE-403", fault: "client" },
    },
    {
      what: "older spelling InvalidApiKey (403)",
      reply: { status: 403, body: envelope(403, "InvalidApiKey", "invalid key") },
      expected: { status: 403, code: "InvalidApiKey" },
    },
    {
      what: "route not found (400)",
      reply: { status: 400, body: envelope(400, "RouterNotFound", "route not found") },
      expected: { status: 400, code: "RouterNotFound" },
    },
    {
      what: "an envelope-less 200",
      reply: { status: 200, body: { workspace: "wksp_1" } },
      expected: { status: 200, outcomeUnknown: true },
      message: /does not have the documented shape/,
    },
  ];
  errorSuite(server, () => client().createWorkspace(valid), cases);

  it("treats the 401 rate-limit codes as throttling and retries them", async () => {
    let calls = 0;
    server().handle(() =>
      ++calls === 1
        ? { status: 401, body: envelope(401, "ft.TriggerApiAkCurrentLimiting", "rate limited") }
        : { status: 200, body: responseExample("truewatch", "createWorkspace", 200) },
    );
    // retryDelayInMs 1 ms keeps the wait short (throttled answers wait at least twice it; 1 s by default).
    const result = await client({ retryDelayInMs: 1 }).createWorkspace(valid);
    expect(result.wsInfo?.uuid).toBe("wksp_xxxx32");
    expect(server().requests).toHaveLength(2);
  });

  it("never puts the API key in the error or the log", async () => {
    server().handle((req) => ({ status: 403, body: envelope(403, "ft.InvalidAPIKey", `key ${req.headers["df-api-key"]} is invalid`) }));
    const lines: string[] = [];
    const error = (await client({ logger: (line: string) => lines.push(line) }).createWorkspace(valid).catch((e: unknown) => e)) as ApiError;
    const { inspect } = await import("node:util");
    for (const text of [error.message, error.stack ?? "", JSON.stringify(error), inspect(error, { showHidden: true, depth: 8 }), ...lines]) {
      expect(text).not.toContain(apiKey);
    }
    expect(lines).toHaveLength(1);
  });
});

describe("API key from the environment", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("reads TRUEWATCH_API_KEY when no apiKey is passed", async () => {
    vi.stubEnv("TRUEWATCH_API_KEY", "env-key-0123456789");
    await createTrueWatchClient({ endpoint: server().url }).createWorkspace(valid);
    expect(server().requests[0]!.headers["df-api-key"]).toBe("env-key-0123456789");
  });

  it("says what to set when there is no key", () => {
    vi.stubEnv("TRUEWATCH_API_KEY", "");
    expect(() => createTrueWatchClient({ endpoint: server().url })).toThrow(/no API key\. Pass apiKey, or set the environment variable TRUEWATCH_API_KEY/);
  });

  it("refuses a key with a line break before sending", () => {
    expect(() => createTrueWatchClient({ endpoint: server().url, apiKey: "key\r\nX-Evil: 1" })).toThrow(ConfigurationError);
  });
});
