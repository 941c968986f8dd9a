/**
 * A local emulator of the five workspace APIs (RES, DataArts Insight, ModelArts, DataArts
 * Fabric, TrueWatch), IAM and the ECS metadata service on one loopback server, for tests and
 * demos without cloud accounts: it validates requests against the specs, verifies AK/SK
 * signatures, issues IAM tokens and injects faults. Node only.
 *
 * @example
 * import { startEmulator } from "@ws/emulator";
 * const emulator = await startEmulator();
 * const ma = createModelArtsClient(emulator.clientOptions.modelarts);
 *
 * @module @ws/emulator
 */
// @ws/emulator: the five workspace APIs, IAM (tokens, projects) and the ECS
// metadata service on one loopback server, for tests and demos without cloud accounts.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { makeAccount, seededBytes, type Account, type AccountOptions } from "./accounts.js";
import { Gatekeeper } from "./auth.js";
import { FaultQueue, type Fault } from "./faults.js";
import { metadataSettings, type MetadataOptions, type MetadataSettings } from "./metadata.js";
import { Store } from "./providers/types.js";
import { createHandler, Pauses, resetState, type EmulatorState } from "./server.js";

export type { Account, AccountOptions, Project } from "./accounts.js";
export type { MetadataOptions } from "./metadata.js";
export { FAULT_KINDS, type Fault, type FaultKind } from "./faults.js";

/**
 * Options of {@link startEmulator}; all optional.
 *
 * @example
 * const emulator = await startEmulator({ port: 4010, seed: "demo", accounts: [{ quota: 5 }], transitionDelayInMs: 0 });
 */
export interface EmulatorOptions {
  /** Default 0: any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /**
   * Accounts the emulator accepts; missing fields are filled with fresh random values. Default: one account.
   * Each has one project (`projectId`, named `projectName`, default `cn-north-4`) that IAM's
   * `GET /v3/projects?name=` finds; `projects` adds more: `[{ name: "ap-southeast-1" }]` (another region),
   * or `[{ name: "cn-north-4" }]` (a second project for the same name: the SDK's "several projects" case).
   * Any other region name has no project (the "no project" case).
   */
  accounts?: AccountOptions[];
  /**
   * Derive the accounts' made-up credentials from this text instead of random bytes, so the
   * same seed gives the same AK/SK, API key, project and instance ids every run (scripts, demos).
   */
  seed?: string;
  /**
   * The emulator's clock, in ms since the epoch: what signature dates, token, session and key
   * lifetimes, and workspace transitions are measured on (and the `Date` header it answers with).
   * Default `Date.now`. A test passes a clock it moves itself, so that a workspace leaves CREATING
   * or a key expires when the test says, however fast the machine is.
   */
  clock?: () => number;
  /** Shift the emulator's clock (to test clock-skew handling). Default 0. */
  clockSkewInMs?: number;
  /**
   * How long the temporary AK/SK and security token that the metadata service hands out stay valid,
   * on the emulator's clock (their `expires_at`). Default 15 minutes (IAM's default and shortest
   * lifetime for temporary keys). Past it the gateway refuses them: 401 APIGW.0301 "security token
   * expires, expires_at: ...". `emulator.expireTemporaryCredentials()` ends them at once.
   */
  temporaryCredentialsTtlInMs?: number;
  /**
   * The ECS metadata service at `emulator.metadataEndpoint` (the same server):
   * `PUT /meta-data/latest/api/token` and `GET /openstack/latest/securitykey`. Default: session
   * tokens required, an agency, keys of the first account. See MetadataOptions; `emulator.setMetadata()`
   * changes it while running.
   */
  metadata?: MetadataOptions;
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
  /**
   * Which error codes answer where the live service was seen to differ from its documents:
   * `live` (default) answers a missing or deleted ModelArts workspace with HTTP 400
   * `ModelArts.7005`, as the live service does (Huawei's Terraform provider, PR #3241);
   * `documented` with the documents' `ModelArts.0102`. The SDK reads both as NotFoundError.
   */
  errorCodes?: "live" | "documented";
}

/**
 * Options for each package's client factory, pointed at the emulator (`C`: the credentials form).
 *
 * @example
 * const ma = createModelArtsClient(emulator.clientOptions.modelarts);
 * const tw = createTrueWatchClient(emulator.clientOptions.truewatch);
 */
export interface EmulatorClientOptions<C = AccessKeyOptions> {
  /** For `createResClient`. */
  res: HuaweiEmulatorClientOptions<C>;
  /** For `createInsightClient`. */
  insight: HuaweiEmulatorClientOptions<C> & {
    /** The account's DataArts Insight instance. */
    instanceId: string;
  };
  /** For `createModelArtsClient`. */
  modelarts: HuaweiEmulatorClientOptions<C>;
  /** For `createFabricClient`. */
  fabric: HuaweiEmulatorClientOptions<C>;
  /** For `createTrueWatchClient`. */
  truewatch: {
    /** The emulator's URL. */
    endpoint: string;
    /** The account's TrueWatch API key. */
    apiKey: string;
  };
}

/**
 * The options of a Huawei client pointed at the emulator.
 *
 * @example
 * const { endpoint, projectId, credentials } = emulator.clientOptions.res;
 */
export interface HuaweiEmulatorClientOptions<C> {
  /** The emulator's URL. */
  endpoint: string;
  /** The account's project. */
  projectId: string;
  /** The account's credentials, in the form `C`. */
  credentials: C;
}

/**
 * The account's access key pair.
 *
 * @example
 * const { accessKey, secretKey } = emulator.clientOptions.modelarts.credentials;
 */
export interface AccessKeyOptions {
  /** The account's access key ID. */
  accessKey: string;
  /** The account's secret access key. */
  secretKey: string;
}

/**
 * The account's IAM user, with the emulator as IAM.
 *
 * @example
 * const ma = createModelArtsClient(emulator.iamClientOptions.modelarts);
 */
export interface IamPasswordOptions {
  /** The IAM user and where to log in. */
  iam: {
    /** The IAM user's name. */
    username: string;
    /** The IAM user's password. */
    password: string;
    /** The account (domain) name. */
    domainName: string;
    /** The emulator's URL, as IAM. */
    endpoint: string;
  };
}

/** The services' names in Huawei's endpoint variables (HUAWEICLOUD_SDK_REGION_{SERVICE}_{REGION}). */
const SERVICE_VARIABLES = ["RES", "DATAARTSINSIGHT", "MODELARTS", "DATAARTSFABRIC"];

function clientOptionsFor<C>(url: string, account: Account, credentials: C): Omit<EmulatorClientOptions<C>, "truewatch"> {
  const huawei = { endpoint: url, projectId: account.projectId, credentials };
  return { res: huawei, insight: { ...huawei, instanceId: account.instanceId }, modelarts: huawei, fabric: huawei };
}

/** `export NAME='value'` lines for a POSIX shell. */
export function exportLines(env: Record<string, string>): string {
  return Object.entries(env)
    .map(([name, value]) => `export ${name}='${value.replace(/'/g, "'\\''")}'`)
    .join("\n");
}

/**
 * A running emulator: its URLs, ready-made client options, and controls for tests
 * (faults, token revocation, request counts). Stop it with `close()`.
 *
 * @example
 * const emulator = await startEmulator();
 * const ma = createModelArtsClient(emulator.clientOptions.modelarts);
 * emulator.inject({ kind: "unavailable", provider: "modelarts" });
 * await ma.createWorkspace({ name: "retried-once" }); // the SDK retries the 503
 * console.log(emulator.requests("modelarts"));       // 2
 * await emulator.close();
 */
export interface Emulator {
  /** Base URL for every client: `endpoint: emulator.url`. */
  url: string;
  /**
   * IAM's base URL (POST /v3/auth/tokens, GET /v3/projects): `emulator.url`. For the SDK's project
   * lookup and IAM credentials: `HUAWEICLOUD_SDK_IAM_ENDPOINT`, `iam_endpoint` in a profile, or
   * `credentials.iam.endpoint`.
   */
  iamEndpoint: string;
  /**
   * The ECS metadata service's base URL, in place of `http://169.254.169.254`: `emulator.url`.
   * For `fromMetadata({ endpoint: emulator.metadataEndpoint })`.
   */
  metadataEndpoint: string;
  /** The first account: everything a client needs to call all five services. */
  credentials: Account;
  /**
   * Ready-made client options for the first account, AK/SK for the Huawei services:
   * `createModelArtsClient(emulator.clientOptions.modelarts)`.
   */
  clientOptions: EmulatorClientOptions;
  /** The same with IAM password credentials (and the IAM endpoint): the README's IAM example, as written. */
  iamClientOptions: Omit<EmulatorClientOptions<IamPasswordOptions>, "truewatch">;
  /**
   * The environment that points an SDK (or `ws`) created with only a region at the emulator:
   * credentials, project, region, the service and IAM hosts, the metadata service, TrueWatch's key.
   * `ws-emulator --print-env` prints it as `export` lines.
   */
  env(): Record<string, string>;
  /** Every account the emulator accepts; the first is `credentials`. */
  accounts: Account[];
  /** Queues a fault for the next requests (same as POST /__emulator/faults). */
  inject(fault: Fault | Fault[]): void;
  /**
   * Requests served so far, by provider (`res`, `insight`, `modelarts`, `fabric`, `truewatch`, `iam`,
   * `metadata`), and for IAM and the metadata service also by route: `iam:tokens`, `iam:projects`,
   * `metadata:token`, `metadata:securitykey` (each temporary key handed out is one of these).
   */
  requests(provider: string): number;
  /** The workspaces created so far, by provider and scope. */
  workspaces(): Record<string, Array<Record<string, unknown>>>;
  /** Makes every IAM token issued so far invalid (the services answer APIGW.0307). */
  revokeTokens(): void;
  /** Makes every temporary key the metadata service handed out so far expired (the gateway answers APIGW.0301). */
  expireTemporaryCredentials(): void;
  /** Changes the metadata service's behaviour from the next request on (the fields given; the others stay). */
  setMetadata(options: MetadataOptions): void;
  /** Forgets workspaces, faults (also those armed by X-Emulator-Fault values) and request counts. */
  reset(): void;
  /**
   * Stops the server and resolves when it has stopped: open connections are closed and
   * fault delays in progress end, so nothing of the emulator keeps the process alive.
   */
  close(): Promise<void>;
}

/**
 * Starts the emulator: the five workspace APIs, IAM and the ECS metadata service on one
 * loopback HTTP server (127.0.0.1, a free port unless `port` is given). Resolves once it
 * listens; rejects when it cannot listen (the port is taken, say) or an option is out of
 * range.
 *
 * @example
 * const emulator = await startEmulator({ seed: "demo" });
 * const fabric = createFabricClient(emulator.clientOptions.fabric);
 * const lake = await fabric.createWorkspace({ name: "lake-01" });
 * await emulator.close();
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const bytes = options.seed === undefined ? undefined : seededBytes(options.seed);
  const accounts = (options.accounts?.length ? options.accounts : [{}]).map((a) => makeAccount(a, bytes));
  const clock = options.clock ?? Date.now;
  if (typeof clock !== "function") throw new Error("clock must be a function that returns the time in ms since the epoch");
  const now = () => clock() + (options.clockSkewInMs ?? 0);
  const temporaryCredentialsTtlInMs = options.temporaryCredentialsTtlInMs ?? 15 * 60_000;
  if (!(temporaryCredentialsTtlInMs > 0)) throw new Error("temporaryCredentialsTtlInMs must be > 0");
  const gate = new Gatekeeper(accounts, now);
  const checkedMetadata = (settings: MetadataSettings) => {
    if (settings.account >= accounts.length) throw new Error(`metadata.account ${settings.account} is not one of the ${accounts.length} accounts`);
    return settings;
  };
  const state: EmulatorState = {
    accounts,
    store: new Store(),
    faults: new FaultQueue(),
    gate,
    apiKeys: new Map(accounts.map((a) => [a.apiKey, a])),
    counts: new Map(),
    headerFaults: new Map(),
    transitionDelayInMs: options.transitionDelayInMs ?? 300,
    createDelayInMs: options.createDelayInMs ?? 0,
    errorCodes: options.errorCodes ?? "live",
    metadata: { settings: checkedMetadata(metadataSettings(options.metadata)), accounts, gate, tokens: new Map(), temporaryCredentialsTtlInMs, now },
    pauses: new Pauses(),
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
  const url = `http://${shownHost}:${port}`;
  const first = accounts[0]!;
  const regionVariable = first.projectName.toUpperCase().replace(/-/g, "_");
  return {
    url,
    iamEndpoint: url,
    metadataEndpoint: url,
    credentials: first,
    clientOptions: {
      ...clientOptionsFor<AccessKeyOptions>(url, first, { accessKey: first.accessKey, secretKey: first.secretKey }),
      truewatch: { endpoint: url, apiKey: first.apiKey },
    },
    iamClientOptions: clientOptionsFor<IamPasswordOptions>(url, first, { iam: { username: first.username, password: first.password, domainName: first.domainName, endpoint: url } }),
    env: () => ({
      WS_ENDPOINT: url,
      HUAWEICLOUD_SDK_AK: first.accessKey,
      HUAWEICLOUD_SDK_SK: first.secretKey,
      HUAWEICLOUD_SDK_REGION: first.projectName,
      HUAWEICLOUD_SDK_PROJECT_ID: first.projectId,
      HUAWEICLOUD_SDK_DOMAIN_ID: first.domainId,
      HUAWEICLOUD_SDK_IAM_ENDPOINT: url,
      ...Object.fromEntries(SERVICE_VARIABLES.map((service) => [`HUAWEICLOUD_SDK_REGION_${service}_${regionVariable}`, url])),
      WS_SDK_METADATA_ENDPOINT: url,
      WS_INSIGHT_INSTANCE_ID: first.instanceId,
      TRUEWATCH_API_KEY: first.apiKey,
      TRUEWATCH_ENDPOINT: url,
    }),
    accounts,
    inject: (fault) => (Array.isArray(fault) ? fault : [fault]).forEach((f) => state.faults.add(f)),
    requests: (provider) => state.counts.get(provider) ?? 0,
    workspaces: () => {
      state.store.settle(now());
      return state.store.dump();
    },
    revokeTokens: () => state.gate.revokeTokens(),
    expireTemporaryCredentials: () => state.gate.expireTemporaryCredentials(),
    setMetadata: (changes) => {
      state.metadata.settings = checkedMetadata(metadataSettings(changes, state.metadata.settings));
    },
    reset: () => resetState(state),
    close: () =>
      new Promise<void>((resolve) => {
        state.pauses.cancelAll();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
