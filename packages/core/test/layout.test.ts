// Core is read by its folders: each folder says what it holds (README.md), no file
// sits loose beside them but the entry points, and no import circle joins any files
// (type-only imports count too: a circle of types is still a circle to read).
import { readdirSync, readFileSync, statSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const src = fileURLToPath(new URL("../src/", import.meta.url));
const ENTRY_POINTS = new Set(["index.ts", "node.ts"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith(".ts") ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1]!);
  return specs.map((spec) => path.resolve(path.dirname(file), spec.replace(/\.js$/, ".ts")));
}

describe("core's layout", () => {
  it("has no loose files beside its folders but the entry points", () => {
    const loose = readdirSync(src).filter((name) => !statSync(path.join(src, name)).isDirectory() && !ENTRY_POINTS.has(name));
    expect(loose).toEqual([]);
  });

  it("says in each folder what it is for", () => {
    const folders = readdirSync(src).filter((name) => statSync(path.join(src, name)).isDirectory());
    const silent = folders.filter((name) => !existsSync(path.join(src, name, "README.md")));
    expect(silent).toEqual([]);
  });

  it("has no import circle", () => {
    const graph = new Map(sourceFiles(src).map((file) => [file, importsOf(file)]));
    const state = new Map<string, "open" | "done">();
    const circles: string[] = [];
    const visit = (file: string, trail: string[]): void => {
      if (state.get(file) === "done") return;
      if (state.get(file) === "open") {
        circles.push([...trail.slice(trail.indexOf(file)), file].map((f) => path.relative(src, f)).join(" → "));
        return;
      }
      state.set(file, "open");
      for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
      state.set(file, "done");
    };
    for (const file of graph.keys()) visit(file, []);
    expect(circles).toEqual([]);
  });
});
