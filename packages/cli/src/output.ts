// Printing results: JSON (indented on a terminal), YAML, a table, or plain text;
// after an optional JMESPath --query. Lists are printed as their pages arrive unless a
// query or a table needs them whole. Every line passes through the redactor, and no
// control character from a service reaches the terminal unescaped.
import { UsageError, type Redact } from "./errors.js";
import { printable, printableJson, printableYaml } from "./printable.js";

export type OutputFormat = "json" | "yaml" | "table" | "text";
export const OUTPUT_FORMATS: readonly OutputFormat[] = ["json", "yaml", "table", "text"];

export interface Writable {
  write(chunk: string): unknown;
  isTTY?: boolean | undefined;
  columns?: number | undefined;
}

type Query = (value: unknown) => unknown;

/** Compiles --query now, so a bad expression fails before anything is sent. */
export async function compileQuery(expression: string): Promise<Query> {
  const { compile, TreeInterpreter } = await import("@jmespath-community/jmespath");
  let ast: ReturnType<typeof compile>;
  try {
    ast = compile(expression);
  } catch (error) {
    throw new UsageError(`--query is not a valid JMESPath expression: ${(error as Error).message}`);
  }
  return (value) => {
    try {
      return TreeInterpreter.search(ast, (value ?? null) as Parameters<typeof TreeInterpreter.search>[1]);
    } catch (error) {
      throw new UsageError(`--query failed on the result: ${(error as Error).message}`);
    }
  };
}

export class Output {
  private yamlStringify: ((value: unknown) => string) | undefined;

  constructor(
    private readonly format: OutputFormat,
    private readonly stdout: Writable,
    private readonly redact: Redact,
    private readonly query: Query | undefined,
  ) {}

  private write(text: string): void {
    this.stdout.write(this.redact(text));
  }

  private async yaml(value: unknown): Promise<string> {
    if (!this.yamlStringify) {
      const { stringify } = await import("yaml");
      this.yamlStringify = (v) => printableYaml(stringify(v, { lineWidth: 0 }));
    }
    return this.yamlStringify(value);
  }

  private get pretty(): boolean {
    return this.stdout.isTTY === true;
  }

  /** Prints one result. `undefined` (a call that answers nothing) prints nothing, unless a query makes something of it. */
  async value(value: unknown): Promise<void> {
    if (this.query) value = this.query(value);
    else if (value === undefined) return;
    switch (this.format) {
      case "json":
        this.write(`${json(value ?? null, this.pretty ? 2 : undefined)}\n`);
        return;
      case "yaml":
        this.write(await this.yaml(value ?? null));
        return;
      case "table":
        this.write(table(value, this.stdout.columns));
        return;
      case "text":
        this.write(text(value));
        return;
    }
  }

  /** Prints every item of a listing, as the pages arrive (whole, when a query or a table needs it). */
  async list(items: AsyncIterable<unknown>, maxItems: number | undefined): Promise<void> {
    const limited = take(items, maxItems);
    if (this.query || this.format === "table") {
      const all: unknown[] = [];
      for await (const item of limited) all.push(item);
      await this.value(all);
      return;
    }
    let count = 0;
    for await (const item of limited) {
      switch (this.format) {
        case "json":
          if (this.pretty) this.write(`${count === 0 ? "[\n" : ",\n"}${indent(json(item, 2))}`);
          else this.write(`${count === 0 ? "[" : ","}${json(item)}`);
          break;
        case "yaml":
          this.write(await this.yaml([item]));
          break;
        case "text":
          this.write(text(item));
          break;
      }
      count++;
    }
    if (this.format === "json") this.write(count === 0 ? "[]\n" : this.pretty ? "\n]\n" : "]\n");
    else if (this.format === "yaml" && count === 0) this.write("[]\n");
  }
}

async function* take(items: AsyncIterable<unknown>, max: number | undefined): AsyncGenerator<unknown> {
  if (max === undefined) {
    yield* items;
    return;
  }
  if (max <= 0) return;
  let n = 0;
  for await (const item of items) {
    yield item;
    if (++n >= max) return; // leaving the loop stops the listing: no further page is fetched
  }
}

function json(value: unknown, space?: number): string {
  return printableJson(JSON.stringify(value, null, space));
}

function indent(text: string): string {
  return text.replace(/^/gm, "  ");
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A value as one cell or field: nested values as JSON, control characters (newlines, tabs too) escaped. */
function cell(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "object") return json(value);
  return printable(String(value));
}

/** Ids are what users copy from a table: never clipped (`id`, `workspace_id`, `projectId`, `ids`). */
const isIdName = (name: string) => /(^|[_-])ids?$|[a-z0-9]Ids?$/i.test(name);

/** Terminal columns a string takes: wide (CJK) characters count twice. */
function width(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return n;
}

function clip(text: string, max: number): string {
  if (width(text) <= max) return text;
  let out = "";
  for (const ch of text) {
    if (width(out + ch) > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/** A table: an array of objects by column, an object by key, an array of values as one column. */
export function table(value: unknown, columns?: number): string {
  let header: string[];
  let rows: string[][];
  if (Array.isArray(value) && value.length > 0 && value.every(isRecord)) {
    header = [];
    for (const item of value as Record<string, unknown>[]) for (const key of Object.keys(item)) if (!header.includes(key)) header.push(key);
    rows = (value as Record<string, unknown>[]).map((item) => header.map((key) => cell(item[key])));
  } else if (Array.isArray(value)) {
    header = ["value"];
    rows = value.map((v) => [cell(v)]);
  } else if (isRecord(value)) {
    header = ["key", "value"];
    rows = Object.entries(value).map(([k, v]) => [k, cell(v)]);
  } else {
    return value === undefined || value === null ? "" : `${cell(value)}\n`;
  }
  // Long cells (nested JSON) are clipped so that a row fits a terminal line; ids never are.
  const limit = Math.max(24, Math.floor(((columns ?? 160) - 2 * header.length) / Math.max(1, header.length)) * 2);
  const keyed = header[0] === "key" && header[1] === "value";
  rows = rows.map((r) => r.map((c, i) => (isIdName(header[i]!) || (keyed && i === 1 && isIdName(r[0]!)) ? c : clip(c, limit))));
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c + " ".repeat(widths[i]! - width(c))).join(" | ")} |`;
  const rule = `+${widths.map((w) => "-".repeat(w + 2)).join("+")}+`;
  return [rule, line(header), rule, ...rows.map(line), rule].join("\n") + "\n";
}

/** Plain text for shells: a value per line; an object's values tab-separated (a tab or newline inside a value is escaped). */
export function text(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return value.map((v) => text(v)).join("");
  if (isRecord(value)) return `${Object.values(value).map(cell).join("\t")}\n`;
  return `${cell(value)}\n`;
}
