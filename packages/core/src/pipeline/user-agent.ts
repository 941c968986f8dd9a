import type { HttpRequest, HttpResponse, Policy, SendRequest } from "../http/http.js";
// Which JavaScript runtime the SDK runs in, for the User-Agent header. Browsers
// set their own User-Agent (and a script's would only add a CORS preflight), so
// there is none to add there.
type Globals = {
  Deno?: { version?: { deno?: string } };
  Bun?: { version?: string };
  navigator?: { userAgent?: string };
  process?: { versions?: { node?: string } };
  document?: unknown;
  WorkerGlobalScope?: unknown;
};

/** `node/20.20.2`, `deno/2.1.0`, `bun/1.2.0`, `workerd`; undefined in browsers and browser workers. */
export function runtimeName(globals: Globals = globalThis as Globals): string | undefined {
  if (globals.Deno?.version?.deno) return `deno/${globals.Deno.version.deno}`;
  if (globals.Bun?.version) return `bun/${globals.Bun.version}`;
  if (globals.navigator?.userAgent === "Cloudflare-Workers") return "workerd";
  if (globals.process?.versions?.node) return `node/${globals.process.versions.node}`;
  return undefined;
}

/** `ws-sdk-js @ws/modelarts/0.3.0 node/20.20.2`, or undefined where the runtime sets its own. */
export function sdkUserAgent(packageId: string, globals?: Globals): string | undefined {
  const runtime = runtimeName(globals);
  return runtime === undefined ? undefined : `ws-sdk-js ${packageId} ${runtime}`;
}

/**
 * Sets the User-Agent of every attempt, after authentication (unsigned, as a
 * proxy may rewrite it): the SDK's own, then any the caller set, then
 * `attempt/N` on retries (as AWS's amz-sdk-request and Stainless's retry count do).
 */
export class UserAgentPolicy implements Policy {
  readonly name = "user-agent";
  constructor(
    private readonly base: string | undefined,
    /** The client's `headers["user-agent"]`, if any. */
    private readonly app: string | undefined,
  ) {}

  send(request: HttpRequest, next: SendRequest): Promise<HttpResponse> {
    const { retry } = request.context;
    const value = [this.base, request.userAgent ?? this.app, retry > 0 && `attempt/${retry + 1}`].filter(Boolean).join(" ");
    // AuthPolicy, above, gave this attempt its own headers object: set the header on it, no copy.
    if (value) request.headers["user-agent"] = value;
    return next(request);
  }
}
