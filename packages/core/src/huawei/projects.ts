// The project id of a region, looked up the way Huawei's SDKs do when none is
// configured: IAM `GET /v3/projects?name={region}`, authenticated like the
// client's own requests (signed with its AK/SK, or its token). Once per client
// and region: concurrent calls share the one request, and the answer is kept. A
// failed lookup is not kept, so a later call tries again.
import type { Authenticator } from "../pipeline/auth.js";
import { AuthPolicy } from "../pipeline/auth.js";
import { encodeRfc3986 } from "../http/endpoint.js";
import { ConfigurationError } from "../errors/errors.js";
import { createPipeline, isRecord, type CallContext, type HttpRequest, type Policy } from "../http/http.js";
import { huaweiRetryClassifier } from "./huawei-gateway.js";
import { LogPolicy, type Logger } from "../pipeline/logging.js";
import { readResult, unwrapBody } from "../pipeline/response.js";
import { RetryPolicy, type RetryOptions } from "../pipeline/retry.js";
import { assertHeaderValue, type SecretSet } from "../errors/secrets.js";
import { leaveReasons, sharedWork, type SharedWait } from "../runtime/shared-work.js";
import { createTransport } from "../pipeline/transport.js";
import { UserAgentPolicy } from "../pipeline/user-agent.js";
import { TracePolicy } from "../tracing/attempt.js";

/**
 * Options of {@link createProjectLookup}.
 *
 * @example
 * const projects = createProjectLookup({ authenticator, secrets: createSecretSet(), service: "modelarts" });
 * const projectId = await projects.projectId("cn-north-4", "https://iam.cn-north-4.myhuaweicloud.com");
 */
export interface ProjectLookupOptions extends RetryOptions {
  /** Authenticates the IAM request (without X-Project-Id: that is what is being looked up). */
  authenticator: Authenticator;
  /** The values redacted from logs and errors. */
  secrets: SecretSet;
  /** For error messages: the service whose client needs the project. */
  service: string;
  /** A fetch implementation (default: the global one). */
  fetch?: typeof globalThis.fetch | undefined;
  /** Limit for one IAM request. Default 30 s. */
  timeoutInMs?: number | undefined;
  /** IAM answers larger than this are not read (the client's limit). Default 16 MiB. */
  maxResponseBytes?: number | undefined;
  /** Receives one redacted line per IAM request. */
  logger?: Logger | undefined;
  /** The SDK's User-Agent (`ws-sdk-js @ws/fabric/0.3.0 node/20.20.2`), sent as the service client sends it. */
  userAgent?: string | undefined;
}

/** A region's project ID, looked up in IAM once per region and kept. */
export interface ProjectLookup {
  /**
   * The region's project id: the one found before, the one being looked up, or a new lookup at
   * `iamEndpoint` (checked, no trailing slash). A caller leaves when its `abortSignal` fires or
   * its `deadline` passes; the lookup is aborted when every caller waiting for it has left.
   * `context` is that of the requests a new lookup makes (a traced one's attempt spans).
   */
  projectId(region: string, iamEndpoint: string, wait?: SharedWait, context?: CallContext): Promise<string>;
  /** The region's project id if it is already known. */
  known(region: string): string | undefined;
}

/**
 * Looks a region's project up in IAM (`GET /v3/projects?name={region}`), once per region,
 * with one request shared by concurrent callers. Rejects with a ConfigurationError naming
 * `projectId` when IAM lists no project for the region, or several.
 */
export function createProjectLookup(options: ProjectLookupOptions): ProjectLookup {
  const policies: Policy[] = [
    new RetryPolicy(huaweiRetryClassifier, options, "iam"),
    new AuthPolicy(options.authenticator, "iam"),
    new UserAgentPolicy(options.userAgent, undefined),
  ];
  if (options.logger) policies.push(new LogPolicy(options.logger, "iam", options.secrets));
  policies.push(new TracePolicy());
  const send = createPipeline(policies, createTransport({ fetch: options.fetch, timeoutInMs: options.timeoutInMs, maxResponseBytes: options.maxResponseBytes, provider: "iam" }));
  const found = new Map<string, string>();
  const pending = new Map<string, ReturnType<typeof sharedWork<string, CallContext>>>();

  async function lookUp(region: string, iamEndpoint: string, signal: AbortSignal, context: CallContext): Promise<string> {
    const request: HttpRequest = {
      method: "GET",
      url: `${iamEndpoint}/v3/projects?name=${encodeRfc3986(region)}`,
      headers: {},
      abortSignal: signal,
      idempotent: true,
      operation: "listProjects",
      context,
    };
    const response = await send(request);
    const body = readResult<unknown>(response, request, { provider: "iam", unwrap: unwrapBody, secrets: options.secrets });
    const projects = (isRecord(body) && Array.isArray(body.projects) ? body.projects : []).filter(
      (p): p is { id: string; name?: unknown } => isRecord(p) && typeof p.id === "string" && p.id !== "" && (p.name === undefined || p.name === region),
    );
    const where = `IAM (GET /v3/projects?name=${region} at ${iamEndpoint})`;
    if (projects.length !== 1) {
      throw new ConfigurationError(
        projects.length === 0
          ? `${options.service}: projectId is not set and ${where} lists no project for region ${region}. Pass projectId, or set HUAWEICLOUD_SDK_PROJECT_ID.`
          : `${options.service}: projectId is not set and ${where} lists ${projects.length} projects for region ${region} (${projects.map((p) => p.id).join(", ")}). Pass projectId to choose one.`,
        { provider: options.service, attempts: request.context.attempts },
      );
    }
    const id = projects[0]!.id;
    assertHeaderValue("x-project-id", id, "the project id IAM returned");
    found.set(region, id);
    return id;
  }

  return {
    projectId(region, iamEndpoint, wait = {}, context) {
      const known = found.get(region);
      if (known !== undefined) return Promise.resolve(known);
      let lookup = pending.get(region);
      if (!lookup) {
        // The context of the call that starts a lookup: the attempt spans are its.
        lookup = sharedWork<string, CallContext>((signal, context) => lookUp(region, iamEndpoint, signal, context ?? { attempts: 0, retry: 0 }));
        pending.set(region, lookup);
      }
      return lookup.join(wait, leaveReasons({ provider: options.service }, `the project id of ${region}`, wait), context);
    },
    known: (region) => found.get(region),
  };
}
