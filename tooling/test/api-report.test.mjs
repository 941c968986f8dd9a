// The API reports: the same text however they are built, and how check:change reads a
// change to one (removed or changed lines break, added lines add).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildReports, reportedPackages, reportPath, root } from "../check-change/api-report.mjs";
import { diffReports, parseChangeset } from "../check-change/check-change.mjs";

const report = (body) => `# API report: @ws/x\n\n## @ws/x\n\n\`\`\`ts\n${body}\n\`\`\`\n`;
const before = report(`export function create(options: Options): Client;
export interface Options {
  region: string;
  retry?: {
    attempts?: number;
  };
}
export { SdkError } from "@ws/core";`);

describe("diffReports", () => {
  it("calls an added export or member an addition", () => {
    expect(diffReports(before, before.replace("  region: string;\n", "  region: string;\n  label?: string;\n")).level).toBe("minor");
    expect(diffReports(before, before.replace("export { SdkError }", 'export { ApiError } from "@ws/core";\nexport { SdkError }')).level).toBe("minor");
    expect(diffReports(before, before).level).toBe("none");
  });

  it("calls a removed or changed export or member breaking, nested members included", () => {
    expect(diffReports(before, before.replace("export function create(options: Options): Client;", "export function create(options: Options, label: string): Client;"))).toMatchObject({
      level: "major",
      names: ["create"],
    });
    expect(diffReports(before, before.replace("    attempts?: number;\n", "")).changes).toEqual(["Options changed: export interface Options › retry?: › attempts?: number;"]);
    expect(diffReports(before, before.replace('export { SdkError } from "@ws/core";', "")).changes).toEqual(["SdkError removed"]);
  });
});

describe("parseChangeset", () => {
  it("reads the bumps of the front matter, quoted either way", () => {
    expect(parseChangeset(`---\n"@ws/core": minor\n'@ws/res': patch\n---\n\nText: major\n`)).toEqual({ "@ws/core": "minor", "@ws/res": "patch" });
  });
});

describe("buildReports", () => {
  it("writes a package's report alike alone or with others in one program, and as committed", () => {
    const packages = reportedPackages();
    const modelarts = packages.filter((p) => p.short === "modelarts");
    const alone = buildReports(modelarts).get("modelarts");
    const together = buildReports(packages.filter((p) => ["cli", "modelarts", "res"].includes(p.short))).get("modelarts");
    expect(together).toBe(alone);
    expect(alone).not.toMatch(new RegExp(root.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
    expect(alone, "run pnpm api:report modelarts").toBe(fs.readFileSync(path.join(root, reportPath("modelarts")), "utf8"));
  }, 90_000);
});
