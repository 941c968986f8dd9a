import { spawn } from "node:child_process";

/**
 * Runs `script` (an ES module) in a child Node process and resolves to what it
 * printed and its exit code, or `exit: null` when it was still running after
 * `guardInMs` (something kept it alive; it is then killed).
 */
export function runNodeScript(script: string, guardInMs = 15_000): Promise<{ exit: number | null; out: string }> {
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  return new Promise((resolve) => {
    const guard = setTimeout(() => {
      child.kill();
      resolve({ exit: null, out });
    }, guardInMs);
    child.on("exit", (code) => {
      clearTimeout(guard);
      resolve({ exit: code, out });
    });
  });
}
