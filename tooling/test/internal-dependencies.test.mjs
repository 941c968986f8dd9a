// How a release of @ws/core moves the packages built on it (CONTRIBUTING, "Releasing"):
// core is a dependency, never a peer dependency (changesets releases a peer's dependents
// with a major bump; the CLI's optional "*" peer on the emulator is never left), and a core release patches each dependent to the new range.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { publishedPackages, root } from "../packages.mjs";

describe("internal dependencies", () => {
  it("take @ws packages as dependencies with workspace:^, never as peer dependencies", () => {
    for (const { name, manifest } of publishedPackages()) {
      for (const [dep, range] of Object.entries(manifest.dependencies ?? {})) if (dep.startsWith("@ws/")) expect(range, `${name} → ${dep}`).toBe("workspace:^");
      // The one exception: ws's optional peer @ws/emulator (for `ws emulator`), with a "*" range that no
      // release leaves, so changesets never bumps the CLI for it.
      const peers = Object.entries(manifest.peerDependencies ?? {}).filter(([d]) => d.startsWith("@ws/"));
      expect(peers, name).toEqual(name === "@ws/cli" ? [["@ws/emulator", "*"]] : []);
      if (name === "@ws/cli") expect(manifest.peerDependenciesMeta?.["@ws/emulator"]?.optional).toBe(true);
    }
  });

  it("are moved by a patch when a dependency is released", () => {
    const config = JSON.parse(fs.readFileSync(path.join(root, ".changeset/config.json"), "utf8"));
    expect(config.updateInternalDependencies).toBe("patch");
    expect(config.fixed).toEqual([]);
    expect(config.linked).toEqual([]);
  });
});
