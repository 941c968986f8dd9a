// `ws emulator [--port N] [--print-env]`: runs @ws/emulator until interrupted and prints
// the environment that points `ws` (and the SDKs' credential variables) at it. The emulator
// is not installed with `ws` (an optional peer): when it is missing, one line says how to get it.
import { parseArgs } from "node:util";
import { UsageError } from "./errors.js";
import type { Writable } from "./output.js";

export const EMULATOR_HELP = `Usage: ws emulator [--port N] [--host H] [--print-env]

Runs the local emulator of RES, DataArts Insight, ModelArts, DataArts Fabric, TrueWatch and IAM
(@ws/emulator) until Ctrl-C, and prints 'export' lines for its test account and URL: paste them
into another shell, and ws (or any SDK program) uses the emulator at once. @ws/emulator is not
installed with ws: install it beside ws (npm install @ws/emulator, -g for a global ws).

  --port N       Port to listen on. Default: any free port.
  --host H       Address to listen on. Default 127.0.0.1.
  --print-env    Print only the export lines on standard output (for a file or eval).
  -h, --help     Show this help.
`;

/** POSIX shell single quotes. */
function quote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The message when @ws/emulator is not installed: one line, with the ways to get it. */
export const EMULATOR_MISSING =
  "@ws/emulator is not installed (ws does not install it): npm install @ws/emulator beside ws (-g for a global ws), or run it on its own with npx @ws/emulator.";

async function loadEmulator(): Promise<typeof import("@ws/emulator")> {
  try {
    return await import("@ws/emulator");
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    const missing = (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") && String((error as Error).message).includes("@ws/emulator");
    if (missing) throw new UsageError(EMULATOR_MISSING);
    throw error;
  }
}

export async function runEmulator(args: readonly string[], io: { stdout: Writable; stderr: Writable; signal: AbortSignal | undefined }): Promise<number> {
  let values: { port?: string | undefined; host?: string | undefined; "print-env"?: boolean | undefined; help?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: { port: { type: "string" }, host: { type: "string" }, "print-env": { type: "boolean" }, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}. Run 'ws emulator --help'.`);
  }
  if (values.help) {
    io.stdout.write(EMULATOR_HELP);
    return 0;
  }
  if (values.port !== undefined && !/^\d{1,5}$/.test(values.port)) throw new UsageError(`--port must be a number (got ${JSON.stringify(values.port)}).`);
  const { startEmulator } = await loadEmulator();
  const emulator = await startEmulator({ port: values.port === undefined ? 0 : Number(values.port), host: values.host ?? "127.0.0.1" });
  const account = emulator.credentials;
  // The emulator's made-up test account: printing it is the point (these are nobody's secrets).
  const env: Array<[string, string | undefined]> = [
    ["WS_ENDPOINT", emulator.url],
    ["HUAWEICLOUD_SDK_AK", account.accessKey],
    ["HUAWEICLOUD_SDK_SK", account.secretKey],
    ["WS_PROJECT_ID", account.projectId],
    ["HUAWEICLOUD_SDK_PROJECT_ID", account.projectId],
    ["WS_INSIGHT_INSTANCE_ID", account.instanceId],
    ["TRUEWATCH_API_KEY", account.apiKey],
  ];
  // Newer emulators also serve IAM's project lookup, which the credential chain may use.
  const iamEndpoint = (emulator as { iamEndpoint?: unknown }).iamEndpoint;
  if (typeof iamEndpoint === "string") env.push(["HUAWEICLOUD_SDK_IAM_ENDPOINT", iamEndpoint]);
  const exports = env.filter(([, v]) => v !== undefined).map(([k, v]) => `export ${k}=${quote(v!)}\n`).join("");
  if (values["print-env"]) {
    io.stdout.write(exports);
  } else {
    io.stdout.write(
      `Emulator of RES, DataArts Insight, ModelArts, DataArts Fabric, TrueWatch and IAM at ${emulator.url}\n` +
        `In another shell, run these lines, then e.g. 'ws modelarts create-workspace --name team-a':\n\n${exports}\nCtrl-C stops it (its workspaces live in memory only).\n`,
    );
  }
  await new Promise<void>((resolve) => {
    if (!io.signal) return; // without a signal (a programmatic run) it serves until the process ends
    if (io.signal.aborted) return resolve();
    io.signal.addEventListener("abort", () => resolve(), { once: true });
  });
  await emulator.close();
  return 0;
}
