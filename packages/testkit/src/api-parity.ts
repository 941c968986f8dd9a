// The `/api` functions and the client's methods are one implementation: for each
// operation, the same call made both ways sends the same request and ends the same
// way (the same value, or an error of the same class with the same message and
// fields), for a success answer, a service error, and a failure of the caller's options.
import { expect, it } from "vitest";
import type { Handler, RecordedRequest, TestServer } from "./index.js";

/** One operation, called through the client and through `/api`, each given the same call options. */
export interface ParityCase {
  name: string;
  client(options: Record<string, unknown>): unknown;
  api(options: Record<string, unknown>): unknown;
  /** The success answer (default: `{}`). */
  ok?: Handler;
}

// Headers that differ between any two requests (time, signature) or name the SDK's version.
const VOLATILE = new Set(["x-sdk-date", "authorization", "user-agent", "host", "connection", "content-length"]);

function wire(request: RecordedRequest) {
  const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !VOLATILE.has(name)));
  return { method: request.method, url: request.url, headers, body: request.body };
}

async function outcome(run: () => unknown): Promise<unknown> {
  try {
    const value = await run();
    if (value && typeof value === "object" && Symbol.asyncIterator in value) {
      const items: unknown[] = [];
      for await (const item of value as AsyncIterable<unknown>) items.push(item);
      return { items };
    }
    return { value };
  } catch (error) {
    const { stack: _stack, cause: _cause, ...fields } = error as Error & Record<string, unknown>;
    return { error: (error as Error).constructor.name, name: (error as Error).name, message: (error as Error).message, fields };
  }
}

async function bothWays(server: () => TestServer, c: ParityCase, handler: Handler, options: Record<string, unknown>) {
  const results = [];
  for (const run of [c.client, c.api]) {
    server().requests.length = 0;
    server().handle(handler);
    const result = await outcome(() => run(options));
    results.push({ result, sent: server().requests.map(wire) });
  }
  return results;
}

const serviceError: Handler = () => ({ status: 400, body: { error_code: "PARITY.0001", error_msg: "refused", errorCode: "PARITY.0001", message: "refused", success: false } });

/** For each case: the same requests and the same result or error through the client and through `/api`. */
export function apiParitySuite(server: () => TestServer, cases: ParityCase[]): void {
  for (const c of cases) {
    it(`${c.name}: the same request and result through the client and through /api`, async () => {
      const [viaClient, viaApi] = await bothWays(server, c, c.ok ?? (() => ({ status: 200, body: {} })), { headers: { "x-parity": "1" } });
      expect(viaApi).toEqual(viaClient);
      // Something was sent, unless the input was refused before sending.
      if (!("error" in (viaClient!.result as object))) expect(viaClient!.sent.length).toBeGreaterThan(0);
    });
    it(`${c.name}: the same error for a service error, and for a bad call option`, async () => {
      const [a, b] = await bothWays(server, c, serviceError, { maxRetries: 0 });
      expect(b).toEqual(a);
      expect(a!.result).toHaveProperty("error");
      const [x, y] = await bothWays(server, c, serviceError, { maxRetries: -1 });
      expect(y).toEqual(x);
      expect(x!.result).toMatchObject({ error: expect.stringMatching(/Error$/) });
    });
  }
}
