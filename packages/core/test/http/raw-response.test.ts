// The Response `raw` calls hand openapi-fetch and its middleware: a real Response whose
// text() and json() read the answer the pipeline already read, and whose stream, other
// readers and clone() behave as any Response's.
import { useTestServer } from "@ws/testkit";
import { describe, expect, it } from "vitest";
import { createServiceClient, createSecretSet, huaweiRetryClassifier, tokenAuthenticator } from "../../src/index.js";
import { rawResponse } from "../../src/http/raw-response.js";

const json = '{"id":"t1","name":"café"}';
const made = () => rawResponse(json, { status: 200, statusText: "OK", headers: { "content-type": "application/json" } });

describe("rawResponse", () => {
  it("is a Response with the status and headers it was given", () => {
    const response = made();
    expect(response).toBeInstanceOf(Response);
    expect([response.status, response.statusText, response.ok, response.headers.get("content-type")]).toEqual([200, "OK", true, "application/json"]);
  });

  it("reads its text once, as text() or json(), as a Response does", async () => {
    const response = made();
    expect(response.bodyUsed).toBe(false);
    await expect(response.json()).resolves.toEqual({ id: "t1", name: "café" });
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow(TypeError);
  });

  it("has a body stream, array buffer, blob and clone with the same bytes", async () => {
    const bytes = new TextEncoder().encode(json);
    expect(new Uint8Array(await made().arrayBuffer())).toEqual(bytes);
    expect(await (await made().blob()).text()).toBe(json);
    const streamed = made();
    expect(await new Response(streamed.body).text()).toBe(json);
    expect(streamed.bodyUsed).toBe(true);
    const original = made();
    const copy = original.clone();
    await expect(original.text()).resolves.toBe(json);
    await expect(copy.json()).resolves.toEqual({ id: "t1", name: "café" });
    const read = made();
    await read.text();
    expect(() => read.clone()).toThrow(TypeError);
  });

  it("has no body for a status that has none", async () => {
    const response = rawResponse(null, { status: 204 });
    expect(response.body).toBeNull();
    await expect(response.text()).resolves.toBe("");
  });
});

describe("raw calls over loopback", () => {
  const server = useTestServer(() => ({ status: 200, body: { id: "t1", name: "café" } }));

  it("hand openapi-fetch and its middleware a Response they can clone and stream", async () => {
    const secrets = createSecretSet();
    const service = createServiceClient<{}>({
      provider: "test",
      baseUrl: server().url,
      authenticator: tokenAuthenticator("x-auth-token", "token-123456", secrets),
      classifier: huaweiRetryClassifier,
      secrets,
      options: {},
    });
    const seen: unknown[] = [];
    service.raw.use({
      async onResponse({ response }: { response: Response }) {
        expect(response).toBeInstanceOf(Response);
        seen.push(await response.clone().json());
        return undefined;
      },
    });
    const { data, response } = await service.raw.GET("/things/1" as never);
    expect(data).toEqual({ id: "t1", name: "café" });
    expect(seen).toEqual([{ id: "t1", name: "café" }]);
    expect(response.status).toBe(200);
    const streamed = await service.raw.GET("/things/1" as never, { parseAs: "stream" } as never);
    expect(await new Response(streamed.data as unknown as ReadableStream).json()).toEqual({ id: "t1", name: "café" });
  });
});
