#!/usr/bin/env node
// The public TypeScript API of each published package, as a committed report:
// packages/<dir>/review/<dir>.api.md. One line (or one block) per exported name, sorted,
// with types written out by the TypeScript checker, so a change to the API shows up as a
// change to the report in review, and `pnpm check:change` can tell an addition from a
// removal. Built from the sources (src/), not from dist/, so no build is needed beyond
// the packages it imports (@ws/core's dist for the providers).
//
//   pnpm api:report                  rewrite every report
//   pnpm api:report modelarts core   rewrite some
//   pnpm api:report --check          fail if a report is stale
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const FLAGS = ts.TypeFormatFlags.NoTruncation;

/** The published packages under packages/: `{ dir, short, name, version, manifest }`. */
export function reportedPackages(base = root) {
  const packagesDir = path.join(base, "packages");
  return fs
    .readdirSync(packagesDir)
    .sort()
    .map((short) => ({ short, dir: path.join(packagesDir, short) }))
    .filter(({ dir }) => fs.existsSync(path.join(dir, "package.json")))
    .map((p) => ({ ...p, manifest: JSON.parse(fs.readFileSync(path.join(p.dir, "package.json"), "utf8")) }))
    .filter(({ manifest }) => !manifest.private)
    .map((p) => ({ ...p, name: p.manifest.name, version: p.manifest.version }));
}

/** Where a package's report is committed, relative to the repository root. */
export const reportPath = (short) => `packages/${short}/review/${short}.api.md`;

/** `"." -> src/index.ts`, `"./api" -> src/api.ts`: each subpath export with types, mapped back to its source. */
export function entryPoints(pkg) {
  const entries = [];
  for (const [subpath, target] of Object.entries(pkg.manifest.exports ?? { ".": pkg.manifest.types })) {
    const types = typeof target === "string" ? target : target?.import?.types ?? target?.types;
    if (typeof types !== "string" || !types.startsWith("./dist/")) continue;
    const stem = types.slice("./dist/".length).replace(/\.d\.(c|m)?ts$/, "");
    const source = [`src/${stem}.ts`, `src/${stem}/index.ts`].map((f) => path.join(pkg.dir, f)).find((f) => fs.existsSync(f));
    if (source) entries.push({ subpath, source });
  }
  return entries;
}

/** The report text of one package: deterministic (sorted, no comments, no paths). */
export function buildReport(pkg) {
  return buildReports([pkg]).get(pkg.short);
}

// Parsed files kept across programs while their text is the same: the standard library and
// node_modules are parsed once per process, however many reports are built.
const parsed = new Map();
function cachingHost(options) {
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile;
  host.getSourceFile = (fileName, languageVersion, onError) => {
    const text = ts.sys.readFile(fileName);
    if (text === undefined) return read.call(host, fileName, languageVersion, onError);
    const hit = parsed.get(fileName);
    if (hit && hit.text === text) return hit.file;
    const file = ts.createSourceFile(fileName, text, languageVersion);
    parsed.set(fileName, { text, file });
    return file;
  };
  return host;
}

function compilerOptions(pkg) {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(pkg.dir, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  return { ...(config?.options ?? {}), noEmit: true, skipLibCheck: true };
}

/** Reports of several packages: one TypeScript program for all that share compiler options. → short → text */
export function buildReports(pkgs) {
  const groups = new Map();
  for (const pkg of pkgs) {
    const options = compilerOptions(pkg);
    const { configFilePath, pathsBasePath, ...comparable } = options;
    const key = JSON.stringify({ comparable, paths: options.paths ? pathsBasePath : undefined });
    if (!groups.has(key)) groups.set(key, { options, pkgs: [] });
    groups.get(key).pkgs.push(pkg);
  }
  const reports = new Map();
  for (const { options, pkgs: group } of groups.values()) {
    const entries = new Map(group.map((pkg) => [pkg.short, entryPoints(pkg)]));
    const program = ts.createProgram([...entries.values()].flat().map((e) => e.source), options, cachingHost(options));
    for (const pkg of group) reports.set(pkg.short, reportOf(program, pkg, entries.get(pkg.short)));
  }
  return reports;
}

function reportOf(program, pkg, entries) {
  const checker = program.getTypeChecker();
  const sections = [];
  for (const { subpath, source } of entries) {
    const file = program.getSourceFile(source);
    const moduleSymbol = file && checker.getSymbolAtLocation(file);
    if (!moduleSymbol) continue;
    const lines = checker
      .getExportsOfModule(moduleSymbol)
      .map((symbol) => describeExport(checker, symbol, pkg))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((e) => e.text);
    sections.push(`## ${pkg.name}${subpath === "." ? "" : subpath.slice(1)}\n\n\`\`\`ts\n${lines.join("\n")}\n\`\`\``);
  }
  return withoutPaths(
    `# API report: ${pkg.name}\n\n` +
      `<!-- Generated by tooling/check-change/api-report.mjs from src/. Do not edit: run \`pnpm api:report\`. -->\n\n` +
      sections.join("\n\n") +
      "\n",
  );
}

/** `import("/abs/packages/core/dist/index")` → `import("@ws/core")`, `import("/abs/packages/core/src/logging")` → `import("./logging")`: no machine's paths in a report. */
function withoutPaths(text) {
  return text.replace(/import\("([^"]+)"\)/g, (whole, target) => {
    const inPackage = /\/packages\/([^/]+)\/(dist|src)\/(.+)$/.exec(target);
    if (!inPackage) return whole;
    return inPackage[2] === "dist" ? `import("@ws/${inPackage[1]}")` : `import("./${inPackage[3]}")`;
  });
}

function describeExport(checker, exported, pkg) {
  const name = exported.getName();
  const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
  const declaration = symbol.declarations?.[0];
  const fromFile = declaration?.getSourceFile().fileName ?? "";
  // A name re-exported from another package: its shape is that package's report.
  const foreign = !fromFile.startsWith(pkg.dir + path.sep) || fromFile.includes(`${path.sep}node_modules${path.sep}`);
  if (foreign) {
    const from = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(fromFile)?.[1] ?? /packages\/([^/]+)\//.exec(fromFile)?.[1] ?? "?";
    const spec = from.startsWith("@") ? from : `@ws/${from}`;
    return { name, text: `export { ${name === symbol.getName() ? name : `${symbol.getName()} as ${name}`} } from "${spec}";` };
  }
  const parts = [];
  const at = declaration;
  if (symbol.flags & ts.SymbolFlags.Class) parts.push(`export class ${name} ${members(checker, checker.getDeclaredTypeOfSymbol(symbol), at, true)}`);
  else if (symbol.flags & ts.SymbolFlags.Interface) parts.push(`export interface ${name}${typeParams(checker, symbol)} ${members(checker, checker.getDeclaredTypeOfSymbol(symbol), at)}`);
  if (symbol.flags & ts.SymbolFlags.TypeAlias) {
    const type = checker.getDeclaredTypeOfSymbol(symbol);
    // An intersection (options built from core's and the provider's) is written out as its members.
    let body = type.flags & ts.TypeFlags.Intersection ? members(checker, type, at) : expand(checker, type, at);
    // A union alias is written by its own name: write what it stands for.
    if (body === name || body.startsWith(`${name}<`)) body = typeText(checker, type, at, ts.NodeBuilderFlags.InTypeAlias);
    parts.push(`export type ${name}${typeParams(checker, symbol)} = ${body};`);
  }
  if (symbol.flags & ts.SymbolFlags.Enum) parts.push(`export enum ${name} { ${(symbol.exports ? [...symbol.exports.keys()] : []).join(", ")} }`);
  if (symbol.flags & ts.SymbolFlags.Function) {
    for (const signature of checker.getTypeOfSymbolAtLocation(symbol, at).getCallSignatures())
      parts.push(`export function ${name}${signatureText(checker, signature, at)};`);
  } else if (symbol.flags & ts.SymbolFlags.Variable) {
    parts.push(`export const ${name}: ${typeText(checker, checker.getTypeOfSymbolAtLocation(symbol, at), at)};`);
  }
  if (parts.length === 0) parts.push(`export ${name}: ${typeText(checker, checker.getTypeOfSymbolAtLocation(symbol, at), at)};`);
  return { name, text: parts.join("\n") };
}

function typeParams(checker, symbol) {
  const params = checker.getDeclaredTypeOfSymbol(symbol).aliasTypeArguments ?? checker.getDeclaredTypeOfSymbol(symbol).typeParameters ?? [];
  const decl = symbol.declarations?.[0];
  const fromDecl = decl?.typeParameters?.map((p) => p.getText()) ?? [];
  return fromDecl.length ? `<${fromDecl.join(", ")}>` : params.length ? `<${params.map((p) => checker.typeToString(p)).join(", ")}>` : "";
}

/** An object-like type as one member a line, so that a field added or removed is a line added or removed. */
function members(checker, type, at, withConstructors = false, depth = 0) {
  const pad = "  ".repeat(depth + 1);
  const lines = [];
  if (withConstructors && type.symbol) {
    const ctorType = checker.getTypeOfSymbolAtLocation(type.symbol, at);
    for (const sig of ctorType.getConstructSignatures()) lines.push(`${pad}constructor${signatureText(checker, sig, at)};`);
  }
  for (const sig of type.getCallSignatures()) lines.push(`${pad}${signatureText(checker, sig, at)};`);
  for (const info of checker.getIndexInfosOfType(type))
    lines.push(`${pad}${info.isReadonly ? "readonly " : ""}[key: ${typeText(checker, info.keyType, at)}]: ${typeText(checker, info.type, at)};`);
  for (const prop of checker.getPropertiesOfType(type)) {
    const decl = prop.valueDeclaration ?? prop.declarations?.[0];
    const modifiers = decl ? ts.getCombinedModifierFlags(decl) : 0;
    if (modifiers & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected) || prop.getName().startsWith("#")) continue;
    const optional = prop.flags & ts.SymbolFlags.Optional ? "?" : "";
    const readonly = modifiers & ts.ModifierFlags.Readonly ? "readonly " : "";
    const propType = checker.getTypeOfSymbolAtLocation(prop, at);
    const name = prop.getName();
    const key = name.startsWith("__@") ? `[Symbol.${name.slice(3).split("@")[0]}]` : /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
    if (prop.flags & ts.SymbolFlags.Method) {
      for (const sig of propType.getCallSignatures()) lines.push(`${pad}${key}${optional}${signatureText(checker, sig, at)};`);
    } else {
      lines.push(`${pad}${readonly}${key}${optional}: ${expand(checker, propType, at, depth + 1)};`);
    }
  }
  return lines.length ? `{\n${lines.join("\n")}\n${"  ".repeat(depth)}}` : "{}";
}

/** Anonymous object types (the generated schema's) are written out member by member; named ones by name. */
function expand(checker, type, at, depth = 0) {
  const isAnonymousObject =
    type.flags & ts.TypeFlags.Object && type.objectFlags & ts.ObjectFlags.Anonymous && !type.aliasSymbol && type.getCallSignatures().length === 0 && type.getConstructSignatures().length === 0;
  if (isAnonymousObject && depth < 12) return members(checker, type, at, false, depth);
  return typeText(checker, type, at);
}

// The checker writes a union's members in the order it met them, which depends on what
// else the program holds; sorted, the report is the same however it is built.
const printer = ts.createPrinter({ removeComments: true, omitTrailingSemicolon: false });
const scratch = ts.createSourceFile("report.ts", "", ts.ScriptTarget.Latest);
function sortedUnions(context) {
  const visit = (node) => {
    node = ts.visitEachChild(node, visit, context);
    if (ts.isTypeLiteralNode(node)) ts.setEmitFlags(node, ts.EmitFlags.SingleLine);
    if (!ts.isUnionTypeNode(node)) return node;
    const text = (n) => printer.printNode(ts.EmitHint.Unspecified, n, scratch);
    const types = [...node.types].sort((a, b) => (text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : 0));
    return ts.factory.updateUnionTypeNode(node, ts.factory.createNodeArray(types));
  };
  return visit;
}

/** A type as text, unions sorted, object literals on one line. */
function typeText(checker, type, at, extraFlags = 0) {
  const node = checker.typeToTypeNode(type, at, ts.NodeBuilderFlags.NoTruncation | ts.NodeBuilderFlags.IgnoreErrors | extraFlags);
  if (!node) return checker.typeToString(type, at, FLAGS);
  const [sorted] = ts.transform(node, [sortedUnions]).transformed;
  return printer.printNode(ts.EmitHint.Unspecified, sorted, scratch).replace(/\s+/g, " ");
}

/** `<T>(a: A, b?: B): R` of one call signature, the written type names kept, unions sorted. */
function signatureText(checker, signature, at) {
  const node = checker.signatureToSignatureDeclaration(signature, ts.SyntaxKind.FunctionType, at, ts.NodeBuilderFlags.NoTruncation | ts.NodeBuilderFlags.IgnoreErrors);
  if (!node) return checker.signatureToString(signature, at, FLAGS);
  const [sorted] = ts.transform(node, [sortedUnions]).transformed;
  const text = (n) => printer.printNode(ts.EmitHint.Unspecified, n, scratch).replace(/\s+/g, " ");
  const typeParams = sorted.typeParameters?.length ? `<${sorted.typeParameters.map(text).join(", ")}>` : "";
  return `${typeParams}(${sorted.parameters.map(text).join(", ")}): ${sorted.type ? text(sorted.type) : "void"}`;
}

function main() {
  const args = process.argv.slice(2);
  const check = args.includes("--check");
  const only = args.filter((a) => !a.startsWith("--")).map((a) => a.replace(/^@ws\//, ""));
  const stale = [];
  const started = Date.now();
  const pkgs = reportedPackages().filter((p) => only.length === 0 || only.includes(p.short));
  const reports = buildReports(pkgs);
  for (const pkg of pkgs) {
    const text = reports.get(pkg.short);
    const target = path.join(root, reportPath(pkg.short));
    const current = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : null;
    if (current === text) console.log(`${reportPath(pkg.short)}: up to date`);
    else if (check) stale.push(reportPath(pkg.short));
    else {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, text);
      console.log(`wrote ${reportPath(pkg.short)}`);
    }
  }
  console.log(`API reports of ${pkgs.length} packages in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (stale.length) {
    console.error(`API reports are stale (the public API changed): run \`pnpm api:report\` and commit\n  ${stale.join("\n  ")}`);
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
