// The process environment where the runtime has one (Node, Bun, Deno's Node
// compatibility), read without failing where it has none (browsers, workers).

/** Whether this runtime has environment variables (Node, Bun, Deno's Node compatibility); not browsers. */
export function hasEnv(): boolean {
  try {
    return typeof (globalThis as { process?: { env?: unknown } }).process?.env === "object";
  } catch {
    return false;
  }
}

/** The environment, where there is one (Node, Bun, Deno's Node compatibility); nothing in browsers. */
export function readEnv(name: string): string | undefined {
  try {
    const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
    const value = env?.[name];
    return value === undefined || value === "" ? undefined : value;
  } catch {
    return undefined; // e.g. Deno without --allow-env
  }
}
