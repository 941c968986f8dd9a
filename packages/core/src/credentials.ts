// The credential forms a Huawei client accepts, and where they come from when
// none are passed: the environment variables Huawei's own SDKs read.
import type { TokenSource } from "./auth.js";
import { ConfigurationError } from "./errors.js";
import { assertHeaderValue } from "./secrets.js";

/** An IAM token you manage yourself: the string, or a function returning the current one (asked before every attempt). */
export interface TokenCredentials {
  token: TokenSource;
}

/** An access key pair; every request is signed with SDK-HMAC-SHA256. `securityToken` for temporary keys. */
export interface AccessKeyCredentials {
  accessKey: string;
  secretKey: string;
  securityToken?: string | undefined;
}

/** An IAM user's password: the SDK obtains, caches and renews a project-scoped token itself. */
export interface IamPasswordCredentials {
  iam: {
    username: string;
    password: string;
    /** The account (domain) the IAM user belongs to. */
    domainName: string;
    /** IAM base URL; default `https://iam.{region}.myhuaweicloud.com` (Open Telekom Cloud: `https://iam.eu-de.otc.t-systems.com`). */
    endpoint?: string | undefined;
  };
}

export type HuaweiCredentials = TokenCredentials | AccessKeyCredentials | IamPasswordCredentials;

export const CREDENTIAL_FORMS =
  "credentials: { accessKey, secretKey, securityToken? } | { token } | { iam: { username, password, domainName, endpoint? } }";

/** The environment, where there is one (Node, Bun, Deno's Node compatibility); nothing in browsers. */
export function readEnv(name: string): string | undefined {
  try {
    const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
    const value = env?.[name];
    return value === undefined || value === "" ? undefined : value;
  } catch {
    return undefined; // e.g. Deno without --allow-env
  }
}

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

/** The credentials given, or those in the environment; a clear error, before any request, when there are none. */
export function resolveHuaweiCredentials(given: HuaweiCredentials | undefined, service: string): HuaweiCredentials {
  const credentials = given ?? huaweiCredentialsFromEnv();
  if (!credentials) {
    throw new ConfigurationError(
      `${service}: no credentials. Pass ${CREDENTIAL_FORMS}, or set the environment variables HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (and HUAWEICLOUD_SDK_SECURITY_TOKEN for temporary keys).`,
    );
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
