// Create-once: "create this workspace unless one with this name exists", which
// survives a timeout, a dropped connection or a garbled answer without ever
// making two. A create is sent a second time only when a lookup the service
// answered (not one that failed) says the first did not happen.
import { AbortError, ApiError, SdkError, sameErrorCode, type SdkErrorOptions } from "../errors/errors.js";
import type { CallOptions } from "./client.js";
import { isRecord } from "../http/http.js";
import { sleep } from "../runtime/time.js";

/** What ensureWorkspace resolves to: the workspace, and whether this call created it. */
export interface EnsureResult<W> {
  /** The workspace with the requested name: the one created, or the one that already existed. */
  workspace: W;
  /** True when this call created the workspace (also when an answer was lost and the lookup found it). */
  created: boolean;
}

/** A provider's create and lookup, and what it calls a taken name. */
export interface EnsureConfig<W, B> {
  /** The service's short name, in errors (`res`). */
  provider: string;
  /** Sends the create. */
  create(body: B, options: CallOptions): Promise<unknown>;
  /** The workspace whose name is exactly `name`, or undefined. */
  findWorkspaceByName(name: string, options: CallOptions): Promise<W | undefined>;
  /** The created workspace in the create answer, where it has one with an id (RES's answer has none). */
  createdWorkspace?: ((answer: unknown) => W | undefined) | undefined;
  /** The service's documented "name already exists" codes. */
  duplicateCodes?: readonly string[] | undefined;
  /** After a create whose answer holds no id, how many lookups find it (it may take a moment to be listed). Default 3. */
  lookupAttempts?: number | undefined;
  /** Pause between those lookups. Default 1 s. */
  lookupDelayInMs?: number | undefined;
}

const defaultCreated = (answer: unknown): unknown => (isRecord(answer) && (answer.id !== undefined || answer.uuid !== undefined) ? answer : undefined);

/**
 * Whether a refused create may mean "the name is taken", so that a lookup decides:
 * the service's documented duplicate code, a 409, or, for a service that documents
 * no such code (ModelArts, DataArts Fabric answer a bare 400), any 400. A lookup
 * sends nothing that could create; it only finds the workspace another caller made.
 */
function mayBeNameTaken(error: unknown, codes: readonly string[]): boolean {
  if (!(error instanceof ApiError) || error.outcomeUnknown) return false;
  if (error.code !== undefined && codes.some((c) => sameErrorCode(error.code!, c))) return true;
  return error.status === 409 || (error.status === 400 && codes.length === 0);
}

/**
 * Creates the workspace `body` names unless one with exactly that name exists;
 * resolves to it and whether this call created it. Never sends the create
 * twice by accident: after an answer that was lost (a timeout, a dropped connection, a
 * 5xx) it looks the name up, and creates again only when the service answered that
 * lookup and the workspace is not there. Rejects with the create's error otherwise.
 */
export async function ensureWorkspace<
  W,
  B extends {
    /** The name to create, and to look for. */
    name?: unknown;
  },
>(config: EnsureConfig<W, B>, body: B, options: CallOptions = {}): Promise<EnsureResult<W>> {
  const name = body.name;
  const context: SdkErrorOptions = { provider: config.provider, operation: "ensureWorkspace" };
  if (typeof name !== "string") {
    // The create's own validation says what is wrong with the body.
    return { workspace: (await config.create(body, options)) as W, created: true };
  }
  const existing = await config.findWorkspaceByName(name, options);
  if (existing !== undefined) return { workspace: existing, created: false };

  const created = async (answer: unknown): Promise<EnsureResult<W>> => {
    const workspace = (config.createdWorkspace ?? defaultCreated)(answer) as W | undefined;
    if (workspace !== undefined) return { workspace, created: true };
    const attempts = config.lookupAttempts ?? 3;
    for (let i = 0; i < attempts; i++) {
      if (i > 0) await sleep(config.lookupDelayInMs ?? 1_000, options.abortSignal, () => new AbortError("ensureWorkspace was aborted while waiting to look the new workspace up.", context));
      const found = await config.findWorkspaceByName(name, options);
      if (found !== undefined) return { workspace: found, created: true };
    }
    throw new SdkError(`${config.provider} ensureWorkspace: the workspace ${JSON.stringify(name)} was created, but is not listed yet; look it up by name later.`, context);
  };

  let firstError: unknown;
  let answer: unknown;
  try {
    answer = await config.create(body, options);
  } catch (error) {
    firstError = error;
  }
  if (firstError === undefined) return created(answer);
  if (mayBeNameTaken(firstError, config.duplicateCodes ?? [])) {
    // Someone else created it between the lookup and the create.
    const found = await config.findWorkspaceByName(name, options);
    if (found !== undefined) return { workspace: found, created: false };
    throw firstError;
  }
  if (!(firstError instanceof SdkError) || !firstError.outcomeUnknown) throw firstError;

  // The create may have happened. Only an answered lookup decides; a failed one leaves the first error standing.
  let found: W | undefined;
  try {
    found = await config.findWorkspaceByName(name, options);
  } catch (lookupError) {
    Object.defineProperty(firstError, "lookupError", { value: lookupError, enumerable: false });
    throw firstError;
  }
  if (found !== undefined) return { workspace: found, created: true };
  let second: unknown;
  try {
    second = await config.create(body, options);
  } catch (error) {
    if (mayBeNameTaken(error, config.duplicateCodes ?? [])) {
      // The first create did happen after all, and is listed now.
      const again = await config.findWorkspaceByName(name, options);
      if (again !== undefined) return { workspace: again, created: true };
    }
    throw error;
  }
  return created(second);
}
