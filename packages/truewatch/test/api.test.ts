// @ws/truewatch/api: each operation as a function gives what the client's method gives
// (the client is built on these functions).
import { apiParitySuite, requestExample, responseExample, useTestServer } from "@ws/testkit";
import { describe } from "vitest";
import * as api from "../src/api.js";
import { createTrueWatchClient } from "../src/index.js";

const server = useTestServer(() => ({ status: 200, body: {} }));
const options = () => ({ endpoint: server().url, apiKey: "parity-key", retryDelayInMs: 1 });
const client = () => createTrueWatchClient(options());
const ctx = () => api.createTrueWatchContext(options());
const answer = (operation: string) => () => ({ status: 200, body: responseExample("truewatch", operation, 200) });
const create = () => requestExample("truewatch", "createWorkspace");

describe("@ws/truewatch/api and the client", () => {
  apiParitySuite(server, [
    { name: "createWorkspace", ok: answer("createWorkspace"), client: (o) => client().createWorkspace(create(), o), api: (o) => api.createWorkspace(ctx(), create(), o) },
    { name: "getWorkspace", ok: answer("getWorkspace"), client: (o) => client().getWorkspace(o), api: (o) => api.getWorkspace(ctx(), o) },
    { name: "updateWorkspace", ok: answer("updateWorkspace"), client: (o) => client().updateWorkspace({ name: "w" }, o), api: (o) => api.updateWorkspace(ctx(), { name: "w" }, o) },
  ]);
});
