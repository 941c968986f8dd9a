#!/usr/bin/env node
// ws-emulator [--port N] [--host H]: runs the emulator until interrupted and
// prints its URL and the ready account's credentials.
import { startEmulator } from "./index.js";

function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  if (i !== -1) return args[i + 1];
  return args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

if (process.argv.includes("--help") || process.argv.includes("-h")) {
  console.log("Usage: ws-emulator [--port N] [--host H]\nServes RES, DataArts Insight, ModelArts, DataArts Fabric, TrueWatch, IAM and the ECS metadata service on one local port.");
  process.exit(0);
}
async function main(): Promise<void> {
  const port = option("port");
  if (port !== undefined && !/^\d+$/.test(port)) {
    console.error(`--port must be a number (got ${port})`);
    process.exit(2);
  }
  const emulator = await startEmulator({ port: port === undefined ? 0 : Number(port), host: option("host") ?? "127.0.0.1" });
  console.log(emulator.url);
  // Test credentials the emulator made up, for configuring clients; not anyone's secrets.
  console.error(`test account: ${JSON.stringify(emulator.credentials)}`);
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

void main();
