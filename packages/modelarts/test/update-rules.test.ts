// The update body's documented rules (testkit's modelartsUpdateRules), on the real
// transport: the client has no updateWorkspace method yet, so the generated operation
// is called through @ws/core directly, as the client's own methods do.
import { modelartsUpdateRules, modelartsUpdateValid, requestExample, ruleSuite, useTestServer } from "@ws/testkit";
import { createHuaweiService } from "@ws/core";
import { describe, expect, it } from "vitest";
import { endpoints } from "../src/generated/endpoints.js";
import { updateWorkspace, updateWorkspaceQuotas } from "../src/generated/operations.js";
import type { paths } from "../src/generated/schema.js";

const projectId = "0123456789abcdef0123456789abcdef";
const server = useTestServer(() => ({ status: 200, body: { workspace_id: "ccd05d1a553b4e188ea878e7dcb85e47" } }));
const service = () =>
  createHuaweiService<paths, keyof typeof endpoints>({
    provider: "modelarts",
    endpoints,
    options: { endpoint: server().url, credentials: { token: "MIIZ-test-token-value-0123456789" }, retryDelayInMs: 1 },
    projectId,
  });
const params = { project_id: projectId, workspace_id: "ccd05d1a553b4e188ea878e7dcb85e47" };

describe("updateWorkspace: every documented rule, before anything is sent", () => {
  ruleSuite(server, (body) => service().call(updateWorkspace, { params, body }), modelartsUpdateRules);

  it("sends the document's example request and the valid body", async () => {
    await service().call(updateWorkspace, { params, body: requestExample("modelarts", "updateWorkspace") });
    await service().call(updateWorkspace, { params, body: modelartsUpdateValid });
    expect(server().requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      `PUT /v1/${projectId}/workspaces/ccd05d1a553b4e188ea878e7dcb85e47`,
      `PUT /v1/${projectId}/workspaces/ccd05d1a553b4e188ea878e7dcb85e47`,
    ]);
  });
});

describe("updateWorkspaceQuotas", () => {
  it("accepts the document's example, whose quota item also carries workspace_id", async () => {
    await service().call(updateWorkspaceQuotas, { params, body: requestExample("modelarts", "updateWorkspaceQuotas") });
    expect(server().requests).toHaveLength(1);
  });

  it("refuses a missing quota and a quota below -1", async () => {
    const error = (await service()
      .call(updateWorkspaceQuotas, { params, body: { quotas: [{ resource: "exemlProject.gpu_duration" }, { resource: "r", quota: -2 }] } })
      .catch((e: unknown) => e)) as { name: string; issues: Array<{ path: string; rule: string }> };
    expect(error.name).toBe("ValidationError");
    expect(error.issues.map((i) => `${i.path}:${i.rule}`)).toEqual(["quotas[0].quota:required", "quotas[1].quota:minimum"]);
    expect(server().requests).toHaveLength(0);
  });
});
