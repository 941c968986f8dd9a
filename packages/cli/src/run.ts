// `ws <provider> <operation> [options]`: from the command line to one SDK call and its
// printed result, or one error line and an exit code.
import fs from "node:fs";
import { LIST_OPTIONS, parseCommandArgs, parseDuration, splitCommand, WAIT_OPTIONS, closest, type ParsedArgs } from "./args.js";
import { connectionFrom, createClient, environmentRedactor, type Env } from "./client.js";
import { COMMANDS, commandFields, findCommand, PROVIDERS, type CommandDef, type FlagField, type ProviderName } from "./commands.js";
import { startDryRun } from "./dry-run.js";
import { runEmulator } from "./emulator.js";
import { errorDetails, errorLine, EXIT_CODES, exitCodeOf, UsageError, type Redact } from "./errors.js";
import { commandHelp, providerHelp, topHelp } from "./help.js";
import { compileQuery, Output, OUTPUT_FORMATS, type OutputFormat, type Writable } from "./output.js";
import { printable } from "./printable.js";
import { startProgress } from "./progress.js";

// name/version of this package, set by the build (tooling/tsup.base.mjs).
declare const __WS_PACKAGE_ID__: string;
const PACKAGE_ID = __WS_PACKAGE_ID__;
const VERSION = PACKAGE_ID.slice(PACKAGE_ID.lastIndexOf("/") + 1);

/**
 * Where {@link run} reads and writes, and what it reads the environment from.
 *
 * @example
 * const out = new PassThrough();
 * const code = await run(["modelarts", "list-workspaces"], { stdout: out, env: { ...process.env, WS_ENDPOINT: emulator.url } });
 */
export interface RunOptions {
  /** Where results (JSON) and help go. Default `process.stdout`. */
  stdout?: Writable | undefined;
  /** Where errors and progress go. Default `process.stderr`. */
  stderr?: Writable | undefined;
  /** Read for `--input-json -`. */
  stdin?: AsyncIterable<string | Uint8Array> | undefined;
  /** The CLI's variables (WS_ENDPOINT, WS_REGION, ...). Default `process.env`. The SDKs read their credential variables from `process.env`. */
  env?: Env | undefined;
  /** Aborts the running call (the bin fires it on Ctrl-C): exit code 130. */
  signal?: AbortSignal | undefined;
}

/** The default deadline of the waiters (--max-wait). */
export const DEFAULT_MAX_WAIT_IN_MS = 10 * 60_000;
const DEFAULT_POLL_DELAY_IN_MS = 2_000;
const MAX_POLL_DELAY_IN_MS = 30_000;

/**
 * Runs one `ws` command line (without `node` and the script) and resolves to its exit code.
 *
 * @example
 * const code = await run(["modelarts", "list-workspaces", "--query", "[].name"]);
 */
export async function run(argv: readonly string[], options: RunOptions = {}): Promise<number> {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const env = options.env ?? process.env;
  const redact: Redact = environmentRedactor(env);
  const width = Math.max(60, Math.min(stdout.columns ?? 100, 120));
  let debug = argv.includes("--debug");
  try {
    const { positionals, rest } = splitCommand(argv);
    const [provider, operation] = positionals;
    if (provider === "emulator") return await runEmulator([...(operation !== undefined ? [operation] : []), ...rest], { stdout, stderr, signal: options.signal });
    if (provider === undefined || provider === "help") {
      const parsed = parseCommandArgs(rest, [{ name: "version", type: "boolean", short: "v", description: "" }], [], "ws");
      if (parsed.options.version) stdout.write(`${PACKAGE_ID} node/${process.version}\n`);
      else stdout.write(topHelp(VERSION, width));
      return EXIT_CODES.success;
    }
    if (!(PROVIDERS as readonly string[]).includes(provider)) {
      const hint = closest(provider, [...PROVIDERS, "emulator"]);
      throw new UsageError(`unknown provider ${JSON.stringify(provider)}${hint ? ` (did you mean ${hint}?)` : ""}; one of ${PROVIDERS.join(", ")}, or emulator. Run 'ws --help'.`);
    }
    const p = provider as ProviderName;
    if (operation === undefined || operation === "help") {
      parseCommandArgs(rest, [], [], `ws ${p}`);
      stdout.write(providerHelp(p, width));
      return EXIT_CODES.success;
    }
    const def = findCommand(p, operation);
    if (!def) {
      const hint = closest(operation, COMMANDS[p].map((c) => c.name));
      throw new UsageError(`ws ${p} has no operation ${JSON.stringify(operation)}${hint ? ` (did you mean ${hint}?)` : ""}. Run 'ws ${p} --help' for its operations.`);
    }
    const fields = commandFields(p, def);
    const extra = def.kind === "list" ? LIST_OPTIONS : def.kind === "wait" ? WAIT_OPTIONS : [];
    const parsed = parseCommandArgs(rest, extra, fields, `ws ${p} ${def.name}`);
    if (parsed.options.help) {
      stdout.write(commandHelp(p, def, width));
      return EXIT_CODES.success;
    }
    debug = parsed.options.debug === true;
    if (parsed.positionals.length) throw new UsageError(`unexpected argument ${JSON.stringify(parsed.positionals[0])}. Options are written --name value.`);
    return await execute(p, def, fields, parsed, { stdout, stderr, env, redact, signal: options.signal, stdin: options.stdin });
  } catch (error) {
    const code = exitCodeOf(error);
    // Error messages carry the service's words: no control character of theirs reaches the terminal.
    stderr.write(redact(`${printable(`${error instanceof UsageError ? `ws: ${error.message}` : errorLine(error)}${hint(error)}`)}\n`));
    if (debug && !(error instanceof UsageError)) stderr.write(redact(`${printable(errorDetails(error), "\n")}\n`));
    return code;
  }
}

/** What to set when the SDK refused a request for want of a connection option. */
function hint(error: unknown): string {
  const issues = (error as { issues?: Array<{ path?: unknown }> } | null)?.issues;
  const paths = new Set(Array.isArray(issues) ? issues.map((i) => i.path) : []);
  const message = error instanceof Error ? error.message : "";
  if (paths.has("project_id") || /\bprojectId is required/.test(message)) return " (ws: set --project-id, or WS_PROJECT_ID / HUAWEICLOUD_SDK_PROJECT_ID)";
  if (paths.has("instance_id") || /\binstanceId is required/.test(message)) return " (ws: set --instance-id, or WS_INSIGHT_INSTANCE_ID)";
  return "";
}

interface Context {
  stdout: Writable;
  stderr: Writable;
  env: Env;
  redact: Redact;
  signal: AbortSignal | undefined;
  stdin: AsyncIterable<string | Uint8Array> | undefined;
}

async function readInputJson(source: string, stdin: Context["stdin"]): Promise<Record<string, unknown>> {
  let text: string;
  let from: string;
  if (source === "-") {
    from = "standard input";
    const chunks: string[] = [];
    const decoder = new TextDecoder();
    for await (const chunk of stdin ?? (process.stdin as AsyncIterable<string | Uint8Array>)) chunks.push(typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true }));
    text = chunks.join("") + decoder.decode();
  } else if (source.startsWith("file://")) {
    const file = source.slice("file://".length);
    from = file;
    try {
      text = fs.readFileSync(file, "utf8");
    } catch (error) {
      throw new UsageError(`--input-json: cannot read ${file} (${(error as { code?: string }).code ?? (error as Error).message}).`);
    }
  } else {
    from = "--input-json";
    text = source;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // The parser's message quotes the text; a file given by mistake (a credentials file) must not be shown.
    const message = (error as Error).message;
    const at = /at position (\d+)/.exec(message)?.[1];
    const where = at !== undefined ? ` (${lineAndColumn(text, Number(at))})` : /end of JSON input/.test(message) ? " (it ends too early)" : "";
    throw new UsageError(`--input-json: ${from} is not valid JSON${where}.`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new UsageError(`--input-json: ${from} must hold one JSON object (the API's field names).`);
  return value as Record<string, unknown>;
}

/** `line 3, column 7` of a position in `text`. */
function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position).split("\n");
  return `line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
}

/** The SDK call's arguments: the id, the query, the body, the name, from --input-json and the flags (flags win). */
function routeInput(def: CommandDef, fields: readonly FlagField[], input: Record<string, unknown>): { id?: unknown; query?: Record<string, unknown>; body?: Record<string, unknown>; name?: unknown } {
  const byName = new Map(fields.map((f) => [f.field.name, f]));
  const out: { id?: unknown; query?: Record<string, unknown>; body?: Record<string, unknown>; name?: unknown } = {};
  if (def.kind === "list") out.query = {};
  if (def.kind === "body" || def.kind === "id-body") out.body = {};
  for (const [key, value] of Object.entries(input)) {
    const field = byName.get(key);
    const target = field?.target ?? (out.body ? "body" : out.query ? "query" : undefined);
    if (target === undefined) {
      const known = fields.map((f) => f.field.name);
      throw new UsageError(`--input-json: unknown field ${JSON.stringify(key)}${known.length ? `; known: ${known.join(", ")}` : " (this operation takes none)"}.`);
    }
    if (target === "id") out.id = value;
    else if (target === "name") out.name = value;
    else out[target]![key] = value;
  }
  return out;
}

async function execute(provider: ProviderName, def: CommandDef, fields: readonly FlagField[], parsed: ParsedArgs, ctx: Context): Promise<number> {
  const opt = parsed.options;
  const format = (typeof opt.output === "string" ? opt.output : "json") as OutputFormat;
  if (!OUTPUT_FORMATS.includes(format)) throw new UsageError(`--output must be one of ${OUTPUT_FORMATS.join(", ")} (got ${JSON.stringify(opt.output)}).`);
  const query = typeof opt.query === "string" ? await compileQuery(opt.query) : undefined;
  let maxItems: number | undefined;
  if (typeof opt["max-items"] === "string") {
    if (!/^\d+$/.test(opt["max-items"])) throw new UsageError(`--max-items must be a whole number (got ${JSON.stringify(opt["max-items"])}).`);
    maxItems = Number(opt["max-items"]);
  }
  const maxWaitInMs = typeof opt["max-wait"] === "string" ? parseDuration(opt["max-wait"], "--max-wait") : DEFAULT_MAX_WAIT_IN_MS;
  const timeoutInMs = typeof opt.timeout === "string" ? parseDuration(opt.timeout, "--timeout") : undefined;
  const minDelayInMs = typeof opt["poll-delay"] === "string" ? parseDuration(opt["poll-delay"], "--poll-delay") : DEFAULT_POLL_DELAY_IN_MS;

  // The input: --input-json first, then every flag over it (by the API's field name).
  const input = typeof opt["input-json"] === "string" ? await readInputJson(opt["input-json"], ctx.stdin) : {};
  for (const f of fields) if (f.flag in parsed.fields) input[f.field.name] = parsed.fields[f.flag];
  const args = routeInput(def, fields, input);
  const idFlag = fields.find((f) => f.target === "id");
  if (idFlag && (args.id === undefined || args.id === "")) throw new UsageError(`--${idFlag.flag} is required (or "${idFlag.field.name}" in --input-json).`);
  if (def.kind === "name" && (typeof args.name !== "string" || args.name === "")) throw new UsageError(`--name is required.`);

  const output = new Output(format, ctx.stdout, ctx.redact, query);
  const dryRun = opt["dry-run"] === true ? startDryRun() : undefined;
  const debugLog = opt.debug === true ? (line: string) => void ctx.stderr.write(ctx.redact(`${printable(line)}\n`)) : undefined;
  let progress: { stop(): void } | undefined;
  try {
    const client = await createClient(provider, connectionFrom(opt, ctx.env), {
      fetch: dryRun?.fetch,
      logger: debugLog,
      maxRetries: dryRun ? 0 : undefined,
      timeoutInMs,
      userAgent: `ws-cli/${VERSION}`,
    });
    const method = client[def.method] as ((...a: unknown[]) => unknown) | undefined;
    if (typeof method !== "function") throw new UsageError(`this @ws/${provider} has no ${def.method}.`);
    const call = { abortSignal: ctx.signal };
    let result: unknown;
    switch (def.kind) {
      case "list":
        await output.list(method.call(client, args.query, call) as AsyncIterable<unknown>, maxItems);
        return EXIT_CODES.success;
      case "body":
        result = await method.call(client, args.body, call);
        break;
      case "id":
        result = await method.call(client, args.id, call);
        break;
      case "id-body":
        result = await method.call(client, args.id, args.body, call);
        break;
      case "none":
        result = await method.call(client, call);
        break;
      case "name":
        result = (await method.call(client, args.name, call)) ?? null;
        break;
      case "wait": {
        const what = `workspace ${String(args.id)} to ${def.method.endsWith("Deleted") ? "be deleted" : "be ready"}`;
        const shown = startProgress(ctx.stderr, what, { maxWaitInMs, minDelayInMs, maxDelayInMs: Math.max(minDelayInMs, MAX_POLL_DELAY_IN_MS) });
        progress = shown;
        result = await method.call(client, args.id, { maxWaitInMs, minDelayInMs, abortSignal: ctx.signal, onPoll: shown.onPoll });
        shown.stop();
        progress = undefined;
        // A finished wait for deletion resolves to nothing: say so, for scripts that read it.
        if (result === undefined) result = { deleted: true, workspace_id: String(args.id) };
        break;
      }
    }
    await output.value(result);
    return EXIT_CODES.success;
  } catch (error) {
    progress?.stop();
    if (dryRun) {
      const request = dryRun.request();
      if (request) {
        await output.value(request);
        return EXIT_CODES.success;
      }
      if (dryRun.credentialRequest()) {
        throw new UsageError(
          "--dry-run: the request needs an answer from IAM or the ECS metadata service first (a token, temporary keys or the project id), which a dry run does not ask for; nothing was sent. Give the keys in the environment and --project-id to see the request.",
        );
      }
    }
    throw error;
  } finally {
    dryRun?.restore();
  }
}
