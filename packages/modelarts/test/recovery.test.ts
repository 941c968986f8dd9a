// The README's recovery recipe, run for real: a create whose outcome is unknown
// is followed by a lookup by name, and only created again if it is not there.
import { useTestServer, type RecordedRequest } from "@ws/testkit";
import { describe, expect, it } from "vitest";
import { createModelArtsClient, SdkError, type CreateWorkspaceRequest, type ModelArtsClient, type Workspace } from "../src/index.js";

const projectId = "0123456789abcdef0123456789abcdef";
const workspaces: Workspace[] = [];
let failNextCreateAfterProcessing = false;

const server = useTestServer((req: RecordedRequest) => {
  const url = new URL(req.url, "http://x");
  if (req.method === "GET") {
    const name = url.searchParams.get("name") ?? "";
    const found = workspaces.filter((w) => w.name?.includes(name));
    return { status: 200, body: { count: found.length, workspaces: found } };
  }
  const body = JSON.parse(req.body) as CreateWorkspaceRequest;
  const workspace = { id: `id${workspaces.length}`, name: body.name, status: "NORMAL" as const };
  workspaces.push(workspace);
  if (failNextCreateAfterProcessing) {
    failNextCreateAfterProcessing = false;
    return { status: 500, body: { error_code: "ModelArts.0001", error_msg: "internal error" } };
  }
  return { status: 200, body: workspace };
});

async function createOnce(ma: ModelArtsClient, body: CreateWorkspaceRequest): Promise<Workspace> {
  try {
    return await ma.createWorkspace(body);
  } catch (error) {
    if (!(error instanceof SdkError) || !error.outcomeUnknown) throw error;
    // The create may have happened: look before creating again.
    const { data } = await ma.raw.GET("/v1/{project_id}/workspaces", {
      params: { path: { project_id: projectId }, query: { name: body.name } },
    });
    const existing = data?.workspaces?.find((w) => w.name === body.name);
    return existing ?? ma.createWorkspace(body);
  }
}

describe("recovering from an unknown outcome", () => {
  it("finds the workspace the failed call created instead of creating it twice", async () => {
    const ma = createModelArtsClient({ endpoint: server().url, projectId, credentials: { token: "token-0123456789" } });
    failNextCreateAfterProcessing = true;
    const workspace = await createOnce(ma, { name: "team-a" });
    expect(workspace).toMatchObject({ id: "id0", name: "team-a" });
    expect(workspaces.filter((w) => w.name === "team-a")).toHaveLength(1);
    expect(server().requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      `POST /v1/${projectId}/workspaces`,
      `GET /v1/${projectId}/workspaces?name=team-a`,
    ]);
  });
});
