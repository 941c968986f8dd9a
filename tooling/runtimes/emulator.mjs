// The emulator for the matrix, from the installed @ws/emulator, in Node: prints its URL and
// test account as one JSON line, and stops when its standard input closes.
import { startEmulator } from "@ws/emulator";

const emulator = await startEmulator({ host: "127.0.0.1" });
console.log(JSON.stringify({ url: emulator.url, credentials: emulator.credentials }));
process.stdin.resume();
process.stdin.on("end", () => emulator.close().then(() => process.exit(0)));
