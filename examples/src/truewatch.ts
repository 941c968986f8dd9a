// TrueWatch: create a workspace with its own API key, then read and rename the key's workspace.
// TRUEWATCH_API_KEY and TRUEWATCH_SITE (or WS_ENDPOINT, for the emulator) from the environment.
// The OpenAPI cannot list or delete workspaces: that is done in the console.
import { createTrueWatchClient, SdkError } from "@ws/truewatch";

const endpoint = process.env.WS_ENDPOINT;
const tw = endpoint ? createTrueWatchClient({ endpoint }) : createTrueWatchClient({ site: (process.env.TRUEWATCH_SITE ?? "us1") as "us1" });

try {
  const { wsInfo, akInfo } = await tw.createWorkspace({ name: "example-staging", needCreateAk: true, akName: "example" });
  console.log(`created ${wsInfo?.uuid} with key ${akInfo?.keyId}`);
  const own = endpoint ? createTrueWatchClient({ endpoint, apiKey: akInfo!.keyId! }) : createTrueWatchClient({ site: "us1", apiKey: akInfo!.keyId! });
  const renamed = await own.updateWorkspace({ name: "example-staging-eu", desc: "staging" });
  console.log(`renamed to ${renamed.name}; the key's workspace is ${(await own.getWorkspace()).uuid}`);
} catch (error) {
  if (error instanceof SdkError) console.error(`${error.name}: ${error.message}`);
  process.exitCode = 1;
}
