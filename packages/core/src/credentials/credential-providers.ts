// Where access keys come from when the code passes none, in the order and with the
// names Huawei's Go and Python SDKs use: the environment, the credentials file,
// the ECS metadata service. Each provider is a plain function; one that finds
// nothing throws CredentialsUnavailableError saying why, and a chain tries the
// next. No message names a secret: only variables, files, sections and statuses.
import { hasEnv, readEnv } from "../runtime/env.js";
import { checkProvidedCredentials, type CredentialProvider, type ProvidedCredentials } from "./credentials.js";
import { ConfigurationError, type SdkErrorOptions } from "../errors/errors.js";
import { createMetadataClient, MetadataError, type MetadataOptions } from "./metadata.js";
import { loadProfile, type ProfileOptions } from "./profile-file.js";

/** One provider's reason for giving nothing. */
export interface CredentialsAttempt {
  /** `environment`, `profile`, `metadata`, or your provider's name. */
  source: string;
  /** Why it gave nothing (`HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK are not set`); never a secret. */
  reason: string;
}

/**
 * No credentials from this provider (or from any provider of a chain): `tried` says who
 * was asked and why each gave nothing. A client without credentials rejects its first
 * call with it.
 *
 * @example
 * try {
 *   await createModelArtsClient({ region: "cn-north-4" }).getWorkspace(id);
 * } catch (error) {
 *   if (error instanceof CredentialsUnavailableError) for (const t of error.tried) console.error(`${t.source}: ${t.reason}`);
 * }
 */
export class CredentialsUnavailableError extends ConfigurationError {
  /** Each provider asked, and why it gave nothing, in order. */
  readonly tried: readonly CredentialsAttempt[];
  constructor(tried: readonly CredentialsAttempt[], options: SdkErrorOptions & { prefix?: string; hint?: string } = {}) {
    const list = tried.map((t) => `${t.source}: ${t.reason.replace(/[.\s]+$/, "")}`).join("; ");
    const what = tried.length === 1 ? `no credentials from the ${list}.` : `no credentials found. Tried ${list}.`;
    super(`${options.prefix ?? ""}${options.prefix ? what : what[0]!.toUpperCase() + what.slice(1)}${options.hint ? ` ${options.hint}` : ""}`, options);
    this.tried = tried;
  }
}

Object.defineProperty(CredentialsUnavailableError.prototype, "name", { value: "CredentialsUnavailableError", writable: true, configurable: true, enumerable: false });

const unavailable = (source: string, reason: string, cause?: unknown) => new CredentialsUnavailableError([{ source, reason }], { cause });

/**
 * HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK and HUAWEICLOUD_SDK_SECURITY_TOKEN, with
 * HUAWEICLOUD_SDK_PROJECT_ID, HUAWEICLOUD_SDK_DOMAIN_ID and HUAWEICLOUD_SDK_IAM_ENDPOINT.
 * Read at every call of the provider. Gives nothing (CredentialsUnavailableError) when the
 * key pair is not set, or the runtime has no environment (browsers).
 *
 * @example
 * const ma = createModelArtsClient({ region: "cn-north-4", credentials: fromEnv() });
 */
export function fromEnv(): CredentialProvider {
  return () => {
    if (!hasEnv()) throw unavailable("environment", "no environment variables in this runtime");
    const accessKey = readEnv("HUAWEICLOUD_SDK_AK");
    const secretKey = readEnv("HUAWEICLOUD_SDK_SK");
    if (!accessKey || !secretKey) {
      const unset = [accessKey ? "" : "HUAWEICLOUD_SDK_AK", secretKey ? "" : "HUAWEICLOUD_SDK_SK"].filter(Boolean);
      throw unavailable("environment", `${unset.join(" and ")} ${unset.length > 1 ? "are" : "is"} not set`);
    }
    return checkProvidedCredentials(
      {
        accessKey,
        secretKey,
        securityToken: readEnv("HUAWEICLOUD_SDK_SECURITY_TOKEN"),
        projectId: readEnv("HUAWEICLOUD_SDK_PROJECT_ID"),
        domainId: readEnv("HUAWEICLOUD_SDK_DOMAIN_ID"),
        iamEndpoint: readEnv("HUAWEICLOUD_SDK_IAM_ENDPOINT"),
      },
      "the environment",
    );
  };
}

/**
 * A section (default `[basic]`) of the credentials file (`file`, else
 * HUAWEICLOUD_SDK_CREDENTIALS_FILE, else `~/.huaweicloud/credentials`): keys `ak`,
 * `sk`, `security_token`, `project_id`, `domain_id`, `iam_endpoint`. Read on every
 * call, so an edited file applies at the next refresh. A malformed file is a
 * ConfigurationError (not "nothing here"): a chain stops there. Node only: other runtimes
 * have no file system, and the provider gives nothing there.
 *
 * @example
 * const ma = createModelArtsClient({ region: "cn-north-4", credentials: fromProfile({ profile: "staging" }) });
 */
export function fromProfile(options: ProfileOptions = {}): CredentialProvider {
  return () => {
    const { path, section, missing } = loadProfile(options);
    if (!section) throw unavailable("profile", missing ?? "no section");
    const { ak, sk } = section;
    if (!ak || !sk) {
      throw unavailable("profile", `the [${options.profile ?? "basic"}] section of ${path} has no ${ak ? "sk" : sk ? "ak" : "ak and sk"}`);
    }
    const optional = (key: string) => section[key] || undefined;
    return checkProvidedCredentials(
      {
        accessKey: ak,
        secretKey: sk,
        securityToken: optional("security_token"),
        projectId: optional("project_id"),
        domainId: optional("domain_id"),
        iamEndpoint: optional("iam_endpoint"),
      },
      `the credentials file ${path}`,
    );
  };
}

/**
 * The temporary keys of the ECS instance's agency, from the metadata service
 * (`endpoint`, else WS_SDK_METADATA_ENDPOINT, else `http://169.254.169.254`), with
 * their `expiration`: a client refreshes them before then. Gives nothing when the service
 * is unreachable (3 s per request), the instance has no agency, or the service answers an
 * error. Throws a ConfigurationError at once when `endpoint` is not `http(s)://host[:port]`.
 *
 * @example
 * const ma = createModelArtsClient({ region: "cn-north-4", credentials: fromMetadata() });
 */
export function fromMetadata(options: MetadataOptions = {}): CredentialProvider {
  const endpoint = options.endpoint ?? readEnv("WS_SDK_METADATA_ENDPOINT");
  if (endpoint !== undefined && !/^https?:\/\/[^/?#]+\/?$/i.test(endpoint)) {
    throw new ConfigurationError(`The metadata endpoint must be http(s)://host[:port] (got ${JSON.stringify(endpoint)}).`);
  }
  const client = createMetadataClient({ ...options, endpoint });
  return async (request) => {
    try {
      return checkProvidedCredentials(await client(request ?? undefined), "the metadata service");
    } catch (error) {
      if (error instanceof MetadataError) throw unavailable("metadata", error.message, error);
      throw error;
    }
  };
}

/**
 * Asks each provider in turn and returns the first credentials found. A provider
 * that finds nothing (CredentialsUnavailableError) passes to the next; any other
 * error (a malformed credentials file) stops the chain. When none finds any, the
 * error lists every provider and its reason.
 *
 * @example
 * const ma = createModelArtsClient({
 *   region: "cn-north-4",
 *   credentials: chainCredentials(fromEnv(), async () => vault.huaweiKeys()),
 * });
 */
export function chainCredentials(...providers: CredentialProvider[]): CredentialProvider {
  return async (request) => {
    const tried: CredentialsAttempt[] = [];
    for (const provider of providers) {
      try {
        return await provider(request);
      } catch (error) {
        if (!(error instanceof CredentialsUnavailableError)) throw error;
        tried.push(...error.tried);
      }
    }
    throw new CredentialsUnavailableError(tried);
  };
}

/**
 * Options of {@link defaultCredentials}: where its file and metadata providers look.
 *
 * @example
 * const credentials = defaultCredentials({ profile: { profile: "staging" }, metadata: { timeoutInMs: 1_000 } });
 */
export interface DefaultCredentialsOptions {
  /** Which file and section `fromProfile` reads. */
  profile?: ProfileOptions | undefined;
  /** The metadata service `fromMetadata` asks. */
  metadata?: MetadataOptions | undefined;
}

/**
 * The default chain: `fromEnv()`, then `fromProfile()`, then `fromMetadata()`; the first
 * that yields wins. What a Huawei client uses when it is given no `credentials`.
 *
 * @example
 * const ma = createModelArtsClient({ region: "cn-north-4", credentials: defaultCredentials({ profile: { profile: "ci" } }) });
 */
export function defaultCredentials(options: DefaultCredentialsOptions = {}): CredentialProvider {
  return chainCredentials(fromEnv(), fromProfile(options.profile), fromMetadata(options.metadata));
}
