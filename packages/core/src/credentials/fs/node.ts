// The `node` export condition's file access: the credentials file and the home
// directory. Synchronous: a client reads at most one small file when it is created.
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

export const fileSystem = true;

/** The file's text; `undefined` when it does not exist. Other failures (a directory, no permission) throw. */
export function readTextFile(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if ((error as { code?: unknown }).code === "ENOENT") return undefined;
    throw error;
  }
}

/** `~/.huaweicloud/credentials`, or undefined when the home directory is unknown. */
export function defaultCredentialsFile(): string | undefined {
  try {
    const home = homedir();
    return home ? join(home, ".huaweicloud", "credentials") : undefined;
  } catch {
    return undefined;
  }
}
