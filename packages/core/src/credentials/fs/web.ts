// The portable build (browsers, workers): there is no file system, so there is
// no credentials file; the providers say so instead of failing to import node:fs.
export const fileSystem = false;

export function readTextFile(_path: string): string | undefined {
  return undefined;
}

export function defaultCredentialsFile(): string | undefined {
  return undefined;
}
