// From the connection options to an SDK client. The provider packages are imported
// only here, when a command runs (never for --help).
import type { ProviderName } from "./commands.js";
import { createRedactor, type Redact } from "./errors.js";

export type Env = Record<string, string | undefined>;

export interface Connection {
  region?: string | undefined;
  site?: string | undefined;
  endpoint?: string | undefined;
  projectId?: string | undefined;
  instanceId?: string | undefined;
  profile?: string | undefined;
}

const nonEmpty = (...values: Array<string | boolean | undefined>): string | undefined => {
  for (const v of values) if (typeof v === "string" && v !== "") return v;
  return undefined;
};

/** The connection options, from flags first, then the environment. */
export function connectionFrom(options: Record<string, string | boolean>, env: Env): Connection {
  return {
    region: nonEmpty(options.region, env.WS_REGION, env.HUAWEICLOUD_SDK_REGION),
    site: nonEmpty(options.site, env.TRUEWATCH_SITE),
    endpoint: nonEmpty(options.endpoint, env.WS_ENDPOINT),
    projectId: nonEmpty(options["project-id"], env.WS_PROJECT_ID, env.HUAWEICLOUD_SDK_PROJECT_ID),
    instanceId: nonEmpty(options["instance-id"], env.WS_INSIGHT_INSTANCE_ID),
    profile: nonEmpty(options.profile),
  };
}

/** The secrets the environment holds, for redacting them from every output. */
export function environmentRedactor(env: Env): Redact {
  return createRedactor([env.HUAWEICLOUD_SDK_AK, env.HUAWEICLOUD_SDK_SK, env.HUAWEICLOUD_SDK_SECURITY_TOKEN, env.TRUEWATCH_API_KEY, env.HUAWEICLOUD_SDK_PASSWORD]);
}

/**
 * The credentials of a `--profile` (a section of ~/.huaweicloud/credentials, or of
 * HUAWEICLOUD_SDK_CREDENTIALS_FILE), read by @ws/core's `fromProfile`. Loaded only when used.
 */
export async function profileCredentials(profile: string): Promise<unknown> {
  const { fromProfile } = await import("@ws/core");
  return fromProfile({ profile });
}

/** Options every client gets from the CLI (fetch, logger, headers, retries for a dry run). */
export interface ClientExtras {
  fetch?: typeof globalThis.fetch | undefined;
  logger?: ((line: string) => void) | undefined;
  maxRetries?: number | undefined;
  timeoutInMs?: number | undefined;
  userAgent: string;
}

type Factory = (options: Record<string, unknown>) => Record<string, unknown>;

async function factory(provider: ProviderName): Promise<Factory> {
  switch (provider) {
    case "res":
      return (await import("@ws/res")).createResClient as unknown as Factory;
    case "insight":
      return (await import("@ws/insight")).createInsightClient as unknown as Factory;
    case "modelarts":
      return (await import("@ws/modelarts")).createModelArtsClient as unknown as Factory;
    case "fabric":
      return (await import("@ws/fabric")).createFabricClient as unknown as Factory;
    case "truewatch":
      return (await import("@ws/truewatch")).createTrueWatchClient as unknown as Factory;
  }
}

/** Creates the provider's client; configuration mistakes throw the SDK's ConfigurationError. */
export async function createClient(provider: ProviderName, connection: Connection, extras: ClientExtras): Promise<Record<string, unknown>> {
  const create = await factory(provider);
  const options: Record<string, unknown> = {
    headers: { "user-agent": extras.userAgent },
    ...(connection.endpoint ? { endpoint: connection.endpoint } : {}),
    ...(extras.fetch ? { fetch: extras.fetch } : {}),
    ...(extras.logger ? { logger: extras.logger } : {}),
    ...(extras.maxRetries !== undefined ? { maxRetries: extras.maxRetries } : {}),
    ...(extras.timeoutInMs !== undefined ? { timeoutInMs: extras.timeoutInMs } : {}),
  };
  if (provider === "truewatch") {
    if (connection.site) options.site = connection.site;
  } else {
    if (connection.region) options.region = connection.region;
    if (connection.projectId) options.projectId = connection.projectId;
    if (provider === "insight" && connection.instanceId) options.instanceId = connection.instanceId;
    if (connection.profile) options.credentials = await profileCredentials(connection.profile);
  }
  return create(options);
}
