// SDK-HMAC-SHA256 against Huawei's official signer: the vectors it produced
// (test/fixtures/signing-vectors.json, a copy of shared/docs/signing-vectors.json; the python_* ones come from the official Python SDK), and the official signer
// itself run side by side on further requests. Both hashing implementations (the
// node:crypto one and the WebCrypto one) must give the same signatures.
import { officialAuthorization } from "@ws/testkit";
import { describe, expect, it } from "vitest";
import * as nodeHashing from "../../src/pipeline/crypto/node.js";
import * as webHashing from "../../src/pipeline/crypto/web.js";
import { encodeRfc3986 } from "../../src/http/endpoint.js";
import { canonicalQuery, canonicalUri, createSigner, formatSdkDate, type Hashing, type SignableRequest } from "../../src/pipeline/signing.js";
import vectors from "../fixtures/signing-vectors.json" with { type: "json" };

const hashings: Array<[string, Hashing]> = [
  ["node:crypto", nodeHashing],
  ["WebCrypto", webHashing],
];

type Vector = { name: string; quirk?: string; input: Record<string, any>; expected: Record<string, any>; apigSignerModel?: { signature: string } };

function parseVectorDate(value: string): Date {
  const basic = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  return basic ? new Date(Date.UTC(+basic[1]!, +basic[2]! - 1, +basic[3]!, +basic[4]!, +basic[5]!, +basic[6]!)) : new Date(value);
}

/** The vector's input as this SDK would send it: lower-case headers, the credentials' headers, the body bytes on the wire. */
function toRequest(vector: Vector): { request: SignableRequest; date: Date } {
  const input = vector.input;
  const headers: Record<string, string> = {};
  let date = parseVectorDate(input.date);
  for (const [name, value] of Object.entries<string>(input.headers ?? {})) {
    if (name.toLowerCase() === "x-sdk-date") date = parseVectorDate(value);
    else headers[name.toLowerCase()] = value;
  }
  const clientLayers = input.mode !== "signer";
  if (clientLayers) {
    if (input.projectId) headers["x-project-id"] = input.projectId;
    if (input.domainId) headers["x-domain-id"] = input.domainId;
    if (input.securityToken) headers["x-security-token"] = input.securityToken;
    const type = headers["content-type"];
    if (type?.startsWith("application/json")) headers["content-type"] = "application/json";
    else if (type && input.body) headers["x-sdk-content-sha256"] = "UNSIGNED-PAYLOAD";
  }
  let url: string = input.url;
  if (input.query) {
    const parts = Object.entries<string | string[]>(input.query).flatMap(([k, v]) =>
      (Array.isArray(v) ? v : [v]).map((x) => `${encodeRfc3986(k)}=${encodeRfc3986(x)}`),
    );
    url += `?${parts.join("&")}`;
  }
  const wire = vector.expected.wire;
  const body = wire && "body" in wire ? wire.body : input.body;
  return { request: { method: input.method, url, headers, body: body ?? undefined }, date };
}

const all = vectors.vectors as unknown as Vector[];

describe.each(hashings)("official vectors with %s", (_, hashing) => {
  it.each(all.filter((v) => !v.quirk).map((v) => [v.name, v] as const))("%s: same signature as the official signer", async (_, vector) => {
    const { request, date } = toRequest(vector);
    await createSigner(vector.input.ak, vector.input.sk, hashing).sign(request, date);
    expect(request.headers["x-sdk-date"]).toBe(vector.expected.headers["X-Sdk-Date"]);
    expect(request.headers.authorization).toBe(vector.expected.headers.Authorization);
  });

  // Where the official Node SDK deviates from the gateway (double-encoded paths,
  // localeCompare header order, untrimmed values), match the gateway's own signer.
  it.each(all.filter((v) => v.quirk).map((v) => [v.name, v] as const))("%s (official SDK quirk): same signature as the gateway's signer", async (_, vector) => {
    const { request, date } = toRequest(vector);
    await createSigner(vector.input.ak, vector.input.sk, hashing).sign(request, date);
    expect(request.headers.authorization).toMatch(new RegExp(`Signature=${vector.apigSignerModel!.signature}$`));
  });
});

describe("canonical pieces", () => {
  it("formats X-Sdk-Date in UTC, whole seconds", () => {
    expect(formatSdkDate(new Date("2026-11-22T01:02:03.999Z"))).toBe("20261122T010203Z");
  });
  it("appends the trailing slash and encodes segments once", () => {
    expect(canonicalUri("/v1/x")).toBe("/v1/x/");
    expect(canonicalUri("/v1/x/")).toBe("/v1/x/");
    expect(canonicalUri("/v1/a%20b/c%2Fd/%E6%A8%A1*")).toBe("/v1/a%20b/c%252Fd/%E6%A8%A1%2A/");
  });
  it("sorts and encodes the query", () => {
    expect(canonicalQuery("?b=2&a=x%20y&a=+&Z=&flag")).toBe("Z=&a=%2B&a=x%20y&b=2&flag=");
    expect(canonicalQuery("")).toBe("");
  });
});

// The official signer run live on requests beyond the vectors, in the forms where
// it agrees with the gateway (decoded ASCII-safe paths, ordinary header names).
describe.each(hashings)("side by side with the official signer, %s", (_, hashing) => {
  const ak = "HPUAL2Y2EXAMPLE0KEY1";
  const sk = "qTn3cN+ZR/example/SECRET+key0123456789ab";
  const cases: Array<{ name: string; method: string; host: string; path: string; query?: Record<string, string | string[]>; headers?: Record<string, string>; body?: unknown }> = [
    { name: "JSON body", method: "POST", host: "modelarts.cn-north-4.myhuaweicloud.com", path: "/v1/0123456789abcdef0123456789abcdef/workspaces", headers: { "content-type": "application/json", "x-project-id": "0123456789abcdef0123456789abcdef" }, body: { name: "team-a", auth_type: "PRIVATE" } },
    { name: "empty body", method: "POST", host: "fabric.cn-north-4.myhuaweicloud.com", path: "/v1/workspaces", headers: { "content-type": "application/json" } },
    { name: "unicode body", method: "POST", host: "res.cn-north-4.myhuaweicloud.com", path: "/v2.0/p/workspaces", headers: { "content-type": "application/json" }, body: { name: "推荐_工作空间", description: "café 😀 ∑" } },
    { name: "query with space + / ~ * unicode", method: "GET", host: "dataartsinsight.cn-north-4.myhuaweicloud.com", path: "/v1/p/instances/i/workspaces", query: { name: "a b+c/d~e*f", 名: "值", limit: "10" } },
    { name: "empty and repeated keys", method: "GET", host: "modelarts.cn-north-4.myhuaweicloud.com", path: "/v1/p/workspaces", query: { tag: ["z", "a", "m"], empty: "", x: "1" } },
    { name: "mixed-case extra headers", method: "POST", host: "modelarts.cn-north-4.myhuaweicloud.com", path: "/v1/p/workspaces", headers: { "content-type": "application/json", "x-client-trace": "Trace-ABC", "x-language": "en-us" }, body: { name: "x1234" } },
    { name: "non-default port", method: "POST", host: "127.0.0.1:8443", path: "/v1/workspaces", headers: { "content-type": "application/json" }, body: { name: "port" } },
    { name: "temporary credentials", method: "POST", host: "modelarts.cn-north-4.myhuaweicloud.com", path: "/v1/p/workspaces", headers: { "content-type": "application/json", "x-project-id": "p", "x-security-token": "gQpjbi1ub3J0aC00Example==" }, body: { name: "temp1" } },
  ];

  it.each(cases)("$name", async (c) => {
    const date = new Date("2026-11-23T10:20:30Z");
    const query = c.query
      ? `?${Object.entries(c.query).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${encodeRfc3986(k)}=${encodeRfc3986(x)}`)).join("&")}`
      : "";
    const body = c.body === undefined ? undefined : JSON.stringify(c.body);
    const request: SignableRequest = { method: c.method, url: `https://${c.host}${c.path}${query}`, headers: { ...c.headers }, body };
    await createSigner(ak, sk, hashing).sign(request, date);

    const official = officialAuthorization(
      { endpoint: `https://${c.host}${c.path}`, method: c.method, headers: { ...c.headers, "X-Sdk-Date": formatSdkDate(date) }, queryParams: c.query, data: c.body },
      ak,
      sk,
    );
    expect(request.headers.authorization).toBe(official);
  });
});
