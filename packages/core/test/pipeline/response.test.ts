import { describe, expect, it } from "vitest";
import { excerpt, readErrorFields } from "../../src/pipeline/response.js";
import { sameErrorCode } from "../../src/errors/errors.js";
import { createSecretSet, redactUrl } from "../../src/errors/secrets.js";

const headers = (init: Record<string, string> = {}) => new Headers(init);

describe("readErrorFields: every documented error shape", () => {
  it.each([
    ["Huawei {error_code, error_msg, solution_msg}", { error_code: "dataartsfabric.00010003", error_msg: "Workspace does not exist", solution_msg: "Check the id" }, { code: "dataartsfabric.00010003", message: "Workspace does not exist", solution: "Check the id" }],
    ["gateway with request_id", { error_code: "APIGW.0308", error_msg: "throttled", request_id: "gw-1" }, { code: "APIGW.0308", message: "throttled", requestId: "gw-1" }],
    ["IAM {error: {code, message, title}}", { error: { code: "403", message: "X-Auth-Token is invalid", title: "Forbidden" } }, { code: "403", message: "X-Auth-Token is invalid" }],
    ["Fabric 403 mix with numeric error_code", { error: { code: "403", message: "m", title: "Forbidden" }, error_code: 403, error_msg: "m2", title: "Forbidden" }, { code: "403", message: "m2" }],
    ["RES {is_success, error_code, error_msg}", { is_success: false, error_code: "res.2301", error_msg: "token" }, { code: "res.2301", message: "token" }],
    ["RES {is_success, error_code, message}", { is_success: false, error_code: "RES.1001", message: "invalid" }, { code: "RES.1001", message: "invalid" }],
    ["TrueWatch envelope", { code: 403, success: false, errorCode: "ft.InvalidAPIKey", message: "bad key", traceId: "T-1" }, { code: "ft.InvalidAPIKey", message: "bad key", requestId: "T-1" }],
    ["not an object", "<html>", { code: undefined, message: undefined }],
  ])("%s", (_, body, expected) => {
    expect(readErrorFields(body, headers())).toMatchObject(expected);
  });

  it("prefers the X-Request-Id header", () => {
    expect(readErrorFields({ traceId: "T" }, headers({ "X-Request-Id": "H" })).requestId).toBe("H");
  });
});

describe("excerpt", () => {
  it("turns an HTML page into a short line", () => {
    const html = "<html><head><style>p{}</style><title>502</title></head><body><h1>502 Bad&nbsp;Gateway</h1>" + "x".repeat(500) + "</body></html>";
    const text = excerpt(html)!;
    expect(text.startsWith("502 502 Bad Gateway")).toBe(true);
    expect(text.length).toBe(200);
    expect(excerpt("   ")).toBeUndefined();
  });
});

describe("sameErrorCode", () => {
  it("treats APIG. and APIGW. as one prefix, ignores case, matches bare numbers", () => {
    expect(sameErrorCode("APIG.0308", "APIGW.0308")).toBe(true);
    expect(sameErrorCode("APIGW.0307", "apig.0307")).toBe(true);
    expect(sameErrorCode("res.2301", "RES.2301")).toBe(true);
    expect(sameErrorCode("DataArtsInsight.24150001", "24150001")).toBe(true);
    expect(sameErrorCode("APIGW.0308", "APIGW.0307")).toBe(false);
    expect(sameErrorCode("APIGX.0308", "APIGW.0308")).toBe(false);
  });
});

describe("secrets", () => {
  it("redacts registered values and credential-looking query parameters", () => {
    const secrets = createSecretSet();
    secrets.add("s3cr3t-token");
    secrets.add("abc"); // too short to redact safely
    expect(secrets.redact("token s3cr3t-token and s3cr3t-token, abc")).toBe("token [REDACTED] and [REDACTED], abc");
    expect(redactUrl("https://u:p@h.example.com/p?X-Auth-Token=zz&name=a", secrets)).toBe(
      "https://h.example.com/p?X-Auth-Token=%5BREDACTED%5D&name=a",
    );
  });
});
