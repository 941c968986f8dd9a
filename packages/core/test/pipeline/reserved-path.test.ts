// A path segment holding a percent-encoded reserved character (an id with "+",
// "$", ":", "@", ",", ";", "=", "&"): decoded fully and encoded once, as the
// official Python SDK's signer and the gateway's Python signer do; an encoded "/"
// stays inside its segment (shared/docs/signing.md, the python_* vectors).
import { describe, expect, it } from "vitest";
import { canonicalUri } from "../../src/pipeline/signing.js";

describe("canonical URI of encoded reserved characters", () => {
  it.each(["%2B", "%24", "%3A", "%40", "%2C", "%3B", "%3D", "%26"])("a%sb is signed as itself, not with its %% encoded again", (escape) => {
    expect(canonicalUri(`/v1/p/workspaces/a${escape}b`)).toBe(`/v1/p/workspaces/a${escape}b/`);
  });
  it("decodes the lower-case hex of an escape and writes it upper case", () => {
    expect(canonicalUri("/v1/p/workspaces/a%2bb")).toBe("/v1/p/workspaces/a%2Bb/");
  });
  it("keeps an encoded slash inside its segment", () => {
    expect(canonicalUri("/v1/objects/c%2Fd%2Be")).toBe("/v1/objects/c%252Fd%2Be/");
    expect(canonicalUri("/v1/objects/c%2fd")).toBe("/v1/objects/c%252fd/");
  });
  it("leaves a malformed escape as it is", () => {
    expect(canonicalUri("/v1/p/a%ZZb")).toBe("/v1/p/a%25ZZb/");
  });
});
