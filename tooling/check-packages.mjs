#!/usr/bin/env node
// The packed tarballs as users get them: publint finds no problem, Are The Types
// Wrong finds none for node10, node16 (CJS and ESM) and bundler resolution, and
// no `workspace:` range is left in a published manifest.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { packAll, packedManifest, root } from "./packages.mjs";

// The CLI (a root dev dependency), run with this Node: its package exports no entry to import.
const attw = path.join(root, "node_modules/@arethetypeswrong/cli/dist/index.js");

/** Problems of each packed package (an empty list when it is fine). */
export async function checkPackages() {
  const { dest, tarballs } = packAll();
  const results = [];
  try {
    for (const [name, tarball] of tarballs) {
      const problems = [];
      const manifest = packedManifest(tarball);
      for (const field of ["dependencies", "peerDependencies", "optionalDependencies"]) {
        for (const [dep, range] of Object.entries(manifest[field] ?? {})) {
          if (String(range).startsWith("workspace:")) problems.push(`${field}.${dep} is still ${range}`);
        }
      }
      const buffer = fs.readFileSync(tarball);
      const tarballData = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);
      const { messages } = await publint({ pack: { tarball: tarballData }, level: "suggestion", strict: true });
      for (const message of messages) problems.push(`publint ${message.type}: ${formatMessage(message, manifest) ?? message.code}`);
      try {
        execFileSync(process.execPath, [attw, tarball, "--format", "ascii"], { encoding: "utf8", stdio: "pipe" });
      } catch (error) {
        problems.push(`attw (node10, node16 CJS/ESM, bundler):\n${error.stdout}`);
      }
      results.push({ name, version: manifest.version, manifest, packedBytes: fs.statSync(tarball).size, problems });
    }
  } finally {
    fs.rmSync(dest, { recursive: true, force: true });
  }
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let failed = false;
  for (const { name, version, packedBytes, problems } of await checkPackages()) {
    failed ||= problems.length > 0;
    if (problems.length) console.error(`✗ ${name}\n  ${problems.join("\n  ")}`);
    else console.log(`✓ ${name}@${version} (${(packedBytes / 1024).toFixed(1)} kB packed)`);
  }
  process.exit(failed ? 1 : 0);
}
