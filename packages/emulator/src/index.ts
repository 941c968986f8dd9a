// @ws/emulator: the five workspace APIs and IAM on one loopback server, for
// tests and demos without cloud accounts.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { makeAccount, type Account } from "./accounts.js";
import { Gatekeeper } from "./auth.js";
import { FaultQueue, type Fault } from "./faults.js";
import { Store } from "./providers/types.js";
import { createHandler, resetState, type EmulatorState } from "./server.js";

export type { Account } from "./accounts.js";
export { FAULT_KINDS, type Fault, type FaultKind } from "./faults.js";

export interface EmulatorOptions {
  /** Default 0: any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Accounts the emulator accepts; missing fields are filled with fresh random values. Default: one account. */
  accounts?: Array<Partial<Account>>;
  /** Shift the emulator's clock (to test clock-skew handling). Default 0. */
  clockSkewInMs?: number;
  /**
   * How long a workspace stays in a passing state before the next one, as the
   * real services take time: ModelArts' DELETING before it is gone. Default 300 ms.
   */
  transitionDelayInMs?: number;
  /**
   * How long a new ModelArts workspace stays `CREATING` before it is `NORMAL`. Default 0:
   * ready at once, as the create document's example answers. A state the documents do not
   * list, so a waiter that tolerates unknown states can be tested against it.
   */
  createDelayInMs?: number;
}

export interface Emulator {
  /** Base URL for every client: `endpoint: emulator.url`. */
  url: string;
  /** The first account: everything a client needs to call all five services. */
  credentials: Account;
  accounts: Account[];
  /** Queues a fault for the next requests (same as POST /__emulator/faults). */
  inject(fault: Fault | Fault[]): void;
  /** Requests served so far, by provider (`res`, `insight`, `modelarts`, `fabric`, `truewatch`, `iam`). */
  requests(provider: string): number;
  /** The workspaces created so far, by provider and scope. */
  workspaces(): Record<string, Array<Record<string, unknown>>>;
  /** Makes every IAM token issued so far invalid (the services answer APIGW.0307). */
  revokeTokens(): void;
  /** Forgets workspaces, faults (also those armed by X-Emulator-Fault values) and request counts. */
  reset(): void;
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const accounts = (options.accounts?.length ? options.accounts : [{}]).map((a) => makeAccount(a));
  const now = () => Date.now() + (options.clockSkewInMs ?? 0);
  const state: EmulatorState = {
    accounts,
    store: new Store(),
    faults: new FaultQueue(),
    gate: new Gatekeeper(accounts, now),
    apiKeys: new Map(accounts.map((a) => [a.apiKey, a])),
    counts: new Map(),
    headerFaults: new Map(),
    transitionDelayInMs: options.transitionDelayInMs ?? 300,
    createDelayInMs: options.createDelayInMs ?? 0,
    now,
  };
  const server = http.createServer(createHandler(state));
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    credentials: accounts[0]!,
    accounts,
    inject: (fault) => (Array.isArray(fault) ? fault : [fault]).forEach((f) => state.faults.add(f)),
    requests: (provider) => state.counts.get(provider) ?? 0,
    workspaces: () => {
      state.store.settle(now());
      return state.store.dump();
    },
    revokeTokens: () => state.gate.revokeTokens(),
    reset: () => resetState(state),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
