#!/usr/bin/env node
// ws-emulator [--port N] [--host H] [--seed TEXT] [--accounts FILE] [--print-env]:
// runs the emulator until interrupted. Prints its URL, or with --print-env the
// `export` lines that point an SDK or `ws` in another terminal at it.
import fs from "node:fs";
import { exportLines, startEmulator, type EmulatorOptions } from "./index.js";

const USAGE = `Usage: ws-emulator [--port N] [--host H] [--seed TEXT] [--accounts FILE] [--print-env]
Serves RES, DataArts Insight, ModelArts, DataArts Fabric, TrueWatch, IAM and the ECS metadata
service on one local port, until interrupted.
  --port N         listen on port N (default: any free port)
  --host H         listen on host H (default 127.0.0.1)
  --seed TEXT      derive the made-up credentials from TEXT: the same every run
  --accounts FILE  the accounts, as a JSON array of objects (accessKey, secretKey, apiKey, projectId, ...)
  --print-env      print export lines (endpoint, AK/SK, project, region, IAM and metadata endpoints,
                   Insight instance id, TrueWatch API key) instead of the URL:
                     eval "$(ws-emulator --print-env &)"   or   ws-emulator --print-env > emulator.env`;

function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  if (i !== -1) return args[i + 1];
  return args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

function fail(message: string): never {
  console.error(`ws-emulator: ${message}`);
  process.exit(2);
}

if (process.argv.includes("--help") || process.argv.includes("-h")) {
  console.log(USAGE);
  process.exit(0);
}

async function main(): Promise<void> {
  const port = option("port");
  if (port !== undefined && !/^\d+$/.test(port)) fail(`--port must be a number (got ${port})`);
  const options: EmulatorOptions = { port: port === undefined ? 0 : Number(port), host: option("host") ?? "127.0.0.1" };
  const seed = option("seed");
  if (seed !== undefined) options.seed = seed;
  const accountsFile = option("accounts");
  if (accountsFile !== undefined) {
    let accounts: unknown;
    try {
      accounts = JSON.parse(fs.readFileSync(accountsFile, "utf8"));
    } catch (error) {
      fail(`cannot read --accounts ${accountsFile}: ${(error as Error).message}`);
    }
    if (!Array.isArray(accounts) || accounts.some((a) => typeof a !== "object" || a === null)) fail(`--accounts ${accountsFile} must hold a JSON array of objects`);
    options.accounts = accounts as EmulatorOptions["accounts"];
  }
  const emulator = await startEmulator(options);
  if (process.argv.includes("--print-env")) {
    console.log(exportLines(emulator.env()));
  } else {
    console.log(emulator.url);
    // Made-up test credentials, for configuring clients; not anyone's secrets.
    console.error(`test account: ${JSON.stringify(emulator.credentials)}`);
  }
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

void main();
