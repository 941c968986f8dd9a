// @ws/modelarts/api: each operation as a function gives what the client's method gives
// (the client is built on these functions), and a bundle of createWorkspace alone
// leaves the other operations out.
import { apiParitySuite, requestExample, responseExample, useTestServer } from "@ws/testkit";
import { describe } from "vitest";
import * as api from "../src/api.js";
import { createModelArtsClient } from "../src/index.js";

const projectId = "0123456789abcdef0123456789abcdef";
const id = "fedcba9876543210fedcba9876543210";
const server = useTestServer(() => ({ status: 200, body: {} }));
const options = () => ({ endpoint: server().url, projectId, credentials: { token: "MIIZ-parity-token" }, retryDelayInMs: 1 });
const client = () => createModelArtsClient(options());
const ctx = () => api.createModelArtsContext(options());
const answer = (operation: string) => () => ({ status: 200, body: responseExample("modelarts", operation, 200) });
const list = () => ({ status: 200, body: { total_count: 1, count: 1, workspaces: [{ id, name: "team-a", status: "NORMAL" }] } });

describe("@ws/modelarts/api and the client", () => {
  apiParitySuite(server, [
    { name: "createWorkspace", ok: answer("createWorkspace"), client: (o) => client().createWorkspace(requestExample("modelarts", "createWorkspace"), o), api: (o) => api.createWorkspace(ctx(), requestExample("modelarts", "createWorkspace"), o) },
    { name: "createWorkspace, invalid body", client: (o) => client().createWorkspace({ name: "x" }, o), api: (o) => api.createWorkspace(ctx(), { name: "x" }, o) },
    { name: "listWorkspaces", ok: list, client: (o) => client().listWorkspaces({ sort_by: "name" }, o), api: (o) => api.listWorkspaces(ctx(), { sort_by: "name" }, o) },
    { name: "getWorkspace", ok: answer("getWorkspace"), client: (o) => client().getWorkspace(id, o), api: (o) => api.getWorkspace(ctx(), id, o) },
    { name: "updateWorkspace", ok: answer("updateWorkspace"), client: (o) => client().updateWorkspace(id, { description: "d" }, o), api: (o) => api.updateWorkspace(ctx(), id, { description: "d" }, o) },
    { name: "deleteWorkspace", ok: answer("deleteWorkspace"), client: (o) => client().deleteWorkspace(id, o), api: (o) => api.deleteWorkspace(ctx(), id, o) },
    { name: "findWorkspaceByName", ok: list, client: (o) => client().findWorkspaceByName("team-a", o), api: (o) => api.findWorkspaceByName(ctx(), "team-a", o) },
    { name: "ensureWorkspace", ok: list, client: (o) => client().ensureWorkspace({ name: "team-a" }, o), api: (o) => api.ensureWorkspace(ctx(), { name: "team-a" }, o) },
    { name: "getWorkspaceQuotas", ok: answer("getWorkspaceQuotas"), client: (o) => client().getWorkspaceQuotas(id, o), api: (o) => api.getWorkspaceQuotas(ctx(), id, o) },
    { name: "updateWorkspaceQuotas", ok: answer("updateWorkspaceQuotas"), client: (o) => client().updateWorkspaceQuotas(id, { quotas: [] }, o), api: (o) => api.updateWorkspaceQuotas(ctx(), id, { quotas: [] }, o) },
    { name: "waitUntilWorkspaceReady", ok: answer("getWorkspace"), client: (o) => client().waitUntilWorkspaceReady(id, { maxWaitInMs: 60_000, ...o }), api: (o) => api.waitUntilWorkspaceReady(ctx(), id, { maxWaitInMs: 60_000, ...o }) },
  ]);
});
