// The command line, read with node:util's parseArgs (tokens mode, so the errors and
// `--no-<flag>` are ours): `ws [global options] <provider> <operation> [options]`.
import { parseArgs } from "node:util";
import type { FlagField } from "./commands.js";
import { UsageError } from "./errors.js";

export interface OptionDef {
  name: string;
  type: "string" | "boolean";
  short?: string;
  /** Shown in help: `--region <region>`. */
  value?: string;
  description: string;
}

/** Options every command takes (connection, output, input, diagnostics). */
export const GLOBAL_OPTIONS: readonly OptionDef[] = [
  { name: "region", type: "string", value: "region", description: "Region of a Huawei Cloud service (picks its documented endpoint). Default: WS_REGION, then HUAWEICLOUD_SDK_REGION." },
  { name: "site", type: "string", value: "site", description: "TrueWatch site (us1, eu1, ap1, za1, id1, guance-cn1, ...). Default: TRUEWATCH_SITE." },
  { name: "endpoint", type: "string", value: "url", description: "Base URL, instead of the region's or site's (http:// only to loopback). Default: WS_ENDPOINT." },
  { name: "project-id", type: "string", value: "id", description: "Project (RES, DataArts Insight, ModelArts; optional for DataArts Fabric). Default: WS_PROJECT_ID, then HUAWEICLOUD_SDK_PROJECT_ID." },
  { name: "instance-id", type: "string", value: "id", description: "DataArts Insight instance. Default: WS_INSIGHT_INSTANCE_ID." },
  {
    name: "profile",
    type: "string",
    value: "name",
    description:
      "Section of ~/.huaweicloud/credentials to take credentials from. Credentials are never flags: without --profile they come from the SDK's credential chain (HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK, ...) and TRUEWATCH_API_KEY.",
  },
  { name: "timeout", type: "string", value: "duration", description: "Limit for each attempt of a request, response included (30s by default; retries are separate attempts)." },
  { name: "input-json", type: "string", value: "json|file://path|-", description: "The input as one JSON object (API field names; nested and array fields), inline, from a file, or from standard input (-). Flags override its fields." },
  { name: "output", type: "string", short: "o", value: "json|yaml|table|text", description: "Output format. Default json (indented on a terminal, one line otherwise)." },
  { name: "query", type: "string", value: "jmespath", description: "A JMESPath expression applied to the result before printing (e.g. \"[?status=='NORMAL'].name\")." },
  { name: "dry-run", type: "boolean", description: "Validate, build and sign the first request, print it (method, URL, headers with secrets redacted, body) and send nothing." },
  { name: "debug", type: "boolean", description: "Log every attempt on standard error, and print the whole error (redacted) when the command fails." },
  { name: "help", type: "boolean", short: "h", description: "Show help." },
];

export const LIST_OPTIONS: readonly OptionDef[] = [
  { name: "max-items", type: "string", value: "n", description: "Stop after this many items. Default: every item, page after page." },
];

export const WAIT_OPTIONS: readonly OptionDef[] = [
  { name: "max-wait", type: "string", value: "duration", description: "The longest the wait may take (90s, 10m, 1h; a bare number is seconds). Default 10m." },
  { name: "poll-delay", type: "string", value: "duration", description: "First delay between polls; later ones back off up to 30s. Default 2s." },
];

/** Flag names that would carry a credential: refused, so secrets stay out of shell history. */
const CREDENTIAL_FLAGS = /^(ak|sk|access-?key(-id)?|secret(-access)?-?key|security-?token|token|api-?key|password|credentials?)$/;

/** The two positionals (provider, operation) and the rest, global options allowed before them. */
export function splitCommand(argv: readonly string[]): { positionals: string[]; rest: string[] } {
  const takesValue = new Set(GLOBAL_OPTIONS.filter((o) => o.type === "string").flatMap((o) => [`--${o.name}`, ...(o.short ? [`-${o.short}`] : [])]));
  const positionals: string[] = [];
  const rest: string[] = [];
  let i = 0;
  for (; i < argv.length && positionals.length < 2; i++) {
    const arg = argv[i]!;
    if (arg === "--") break;
    if (!arg.startsWith("-") || arg === "-") {
      positionals.push(arg);
      continue;
    }
    if (!takesValue.has(arg) && !isGlobalFlag(arg)) break; // a command flag: the operation is missing
    rest.push(arg);
    if (takesValue.has(arg) && i + 1 < argv.length) rest.push(argv[++i]!);
  }
  rest.push(...argv.slice(i));
  return { positionals, rest };
}

function isGlobalFlag(arg: string): boolean {
  const name = arg.replace(/^--?/, "").split("=")[0]!;
  return GLOBAL_OPTIONS.some((o) => o.name === name || o.short === name) || name === "version";
}

export interface ParsedArgs {
  /** Global and command-specific options by name (`max-items`, `output`). */
  options: Record<string, string | boolean>;
  /** The command's field values by flag name, converted to their spec type. */
  fields: Record<string, unknown>;
  positionals: string[];
}

/** Parses `args` against the global options, `extra` options and the command's fields. */
export function parseCommandArgs(args: readonly string[], extra: readonly OptionDef[], fields: readonly FlagField[], context: string): ParsedArgs {
  const defs = new Map<string, OptionDef>();
  for (const o of [...GLOBAL_OPTIONS, ...extra]) defs.set(o.name, o);
  const byFlag = new Map(fields.map((f) => [f.flag, f]));
  const config: Record<string, { type: "string" | "boolean"; short?: string }> = {};
  for (const o of defs.values()) config[o.name] = o.short ? { type: o.type, short: o.short } : { type: o.type };
  for (const f of fields) if (!defs.has(f.flag)) config[f.flag] = { type: isBooleanField(f) ? "boolean" : "string" };

  const { tokens } = parseArgs({ args: [...args], options: config, strict: false, allowPositionals: true, tokens: true });
  const out: ParsedArgs = { options: {}, fields: {}, positionals: [] };
  for (const token of tokens) {
    if (token.kind === "positional") {
      out.positionals.push(token.value);
      continue;
    }
    if (token.kind !== "option") continue;
    const raw = token.rawName;
    let name = token.name;
    let negated = false;
    if (!config[name] && name.startsWith("no-") && byFlag.has(name.slice(3)) && isBooleanField(byFlag.get(name.slice(3))!)) {
      name = name.slice(3);
      negated = true;
    }
    if (CREDENTIAL_FLAGS.test(name) && !config[name]) {
      throw new UsageError(
        `${raw}: credentials are never taken from flags (they would stay in shell history). Set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (or TRUEWATCH_API_KEY) in the environment, or use --profile.`,
      );
    }
    const def = defs.get(name);
    const field = byFlag.get(name);
    if (!def && !field) {
      const known = [...defs.keys(), ...byFlag.keys()];
      const hint = closest(name, known);
      throw new UsageError(`unknown option ${raw} for ${context}${hint ? ` (did you mean --${hint}?)` : ""}. Run '${context} --help' for its options.`);
    }
    const type = def?.type ?? (isBooleanField(field!) ? "boolean" : "string");
    let value: string | boolean;
    if (type === "boolean") {
      if (token.inlineValue) {
        if (negated || !/^(true|false)$/.test(token.value ?? "")) throw new UsageError(`${raw} takes no value, or =true / =false (got ${JSON.stringify(token.value)}).`);
        value = token.value === "true";
      } else {
        value = !negated;
      }
    } else {
      if (token.value === undefined) throw new UsageError(`${raw} needs a value${def?.value ? ` (${def.value})` : field ? ` (${field.field.type})` : ""}.`);
      value = token.value;
    }
    if (def) out.options[name] = value;
    else out.fields[name] = convert(field!, value, raw);
  }
  return out;
}

function isBooleanField(f: FlagField): boolean {
  return f.field.type === "boolean";
}

/** A flag's text as the field's JSON type: numbers, booleans, JSON for objects and arrays. */
function convert(f: FlagField, value: string | boolean, raw: string): unknown {
  if (typeof value === "boolean") return value;
  const types = f.field.type.split("|");
  if (types.includes("string")) return value;
  if (types.includes("array") || types.includes("object")) {
    try {
      return JSON.parse(value);
    } catch (error) {
      throw new UsageError(`${raw} takes JSON (${types.join(" or ")}): ${(error as Error).message}.`);
    }
  }
  if ((types.includes("integer") || types.includes("number")) && /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(value.trim())) return Number(value);
  // Anything else goes to the SDK as given, whose validation names the rule it breaks.
  return value;
}

/** The known name nearest to `name` (edit distance at most 2 or a shared prefix), for "did you mean". */
export function closest(name: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = distance(name, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  return bestDistance <= 2 || best.startsWith(name) || name.startsWith(best) ? best : undefined;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/** `90s`, `10m`, `1h`, `500ms`, or a bare number of seconds, in milliseconds. */
export function parseDuration(text: string, flag: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!match) throw new UsageError(`${flag} takes a duration such as 90s, 10m or 1h (got ${JSON.stringify(text)}).`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(match[2] ?? "s") as "ms" | "s" | "m" | "h"];
  const ms = Number(match[1]) * unit;
  if (!(ms > 0)) throw new UsageError(`${flag} must be more than 0.`);
  return ms;
}
