// How a client for one of the Huawei Cloud services (RES, DataArts Insight,
// ModelArts, DataArts Fabric) is put together: region table, credentials (given,
// or from the default chain), the project (given, named by the environment or
// the credentials file, or looked up in IAM), the gateway's retry signals.
// Explicit options always win; then the environment; then the credentials file.
import type { AnswerFields } from "../operations/answer-fields.js";
import { accessKeyAuthenticator, iamAuthenticator, tokenAuthenticator, type Authenticator } from "../pipeline/auth.js";
import { withRawClient } from "../operations/raw-client.js";
import { createServiceCall, type CallOptions, type ClientOptions, type ServiceCall, type ServiceClient } from "../operations/client.js";
import { defaultCredentials, loadProfile } from "../credentials/chain/node.js";
import { CredentialsUnavailableError } from "../credentials/credential-providers.js";
import { readEnv } from "../runtime/env.js";
import { resolveHuaweiCredentials, type HuaweiCredentials, type ProvidedCredentials } from "../credentials/credentials.js";
import { assertRegionName, normalizeEndpoint, resolveBaseUrl } from "../http/endpoint.js";
import { AbortError, ConfigurationError } from "../errors/errors.js";
import { huaweiRetryClassifier, isTokenRejected } from "./huawei-gateway.js";
import { leaveReasons, within, type SharedWait } from "../runtime/shared-work.js";
import { createIamTokenProvider, iamEndpointFor } from "./iam.js";
import { prepareRequest, type OperationInput, type OperationSpec } from "../operations/operation.js";
import type { ProfileLookup } from "../credentials/profile-file.js";
import { createProjectLookup } from "./projects.js";
import { refreshingCredentials, type RefreshingCredentials } from "../credentials/refreshing-credentials.js";
import type { Unwrap } from "../pipeline/response.js";
import { assertHeaderValue, createSecretSet, type SecretSet } from "../errors/secrets.js";
import { sdkUserAgent } from "../pipeline/user-agent.js";
import { traceCall, traceProvider, traceStep, type ClientTracing, type TraceIdentity } from "../tracing/call.js";

/**
 * Options of the four Huawei clients (RES, DataArts Insight, ModelArts, DataArts Fabric):
 * the {@link ClientOptions} with the region, credentials and IAM endpoint. Every field is
 * optional; explicit options win over the environment, which wins over the credentials file.
 *
 * @example
 * const options: HuaweiClientOptions<"cn-north-4"> = {
 *   region: "cn-north-4",
 *   credentials: { accessKey, secretKey },
 *   maxRetries: 3,
 * };
 */
export type HuaweiClientOptions<Region extends string> = ClientOptions & {
  /** Default: the chain `defaultCredentials()`: HUAWEICLOUD_SDK_AK/SK, then `~/.huaweicloud/credentials`, then the ECS metadata service. */
  credentials?: HuaweiCredentials | undefined;
  /** Picks the documented host. Default: HUAWEICLOUD_SDK_REGION, else `region` in the credentials file's `[basic]` section. */
  region?: Region | undefined;
  /** IAM base URL, for the project lookup and IAM password tokens. Default: HUAWEICLOUD_SDK_IAM_ENDPOINT, `iam_endpoint` in the credentials file, else `https://iam.{region}.myhuaweicloud.com`. */
  iamEndpoint?: string | undefined;
};

/** What {@link createHuaweiService} builds a Huawei service client from. */
export interface HuaweiServiceConfig<Region extends string> {
  /** The service's short name, in errors and logs (`modelarts`). */
  provider: string;
  /** The documented base URL of each region. */
  endpoints: Readonly<Record<Region, string>>;
  /** The caller's client options. */
  options: HuaweiClientOptions<Region>;
  /** The caller's project: sent as X-Project-Id with AK/SK, the scope of IAM tokens, and `{project_id}` of paths. */
  projectId?: string | undefined;
  /**
   * `path`: the service's paths hold `{project_id}`, so a project is needed: when
   * none is configured it is looked up in IAM for the region. `header` (default,
   * DataArts Fabric): only X-Project-Id; with AK/SK and a region but no configured
   * project, the project is looked up the same way and sent, as the official SDKs do.
   */
  projectIdIn?: "path" | "header" | undefined;
  /** The service's name in HUAWEICLOUD_SDK_REGION_{SERVICE}_{REGION_ID} endpoint variables (Go SDK's). Default: provider, upper case. */
  envName?: string | undefined;
  /** How a 2xx answer is read (RES reports failures inside a 2xx body). */
  unwrap?: Unwrap;
  /** The service's documented "does not exist" codes (the spec's `x-not-found-codes`). */
  notFoundCodes?: readonly string[] | undefined;
  /** `@ws/modelarts/0.3.0`, for the User-Agent. */
  packageId?: string | undefined;
  /** Fields of the answers rewritten at read time (ModelArts: numeric ids to strings, `auth_type` lower-cased). */
  answerFields?: AnswerFields | undefined;
}

const PROFILE_HINT = "the [basic] section of ~/.huaweicloud/credentials (or HUAWEICLOUD_SDK_CREDENTIALS_FILE)";

/** Throws a ConfigurationError naming `name` when a required option is missing or empty: at client creation, not at the first call. */
export function requireOption(provider: string, options: object, name: string, what: string): void {
  const value = (options as Record<string, unknown>)[name];
  if (typeof value !== "string" || value.trim() === "") {
    throw new ConfigurationError(`${provider}: ${name} is required (${what})${value === undefined ? "" : `; got ${value === "" ? "an empty string" : typeof value}`}.`, { provider });
  }
}

/** What a client reads from its options, the environment and the credentials file, once, at creation. */
interface Settings {
  region: string | undefined;
  /** HUAWEICLOUD_SDK_PROJECT_ID, else the file's project_id. */
  projectId: string | undefined;
  /** Read when first needed. */
  iamEndpoint(): string | undefined;
}

function readSettings<Region extends string>(config: HuaweiServiceConfig<Region>): Settings {
  const { options } = config;
  let profile: ProfileLookup | undefined;
  const fromFile = (key: string) => (profile ??= loadProfile()).section?.[key] || undefined;
  return {
    region: checkedRegion(config.provider, options.region, readEnv("HUAWEICLOUD_SDK_REGION"), fromFile),
    projectId: config.projectId ?? (readEnv("HUAWEICLOUD_SDK_PROJECT_ID") || fromFile("project_id")),
    iamEndpoint: () => options.iamEndpoint || readEnv("HUAWEICLOUD_SDK_IAM_ENDPOINT") || fromFile("iam_endpoint"),
  };
}

/**
 * The region from the option, else the environment, else the credentials file: the
 * region names hosts (IAM's), so its form is checked here, whichever source gave it.
 */
function checkedRegion(provider: string, option: string | undefined, fromEnv: string | undefined, fromFile: (key: string) => string | undefined): string | undefined {
  const [region, source] = option ? [option, "region"] : fromEnv ? [fromEnv, "HUAWEICLOUD_SDK_REGION"] : [fromFile("region"), `region in ${PROFILE_HINT}`];
  if (region !== undefined) assertRegionName(region, `${provider}: ${source}`);
  return region;
}

/** The service's base URL: `endpoint`, else HUAWEICLOUD_SDK_REGION_{SERVICE}_{REGION_ID} (as the Go SDK reads it), else the region table. */
function baseUrlOf<Region extends string>(config: HuaweiServiceConfig<Region>, region: string | undefined): string {
  const { options, provider } = config;
  if (options.endpoint === undefined && region) {
    const name = `HUAWEICLOUD_SDK_REGION_${(config.envName ?? provider).toUpperCase()}_${region.toUpperCase().replace(/-/g, "_")}`;
    const fromEnv = readEnv(name)?.split(",")[0]?.trim();
    if (fromEnv) return normalizeEndpoint(fromEnv, { allowInsecureHttp: options.allowInsecureHttp, label: name });
  }
  if (options.endpoint === undefined && !region) {
    throw new ConfigurationError(
      `${provider}: no region. Pass region (one of ${Object.keys(config.endpoints).join(", ")}) or endpoint, or set HUAWEICLOUD_SDK_REGION (or region in ${PROFILE_HINT}).`,
      { provider },
    );
  }
  return resolveBaseUrl(config.endpoints, { name: region, endpoint: options.endpoint, allowInsecureHttp: options.allowInsecureHttp }, { service: provider, option: "region" });
}

/** An IAM base URL from an option, a variable or the file: `https://` added when there is no scheme (as the Go SDK does), then checked. */
function iamBase(endpoint: string | undefined, region: string | undefined, allowInsecureHttp: boolean | undefined): string {
  if (!endpoint) return iamEndpointFor(region);
  return normalizeEndpoint(/^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint) ? endpoint : `https://${endpoint}`, { allowInsecureHttp, label: "the IAM endpoint" });
}

/** What the spans of a Huawei client say: OpenTelemetry has no Huawei values, these are the documented custom ones. */
const huaweiIdentity = (region: string | undefined): TraceIdentity => ({ system: "huaweicloud", cloudProvider: "huawei_cloud", region });

/** `pending`, or this call's AbortError or TimeoutError as soon as it is aborted or past its deadline (credentials, the project lookup). */
function abortable<T>(pending: Promise<T>, wait: SharedWait, provider: string, operation: string, what: string): Promise<T> {
  return within(pending, wait, leaveReasons({ provider, operation }, what, wait));
}

interface Wiring {
  /** Authenticates the service's requests (with X-Project-Id). */
  service: Authenticator;
  /** Authenticates the IAM project lookup (without it). */
  lookup: Authenticator;
  /** The access keys, when the client signs with a provider's. */
  keys: RefreshingCredentials | undefined;
  /** Whether requests are signed with AK/SK (and so name their project in X-Project-Id). */
  signs: boolean;
}

function wireCredentials<Region extends string>(
  config: HuaweiServiceConfig<Region>,
  settings: Settings,
  secrets: SecretSet,
  projectFor: (credentials: Readonly<ProvidedCredentials> | undefined) => string | undefined,
): Wiring {
  const { options, provider } = config;
  const given = options.credentials === undefined ? defaultCredentials() : resolveHuaweiCredentials(options.credentials, provider);
  if (typeof given === "function") {
    const tracing: ClientTracing = { service: provider, identity: huaweiIdentity(settings.region), secrets, instrumenter: options.instrumenter };
    const shared = refreshingCredentials(traceProvider(tracing, given), {
      onCredentials(c) {
        // Temporary keys rotate: kept among the recent secrets, not for the client's life.
        secrets.addRotating(c.secretKey);
        secrets.addRotating(c.securityToken);
      },
    });
    // Each call gets its own error, naming the service and what to set.
    const keys: RefreshingCredentials = {
      peek: shared.peek,
      forget: shared.forget,
      get(wait) {
        const current = shared.get(wait);
        if (!(current instanceof Promise)) return current;
        return current.catch((error: unknown) => {
          if (!(error instanceof CredentialsUnavailableError)) throw error;
          throw new CredentialsUnavailableError(error.tried, {
            provider,
            prefix: `${provider}: `,
            hint: "Pass credentials, or set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK, or write ak and sk in the [basic] section of ~/.huaweicloud/credentials.",
            cause: error,
          });
        });
      },
    };
    return { service: accessKeyAuthenticator(keys, secrets, projectFor), lookup: accessKeyAuthenticator(keys, secrets), keys, signs: true };
  }
  if ("token" in given) {
    const auth = tokenAuthenticator("x-auth-token", given.token, secrets, "token", isTokenRejected);
    return { service: auth, lookup: auth, keys: undefined, signs: false };
  }
  if ("iam" in given) {
    const { iam } = given;
    const projectId = projectFor(undefined);
    const project = projectId ? { id: projectId } : settings.region ? { name: settings.region } : undefined;
    if (!project) throw new ConfigurationError(`${provider}: IAM credentials need projectId or region to scope the token.`, { provider });
    const tokens = createIamTokenProvider({
      ...options,
      endpoint: iam.endpoint
        ? normalizeEndpoint(iam.endpoint, { allowInsecureHttp: options.allowInsecureHttp, label: "credentials.iam.endpoint" })
        : iamBase(settings.iamEndpoint(), settings.region, options.allowInsecureHttp),
      username: iam.username,
      password: iam.password,
      domainName: iam.domainName,
      project,
      secrets,
    });
    const auth = iamAuthenticator(tokens);
    return { service: auth, lookup: auth, keys: undefined, signs: false };
  }
  return { service: accessKeyAuthenticator(given, secrets, projectFor), lookup: accessKeyAuthenticator(given, secrets), keys: undefined, signs: true };
}

/** The authenticator a Huawei service client uses for `config`: its credentials, resolved as the client resolves them. */
export function huaweiAuthenticator<Region extends string>(config: HuaweiServiceConfig<Region>, secrets: SecretSet): Authenticator {
  const settings = readSettings(config);
  return wireCredentials(config, settings, secrets, (c) => config.projectId ?? (c?.projectId || settings.projectId)).service;
}

/**
 * Builds a Huawei service client: {@link createHuaweiServiceCall} with the openapi-fetch `raw` client.
 *
 * @example
 * const service = createHuaweiService<paths, Region>({ provider: "modelarts", endpoints, options, projectId, projectIdIn: "path" });
 */
export function createHuaweiService<Paths extends {}, Region extends string>(config: HuaweiServiceConfig<Region>): ServiceClient<Paths> {
  return withRawClient<Paths>(createHuaweiServiceCall(config));
}

/**
 * Builds a Huawei service (without `raw`, what a provider's `/api` context holds): base URL from the region (or endpoint), credentials
 * (given, or the default chain), the project (given, from the environment or credentials
 * file, or looked up in IAM at the first call), and the gateway's retry signals. Throws a
 * ConfigurationError when the region is unknown, no region or endpoint is set, or a
 * project is needed and cannot be found.
 */
export function createHuaweiServiceCall<Region extends string>(config: HuaweiServiceConfig<Region>): ServiceCall {
  const { options, provider } = config;
  const secrets = createSecretSet();
  const settings = readSettings(config);
  if (settings.projectId) assertHeaderValue("x-project-id", settings.projectId, config.projectId === undefined ? "the project id from HUAWEICLOUD_SDK_PROJECT_ID or the credentials file" : "projectId");
  const baseUrl = baseUrlOf(config, settings.region);
  const inPath = config.projectIdIn === "path";
  const region = settings.region;
  const noProject = (operation?: string) => new ConfigurationError(`${provider}: projectId is required. Pass projectId, set HUAWEICLOUD_SDK_PROJECT_ID (or project_id in ${PROFILE_HINT}), or give a region so that the SDK looks the project up in IAM.`, { provider, operation });
  if (inPath && settings.projectId === undefined && !region && typeof options.credentials !== "function") throw noProject();

  let lookup: ReturnType<typeof createProjectLookup> | undefined;
  // The project of a call: the option; what the credentials' source names; the
  // environment or the file; else (paths need one) the region's, found in IAM.
  const knownProject = (c: Readonly<ProvidedCredentials> | undefined) =>
    config.projectId ?? (c?.projectId || settings.projectId || (region ? lookup?.known(region) : undefined));
  const wiring = wireCredentials(config, settings, secrets, knownProject);
  // A token is scoped already; a signed Fabric request names its project in X-Project-Id,
  // the region's when none is configured (as the official SDKs do).
  const looksUp = inPath || (wiring.signs && region !== undefined && region !== "");
  if (looksUp) lookup = createProjectLookup({ ...options, authenticator: wiring.lookup, secrets, service: provider, userAgent: sdkUserAgent(config.packageId ?? `@ws/${provider}`) });

  /** The project of a call; with `traced` (a call's options), the IAM lookup is a span of that call. */
  async function resolveProject(wait: SharedWait, operation: string, traced?: CallOptions): Promise<string> {
    const c = wiring.keys ? await abortable(Promise.resolve(wiring.keys.get(wait)), wait, provider, operation, "credentials") : undefined;
    const known = knownProject(c);
    if (known) return known;
    if (!region || !lookup) throw noProject(operation);
    const iam = iamBase(options.iamEndpoint || c?.iamEndpoint || settings.iamEndpoint(), region, options.allowInsecureHttp);
    const projects = lookup;
    return abortable(traceStep(traced, "iam", "lookupProject", (context) => projects.projectId(region, iam, wait, context)), wait, provider, operation, `the project id of ${region}`);
  }

  // Fabric: every signed call, raw ones included, waits for the project before it is signed.
  const namingProject = (auth: Authenticator): Authenticator => ({
    authenticate: (request) =>
      knownProject(wiring.keys?.peek()) ? auth.authenticate(request) : resolveProject({ abortSignal: request.abortSignal, deadline: request.deadline }, request.operation).then(() => auth.authenticate(request)),
    ...(auth.recover ? { recover: auth.recover.bind(auth) } : {}),
  });

  const service = createServiceCall({
    provider,
    baseUrl,
    authenticator: looksUp && !inPath ? namingProject(wiring.service) : wiring.service,
    classifier: huaweiRetryClassifier,
    secrets,
    options,
    // What Huawei's own SDK sends (it normalises application/json;charset=... to this).
    bodyHeaders: { "content-type": "application/json" },
    ...(config.unwrap ? { unwrap: config.unwrap } : {}),
    notFoundCodes: config.notFoundCodes,
    packageId: config.packageId,
    answerFields: config.answerFields,
    tracing: huaweiIdentity(region),
  });
  if (!inPath) return service;

  const withProject = (input: OperationInput, projectId: string): OperationInput => ({ ...input, params: { ...input.params, project_id: projectId } });

  // A call that names its project goes straight to the service; else the call span starts
  // here, so that it covers the project lookup too.
  const call = <T>(operation: OperationSpec, input: OperationInput, callOptions?: CallOptions, read?: Unwrap): Promise<T> =>
    input.params?.project_id !== undefined || !operation.path.includes("{project_id}")
      ? service.call<T>(operation, input, callOptions, read)
      : traceCall(service.tracing, operation.id, callOptions, (traced) => callInProject<T>(operation, input, traced, read));

  function callInProject<T>(operation: OperationSpec, input: OperationInput, callOptions: CallOptions, read?: Unwrap): Promise<T> {
    const known = knownProject(wiring.keys?.peek());
    if (known) return service.call<T>(operation, withProject(input, known), callOptions, read);
    return (async () => {
      // The input is checked before anything is sent, the project lookup included.
      prepareRequest({ ...operation, path: "/" }, input);
      const projectId = await resolveProject({ abortSignal: callOptions.abortSignal, deadline: callOptions.deadline }, operation.id, callOptions);
      return service.call<T>(operation, withProject(input, projectId), callOptions, read);
    })();
  }

  return { ...service, call };
}
