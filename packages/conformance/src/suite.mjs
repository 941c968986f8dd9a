// @ts-check
// The workspace lifecycle of one provider, written once: create and
// ensureWorkspace, a duplicate name, a refused bad input, the ready waiter, list
// with paging and filters, get, find by name, update, a documented error, delete,
// the delete waiter, not-found after delete. The same steps run against the
// emulator (pnpm test, one test per step) and against the real service (pnpm
// test:live, one row per step in the table). Every workspace made is named
// `ws-conformance-<date>-<run><n>` and deleted in cleanup(), which the runners
// call in a finally (afterAll), also when a step failed.
import { ApiError, NotFoundError, ValidationError } from "@ws/core";
import { runName } from "./names.mjs";

/** A step that cannot run here, with the reason (printed in the table, or vitest's skip). */
export class Skip extends Error {
  /** @param {string} reason */
  constructor(reason) {
    super(reason);
    this.name = "Skip";
  }
}

/**
 * @typedef {object} RunOptions
 * @property {any} client The package's client.
 * @property {(apiKey: string) => any} [clientWithKey] TrueWatch: a client acting with another API key (the one create minted).
 * @property {boolean} live Against a real service (then nothing is created that cannot be deleted).
 * @property {{ maxWaitInMs: number, minDelayInMs?: number, maxDelayInMs?: number }} wait The waiters' options.
 * @property {number} [settleTries] How many times not-found after delete is checked (a real delete may take a moment). Default 1.
 * @property {(ms: number) => Promise<void>} [pause] Between those checks. Default: none.
 * @property {Date} [now]
 */

/**
 * @typedef {{ operation: string, run: () => Promise<void> }} Step
 */

/** @param {boolean} condition @param {string} message */
function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** @param {Promise<unknown>} promise */
async function rejection(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return undefined;
}

/** @param {AsyncIterable<any>} iterable */
async function collect(iterable) {
  const out = [];
  for await (const item of iterable) out.push(item);
  return out;
}

/**
 * The steps of one provider's run, in order, and the cleanup that deletes what they made.
 * @param {import("./targets.mjs").Target} target
 * @param {RunOptions} options
 */
export function conformanceRun(target, options) {
  const { client } = options;
  const base = runName(options.now ?? new Date());
  const first = `${base}1`;
  const second = `${base}2`;
  /** @type {Map<string, string>} name -> id of what this run made and has not deleted */
  const made = new Map();
  const errorCodes = new Set(Object.values(target.errorCodes));
  /** @type {Map<string, string>} name -> id of what this run deleted */
  const deleted = new Map();

  const need = (/** @type {string} */ name) => {
    const id = made.get(name);
    if (id === undefined) throw new Skip(`needs the workspace ${name}, which create did not make`);
    return id;
  };
  const idOf = async (/** @type {any} */ answer, /** @type {string} */ name) => {
    const id = target.idAfterCreate ? await target.idAfterCreate(client, answer, name) : answer?.id === undefined ? undefined : String(answer.id);
    check(typeof id === "string" && id !== "", `create answered no id for ${name}`);
    return /** @type {string} */ (id);
  };
  const create = async (/** @type {string} */ name) => {
    const answer = await client.createWorkspace(target.body(name));
    const id = await idOf(answer, name);
    made.set(name, id);
    return { answer, id };
  };

  /** @type {Step[]} */
  const huawei = [
    {
      operation: "createWorkspace",
      async run() {
        const { answer } = await create(first);
        if (!target.idAfterCreate) check(answer.name === first, `create answered the name ${answer.name}, not ${first}`);
      },
    },
    {
      operation: "ensureWorkspace",
      async run() {
        const id = need(first);
        const existing = await client.ensureWorkspace(target.body(first));
        check(existing.created === false, "ensureWorkspace created a workspace whose name exists");
        check(String(existing.workspace.id) === id, `ensureWorkspace found ${existing.workspace.id}, not ${id}`);
        const fresh = await client.ensureWorkspace(target.body(second));
        made.set(second, String(fresh.workspace.id));
        check(fresh.created === true, "ensureWorkspace did not create a workspace whose name is new");
      },
    },
    {
      operation: "createWorkspace (duplicate name)",
      async run() {
        need(first);
        const error = await rejection(client.createWorkspace(target.body(first)));
        if (error === undefined) {
          // The service took it: find the second one so that cleanup deletes it too.
          const all = await collect(client.listWorkspaces(target.filter?.(first)));
          for (const w of all) if (w.name === first && String(w.id) !== made.get(first)) made.set(`${first} (duplicate)`, String(w.id));
          throw new Error("a second workspace with the same name was created");
        }
        check(error instanceof ApiError && !(error instanceof NotFoundError), `a duplicate name rejected with ${String(error)}, not an ApiError`);
      },
    },
    {
      operation: "createWorkspace (bad input)",
      async run() {
        const error = await rejection(client.createWorkspace({ ...target.body(`${base}x`), name: 42 }));
        check(error instanceof ValidationError, `a numeric name rejected with ${String(error)}, not a ValidationError`);
        check(/name/.test(String(/** @type {Error} */ (error).message)), "the ValidationError does not name the field");
      },
    },
    {
      operation: "waitUntilWorkspaceReady",
      async run() {
        if (!target.waiters) throw new Skip("the service's workspaces have no states");
        const ready = await client.waitUntilWorkspaceReady(need(first), options.wait);
        check(ready.status === "NORMAL", `ready as ${ready.status}`);
      },
    },
    {
      operation: "listWorkspaces (paging, filter)",
      async run() {
        need(first);
        need(second);
        const query = { ...target.filter?.(base), ...target.page };
        const pages = await collect(client.listWorkspaces(query).byPage());
        const names = pages.flat().map((w) => w.name);
        for (const name of [first, second]) check(names.includes(name), `${name} is not listed`);
        if (target.filter) check(names.every((n) => String(n).toLowerCase().includes(base)), "the name filter let other workspaces through");
        if (target.page) check(pages.length >= 2 && pages.every((p) => p.length <= 1), `pages of ${pages.map((p) => p.length).join(", ")} for a page size of 1`);
      },
    },
    {
      operation: "getWorkspace",
      async run() {
        const id = need(first);
        const workspace = await client.getWorkspace(id);
        check(workspace.name === first && String(workspace.id) === id, `got ${workspace.name} (${workspace.id})`);
        check(typeof workspace.id === "string", "the id is not a string");
      },
    },
    {
      operation: "findWorkspaceByName",
      async run() {
        const id = need(first);
        const found = await client.findWorkspaceByName(first);
        check(String(found?.id) === id, `found ${found?.id}, not ${id}`);
        check((await client.findWorkspaceByName(`${base}9`)) === undefined, "found a name nobody created");
      },
    },
    {
      operation: "updateWorkspace",
      async run() {
        const id = need(first);
        const body = target.update(first);
        await client.updateWorkspace(id, body);
        const after = await client.getWorkspace(id);
        check(target.description(after) === "conformance (updated)", `the description reads ${JSON.stringify(target.description(after))} after the update`);
      },
    },
    {
      operation: "getWorkspace (documented error)",
      async run() {
        const error = await rejection(client.getWorkspace(target.missingId));
        check(error instanceof NotFoundError, `an unknown id rejected with ${String(error)}, not a NotFoundError`);
        const code = /** @type {any} */ (error).code;
        check(code === undefined || errorCodes.has(code) || /** @type {any} */ (error).status === 404, `the not-found code ${code} is not a documented one`);
      },
    },
    {
      operation: "deleteWorkspace",
      async run() {
        for (const name of [first, second]) {
          const id = made.get(name);
          if (id === undefined) continue;
          await client.deleteWorkspace(id);
          // Deleted (or being deleted): cleanup leaves it alone; the waiter and not-found follow it.
          made.delete(name);
          deleted.set(name, id);
        }
        check(deleted.has(first), "nothing to delete");
      },
    },
    {
      operation: "waitUntilWorkspaceDeleted",
      async run() {
        if (!target.waiters) throw new Skip("the service's workspaces have no states (its delete is synchronous)");
        const id = deleted.get(first);
        if (id === undefined) throw new Skip("needs deleteWorkspace");
        await client.waitUntilWorkspaceDeleted(id, options.wait);
      },
    },
    {
      operation: "getWorkspace (not found after delete)",
      async run() {
        const id = deleted.get(first);
        if (id === undefined) throw new Skip("needs deleteWorkspace");
        let error;
        for (let i = 0; i < (options.settleTries ?? 1); i++) {
          if (i > 0) await options.pause?.(5_000);
          error = await rejection(client.getWorkspace(id));
          if (error instanceof NotFoundError) return;
        }
        throw new Error(`a deleted workspace's get answered ${error === undefined ? "the workspace" : String(error)}, not a NotFoundError`);
      },
    },
  ];

  /** TrueWatch: a workspace is created with an API key of its own; get and update act on the key's workspace. */
  /** @type {any} */
  let minted;
  /** @type {Step[]} */
  const truewatch = [
    {
      operation: "createWorkspace",
      async run() {
        if (options.live && target.noDelete) throw new Skip(target.noDelete);
        const { wsInfo, akInfo } = await client.createWorkspace(target.body(first));
        check(wsInfo?.name === first && /^wksp_/.test(String(wsInfo?.uuid)), `create answered ${JSON.stringify(wsInfo)}`);
        check(typeof akInfo?.keyId === "string", "create minted no API key");
        minted = options.clientWithKey?.(akInfo.keyId);
      },
    },
    { operation: "ensureWorkspace", run: async () => Promise.reject(new Skip("the TrueWatch OpenAPI has no list, so there is nothing to find a name in")) },
    {
      operation: "createWorkspace (bad input)",
      async run() {
        const error = await rejection(client.createWorkspace({ name: 42 }));
        check(error instanceof ValidationError, `a numeric name rejected with ${String(error)}, not a ValidationError`);
      },
    },
    { operation: "listWorkspaces (paging, filter)", run: async () => Promise.reject(new Skip("the TrueWatch OpenAPI has no list")) },
    {
      operation: "getWorkspace",
      async run() {
        const workspace = await (minted ?? client).getWorkspace();
        check(/^wksp_/.test(String(workspace.uuid)), `got ${JSON.stringify(workspace)?.slice(0, 200)}`);
        if (minted) check(workspace.name === first, `the minted key's workspace is ${workspace.name}, not ${first}`);
      },
    },
    {
      operation: "updateWorkspace",
      async run() {
        const acting = minted ?? client;
        const before = await acting.getWorkspace();
        try {
          await acting.updateWorkspace(target.update(first));
          const after = await acting.getWorkspace();
          check(target.description(after) === "conformance (updated)", `the description reads ${JSON.stringify(target.description(after))} after the update`);
        } finally {
          // On the caller's own workspace (live), the description it had is put back.
          if (!minted) await acting.updateWorkspace({ desc: before.desc ?? "" });
        }
      },
    },
    { operation: "deleteWorkspace", run: async () => Promise.reject(new Skip("the TrueWatch OpenAPI has no delete")) },
  ];

  return {
    /** The name every workspace of this run starts with. */
    base,
    steps: target.provider === "truewatch" ? truewatch : huawei,
    /** Deletes what the run made and did not delete (never throws: it reports what it could not delete). */
    async cleanup() {
      /** @type {string[]} */
      const problems = [];
      for (const [name, id] of made) {
        try {
          await client.deleteWorkspace(id);
        } catch (error) {
          if (!(error instanceof NotFoundError)) problems.push(`${name} (${id}): ${String(error)}`);
        }
      }
      made.clear();
      return problems;
    },
  };
}

/**
 * @typedef {{ provider: string, operation: string, result: "passed" | "failed" | "skipped", note: string, ms: number }} Row
 */

/**
 * Runs every step, catching failures into rows, and always cleans up.
 * @param {import("./targets.mjs").Target} target
 * @param {RunOptions} options
 * @param {() => number} [clock]
 * @returns {Promise<Row[]>}
 */
export async function runConformance(target, options, clock = Date.now) {
  const run = conformanceRun(target, options);
  /** @type {Row[]} */
  const rows = [];
  try {
    for (const step of run.steps) {
      const started = clock();
      try {
        await step.run();
        rows.push({ provider: target.provider, operation: step.operation, result: "passed", note: "", ms: clock() - started });
      } catch (error) {
        const skipped = error instanceof Skip;
        rows.push({ provider: target.provider, operation: step.operation, result: skipped ? "skipped" : "failed", note: String(/** @type {Error} */ (error)?.message ?? error), ms: clock() - started });
      }
    }
  } finally {
    const problems = await run.cleanup();
    if (problems.length > 0) rows.push({ provider: target.provider, operation: "cleanup", result: "failed", note: `left behind: ${problems.join("; ")}`, ms: 0 });
  }
  return rows;
}

/**
 * The rows as a Markdown table, to paste into a fidelity note.
 * @param {Row[]} rows
 */
export function table(rows) {
  const cell = (/** @type {string} */ s) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
  return [
    "| provider | operation | result | note | ms |",
    "|---|---|---|---|---:|",
    ...rows.map((r) => `| ${r.provider} | ${cell(r.operation)} | ${r.result} | ${cell(r.note)} | ${r.ms} |`),
  ].join("\n");
}
