// --help at every level, written from the generated spec data (summaries, descriptions,
// each field's type, enum, limits, default) and the option tables in args.ts.
import { GLOBAL_OPTIONS, LIST_OPTIONS, WAIT_OPTIONS, type OptionDef } from "./args.js";
import { COMMANDS, commandFields, commandSummary, operationInfo, PROVIDERS, providerInfo, type CommandDef, type FlagField, type ProviderName } from "./commands.js";
import type { FieldInfo } from "./generated/commands.js";

const CONNECTION = new Set(["region", "site", "endpoint", "project-id", "instance-id", "profile", "timeout"]);
const INPUT = new Set(["input-json"]);

export const EXIT_CODE_HELP = [
  ["0", "success"],
  ["1", "the service answered with a failure, or could not be reached (ApiError, NotFoundError, ConnectionError, TimeoutError)"],
  ["2", "invalid input, options or configuration; nothing was sent (ValidationError, ConfigurationError, usage)"],
  ["3", "a waiter failed or timed out (WaiterError)"],
  ["130", "interrupted (Ctrl-C)"],
] as const;

/** Wraps `text` to `width` columns, every line after the first indented by `hang`. */
function wrap(text: string, width: number, hang = 0, first = hang): string {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/ +/)) {
      const pad = lines.length === 0 && line === "" ? first : hang;
      if (line && pad + line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    lines.push(line);
  }
  return lines.map((l, i) => (i === 0 ? l : " ".repeat(hang) + l)).join("\n");
}

function twoColumns(rows: Array<[string, string]>, width: number): string {
  const left = Math.min(30, Math.max(...rows.map(([l]) => l.length)) + 2);
  return rows
    .map(([l, r]) => {
      const head = `  ${l}`;
      const gap = head.length + 1 > left + 2 ? `\n${" ".repeat(left + 2)}` : " ".repeat(left + 2 - head.length);
      return head + gap + wrap(r, width, left + 2, left + 2);
    })
    .join("\n");
}

function optionRow(o: OptionDef): [string, string] {
  const name = `${o.short ? `-${o.short}, ` : ""}--${o.name}${o.value ? ` <${o.value}>` : ""}`;
  return [name, o.description];
}

function show(value: unknown): string {
  return typeof value === "string" && value !== "" ? value : JSON.stringify(value);
}

/** What a field accepts, in words: type, required, enum, limits, default. */
export function fieldHelp(field: FieldInfo): string {
  const parts: string[] = [];
  if (field.required) parts.push("Required.");
  if (field.description) parts.push(field.description);
  const rules: string[] = [];
  if (field.enum) rules.push(`one of ${field.enum.map(show).join(", ")}`);
  const unit = field.type.includes("array") ? "items" : "characters";
  const [min, max] = field.type.includes("array") ? [field.minItems, field.maxItems] : [field.minLength, field.maxLength];
  if (min !== undefined && max !== undefined) rules.push(`${min} to ${max} ${unit}`);
  else if (min !== undefined) rules.push(`at least ${min} ${unit}`);
  else if (max !== undefined) rules.push(`at most ${max} ${unit}`);
  if (field.minimum !== undefined) rules.push(`>= ${field.minimum}`);
  if (field.exclusiveMinimum !== undefined) rules.push(`> ${field.exclusiveMinimum}`);
  if (field.maximum !== undefined) rules.push(`<= ${field.maximum}`);
  if (field.exclusiveMaximum !== undefined) rules.push(`< ${field.exclusiveMaximum}`);
  if (field.pattern !== undefined) rules.push(`matches ${field.pattern}`);
  if (field.default !== undefined) rules.push(`default ${show(field.default)}`);
  if (rules.length) parts.push(`[${rules.join("; ")}]`);
  if (field.type.includes("array") || field.type.includes("object")) parts.push("Takes JSON.");
  return parts.join(" ");
}

function flagRow(f: FlagField): [string, string] {
  const type = f.field.type === "boolean" ? "" : ` <${f.field.type === "array" && f.field.items ? `json: ${f.field.items}[]` : f.field.type.includes("object") || f.field.type.includes("array") ? `json: ${f.field.type}` : f.field.type}>`;
  return [`--${f.flag}${type}`, fieldHelp(f.field)];
}

export function topHelp(version: string, width: number): string {
  const rows: Array<[string, string]> = PROVIDERS.map((p) => {
    const info = providerInfo(p);
    return [p, `${info.title}${info.summary ? `: ${info.summary}` : ""}`];
  });
  rows.push(["emulator", "Run the local emulator of all five (and IAM), and print the environment that points ws and the SDKs at it."]);
  return [
    `ws (${version}): workspaces on Huawei Cloud RES, DataArts Insight, ModelArts, DataArts Fabric and TrueWatch, from the shell.`,
    "",
    "Usage:",
    "  ws <provider> <operation> [options]",
    "  ws <provider> --help                 the provider's operations",
    "  ws <provider> <operation> --help     the operation's options, from the provider's spec",
    "  ws emulator [--port N] [--print-env]",
    "  ws --version",
    "",
    "Providers:",
    twoColumns(rows, width),
    "",
    "Options of every operation:",
    twoColumns(GLOBAL_OPTIONS.map(optionRow), width),
    "",
    "Credentials come only from the environment or a profile, never from flags: HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (HUAWEICLOUD_SDK_SECURITY_TOKEN for temporary keys), --profile, and TRUEWATCH_API_KEY.",
    "",
    "Exit codes:",
    twoColumns(EXIT_CODE_HELP.map(([c, m]) => [c, m]), width),
    "",
  ]
    .map((l) => (l.startsWith(" ") || l.includes("\n") ? l : wrap(l, width)))
    .join("\n");
}

export function providerHelp(provider: ProviderName, width: number): string {
  const info = providerInfo(provider);
  const rows = COMMANDS[provider].map((c): [string, string] => [c.name, commandSummary(provider, c)]);
  return [
    wrap(`ws ${provider}: ${info.title}${info.summary ? `. ${info.summary}` : ""}`, width),
    "",
    `Usage: ws ${provider} <operation> [options]`,
    "",
    "Operations:",
    twoColumns(rows, width),
    "",
    wrap(`Run 'ws ${provider} <operation> --help' for an operation's options; 'ws --help' for the options every operation takes and the exit codes.`, width),
    "",
  ].join("\n");
}

/** The connection options that mean something to this provider. */
function connectionApplies(provider: ProviderName, option: string): boolean {
  if (!CONNECTION.has(option)) return false;
  if (provider === "truewatch") return option === "site" || option === "endpoint" || option === "timeout";
  return option !== "site" && (option !== "instance-id" || provider === "insight");
}

export function commandHelp(provider: ProviderName, def: CommandDef, width: number): string {
  const op = operationInfo(provider, def);
  const fields = commandFields(provider, def);
  const extra = def.kind === "list" ? LIST_OPTIONS : def.kind === "wait" ? WAIT_OPTIONS : [];
  const lines: string[] = [];
  if (def.about) {
    lines.push(wrap(`ws ${provider} ${def.name}: ${def.about}`, width));
    lines.push("", wrap(`Through ${op.method} ${op.path} (${op.summary ?? op.operationId}).`, width));
  } else {
    lines.push(wrap(`ws ${provider} ${def.name}: ${op.summary ?? op.operationId} (${op.method} ${op.path})`, width));
    if (op.description) lines.push("", wrap(op.description, width));
  }
  const required = fields.filter((f) => f.field.required).map((f) => `--${f.flag} <${f.field.type === "boolean" ? "" : "value"}>`);
  lines.push("", `Usage: ws ${provider} ${def.name} ${[...required, "[options]"].join(" ")}`);
  if (fields.length) {
    lines.push("", `Options (from specs/${provider}.yaml):`, twoColumns(fields.map(flagRow), width));
  }
  if (def.kind === "body" || def.kind === "id-body" || def.kind === "list") {
    const what = def.kind === "list" ? "query parameters" : "body fields";
    lines.push("", wrap(`--input-json takes the ${what}${fields.some((f) => f.target === "id") ? " (and workspace_id)" : ""} as one JSON object with the API's field names; flags override its fields.`, width));
  }
  if (extra.length) lines.push("", def.kind === "list" ? "Listing:" : "Waiting:", twoColumns(extra.map(optionRow), width));
  lines.push(
    "",
    "Connection (credentials come only from the environment or a profile):",
    twoColumns(GLOBAL_OPTIONS.filter((o) => connectionApplies(provider, o.name)).map(optionRow), width),
    "",
    "Input, output and diagnostics:",
    twoColumns(GLOBAL_OPTIONS.filter((o) => !CONNECTION.has(o.name) && (INPUT.has(o.name) ? def.kind !== "none" : true)).map(optionRow), width),
    "",
  );
  return lines.join("\n");
}
