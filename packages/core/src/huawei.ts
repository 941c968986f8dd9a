// What the four Huawei Cloud services (RES, DataArts Insight, ModelArts,
// DataArts Fabric) share: the API gateway in front of them (its throttling
// answer, its error codes), their credential forms, and how a client for one of
// them is put together.
import { tokenAuthenticator, type Authenticator } from "./auth.js";
import { createServiceClient, type ClientOptions, type ServiceClient } from "./client.js";
import { resolveBaseUrl } from "./endpoint.js";
import { ConfigurationError } from "./errors.js";
import { isRecord, type HttpResponse } from "./http.js";
import { type Unwrap } from "./response.js";
import { parseRetryAfter, type RetryClassifier } from "./retry.js";
import { SecretSet } from "./secrets.js";
import { describeCredentialForms, type HuaweiCredentials } from "./credentials.js";

export type HuaweiClientOptions<Region extends string> = ClientOptions & {
  credentials?: HuaweiCredentials | undefined;
} & ({ region: Region; endpoint?: string | undefined } | { endpoint: string; region?: Region | undefined });

const WINDOW_UNITS: Record<string, number> = { second: 1_000, minute: 60_000, hour: 3_600_000 };

/**
 * The gateway's 429 (APIGW.0308) sends no Retry-After, but its message names the
 * window: "... policy user over ratelimit,limit:100,time:1 minute". Waiting one
 * window is the shortest wait that is sure to help.
 */
export function gatewayThrottleWindow(body: unknown): number | undefined {
  if (!isRecord(body)) return undefined;
  const message = typeof body.error_msg === "string" ? body.error_msg : typeof body.message === "string" ? body.message : "";
  const match = /time:\s*(\d+)\s*(second|minute|hour)s?/i.exec(message);
  return match ? Number(match[1]) * WINDOW_UNITS[match[2]!.toLowerCase()]! : undefined;
}

export const huaweiRetryClassifier: RetryClassifier = {
  // Every Huawei throttle is a 429: the gateway's APIGW.0308 and ModelArts' own
  // ModelArts.2799 / 4206 / 6101. A 429 means "not processed".
  isThrottled: (response: HttpResponse) => response.status === 429,
  retryAfterInMs: (response: HttpResponse) =>
    parseRetryAfter(response.headers.get("retry-after")) ??
    (response.status === 429 ? gatewayThrottleWindow(response.body) : undefined),
};

export function huaweiAuthenticator(credentials: HuaweiCredentials | undefined, secrets: SecretSet, service: string): Authenticator {
  if (credentials && typeof credentials === "object" && "token" in credentials) {
    return tokenAuthenticator("x-auth-token", credentials.token, secrets);
  }
  throw new ConfigurationError(`${service}: no credentials. Pass ${describeCredentialForms()}.`);
}

export interface HuaweiServiceConfig<Region extends string> {
  provider: string;
  endpoints: Readonly<Record<Region, string>>;
  options: HuaweiClientOptions<Region>;
  unwrap?: Unwrap;
}

export function createHuaweiService<Paths extends {}, Region extends string>(config: HuaweiServiceConfig<Region>): ServiceClient<Paths> {
  const { options, provider } = config;
  const secrets = new SecretSet();
  const baseUrl = resolveBaseUrl(
    config.endpoints,
    { name: options.region, endpoint: options.endpoint, allowInsecureHttp: options.allowInsecureHttp },
    { service: provider, option: "region" },
  );
  return createServiceClient<Paths>({
    provider,
    baseUrl,
    authenticator: huaweiAuthenticator(options.credentials, secrets, provider),
    classifier: huaweiRetryClassifier,
    secrets,
    options,
    // What Huawei's own SDK sends (it normalises application/json;charset=... to this).
    bodyHeaders: { "content-type": "application/json" },
    ...(config.unwrap ? { unwrap: config.unwrap } : {}),
  });
}
