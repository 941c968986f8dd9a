// The published packages of the workspace, and their packed tarballs: the
// shared starting point of the package checks, the size budget and the registry test.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** `{ name, version, dir, manifest }` of every package under packages/ that is not private. */
export function publishedPackages() {
  const base = path.join(root, "packages");
  return fs
    .readdirSync(base)
    .map((dir) => path.join(base, dir))
    .filter((dir) => fs.existsSync(path.join(dir, "package.json")))
    .map((dir) => ({ dir, manifest: JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) }))
    .filter(({ manifest }) => !manifest.private)
    .map(({ dir, manifest }) => ({ name: manifest.name, version: manifest.version, dir, manifest }));
}

/** Packs every published package with pnpm (which rewrites workspace: ranges) into `dest`; returns name -> tarball path. */
export function packAll(dest = fs.mkdtempSync(path.join(os.tmpdir(), "ws-pack-"))) {
  const tarballs = new Map();
  for (const pkg of publishedPackages()) {
    const out = execFileSync("pnpm", ["pack", "--pack-destination", dest], { cwd: pkg.dir, encoding: "utf8" });
    const file = out.trim().split("\n").pop().trim();
    tarballs.set(pkg.name, path.isAbsolute(file) ? file : path.join(dest, path.basename(file)));
  }
  return { dest, tarballs };
}

/** The package.json inside a tarball. */
export function packedManifest(tarball) {
  return JSON.parse(execFileSync("tar", ["-xzOf", tarball, "package/package.json"], { encoding: "utf8" }));
}

/** Bytes on disk and packages installed under a node_modules folder (symlinks not followed, so pnpm's links count once). */
export function installFootprint(nodeModules) {
  let bytes = 0;
  let packages = 0;
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (/node_modules(\/@[^/]+)?$/.test(dir) && fs.existsSync(path.join(p, "package.json"))) packages++;
        walk(p);
      } else if (entry.isFile()) bytes += fs.statSync(p).size;
    }
  };
  walk(nodeModules);
  return { bytes, packages };
}
