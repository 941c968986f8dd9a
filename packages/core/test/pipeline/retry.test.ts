import { describe, expect, it } from "vitest";
import { backoffDelay, parseRetryAfter, RETRY_DEFAULTS } from "../../src/pipeline/retry.js";
import { gatewayThrottleWindow } from "../../src/huawei/huawei-gateway.js";

describe("backoffDelay", () => {
  const options = { ...RETRY_DEFAULTS };
  it("is full jitter under an exponential ceiling capped at maxRetryDelayInMs", () => {
    expect(backoffDelay(0, options, () => 0.999)).toBe(499);
    expect(backoffDelay(1, options, () => 0.999)).toBe(999);
    expect(backoffDelay(3, options, () => 0.5)).toBe(2000);
    expect(backoffDelay(10, options, () => 0.999)).toBe(7992);
    expect(backoffDelay(2, options, () => 0)).toBe(0);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-11-23T10:00:00Z");
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("3", now)).toBe(3000);
    expect(parseRetryAfter(" 1.5 ", now)).toBe(1500);
    expect(parseRetryAfter("Mon, 23 Nov 2026 10:00:07 GMT", now)).toBe(7000);
    expect(parseRetryAfter("Mon, 23 Nov 2026 09:59:00 GMT", now)).toBe(0);
  });
  it("ignores what it cannot read", () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter("", now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter("-1", now)).toBeUndefined();
  });
});

describe("gatewayThrottleWindow", () => {
  it("reads the window from the gateway's 0308 message", () => {
    const msg = (m: string) => ({ error_code: "APIGW.0308", error_msg: `The throttling threshold has been reached: ${m}` });
    expect(gatewayThrottleWindow(msg("policy user over ratelimit,limit:100,time:1 minute"))).toBe(60_000);
    expect(gatewayThrottleWindow(msg("policy ip over ratelimit,limit:5,time:5 second"))).toBe(5_000);
    expect(gatewayThrottleWindow({ error_code: "APIGW.0308", error_msg: "throttled" })).toBeUndefined();
    expect(gatewayThrottleWindow("<html>")).toBeUndefined();
  });
});
