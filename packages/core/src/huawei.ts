// How a client for one of the Huawei Cloud services (RES, DataArts Insight,
// ModelArts, DataArts Fabric) is put together: region table, credentials (given
// or from the environment), the gateway's retry signals.
import { accessKeyAuthenticator, iamAuthenticator, tokenAuthenticator, type Authenticator } from "./auth.js";
import { createServiceClient, type ClientOptions, type ServiceClient } from "./client.js";
import { resolveHuaweiCredentials, type HuaweiCredentials } from "./credentials.js";
import { normalizeEndpoint, resolveBaseUrl } from "./endpoint.js";
import { ConfigurationError } from "./errors.js";
import { huaweiRetryClassifier, isTokenRejected } from "./huawei-gateway.js";
import { createIamTokenProvider, iamEndpointFor } from "./iam.js";
import type { Unwrap } from "./response.js";
import { createSecretSet, type SecretSet } from "./secrets.js";

export type HuaweiClientOptions<Region extends string> = ClientOptions & {
  /** Default: HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK (/ HUAWEICLOUD_SDK_SECURITY_TOKEN) from the environment. */
  credentials?: HuaweiCredentials | undefined;
} & ({ region: Region; endpoint?: string | undefined } | { endpoint: string; region?: Region | undefined });

export interface HuaweiServiceConfig<Region extends string> {
  provider: string;
  endpoints: Readonly<Record<Region, string>>;
  options: HuaweiClientOptions<Region>;
  /** Sent as X-Project-Id with AK/SK, and the scope of IAM tokens. */
  projectId?: string | undefined;
  unwrap?: Unwrap;
  /** The service's documented "does not exist" codes (the spec's `x-not-found-codes`). */
  notFoundCodes?: readonly string[] | undefined;
  /** `@ws/modelarts/0.3.0`, for the User-Agent. */
  packageId?: string | undefined;
}

export function huaweiAuthenticator<Region extends string>(config: HuaweiServiceConfig<Region>, secrets: SecretSet): Authenticator {
  const { options, provider, projectId } = config;
  const credentials = resolveHuaweiCredentials(options.credentials, provider);
  if ("token" in credentials) {
    return tokenAuthenticator("x-auth-token", credentials.token, secrets, "token", isTokenRejected);
  }
  if ("iam" in credentials) {
    const { iam } = credentials;
    const project = projectId ? { id: projectId } : options.region ? { name: options.region } : undefined;
    if (!project) throw new ConfigurationError(`${provider}: IAM credentials need projectId or region to scope the token.`);
    const tokens = createIamTokenProvider({
      ...options,
      endpoint: normalizeEndpoint(iam.endpoint ?? iamEndpointFor(options.region), { allowInsecureHttp: options.allowInsecureHttp, label: "credentials.iam.endpoint" }),
      username: iam.username,
      password: iam.password,
      domainName: iam.domainName,
      project,
      secrets,
    });
    return iamAuthenticator(tokens);
  }
  return accessKeyAuthenticator(credentials, secrets, projectId);
}

export function createHuaweiService<Paths extends {}, Region extends string>(config: HuaweiServiceConfig<Region>): ServiceClient<Paths> {
  const { options, provider } = config;
  const secrets = createSecretSet();
  const baseUrl = resolveBaseUrl(
    config.endpoints,
    { name: options.region, endpoint: options.endpoint, allowInsecureHttp: options.allowInsecureHttp },
    { service: provider, option: "region" },
  );
  return createServiceClient<Paths>({
    provider,
    baseUrl,
    authenticator: huaweiAuthenticator(config, secrets),
    classifier: huaweiRetryClassifier,
    secrets,
    options,
    // What Huawei's own SDK sends (it normalises application/json;charset=... to this).
    bodyHeaders: { "content-type": "application/json" },
    ...(config.unwrap ? { unwrap: config.unwrap } : {}),
    notFoundCodes: config.notFoundCodes,
    packageId: config.packageId,
  });
}
