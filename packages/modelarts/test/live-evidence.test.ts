// What clients that ran against the live service saw (issue 18; Huawei's Terraform
// provider resource_huaweicloud_modelarts_workspace.go and its acceptance test,
// live in PR #3241), over real loopback HTTP: a deleted workspace's show answers
// HTTP 400 ModelArts.7005 (or a plain 404), which the delete waiter reads as gone;
// an update with auth_type INTERNAL and no grants is sent; auth_type comes back
// lower case and ids as strings, whatever the answer's spelling.
import { useTestServer, type RecordedRequest } from "@ws/testkit";
import { describe, expect, it } from "vitest";
import { createModelArtsClient, NotFoundError } from "../src/index.js";

const projectId = "0123456789abcdef0123456789abcdef";
const id = "ccd05d1a553b4e188ea878e7dcb85e47";
const base = `/v1/${projectId}/workspaces`;

/** The show answers DELETING `deletingPolls` times, then `gone`. */
let deletingPolls = 0;
let gone: { status: number; body: unknown } = { status: 400, body: { error_code: "ModelArts.7005", error_msg: "The workspace does not exist." } };
let shown: Record<string, unknown> = {};

function service(req: RecordedRequest) {
  if (req.method === "DELETE") return { body: { workspace_id: id } };
  if (req.method === "PUT") return { body: { workspace_id: id } };
  if (req.method === "GET" && req.url === `${base}/${id}`) {
    if (deletingPolls > 0) {
      deletingPolls--;
      return { body: { id, name: "team-a", status: "DELETING", auth_type: "public" } };
    }
    return gone;
  }
  if (req.method === "GET" && req.url.startsWith(`${base}?`)) return { body: { total_count: 1, count: 1, workspaces: [shown] } };
  return { status: 200, body: shown };
}

const server = useTestServer(service);
const client = () => createModelArtsClient({ endpoint: server().url, projectId, credentials: { token: "MIIZ-live-evidence-token" }, maxRetries: 0 });
const polls = { maxWaitInMs: 60_000, minDelayInMs: 1, maxDelayInMs: 2 };

describe("a deleted workspace, as the live service answers it", () => {
  it("waitUntilWorkspaceDeleted resolves when the show answers HTTP 400 ModelArts.7005", async () => {
    deletingPolls = 2;
    gone = { status: 400, body: { error_code: "ModelArts.7005", error_msg: "The workspace does not exist." } };
    const ma = client();
    await ma.deleteWorkspace(id);
    await expect(ma.waitUntilWorkspaceDeleted(id, polls)).resolves.toBeUndefined();
    expect(server().requests.filter((r) => r.method === "GET")).toHaveLength(3);
  });

  it.each([
    ["ModelArts.7005 (live)", 400, { error_code: "ModelArts.7005", error_msg: "The workspace does not exist." }],
    ["ModelArts.0102 (documented)", 400, { error_code: "ModelArts.0102", error_msg: "The workspace does not exist." }],
    ["a plain 404", 404, { error_code: "ModelArts.9999", error_msg: "Not found." }],
  ])("getWorkspace rejects with NotFoundError on %s", async (_, status, body) => {
    deletingPolls = 0;
    gone = { status, body };
    await expect(client().getWorkspace(id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("updates and answers as the live service takes and writes them", () => {
  it("sends auth_type INTERNAL without grants (the live service accepts it)", async () => {
    await expect(client().updateWorkspace(id, { name: "team-a", description: "d", auth_type: "internal" })).resolves.toEqual({ workspace_id: id });
    await expect(client().updateWorkspace(id, { auth_type: "INTERNAL" })).resolves.toEqual({ workspace_id: id });
    expect(server().requests.map((r) => JSON.parse(r.body))).toEqual([{ name: "team-a", description: "d", auth_type: "internal" }, { auth_type: "INTERNAL" }]);
  });

  it("reads auth_type in lower case and a numeric id as its string, in get, list and create answers", async () => {
    shown = { id: 0, name: "default", auth_type: "PUBLIC", status: "NORMAL" };
    const ma = client();
    await expect(ma.getWorkspace("0")).resolves.toMatchObject({ id: "0", auth_type: "public" });
    const listed = [];
    for await (const ws of ma.listWorkspaces()) listed.push(ws);
    expect(listed).toEqual([{ id: "0", name: "default", auth_type: "public", status: "NORMAL" }]);
    await expect(ma.createWorkspace({ name: "team-b" })).resolves.toMatchObject({ id: "0", auth_type: "public" });
    // the raw client hands the answer over as sent
    const { data } = await ma.raw.GET("/v1/{project_id}/workspaces/{workspace_id}", { params: { path: { project_id: projectId, workspace_id: "0" } } });
    expect(data).toMatchObject({ id: 0, auth_type: "PUBLIC" });
  });

  it("sends no limit when listing unless one is given", async () => {
    shown = { id: "1", name: "a" };
    const ma = client();
    for await (const _ of ma.listWorkspaces()) void _;
    for await (const _ of ma.listWorkspaces({ limit: 10 })) void _;
    expect(server().requests.map((r) => new URL(r.url, "http://x").search)).toEqual(["?offset=0", "?limit=10&offset=0"]);
  });
});
