// RawRequest, what openapi-fetch builds for `raw` calls in place of Request: the
// parts the pipeline reads, and a form encoded as Request would encode it.
import { describe, expect, it } from "vitest";
import { RawRequest } from "../../src/http/raw-request.js";

describe("RawRequest", () => {
  it("keeps url, method (upper case), headers, body and signal, and reads a text body", async () => {
    const signal = new AbortController().signal;
    const r = new RawRequest("https://api.example.com/v1/things?a=1", { method: "post", headers: { "Content-Type": "application/json" }, body: "{}", signal });
    expect([r.url, r.method, r.headers.get("content-type"), r.signal]).toEqual(["https://api.example.com/v1/things?a=1", "POST", "application/json", signal]);
    expect(await r.text()).toBe("{}");
    expect(await r.clone().json()).toEqual({});
  });

  it("encodes a form as Request does, content type with boundary included", async () => {
    const form = new FormData();
    form.set("name", "team-a");
    const r = new RawRequest("https://api.example.com/upload", { method: "POST", body: form });
    const text = await r.text();
    expect(r.headers.get("content-type")).toMatch(/^multipart\/form-data; boundary=/);
    expect(text).toContain('name="name"');
    expect(text).toContain("team-a");
  });

  it("refuses a body on GET and HEAD, as Request does", () => {
    expect(() => new RawRequest("https://api.example.com/", { method: "GET", body: "x" })).toThrow(TypeError);
    expect(() => new RawRequest("https://api.example.com/", { method: "HEAD", body: "x" })).toThrow(TypeError);
    expect(new RawRequest("https://api.example.com/").method).toBe("GET");
  });
});
