// Every TypeScript block of the READMEs is type-checked and run against the
// emulator, as a user would paste it: the names a block uses without defining
// (projectId, token, ma, ...) come from a small prelude that points at the
// emulator through the environment (`ws-emulator --print-env`), so the block
// itself is unchanged. A block that reaches for a real service fails.
import { startEmulator, type Emulator } from "@ws/emulator";
import { spawn, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished } from "vitest";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const out = path.join(here, "..", ".out", "readme");

interface Block {
  file: string;
  line: number;
  code: string;
}

function blocks(): Block[] {
  const files = ["README.md", ...fs.readdirSync(path.join(root, "packages")).map((p) => path.join("packages", p, "README.md"))].filter((f) => fs.existsSync(path.join(root, f)));
  const found: Block[] = [];
  for (const file of files) {
    const text = fs.readFileSync(path.join(root, file), "utf8");
    for (const match of text.matchAll(/```ts\n([\s\S]*?)```/g)) {
      found.push({ file, line: text.slice(0, match.index).split("\n").length + 1, code: match[1]! });
    }
  }
  return found;
}

// What a block may use without defining it, and how the prelude defines it.
const PRELUDE: Array<{ name: string; imports?: string; code: string }> = [
  { name: "projectId", code: "const projectId = process.env.HUAWEICLOUD_SDK_PROJECT_ID!;" },
  { name: "instanceId", code: "const instanceId = process.env.WS_INSIGHT_INSTANCE_ID!;" },
  { name: "accessKey", code: "const accessKey = process.env.HUAWEICLOUD_SDK_AK!;" },
  { name: "secretKey", code: "const secretKey = process.env.HUAWEICLOUD_SDK_SK!;" },
  { name: "securityToken", code: "const securityToken: string | undefined = undefined;" },
  { name: "token", code: "const token = process.env.WS_README_TOKEN!;" },
  { name: "username", code: "const username = process.env.WS_README_USERNAME!;" },
  { name: "password", code: "const password = process.env.WS_README_PASSWORD!;" },
  { name: "domainName", code: "const domainName = process.env.WS_README_DOMAIN!;" },
  {
    name: "vault",
    code: "const vault = { currentToken: async () => process.env.WS_README_TOKEN!, huaweiKeys: async () => ({ accessKey: process.env.HUAWEICLOUD_SDK_AK!, secretKey: process.env.HUAWEICLOUD_SDK_SK! }) };",
  },
  { name: "afterAll", code: "const __closers: Array<() => unknown> = []; const afterAll = (f: () => unknown) => void __closers.push(f);" },
  { name: "ma", imports: 'import { createModelArtsClient as __ma } from "@ws/modelarts";', code: 'const ma = __ma({ region: "cn-north-4" });' },
  { name: "res", imports: 'import { createResClient as __res } from "@ws/res";', code: 'const res = __res({ region: "cn-north-4" });' },
  { name: "insight", imports: 'import { createInsightClient as __insight } from "@ws/insight";', code: 'const insight = __insight({ region: "cn-north-4", instanceId: process.env.WS_INSIGHT_INSTANCE_ID! });' },
  { name: "fabric", imports: 'import { createFabricClient as __fabric } from "@ws/fabric";', code: 'const fabric = __fabric({ region: "cn-north-4" });' },
  { name: "tw", imports: 'import { createTrueWatchClient as __tw } from "@ws/truewatch";', code: 'const tw = __tw({ site: "eu1" });' },
  { name: "startEmulator", imports: 'import { startEmulator } from "@ws/emulator";', code: "" },
  { name: "createModelArtsClient", imports: 'import { createModelArtsClient } from "@ws/modelarts";', code: "" },
  { name: "createTrueWatchClient", imports: 'import { createTrueWatchClient } from "@ws/truewatch";', code: "" },
];

/** Names a block binds itself: imports and declarations (destructuring included). */
function declared(code: string): Set<string> {
  const names = new Set<string>();
  for (const m of code.matchAll(/^import\s+(?:type\s+)?\{([^}]*)\}\s+from/gm)) for (const n of m[1]!.split(",")) names.add(n.trim().split(/\s+as\s+/).pop()!.replace(/^type\s+/, ""));
  for (const m of code.matchAll(/\b(?:const|let|var)\s+([^=;]+?)\s*=/g)) for (const n of m[1]!.matchAll(/[A-Za-z_$][\w$]*/g)) names.add(n[0]);
  return names;
}

function moduleFor(block: Block): string {
  const lines = block.code.split("\n");
  const imports = lines.filter((l) => /^import\s/.test(l));
  const body = lines.filter((l) => !/^import\s/.test(l)).join("\n");
  const own = declared(block.code);
  const uses = (name: string) => new RegExp(`(?<![\\w$.])${name.replace(/\$/g, "\\$")}(?![\\w$])`).test(body);
  const prelude = PRELUDE.filter((p) => !own.has(p.name) && uses(p.name));
  return [
    `// ${block.file}:${block.line}`,
    ...imports,
    ...prelude.map((p) => p.imports).filter(Boolean),
    ...prelude.map((p) => p.code).filter(Boolean),
    "{",
    body,
    "}",
    prelude.some((p) => p.name === "afterAll") ? "for (const close of __closers) await close();" : "",
    // A snippet may leave a server it started running (an emulator): the block is done here.
    "process.exit(process.exitCode ?? 0);",
    "export {};",
  ].join("\n");
}

const all = blocks();
let emu: Emulator;
let env: Record<string, string>;

beforeAll(async () => {
  emu = await startEmulator({ seed: "readme", transitionDelayInMs: 20 });
  const tokenAnswer = await fetch(`${emu.url}/v3/auth/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      auth: {
        identity: { methods: ["password"], password: { user: { name: emu.credentials.username, password: emu.credentials.password, domain: { name: emu.credentials.domainName } } } },
        scope: { project: { id: emu.credentials.projectId } },
      },
    }),
  });
  env = {
    PATH: process.env.PATH ?? "",
    ...emu.env(),
    ...Object.fromEntries(["RES", "DATAARTSINSIGHT", "MODELARTS", "DATAARTSFABRIC"].map((s) => [`HUAWEICLOUD_SDK_REGION_${s}_CN_SOUTHWEST_2`, emu.url])),
    HUAWEICLOUD_SDK_CREDENTIALS_FILE: path.join(os.tmpdir(), "ws-readme-no-profile"),
    WS_README_TOKEN: tokenAnswer.headers.get("x-subject-token")!,
    WS_README_USERNAME: emu.credentials.username,
    WS_README_PASSWORD: emu.credentials.password,
    WS_README_DOMAIN: emu.credentials.domainName,
  };
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  all.forEach((block, i) => fs.writeFileSync(path.join(out, `block${String(i).padStart(2, "0")}.ts`), moduleFor(block)));
  fs.writeFileSync(path.join(out, "tsconfig.json"), JSON.stringify({ extends: "../../tsconfig.json", compilerOptions: { noUnusedLocals: false }, include: ["*.ts"] }));
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

it("finds the READMEs' TypeScript blocks", () => {
  expect(all.length).toBeGreaterThan(20);
});

it("type-checks every block as written", () => {
  let output = "";
  try {
    execFileSync(path.join(here, "..", "node_modules", ".bin", "tsc"), ["--noEmit", "-p", out], { encoding: "utf8" });
  } catch (error) {
    output = String((error as { stdout?: string }).stdout ?? error);
  }
  // Name the README line, not the generated file.
  const readable = output.replace(/block(\d+)\.ts\((\d+),\d+\)/g, (_, i: string) => `${all[Number(i)]!.file}:${all[Number(i)]!.line}`);
  expect(readable).toBe("");
}, 120_000);

describe.each(all.map((block, i) => [`${block.file}:${block.line}`, i] as const))("%s", (_, i) => {
  it("runs against the emulator", async () => {
    const source = path.join(out, `block${String(i).padStart(2, "0")}.ts`);
    const target = source.replace(/\.ts$/, ".mjs");
    await build({ entryPoints: [source], outfile: target, bundle: true, packages: "external", format: "esm", platform: "node", target: "node18", logLevel: "silent" });
    const child = spawn(process.execPath, ["--import", path.join(here, "no-outside.mjs"), target], { env, stdio: ["ignore", "pipe", "pipe"] });
    onTestFinished(() => void child.kill()); // a block that timed out sends nothing into the next one's emulator state
    let stderr = "";
    child.stdout.resume();
    child.stderr.on("data", (d) => (stderr += String(d)));
    const status = await new Promise<number | null>((resolve) => child.once("close", resolve));
    expect(stderr).toBe("");
    expect(status).toBe(0);
  });
});
