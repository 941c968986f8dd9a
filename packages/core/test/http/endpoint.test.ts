import { describe, expect, it } from "vitest";
import { encodeRfc3986, expandPath, isLoopbackHost, normalizeEndpoint, resolveBaseUrl } from "../../src/http/endpoint.js";
import { ConfigurationError, type ValidationIssue } from "../../src/errors/errors.js";

describe("normalizeEndpoint", () => {
  it("accepts https anywhere and http on loopback", () => {
    expect(normalizeEndpoint("https://example.com/")).toBe("https://example.com");
    expect(normalizeEndpoint("https://example.com:8443/prefix//")).toBe("https://example.com:8443/prefix");
    expect(normalizeEndpoint("http://127.0.0.1:4010")).toBe("http://127.0.0.1:4010");
    // localhost is pinned to 127.0.0.1 over plain http: no resolver decides where credentials go.
    expect(normalizeEndpoint("http://localhost:4010")).toBe("http://127.0.0.1:4010");
    expect(normalizeEndpoint("https://localhost:4010")).toBe("https://localhost:4010");
    expect(normalizeEndpoint("http://[::1]:4010")).toBe("http://[::1]:4010");
  });

  it("refuses plain http to other hosts unless allowInsecureHttp", () => {
    expect(() => normalizeEndpoint("http://10.0.0.5:8080")).toThrow(/clear text.*allowInsecureHttp/);
    expect(() => normalizeEndpoint("http://example.com")).toThrow(ConfigurationError);
    expect(normalizeEndpoint("http://example.com", { allowInsecureHttp: true })).toBe("http://example.com");
  });

  it("refuses what is not a plain base URL", () => {
    expect(() => normalizeEndpoint("example.com")).toThrow(/not an absolute URL/);
    expect(() => normalizeEndpoint("ftp://example.com")).toThrow(/https/);
    expect(() => normalizeEndpoint("https://user:pw@example.com")).toThrow(/user info/);
    expect(() => normalizeEndpoint("https://example.com/?a=1")).toThrow(/query/);
  });

  it("knows loopback hosts", () => {
    expect(["127.0.0.1", "127.1.2.3", "localhost", "[::1]", "::1", "[::ffff:7f00:1]"].every(isLoopbackHost)).toBe(true);
    // *.localhost names go through DNS: not loopback for credentials over http.
    expect(["api.localhost", "localhost.example.com", "127.0.0.1.example.com", "10.0.0.1", "example.com", "0.0.0.0", "[::ffff:a00:1]"].some(isLoopbackHost)).toBe(false);
  });
});

describe("resolveBaseUrl", () => {
  const table = { "r-1": "https://svc.r-1.example.com", "r-2": "https://svc.r-2.example.com" };
  const what = { service: "svc", option: "region" as const };
  it("maps names and lets endpoint override", () => {
    expect(resolveBaseUrl(table, { name: "r-2" }, what)).toBe("https://svc.r-2.example.com");
    expect(resolveBaseUrl(table, { name: "r-2", endpoint: "https://proxy.example.com" }, what)).toBe("https://proxy.example.com");
  });
  it("names the known regions when the one given is unknown or missing", () => {
    expect(() => resolveBaseUrl(table, { name: "r-3" }, what)).toThrow('svc: unknown region "r-3". Known regions: r-1, r-2. For another host, pass endpoint.');
    expect(() => resolveBaseUrl(table, {}, what)).toThrow("svc: set region (one of r-1, r-2) or endpoint.");
    expect(() => resolveBaseUrl(table, { name: "toString" }, what)).toThrow(/unknown region/);
  });
});

describe("expandPath", () => {
  const expand = (value: unknown) => {
    const issues: ValidationIssue[] = [];
    return { path: expandPath("/v1/{id}/workspaces", { id: value }, issues), issues };
  };
  it("keeps each value inside its segment", () => {
    expect(expand("abc").path).toBe("/v1/abc/workspaces");
    expect(expand("../admin").path).toBe("/v1/..%2Fadmin/workspaces");
    expect(expand("a/b").path).toBe("/v1/a%2Fb/workspaces");
    expect(expand("%2e%2e").path).toBe("/v1/%252e%252e/workspaces");
    expect(expand("ü 空 *'()!").path).toBe("/v1/%C3%BC%20%E7%A9%BA%20%2A%27%28%29%21/workspaces");
    expect(new URL(`https://h${expand("../admin").path}`).pathname).toBe("/v1/..%2Fadmin/workspaces");
  });
  it("refuses values a URL parser would resolve or drop", () => {
    for (const bad of ["", ".", "..", undefined, 5]) {
      const { issues } = expand(bad);
      expect(issues).toHaveLength(1);
      expect(issues[0]!.path).toBe("id");
    }
  });
  it("encodes the RFC 3986 way", () => {
    expect(encodeRfc3986("A-Z_a.z~0 +/*")).toBe("A-Z_a.z~0%20%2B%2F%2A");
  });
});
