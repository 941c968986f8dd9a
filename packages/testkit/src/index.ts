// A real HTTP server on loopback that records every request it receives, for
// tests that check what goes on the wire. Handlers answer with a plain object or
// take over the socket (to drop a connection, stall, or send garbage).
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  /** Path and query exactly as received (still percent-encoded). */
  url: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: string;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string as is. */
  body?: unknown;
}

export type Handler = (
  request: RecordedRequest,
  raw: { req: http.IncomingMessage; res: http.ServerResponse },
) => Reply | undefined | "handled" | Promise<Reply | undefined | "handled">;

export interface TestServer {
  url: string;
  requests: RecordedRequest[];
  /** Replaces the handler for the following requests. */
  handle(handler: Handler): void;
  close(): Promise<void>;
}

export async function startServer(handler: Handler = () => ({ status: 200, body: {} })): Promise<TestServer> {
  let current = handler;
  const requests: RecordedRequest[] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      headers[name] = Array.isArray(value) ? value.join(", ") : (value ?? "");
    }
    const recorded = { method: req.method ?? "", url: req.url ?? "", headers, body: Buffer.concat(chunks).toString("utf8") };
    requests.push(recorded);
    try {
      const reply = await current(recorded, { req, res });
      if (reply === "handled") return;
      send(res, reply ?? {});
    } catch (error) {
      res.statusCode = 599;
      res.end(String(error));
    }
  });
  // Idle connections stay open a minute, as a cloud endpoint's may: a client that
  // relied on the server closing them would keep its process alive.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    handle(next) {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function send(res: http.ServerResponse, reply: Reply): void {
  const body = reply.body === undefined ? "" : typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
  res.writeHead(reply.status ?? 200, {
    ...(typeof reply.body === "string" || reply.body === undefined ? {} : { "content-type": "application/json" }),
    ...reply.headers,
  });
  res.end(body);
}

export { loadSpec, requestExample, responseExample } from "./spec.js";
export {
  ruleSuite,
  errorSuite,
  useTestServer,
  signedRequestSuite,
  TEST_ACCESS_KEY,
  TEST_SECRET_KEY,
  type RuleCase,
  type ErrorCase,
} from "./suites.js";
export { officialAuthorization, verifyWithOfficialSigner, type OfficialRequest, type Verdict } from "./official-signer.js";
export { credentialSourcesSuite, type CredentialSourcesSuite } from "./credential-suite.js";
export { KeyRing, gateway as keyCheckingGateway, startMetadata, iamProjects, closedUrl, NO_AGENCY_BODY, type IssuedKey, type FakeMetadata } from "./cloud.js";
export * from "./rules.js";
export { fakeClock, type FakeClock } from "./clock.js";
export { runNodeScript } from "./process.js";
export { apiParitySuite, type ParityCase } from "./api-parity.js";
export { manualClock, type ManualClock } from "./clock.js";
export { holdTimeouts, until, type HeldTimeouts } from "./timers.js";
