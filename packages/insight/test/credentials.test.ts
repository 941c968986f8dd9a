// The README's "Credentials" set-up for DataArts Insight: a region and the
// instance in the code, nothing else. The instance stays required: missing, it
// is a ConfigurationError naming it when the client is created, and a type error
// naming it when the code is compiled.
import { credentialSourcesSuite, requestExample, responseExample } from "@ws/testkit";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ConfigurationError, createInsightClient, type InsightClientOptions } from "../src/index.js";

const instanceId = "0d2c7d17c41c414dabaa08f47c7d0a1b";

credentialSourcesSuite({
  envName: "DATAARTSINSIGHT",
  region: "cn-north-4",
  projectIn: "path",
  client: (options) => {
    const c = createInsightClient({ instanceId, ...options } as InsightClientOptions);
    return () => c.createWorkspace(requestExample("insight", "createWorkspace"));
  },
  reply: () => responseExample("insight", "createWorkspace", 200),
});

describe("instanceId", () => {
  it("missing or empty: a ConfigurationError naming it, when the client is created", () => {
    const make = (extra: object) => () => createInsightClient({ region: "cn-north-4", credentials: { token: "t0ken-0123456789" }, ...extra } as InsightClientOptions);
    expect(make({})).toThrow(ConfigurationError);
    expect(make({})).toThrow(/^insight: instanceId is required \(the DataArts Insight instance whose workspaces the client manages\)\.$/);
    expect(make({ instanceId: "" })).toThrow(/instanceId is required .*; got an empty string/);
    expect(make({ instanceId })).not.toThrow();
  });

  it("missing in code: the compiler's error names it", () => {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const snippet = path.join(here, "__instance_id_snippet__.ts");
    const source = `import { createInsightClient } from "../src/index.js";\ncreateInsightClient({ region: "cn-north-4" });\n`;
    const config = ts.getParsedCommandLineOfConfigFile(path.join(here, "..", "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
    const host = ts.createCompilerHost(config.options);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (name, languageVersion, ...rest) =>
      path.resolve(name) === snippet ? ts.createSourceFile(name, source, languageVersion) : getSourceFile(name, languageVersion, ...rest);
    const fileExists = host.fileExists.bind(host);
    host.fileExists = (name) => path.resolve(name) === snippet || fileExists(name);
    const program = ts.createProgram([snippet], config.options, host);
    const messages = ts.getPreEmitDiagnostics(program, program.getSourceFile(snippet)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/Property 'instanceId' is missing in type .* but required in type/);
  }, 60_000);
});
