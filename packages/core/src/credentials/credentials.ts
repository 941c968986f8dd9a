// The credential forms a Huawei client accepts. When none are passed, the client
// asks the default provider chain (credential-providers.ts).
import { ConfigurationError } from "../errors/errors.js";
import { hasEnv, readEnv } from "../runtime/env.js";
import { assertHeaderValue } from "../errors/secrets.js";

/** A token: the token itself, or a function (sync or async) asked before every attempt. */
export type TokenSource = string | (() => string | Promise<string>);

/** An IAM token you manage yourself: the string, or a function returning the current one (asked before every attempt). */
export interface TokenCredentials {
  /** The token (sent as X-Auth-Token), or a function (sync or async) returning the current one. */
  token: TokenSource;
}

/** An access key pair; every request is signed with SDK-HMAC-SHA256. `securityToken` for temporary keys. */
export interface AccessKeyCredentials {
  /** The access key ID (AK). */
  accessKey: string;
  /** The secret access key (SK); never sent, only used to sign. */
  secretKey: string;
  /** The security token of temporary keys (sent as X-Security-Token). */
  securityToken?: string | undefined;
}

/** An IAM user's password: the SDK obtains, caches and renews a project-scoped token itself. */
export interface IamPasswordCredentials {
  /** The IAM user and where to log in. */
  iam: {
    /** The IAM user's name. */
    username: string;
    /** The IAM user's password. */
    password: string;
    /** The account (domain) the IAM user belongs to. */
    domainName: string;
    /** IAM base URL; default `https://iam.{region}.myhuaweicloud.com` (Open Telekom Cloud: `https://iam.eu-de.otc.t-systems.com`). */
    endpoint?: string | undefined;
  };
}

/**
 * What a credential provider resolves to: an access key pair (temporary ones with
 * `securityToken` and `expiration`), and what else its source names.
 *
 * @example
 * const credentials = async () => {
 *   const s = await vault.read("huawei");
 *   return { accessKey: s.ak, secretKey: s.sk, securityToken: s.token, expiration: new Date(s.expiresAt) };
 * };
 */
export interface ProvidedCredentials {
  /** The access key ID (AK). */
  accessKey: string;
  /** The secret access key (SK). */
  secretKey: string;
  /** The security token of temporary keys. */
  securityToken?: string | undefined;
  /** When the keys stop working. The SDK asks the provider again before then (5 minutes, or half the lifetime when shorter). Absent: they never expire. */
  expiration?: Date | undefined;
  /** The project the source names (HUAWEICLOUD_SDK_PROJECT_ID, `project_id`): used when the client has no `projectId`. */
  projectId?: string | undefined;
  /** The account (domain) the source names (HUAWEICLOUD_SDK_DOMAIN_ID, `domain_id`). */
  domainId?: string | undefined;
  /** IAM base URL the source names (HUAWEICLOUD_SDK_IAM_ENDPOINT, `iam_endpoint`), for the project lookup. */
  iamEndpoint?: string | undefined;
}

/**
 * A function returning access keys (sync or async): `fromEnv()`, `fromProfile()`,
 * `fromMetadata()`, `defaultCredentials()`, or your own. Asked at the first call,
 * then again before `expiration`, by one request shared by concurrent calls. Its
 * `abortSignal` fires when no call waits for the answer any more: a provider that
 * sends requests should stop them then.
 */
// `| void`: a provider still fits where a no-argument function does (`promise.then(fromEnv())`).
export type CredentialProvider = (options?: CredentialRequestOptions | void) => ProvidedCredentials | Promise<ProvidedCredentials>;

/**
 * What a {@link CredentialProvider} is asked with.
 *
 * @example
 * const fromVault: CredentialProvider = async ({ abortSignal } = {}) => (await fetch(vaultUrl, { signal: abortSignal })).json();
 */
export interface CredentialRequestOptions {
  /** Fires when every call waiting for these credentials has been aborted or has passed its deadline. */
  abortSignal?: AbortSignal | undefined;
}

/**
 * The `credentials` a Huawei client takes: a token, an access key pair, an IAM user's
 * password, or a provider function. Left out: {@link defaultCredentials}.
 */
export type HuaweiCredentials = TokenCredentials | AccessKeyCredentials | IamPasswordCredentials | CredentialProvider;

/** The credential forms in words, as error messages list them. */
export const CREDENTIAL_FORMS =
  "credentials: { accessKey, secretKey, securityToken? } | a provider function (fromEnv(), fromProfile(), fromMetadata(), or your own) | { token } | { iam: { username, password, domainName, endpoint? } }";


/** `HUAWEICLOUD_SDK_AK` / `HUAWEICLOUD_SDK_SK` / `HUAWEICLOUD_SDK_SECURITY_TOKEN`, as Huawei's SDKs name them. */
export function huaweiCredentialsFromEnv(): AccessKeyCredentials | undefined {
  const accessKey = readEnv("HUAWEICLOUD_SDK_AK");
  const secretKey = readEnv("HUAWEICLOUD_SDK_SK");
  if (!accessKey || !secretKey) return undefined;
  return { accessKey, secretKey, securityToken: readEnv("HUAWEICLOUD_SDK_SECURITY_TOKEN") };
}

function nonEmpty(value: unknown, what: string): string {
  if (typeof value !== "string" || value.trim() === "") throw new ConfigurationError(`${what} must be a non-empty string.`);
  return value;
}

/**
 * Checks the credentials given (before any request: a value that would break a
 * header, an empty key). A provider function is checked on each answer instead.
 */
export function resolveHuaweiCredentials<C extends HuaweiCredentials>(credentials: C, service: string): C {
  if (typeof credentials === "function") return credentials;
  if (typeof credentials !== "object" || credentials === null) {
    throw new ConfigurationError(`${service}: unrecognised credentials. Pass ${CREDENTIAL_FORMS}.`);
  }
  if ("accessKey" in credentials || "secretKey" in credentials) {
    const c = credentials as AccessKeyCredentials;
    assertHeaderValue("authorization", nonEmpty(c.accessKey, "credentials.accessKey"), "credentials.accessKey");
    assertHeaderValue("x-sdk-signature", nonEmpty(c.secretKey, "credentials.secretKey"), "credentials.secretKey");
    if (c.securityToken !== undefined) assertHeaderValue("x-security-token", nonEmpty(c.securityToken, "credentials.securityToken"), "credentials.securityToken");
  } else if ("iam" in credentials) {
    const { iam } = credentials;
    nonEmpty(iam?.username, "credentials.iam.username");
    nonEmpty(iam?.password, "credentials.iam.password");
    nonEmpty(iam?.domainName, "credentials.iam.domainName");
  } else if (!("token" in credentials)) {
    throw new ConfigurationError(`${service}: unrecognised credentials. Pass ${CREDENTIAL_FORMS}.`);
  }
  return credentials;
}

/** Checks what a provider returned (before it is used or kept) and freezes a copy: a key pair is replaced whole, never edited. */
export function checkProvidedCredentials(value: unknown, what = "the credentials provider"): Readonly<ProvidedCredentials> {
  if (typeof value !== "object" || value === null) {
    throw new ConfigurationError(`${what} returned ${value === null ? "null" : typeof value} instead of { accessKey, secretKey, securityToken?, expiration? }.`);
  }
  const c = value as ProvidedCredentials;
  assertHeaderValue("authorization", nonEmpty(c.accessKey, `accessKey from ${what}`), `accessKey from ${what}`);
  assertHeaderValue("x-sdk-signature", nonEmpty(c.secretKey, `secretKey from ${what}`), `secretKey from ${what}`);
  if (c.securityToken !== undefined) assertHeaderValue("x-security-token", nonEmpty(c.securityToken, `securityToken from ${what}`), `securityToken from ${what}`);
  if (c.expiration !== undefined && !(c.expiration instanceof Date && Number.isFinite(c.expiration.getTime()))) {
    throw new ConfigurationError(`expiration from ${what} must be a valid Date.`);
  }
  if (c.projectId !== undefined) assertHeaderValue("x-project-id", nonEmpty(c.projectId, `projectId from ${what}`), `projectId from ${what}`);
  return Object.freeze({
    accessKey: c.accessKey,
    secretKey: c.secretKey,
    securityToken: c.securityToken,
    expiration: c.expiration,
    projectId: c.projectId,
    domainId: c.domainId,
    iamEndpoint: c.iamEndpoint,
  });
}
