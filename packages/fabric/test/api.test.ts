// @ws/fabric/api: each operation as a function gives what the client's method gives
// (the client is built on these functions).
import { apiParitySuite, requestExample, responseExample, useTestServer } from "@ws/testkit";
import { describe } from "vitest";
import * as api from "../src/api.js";
import { createFabricClient } from "../src/index.js";

const id = "ws-0123456789";
const server = useTestServer(() => ({ status: 200, body: {} }));
const options = () => ({ endpoint: server().url, credentials: { token: "MIIZ-parity" }, retryDelayInMs: 1 });
const client = () => createFabricClient(options());
const ctx = () => api.createFabricContext(options());
const answer = (operation: string) => () => ({ status: 200, body: responseExample("fabric", operation, 200) });
const create = () => requestExample("fabric", "createWorkspace");

describe("@ws/fabric/api and the client", () => {
  apiParitySuite(server, [
    { name: "createWorkspace", ok: answer("createWorkspace"), client: (o) => client().createWorkspace(create(), o), api: (o) => api.createWorkspace(ctx(), create(), o) },
    { name: "listWorkspaces", ok: answer("listWorkspaces"), client: (o) => client().listWorkspaces(undefined, o), api: (o) => api.listWorkspaces(ctx(), undefined, o) },
    { name: "getWorkspace", ok: answer("listWorkspaces"), client: (o) => client().getWorkspace(id, o), api: (o) => api.getWorkspace(ctx(), id, o) },
    { name: "updateWorkspace", ok: answer("updateWorkspace"), client: (o) => client().updateWorkspace(id, { description: "d" }, o), api: (o) => api.updateWorkspace(ctx(), id, { description: "d" }, o) },
    { name: "deleteWorkspace", ok: answer("deleteWorkspace"), client: (o) => client().deleteWorkspace(id, o), api: (o) => api.deleteWorkspace(ctx(), id, o) },
    { name: "findWorkspaceByName", ok: answer("listWorkspaces"), client: (o) => client().findWorkspaceByName("team-a", o), api: (o) => api.findWorkspaceByName(ctx(), "team-a", o) },
    { name: "ensureWorkspace", ok: answer("listWorkspaces"), client: (o) => client().ensureWorkspace(create(), o), api: (o) => api.ensureWorkspace(ctx(), create(), o) },
  ]);
});
