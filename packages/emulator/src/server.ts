// One HTTP server for the five services, IAM and the ECS metadata service. Per request: read the body,
// pick the route by path (each at its documented path), apply an injected fault,
// authenticate like the gateway, validate against the spec, then let the
// provider's emulation answer.
import http from "node:http";
import { hex, type Account } from "./accounts.js";
import { Gatekeeper, type AuthResult, type Incoming } from "./auth.js";
import { FaultQueue, parseFaultHeader, STATE_FAULTS, type Fault } from "./faults.js";
import { fabric } from "./providers/fabric.js";
import { listProjects, queryOf } from "./iam.js";
import { metadata, metadataRoute, metadataSettings, type MetadataOptions, type MetadataState } from "./metadata.js";
import { huaweiError } from "./providers/huawei.js";
import { insight } from "./providers/insight.js";
import { modelarts } from "./providers/modelarts.js";
import { res } from "./providers/res.js";
import { envelope, truewatch } from "./providers/truewatch.js";
import { Store, type Emulation, type Reply, type Route } from "./providers/types.js";
import { operationValidator } from "./spec-validator.js";

const EMULATIONS: Emulation[] = [res, insight, modelarts, fabric, truewatch];
const MAX_BODY_BYTES = 12 * 1024 * 1024; // the gateway's limit (APIGW.0201, 413)

interface CompiledRoute {
  emulation: Emulation;
  route: Route;
  pattern: RegExp;
  names: string[];
}

const ROUTES: CompiledRoute[] = EMULATIONS.flatMap((emulation) =>
  emulation.routes.map((route) => {
    const names: string[] = [];
    const source = route.path.replace(/[.]/g, "\\.").replace(/\{([^}]+)\}/g, (_, name: string) => {
      names.push(name);
      return "([^/]+)";
    });
    return { emulation, route, pattern: new RegExp(`^${source}$`), names };
  }),
);

export interface EmulatorState {
  accounts: Account[];
  store: Store;
  faults: FaultQueue;
  gate: Gatekeeper;
  apiKeys: Map<string, Account>;
  /** Requests served, by provider (admin routes excluded). */
  counts: Map<string, number>;
  /** X-Emulator-Fault values seen, and how many requests carried each. */
  headerFaults: Map<string, number>;
  /** How long passing states (DELETING) last. */
  transitionDelayInMs: number;
  /** How long a new workspace stays CREATING where the service has states (0: ready at once). */
  createDelayInMs: number;
  /** `live` or `documented` error codes where the two differ (EmulatorOptions.errorCodes). */
  errorCodes: "live" | "documented";
  /** The metadata service: its settings, session tokens and temporary-key lifetime. */
  metadata: MetadataState;
  /** The fault delays in progress: `close()` ends them, so no timer outlives the emulator. */
  pauses: Pauses;
  now(): number;
}

/** Timers of fault delays, each cancellable; `cancelAll()` (on close) ends every one at once. */
export class Pauses {
  private readonly pending = new Map<NodeJS.Timeout, () => void>();

  /** Resolves after `ms`, or as soon as `cancelAll()` is called (true: the wait was cut short). */
  wait(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(timer);
        resolve(false);
      }, ms);
      this.pending.set(timer, () => resolve(true));
    });
  }

  cancelAll(): void {
    for (const [timer, cancel] of this.pending) {
      clearTimeout(timer);
      cancel();
    }
    this.pending.clear();
  }
}

type Family = "huawei" | "truewatch" | "metadata";

// Browser apps and browser tests call the emulator from another origin: every
// service answer allows it, and shows the headers the SDK reads. The admin routes
// (/__emulator/...) get no grant: a web page must not read or reconfigure the emulator.
const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "X-Request-Id, X-Subject-Token, Retry-After, Date, Content-Length",
};

/** The answer to a CORS preflight: the method and headers asked for are allowed, for a day. */
function preflight(request: http.IncomingMessage, response: http.ServerResponse): void {
  response.writeHead(204, {
    ...CORS_HEADERS,
    "Access-Control-Allow-Methods": "GET, POST, PUT, DELETE, PATCH, OPTIONS",
    "Access-Control-Allow-Headers": request.headers["access-control-request-headers"] ?? "*",
    "Access-Control-Max-Age": "86400",
    Vary: "Access-Control-Request-Headers",
  });
  response.end();
}

function send(response: http.ServerResponse, reply: Reply, family?: Family): void {
  const cors = family === undefined ? {} : CORS_HEADERS;
  const headers: Record<string, string> = { "content-type": "application/json;charset=UTF-8", ...cors, ...reply.headers };
  if (family === "huawei" && !Object.keys(headers).some((h) => h.toLowerCase() === "x-request-id")) {
    // One request id per answer: the gateway's body `request_id`, when there is one, is the header's too.
    const inBody = typeof reply.body === "object" && reply.body !== null ? (reply.body as { request_id?: unknown }).request_id : undefined;
    headers["X-Request-Id"] = typeof inBody === "string" ? inBody : hex(16);
  }
  const text = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
  response.writeHead(reply.status, headers);
  response.end(text);
}

function gatewayError(status: number, code: string, message: string): Reply {
  return huaweiError(status, code, message, { request_id: hex(16) });
}

/** The body as text; `too-large` past the gateway's limit. A client that hangs up mid-body makes it reject ("aborted"). */
async function readBody(request: http.IncomingMessage): Promise<string | "too-large"> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return "too-large";
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Whether a Host header names a host and port a URL can hold (`[` cannot). */
function hostIsValid(host: string | undefined): boolean {
  if (host === undefined) return true;
  try {
    new URL(`http://${host}/`);
    return true;
  } catch {
    return false;
  }
}

function lowerHeaders(request: http.IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) out[name] = Array.isArray(value) ? value.join(", ") : (value ?? "");
  return out;
}

/**
 * The server's request listener. No request, however malformed or cut short, ends the
 * process: a client that hangs up mid-body is let go, and anything the handler did not
 * foresee is answered 500 (or the connection closed, if an answer had begun).
 */
export function createHandler(state: EmulatorState) {
  const handle = handler(state);
  return (request: http.IncomingMessage, response: http.ServerResponse): void => {
    handle(request, response).catch((error: unknown) => {
      if (request.destroyed && !request.complete) return; // the client left mid-request: nobody to answer
      if (response.headersSent || response.destroyed) return void request.socket.destroy();
      send(response, gatewayError(500, "APIGW.0601", `emulator error: ${(error as Error)?.message ?? String(error)}`), "huawei");
    });
  };
}

function handler(state: EmulatorState) {
  return async (request: http.IncomingMessage, response: http.ServerResponse): Promise<void> => {
    const path = (request.url ?? "/").split("?")[0]!;
    const isAdmin = path.startsWith("/__emulator/");
    // Browsers send Origin on every cross-origin request that may change state (a form post,
    // a no-cors fetch), with or without a preflight: the admin routes refuse them all.
    if (isAdmin && request.headers.origin !== undefined) {
      request.resume();
      return send(response, { status: 403, body: { error: "the admin routes take no cross-origin requests (an Origin header)" } });
    }
    if (request.method === "OPTIONS" && request.headers["access-control-request-method"]) return preflight(request, response);
    if (!hostIsValid(request.headers.host)) {
      request.resume();
      return send(response, gatewayError(400, "APIGW.0201", "Bad request: invalid Host header"), "huawei");
    }
    const body = await readBody(request);
    state.store.settle(state.now());
    // The services answer on the emulator's clock (skewed, or a test's), Date header included.
    response.setHeader("Date", new Date(state.now()).toUTCString());
    if (body === "too-large") return send(response, gatewayError(413, "APIGW.0201", "Request entity too large"), "huawei");
    const incoming: Incoming = { method: request.method ?? "GET", url: request.url ?? "/", headers: lowerHeaders(request), body };

    if (isAdmin) return send(response, admin(state, incoming, path));

    const provider =
      path === "/v3/auth/tokens" || path === "/v3/projects"
        ? "iam"
        : path.startsWith("/meta-data/") || path.startsWith("/openstack/")
          ? "metadata"
          : path.startsWith("/api/")
            ? "truewatch"
            : "huawei";
    // X-Emulator-Fault: the fault applies to the first `count` requests that carry
    // this exact value, so a client that sends it on every attempt sees it stop.
    let headerFault: Fault | undefined;
    const faultHeader = incoming.headers["x-emulator-fault"];
    if (faultHeader) {
      try {
        headerFault = parseFaultHeader(faultHeader);
      } catch (error) {
        return send(response, { status: 400, body: { error: (error as Error).message } }, provider === "truewatch" ? "truewatch" : "huawei");
      }
      const used = state.headerFaults.get(faultHeader) ?? 0;
      state.headerFaults.set(faultHeader, used + 1);
      if (used >= (headerFault.count ?? 1)) headerFault = undefined;
    }

    const matched = provider === "huawei" || provider === "truewatch" ? ROUTES.filter((r) => r.pattern.test(path)) : [];
    const route = matched.find((r) => r.route.method === incoming.method);
    const name = provider === "iam" || provider === "metadata" ? provider : (route?.emulation.name ?? provider);
    const count = (key: string) => state.counts.set(key, (state.counts.get(key) ?? 0) + 1);
    count(name);
    // IAM and the metadata service are also counted by route: `iam:projects`, `metadata:securitykey`, ...
    if (provider === "iam") count(path === "/v3/projects" ? "iam:projects" : "iam:tokens");
    if (provider === "metadata") count(`metadata:${metadataRoute(path) ?? "other"}`);
    const family: Family = provider === "truewatch" ? "truewatch" : provider === "metadata" ? "metadata" : "huawei";
    if (provider === "metadata" && state.metadata.settings.failure === "drop") return void request.socket.destroy();

    // A state fault waits for the request it is about (a create, a delete); the others take the next request.
    const eligible = ({ kind, method }: Pick<Fault, "kind" | "method">) =>
      (!method || method.toUpperCase() === incoming.method) &&
      (!STATE_FAULTS.has(kind) || (kind === "create-failed" ? incoming.method === "POST" : incoming.method === "DELETE"));
    if (headerFault && !eligible(headerFault)) headerFault = undefined;
    const taken = headerFault ? FaultQueue.normalize(headerFault) : state.faults.take(name, eligible);
    const stateFault = taken && STATE_FAULTS.has(taken.kind) ? (taken.kind as "create-failed" | "delete-failed") : undefined;
    const fault = stateFault ? undefined : taken;
    if (fault?.kind === "delay" && (await state.pauses.wait(fault.delayInMs))) return void request.socket.destroy(); // closed meanwhile
    if (fault?.kind === "throttle") {
      const headers = { "Retry-After": String(fault.retryAfter) };
      return send(
        response,
        family === "truewatch"
          ? { ...envelope(401, null, "ft.TriggerApiAkCurrentLimiting", "Trigger API rate limiting - AK level"), headers }
          : family === "metadata"
            ? plainText(429, "429 Too Many Requests", headers)
            : { ...gatewayError(429, "APIGW.0308", "The throttling threshold has been reached: policy user over ratelimit,limit:200,time:1 second"), headers },
        family,
      );
    }
    if (fault?.kind === "unavailable") {
      return send(
        response,
        family === "truewatch"
          ? envelope(503, null, "InternalError", "Service unavailable")
          : family === "metadata"
            ? plainText(503, "503 Service Unavailable")
            : gatewayError(503, "APIGW.0613", "IAM unavailable"),
        family,
      );
    }
    if (fault?.kind === "drop" && !fault.afterProcessing) return void request.socket.destroy();

    const reply =
      provider === "iam"
        ? iam(state, incoming, path)
        : provider === "metadata"
          ? metadata(state.metadata, incoming, path)
          : serve(state, incoming, path, route, matched.length > 0, stateFault);
    if (fault?.kind === "drop") return void request.socket.destroy();
    if (fault?.kind === "error") {
      return send(
        response,
        family === "truewatch"
          ? envelope(500, null, "InternalError", "internal error")
          : family === "metadata"
            ? plainText(500, "500 Internal Server Error (injected)")
            : huaweiError(500, "EMULATOR.0500", "internal error (injected)"),
        family,
      );
    }
    if (fault?.kind === "malformed") {
      return send(response, { status: 200, ...(family === "metadata" ? { headers: reply.headers } : {}), body: (typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body)).slice(0, 12) }, family);
    }
    send(response, reply, family);
  };
}

const plainText = (status: number, body: string, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: { "content-type": "text/plain; charset=utf-8", ...headers },
  body,
});

function iam(state: EmulatorState, incoming: Incoming, path: string): Reply {
  if (path === "/v3/projects") {
    if (incoming.method !== "GET") return gatewayError(404, "APIGW.0101", "The API does not exist or has not been published in the environment.");
    const auth = state.gate.huawei(incoming);
    if (!auth.ok) return gatewayError(auth.status, auth.code, auth.message);
    return listProjects(auth.account, incoming);
  }
  if (incoming.method !== "POST") return gatewayError(404, "APIGW.0101", "The API does not exist or has not been published in the environment.");
  let body: unknown;
  try {
    body = JSON.parse(incoming.body || "null");
  } catch {
    return { status: 400, body: { error: { code: 400, message: "The request body is not valid JSON.", title: "Bad Request" } } };
  }
  return state.gate.issueToken(body);
}

function serve(
  state: EmulatorState,
  incoming: Incoming,
  path: string,
  route: CompiledRoute | undefined,
  pathKnown: boolean,
  stateFault: "create-failed" | "delete-failed" | undefined,
): Reply {
  const truewatchPath = path.startsWith("/api/");
  if (!route) {
    return truewatchPath
      ? envelope(pathKnown ? 405 : 400, null, "RouterNotFound", "Route not found")
      : gatewayError(404, "APIGW.0101", "The API does not exist or has not been published in the environment.");
  }
  const { emulation } = route;

  const auth: AuthResult = emulation.family === "huawei" ? state.gate.huawei(incoming) : state.gate.apiKey(incoming, state.apiKeys);
  if (!auth.ok) {
    return emulation.family === "huawei" ? gatewayError(auth.status, auth.code, auth.message) : emulation.error(auth.status, auth.code, auth.message);
  }

  const values = route.pattern.exec(path)!.slice(1).map((v) => {
    try {
      return decodeURIComponent(v);
    } catch {
      return v;
    }
  });
  const params = Object.fromEntries(route.names.map((n, i) => [n, values[i]!]));
  if (params.project_id !== undefined && params.project_id !== auth.projectId) {
    return gatewayError(403, "APIGW.0310", "The project is unavailable.");
  }
  const query: Record<string, unknown> = {};
  for (const [key, value] of queryOf(incoming.url)) query[key] = value;

  let body: unknown;
  if (incoming.body !== "") {
    try {
      body = JSON.parse(incoming.body);
    } catch {
      return emulation.invalid([{ field: "body", keyword: "json", message: "the body is not valid JSON" }]);
    }
  }
  const problems = operationValidator(emulation.name, route.route.method, route.route.path)({ params, query, body });
  if (problems.length > 0) return emulation.invalid(problems);

  return route.route.handle({
    account: auth.account,
    projectId: auth.projectId,
    params,
    query,
    body,
    now: state.now(),
    store: state.store,
    registerApiKey: (key, account) => state.apiKeys.set(key, account),
    transitionDelayInMs: state.transitionDelayInMs,
    createDelayInMs: state.createDelayInMs,
    errorCodes: state.errorCodes,
    projectNamed: auth.via !== "aksk" || incoming.headers["x-project-id"] !== undefined,
    stateFault,
  });
}

function admin(state: EmulatorState, incoming: Incoming, path: string): Reply {
  const route = `${incoming.method} ${path}`;
  try {
    switch (route) {
      case "POST /__emulator/faults": {
        const parsed = JSON.parse(incoming.body || "[]") as Fault | Fault[];
        for (const fault of Array.isArray(parsed) ? parsed : [parsed]) state.faults.add(fault);
        return { status: 200, body: { pending: state.faults.pending } };
      }
      case "DELETE /__emulator/faults":
        state.faults.clear();
        return { status: 200, body: { pending: 0 } };
      case "GET /__emulator/workspaces":
        return { status: 200, body: state.store.dump() };
      case "GET /__emulator/requests":
        return { status: 200, body: Object.fromEntries(state.counts) };
      case "POST /__emulator/revoke-tokens":
        state.gate.revokeTokens();
        return { status: 200, body: {} };
      case "POST /__emulator/expire-temporary-credentials":
        state.gate.expireTemporaryCredentials();
        return { status: 200, body: {} };
      case "POST /__emulator/metadata":
        state.metadata.settings = metadataSettings(JSON.parse(incoming.body || "{}") as MetadataOptions, state.metadata.settings);
        return { status: 200, body: state.metadata.settings };
      case "POST /__emulator/reset":
        resetState(state);
        return { status: 200, body: {} };
      default:
        return { status: 404, body: { error: `no admin route ${route}` } };
    }
  } catch (error) {
    return { status: 400, body: { error: (error as Error).message } };
  }
}

export function resetState(state: EmulatorState): void {
  state.store.clear();
  state.faults.clear();
  state.counts.clear();
  state.headerFaults.clear();
}
