// The `/api` subpaths and the browser builds: a bundle of createWorkspace alone keeps
// none of the other operations, paging, waiters, ensureWorkspace, openapi-fetch or
// the error-code tables; no browser bundle carries the default credential chain (the
// credentials file, the ECS metadata service); and a Node built-in in a browser bundle
// fails the size check instead of being measured.
import { describe, expect, it } from "vitest";
import { apiEntries, bundle } from "../size.mjs";

const text = async (name, source, platform = "browser") => new TextDecoder().decode(await bundle(name, source, platform));

describe("browser bundles", () => {
  it("a Node built-in fails the bundle, naming the entry and the module", async () => {
    await expect(bundle("needs-fs", `import { readFileSync } from "node:fs";\nexport const r = readFileSync("x");`)).rejects.toThrow(/needs-fs: the browser bundle needs the Node built-in node:fs/);
    await expect(bundle("needs-os", `import os from "os";\nexport const r = os.homedir();`)).rejects.toThrow(/needs-os: the browser bundle needs the Node built-in os/);
  });

  it("createWorkspace alone from @ws/modelarts/api keeps no other operation, no paging, waiters, ensureWorkspace, openapi-fetch or error-code table", async () => {
    const code = await text("modelarts create", apiEntries["@ws/modelarts/api create (token)"]);
    expect(code).toContain('"createWorkspace"');
    for (const id of ["listWorkspaces", "getWorkspaceQuotas", "updateWorkspaceQuotas", "deleteWorkspace"]) expect(code, id).not.toContain(`"${id}"`);
    expect(code, "waiters").not.toContain("WaiterError");
    expect(code, "ensureWorkspace").not.toContain("ensureWorkspace");
    expect(code, "paging").not.toContain("byPage");
    expect(code, "openapi-fetch").not.toContain("querySerializer");
    expect(code, "error-code table").not.toContain("APIGW.0308");
  });

  it("no browser bundle carries the default chain's credentials file or ECS metadata client; Node's does", async () => {
    const source = apiEntries["@ws/modelarts/api create (token)"];
    const browser = await text("modelarts create", source);
    expect(browser).not.toContain("169.254.169.254");
    expect(browser).not.toContain("a section header must be [name]"); // the credentials file's parser
    const node = await text("modelarts create", source, "node");
    expect(node).toContain("169.254.169.254");
    expect(node).toContain("a section header must be [name]");
  });
});
