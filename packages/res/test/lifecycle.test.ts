// The workspace lifecycle of @ws/res over real loopback HTTP: what list, get,
// update, delete, find and listEnterpriseProjects put on the wire and what they
// resolve to, the documents' examples as fixtures, the list's one-answer paging
// (x-paging style none), RES's failures on HTTP 200, every documented error
// example, not found from RES.3403 and from an empty show answer, and the checks
// made before anything is sent.
import {
  loadSpec,
  requestExample,
  resUpdateRules,
  resUpdateValid,
  responseExample,
  ruleSuite,
  signedRequestSuite,
  TEST_ACCESS_KEY,
  TEST_SECRET_KEY,
  useTestServer,
  verifyWithOfficialSigner,
  type RecordedRequest,
} from "@ws/testkit";
import { beforeEach, describe, expect, it } from "vitest";
import { AbortError, ApiError, createResClient, NotFoundError, ValidationError, type Workspace } from "../src/index.js";

const projectId = "06a7c49afc00d4972ff1c0113d8c49ba";
const token = "MIIZ-res-token-0123456789";
const base = `/v2.0/${projectId}/workspaces`;

const example: Workspace = responseExample("res", "listWorkspaces", 200, "allFields").workspaces[0];
const workspace = (i: number, name = `team-${i}`): Workspace => ({ ...example, id: `ws-${String(i).padStart(4, "0")}`, name });

let store: Workspace[] = [];

/** A loopback RES: the whole list in one answer, show as a one-item array, RES.3403 (HTTP 400) for an unknown id. */
function service(req: RecordedRequest) {
  const url = new URL(req.url, "http://loopback");
  if (url.pathname === base && req.method === "GET") {
    return { headers: { "x-request-id": "list-1" }, body: { is_success: true, workspaces: store } };
  }
  if (url.pathname === `/v2.0/${projectId}/enterprise-projects`) return { body: responseExample("res", "listEnterpriseProjects", 200) };
  const id = url.pathname.startsWith(`${base}/`) ? decodeURIComponent(url.pathname.slice(base.length + 1)) : undefined;
  const found = store.find((w) => w.id === id);
  if (!found) return { status: 400, headers: { "x-request-id": "nf-1" }, body: responseExample("res", "getWorkspace", 400, "workspaceNotFound") };
  if (req.method === "GET") return { body: { is_success: true, workspaces: [found] } };
  if (req.method === "PUT") {
    Object.assign(found, JSON.parse(req.body));
    return { body: responseExample("res", "updateWorkspace", 200) };
  }
  store = store.filter((w) => w !== found);
  return { body: responseExample("res", "deleteWorkspace", 200) };
}

const server = useTestServer(service);
const client = (extra: { maxRetries?: number } = {}) => createResClient({ endpoint: server().url, projectId, credentials: { token }, ...extra });
const sent = () => server().requests.map((r) => `${r.method} ${r.url}${r.body ? ` ${r.body}` : ""}`);

async function collect<T>(iterator: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterator) out.push(item);
  return out;
}

function fill(n: number) {
  store = Array.from({ length: n }, (_, i) => workspace(i));
}

beforeEach(() => {
  store = [];
});

describe("listWorkspaces (x-paging style none: one answer holds everything)", () => {
  it.each(["document", "allFields"])("sends GET without a query and yields the %s example's workspaces", async (name) => {
    const answer = responseExample("res", "listWorkspaces", 200, name);
    server().handle(() => ({ body: answer }));
    expect(await collect(client().listWorkspaces())).toEqual(answer.workspaces);
    expect(sent()).toEqual([`GET ${base}`]);
    const [request] = server().requests;
    expect(request!.headers["x-auth-token"]).toBe(token);
    // the documents require it on every call, GET included
    expect(request!.headers["content-type"]).toBe("application/json");
  });

  it("with AK/SK, a GET carries Content-Type too, signed, and Huawei's official signer verifies it", async () => {
    const signed = createResClient({ endpoint: server().url, projectId, credentials: { accessKey: TEST_ACCESS_KEY, secretKey: TEST_SECRET_KEY } });
    await collect(signed.listWorkspaces());
    await signed.deleteWorkspace("ws-0000").catch(() => undefined);
    expect(server().requests.map((r) => r.method)).toEqual(["GET", "DELETE"]);
    for (const request of server().requests) {
      expect(request.headers["content-type"]).toBe("application/json");
      const verdict = verifyWithOfficialSigner(request, (key) => (key === TEST_ACCESS_KEY ? TEST_SECRET_KEY : undefined));
      expect(verdict).toMatchObject({ valid: true, accessKey: TEST_ACCESS_KEY });
      expect(verdict.signedHeaders).toEqual(["content-type", "host", "x-project-id", "x-sdk-date"]);
    }
  });

  it("makes one request however many workspaces there are: no offset, no limit, one page", async () => {
    fill(250);
    const pages = await collect(client().listWorkspaces().byPage());
    expect(pages.map((p) => p.length)).toEqual([250]);
    expect(pages[0]).toEqual(store);
    expect(sent()).toEqual([`GET ${base}`]);
  });

  it("an empty list (or an answer without `workspaces`) yields nothing, after one request", async () => {
    expect(await collect(client().listWorkspaces())).toEqual([]);
    server().handle(() => ({ body: { is_success: true } }));
    expect(await collect(client().listWorkspaces().byPage())).toEqual([]);
    expect(sent()).toEqual([`GET ${base}`, `GET ${base}`]);
  });

  it("nothing is fetched until iteration starts", async () => {
    const iterator = client().listWorkspaces();
    expect(server().requests).toHaveLength(0);
    await iterator.next();
    expect(server().requests).toHaveLength(1);
  });

  it("a failure on HTTP 200 (the error-code page's example) rejects the iteration with ApiError", async () => {
    server().handle(() => ({ headers: { "x-request-id": "r-200" }, body: responseExample("res", "listWorkspaces", 200, "failedOn200") }));
    const error = (await collect(client().listWorkspaces()).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error).not.toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 200, code: "res.2301", requestId: "r-200", operation: "listWorkspaces", outcomeUnknown: false });
    expect(error.message).toMatch(/res\.2301: Failed to resolve the token from the request\./);
  });

  it("refuses any query where it is written (RES documents none): nothing is sent", () => {
    for (const query of [{ name: "team" }, { offset: 0 }, { limit: 10 }]) {
      let error: unknown;
      try {
        client().listWorkspaces(query as never);
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(query)).toBeInstanceOf(ValidationError);
      expect((error as Error).message).toMatch(new RegExp(`${Object.keys(query)[0]} is not a known query parameter; known: none`));
      expect((error as ValidationError).attempts).toBe(0);
    }
    expect(server().requests).toHaveLength(0);
  });

  it("an aborted signal stops the listing before the request", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(collect(client().listWorkspaces(undefined, { abortSignal: controller.signal }))).rejects.toBeInstanceOf(AbortError);
    expect(server().requests).toHaveLength(0);
  });
});

describe("getWorkspace", () => {
  it("sends GET to the workspace's path and resolves to the one item of the document's example", async () => {
    const answer = responseExample("res", "getWorkspace", 200);
    server().handle(() => ({ body: answer }));
    const id = "06a7c49afc00d4972ff1c0113d8c49ba";
    await expect(client().getWorkspace(id)).resolves.toEqual(answer.workspaces[0]);
    expect(answer.workspaces).toHaveLength(1);
    expect(sent()).toEqual([`GET ${base}/${id}`]);
  });

  it("encodes the workspace id as one path segment", async () => {
    store = [workspace(0, "x")];
    store[0]!.id = "a/b c";
    await expect(client().getWorkspace("a/b c")).resolves.toEqual(store[0]);
    expect(server().requests[0]!.url).toBe(`${base}/a%2Fb%20c`);
  });

  it("RES.3403 on HTTP 400 is NotFoundError", async () => {
    const error = (await client().getWorkspace("ws-9999").catch((e: unknown) => e)) as NotFoundError;
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ name: "NotFoundError", status: 400, code: "RES.3403", requestId: "nf-1", provider: "res", operation: "getWorkspace" });
    expect(server().requests).toHaveLength(1);
  });

  it("RES.3403 on HTTP 200 with is_success false (the spec's example) is NotFoundError, in either case of the code", async () => {
    const body = responseExample("res", "getWorkspace", 200, "notFoundOn200");
    server().handle(() => ({ headers: { "x-request-id": "nf-200" }, body }));
    await expect(client().getWorkspace("2f6a1c1e5b8e4e7f9d0a3b4c5d6e7f80")).rejects.toMatchObject({
      name: "NotFoundError",
      status: 200,
      code: "RES.3403",
      requestId: "nf-200",
    });
    server().handle(() => ({ body: { ...body, error_code: "res.3403" } }));
    await expect(client().getWorkspace("2f6a1c1e5b8e4e7f9d0a3b4c5d6e7f80")).rejects.toMatchObject({ name: "NotFoundError", code: "res.3403" });
  });

  it("an empty `workspaces` array (or none) is NotFoundError", async () => {
    for (const body of [{ is_success: true, workspaces: [] }, { is_success: true }]) {
      server().handle(() => ({ body }));
      const error = (await client().getWorkspace("ws-0000").catch((e: unknown) => e)) as NotFoundError;
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error).toMatchObject({ status: 404, provider: "res", operation: "getWorkspace", attempts: 1 });
      expect(error.message).toMatch(/workspace "ws-0000" does not exist/);
    }
    expect(server().requests).toHaveLength(2);
  });

  it("an empty id is refused before sending", async () => {
    await expect(client().getWorkspace("")).rejects.toThrow(/workspace_id must not be empty/);
    expect(server().requests).toHaveLength(0);
  });
});

describe("findWorkspaceByName (no name filter: the whole list is searched)", () => {
  it("returns the exact match only, after one request without a query", async () => {
    store = [workspace(0, "recsys"), workspace(1, "recsys-a"), workspace(2, "RECSYS-A"), workspace(3, "default")];
    await expect(client().findWorkspaceByName("recsys-a")).resolves.toEqual(store[1]);
    expect(sent()).toEqual([`GET ${base}`]);
    await expect(client().findWorkspaceByName("default")).resolves.toEqual(store[3]);
    await expect(client().findWorkspaceByName("recsys-b")).resolves.toBeUndefined();
    await expect(client().findWorkspaceByName("Recsys")).resolves.toBeUndefined();
  });
});

describe("updateWorkspace", () => {
  it("sends the document's example with PUT to the workspace's path and resolves to the document's answer", async () => {
    const id = "2f6a1c1e5b8e4e7f9d0a3b4c5d6e7f80";
    server().handle(() => ({ body: responseExample("res", "updateWorkspace", 200) }));
    const body = requestExample("res", "updateWorkspace");
    await expect(client().updateWorkspace(id, body)).resolves.toEqual({ is_success: true, message: "Succeed to update workspace. " });
    const [request] = server().requests;
    expect(server().requests).toHaveLength(1);
    expect(request!.method).toBe("PUT");
    expect(request!.url).toBe(`${base}/${id}`);
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(request!.body)).toEqual({ description: "modify the workspace description", name: "workspace" });
  });

  it("an empty body is accepted and sent as {}", async () => {
    fill(1);
    await client().updateWorkspace("ws-0000", {});
    expect(sent()).toEqual([`PUT ${base}/ws-0000 {}`]);
  });

  it("changes what get and find answer afterwards", async () => {
    fill(3);
    await client().updateWorkspace("ws-0001", { name: "renamed", description: "d" });
    await expect(client().getWorkspace("ws-0001")).resolves.toMatchObject({ id: "ws-0001", name: "renamed", description: "d" });
    await expect(client().findWorkspaceByName("renamed")).resolves.toMatchObject({ id: "ws-0001" });
  });

  it("an unknown id is NotFoundError (RES.3403); a name in use is ApiError RES.3406, also on HTTP 200", async () => {
    await expect(client().updateWorkspace("ws-9999", resUpdateValid)).rejects.toMatchObject({ name: "NotFoundError", status: 400, code: "RES.3403" });
    const taken = responseExample("res", "updateWorkspace", 400, "workspaceExists");
    for (const status of [400, 200]) {
      server().handle(() => ({ status, body: taken }));
      const error = (await client().updateWorkspace("ws-0000", { name: "recsys-a" }).catch((e: unknown) => e)) as ApiError;
      expect(error).toBeInstanceOf(ApiError);
      expect(error).not.toBeInstanceOf(NotFoundError);
      expect(error).toMatchObject({ status, code: "RES.3406" });
    }
  });

  describe("AK/SK signing", () => {
    beforeEach(() => server().handle(() => ({ body: responseExample("res", "updateWorkspace", 200) })));
    signedRequestSuite(server, (credentials) => createResClient({ endpoint: server().url, projectId, credentials }).updateWorkspace("ws-0000", resUpdateValid), {
      projectId,
      body: resUpdateValid,
    });
  });

  describe("every documented rule of the body, before anything is sent", () => {
    beforeEach(() => server().handle(() => ({ body: responseExample("res", "updateWorkspace", 200) })));
    ruleSuite(server, (body) => client().updateWorkspace("ws-0000", body), resUpdateRules);
  });
});

describe("deleteWorkspace", () => {
  it("sends DELETE without a body and resolves to the document's answer", async () => {
    fill(2);
    await expect(client().deleteWorkspace("ws-0001")).resolves.toEqual({ is_success: true, message: "Succeed to delete workspace." });
    expect(sent()).toEqual([`DELETE ${base}/ws-0001`]);
    expect(store.map((w) => w.id)).toEqual(["ws-0000"]);
  });

  it("then get, update and a second delete are NotFoundError (RES.3403)", async () => {
    fill(2);
    await client().deleteWorkspace("ws-0001");
    for (const call of [() => client().getWorkspace("ws-0001"), () => client().updateWorkspace("ws-0001", {}), () => client().deleteWorkspace("ws-0001")]) {
      await expect(call()).rejects.toMatchObject({ name: "NotFoundError", status: 400, code: "RES.3403", requestId: "nf-1" });
    }
  });

  it("is_success false on HTTP 200 is an ApiError", async () => {
    server().handle(() => ({ body: { is_success: false, error_code: "RES.1002", message: "Basic error" } }));
    await expect(client().deleteWorkspace("ws-0001")).rejects.toMatchObject({ name: "ApiError", status: 200, code: "RES.1002" });
  });
});

describe("listEnterpriseProjects", () => {
  it("sends GET without a query and resolves to the document's enterprise projects", async () => {
    const projects = await client().listEnterpriseProjects();
    expect(projects).toEqual(responseExample("res", "listEnterpriseProjects", 200).enterprise_projects);
    expect(projects.map((p) => p.id)).toEqual(["0", "f785ffdf13bd-4e6cbdf614f2d5ec7f78", "5d1c5366e616426a88b70f80c1873f18", "a82d585fdb934850aedc06e4e534f1b8"]);
    expect(sent()).toEqual([`GET /v2.0/${projectId}/enterprise-projects`]);
  });

  it("an answer without the array is none; one whose array is not an array cannot be read", async () => {
    server().handle(() => ({ body: { is_success: true } }));
    await expect(client().listEnterpriseProjects()).resolves.toEqual([]);
    server().handle(() => ({ body: { is_success: true, enterprise_projects: "none" } }));
    await expect(client().listEnterpriseProjects()).rejects.toMatchObject({ name: "ApiError", status: 200, outcomeUnknown: true });
  });

  it("is_success false on HTTP 200 is an ApiError", async () => {
    server().handle(() => ({ body: { is_success: false, error_code: "RES.3401", error_msg: "EPS Error" } }));
    await expect(client().listEnterpriseProjects()).rejects.toMatchObject({ name: "ApiError", status: 200, code: "RES.3401" });
  });
});

describe("every documented error example of list, get, update, delete and enterprise projects", () => {
  const spec = loadSpec("res");
  const deref = (node: any): any => {
    while (node?.$ref) node = node.$ref.slice(2).split("/").reduce((o: any, k: string) => o[k], spec);
    return node;
  };
  const calls = {
    listWorkspaces: () => collect(client({ maxRetries: 0 }).listWorkspaces()),
    getWorkspace: () => client({ maxRetries: 0 }).getWorkspace("ws-0000"),
    updateWorkspace: () => client({ maxRetries: 0 }).updateWorkspace("ws-0000", resUpdateValid),
    deleteWorkspace: () => client({ maxRetries: 0 }).deleteWorkspace("ws-0000"),
    listEnterpriseProjects: () => client({ maxRetries: 0 }).listEnterpriseProjects(),
  };
  const operationOf = (id: string) => {
    for (const item of Object.values<any>(spec.paths)) for (const op of Object.values<any>(item)) if (op?.operationId === id) return op;
  };
  const cases = Object.entries(calls).flatMap(([id, call]) =>
    Object.entries<any>(operationOf(id).responses).flatMap(([status, response]) =>
      Object.entries<any>(deref(response).content["application/json"].examples ?? {})
        // errors: every 4xx/5xx example, and the 200 examples that say is_success false
        .filter(([, { value }]) => Number(status) >= 400 || value.is_success === false)
        .map(([name, { value }]) => ({ what: `${id} ${status} ${name}`, status: Number(status), body: value, call })),
    ),
  );

  it("covers every operation and the documented codes", () => {
    expect(new Set(cases.map((c) => c.what.split(" ")[0]))).toEqual(new Set(Object.keys(calls)));
    const codes = new Set(cases.map((c) => c.body.error_code));
    for (const code of ["RES.3403", "RES.3406", "RES.1001", "RES.3401", "RES.3404", "RES.4710", "res.2301", "APIGW.0101", "APIGW.0302", "APIGW.0307", "APIGW.0308"]) {
      expect(codes).toContain(code);
    }
    expect(cases.some((c) => c.what === "getWorkspace 200 notFoundOn200")).toBe(true);
  });

  it.each(cases)("$what", async ({ status, body, call }) => {
    server().handle(() => ({ status, headers: { "x-request-id": "req-42" }, body }));
    const error = (await call().catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.name).toBe(String(body.error_code).toUpperCase() === "RES.3403" ? "NotFoundError" : "ApiError");
    expect(error).toMatchObject({ status, code: body.error_code, requestId: "req-42", provider: "res" });
    expect(error.message).toContain(body.error_code);
    expect(error.message).not.toContain(token);
    expect(server().requests).toHaveLength(1);
  });
});
