// The workspace lifecycle of @ws/fabric over real loopback HTTP: what goes on the
// wire (method, path, query, body) and what comes back, with the spec's examples
// as fixtures; paging by record offset (x-paging: offset/limit, 100 a page, stop
// at `total`); get through the list's `id` filter; `enterprise_project_id`
// defaulted to all_granted_eps on every list request; the documented errors.
import {
  fabricUpdateRules,
  fabricUpdateValid,
  loadSpec,
  requestExample,
  responseExample,
  ruleSuite,
  TEST_ACCESS_KEY,
  TEST_SECRET_KEY,
  useTestServer,
  verifyWithOfficialSigner,
  type RecordedRequest,
  type Reply,
} from "@ws/testkit";
import { describe, expect, it } from "vitest";
import { ApiError, createFabricClient, NotFoundError, ValidationError, type Workspace } from "../src/index.js";

const token = "MIIZ-fabric-token-0123456789";
const EPS = "enterprise_project_id=all_granted_eps";
const sample = responseExample("fabric", "listWorkspaces", 200, "sample").workspaces[0] as Workspace;
const updated = responseExample("fabric", "updateWorkspace", 200, "sample") as Workspace;

/** A workspace like the document's, with its own id and name. */
const make = (i: number): Workspace => ({ ...sample, id: `ws-${String(i).padStart(4, "0")}`, name: `lake-${i}` });

// What the fake service holds, and how it pages.
let store: Workspace[] = [];
let cap = 100;

function service(req: RecordedRequest): Reply {
  const url = new URL(req.url, "http://x");
  const headers = { "X-request-id": "fab-req-1" };
  if (req.method === "GET" && url.pathname === "/v1/workspaces") {
    const q = url.searchParams;
    const all = store.filter((w) => (!q.get("name") || w.name!.includes(q.get("name")!)) && (!q.get("id") || w.id === q.get("id")));
    const offset = Number(q.get("offset") ?? 0);
    const limit = Math.min(Number(q.get("limit") ?? 10), cap);
    return { headers, body: { total: all.length, workspaces: all.slice(offset, offset + limit) } };
  }
  if (req.method === "PUT") return { headers, body: updated };
  if (req.method === "DELETE") return { headers };
  return { status: 599, body: "unexpected request" };
}

const server = useTestServer(service);
const client = (extra: { maxRetries?: number } = {}) => createFabricClient({ endpoint: server().url, credentials: { token }, retryDelayInMs: 1, ...extra });
const query = (r: RecordedRequest) => r.url.split("?")[1];

function fill(n: number) {
  store = Array.from({ length: n }, (_, i) => make(i));
  cap = 100;
}

async function all<T>(iterator: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterator) out.push(item);
  return out;
}

const rejection = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e);

describe("listWorkspaces", () => {
  it("sends the documented request and yields the example page's workspace", async () => {
    server().handle(() => ({ headers: { "X-request-id": "fab-list" }, body: responseExample("fabric", "listWorkspaces", 200, "sample") }));
    await expect(all(client().listWorkspaces())).resolves.toEqual([sample]);
    const [sent] = server().requests;
    expect(server().requests).toHaveLength(1);
    expect(sent!.method).toBe("GET");
    expect(sent!.url).toBe(`/v1/workspaces?${EPS}&offset=0&limit=100`);
    expect(sent!.headers["x-auth-token"]).toBe(token);
    expect(sent!.body).toBe("");
  });

  it("sends every filter as given; the caller's enterprise_project_id replaces the default", async () => {
    fill(3);
    await expect(all(client().listWorkspaces({ name: "lake-1", id: "ws-0001", enterprise_project_id: "0" }))).resolves.toEqual([make(1)]);
    expect(server().requests.map(query)).toEqual(["name=lake-1&id=ws-0001&enterprise_project_id=0&offset=0&limit=100"]);
  });

  it("walks every page by record offset, 100 a page, and stops at the total without asking for an empty page", async () => {
    fill(250);
    const pages = await all(client().listWorkspaces().byPage());
    expect(pages.map((p) => p.length)).toEqual([100, 100, 50]);
    expect(pages.flat().map((w) => w.id)).toEqual(store.map((w) => w.id));
    expect(server().requests.map(query)).toEqual([`${EPS}&offset=0&limit=100`, `${EPS}&offset=100&limit=100`, `${EPS}&offset=200&limit=100`]);
  });

  it("stops after a full last page when the total is reached", async () => {
    fill(200);
    await expect(all(client().listWorkspaces())).resolves.toHaveLength(200);
    expect(server().requests.map(query)).toEqual([`${EPS}&offset=0&limit=100`, `${EPS}&offset=100&limit=100`]);
  });

  it("keeps going by the records received when the service caps the page below the limit asked", async () => {
    fill(120);
    cap = 50;
    const ids = (await all(client().listWorkspaces())).map((w) => w.id);
    expect(ids).toEqual(store.map((w) => w.id));
    expect(server().requests.map(query)).toEqual([`${EPS}&offset=0&limit=100`, `${EPS}&offset=50&limit=100`, `${EPS}&offset=100&limit=100`]);
  });

  it("starts at the caller's offset with the caller's page size", async () => {
    fill(25);
    const ids = (await all(client().listWorkspaces({ offset: 5, limit: 10 }))).map((w) => w.id);
    expect(ids).toEqual(store.slice(5).map((w) => w.id));
    // The total (25) counts from record 0: records 15..24 end the walk, no empty page is asked for.
    expect(server().requests.map(query)).toEqual([`offset=5&limit=10&${EPS}`, `offset=15&limit=10&${EPS}`]);
  });

  it("stops on an empty page even when the total promises more", async () => {
    server().handle((req) => ({ body: { total: 500, workspaces: query(req)!.includes("offset=0&") ? [make(0), make(1)] : [] } }));
    await expect(all(client().listWorkspaces())).resolves.toEqual([make(0), make(1)]);
    expect(server().requests.map(query)).toEqual([`${EPS}&offset=0&limit=100`, `${EPS}&offset=2&limit=100`]);
  });

  it("validates the query where listWorkspaces is called: nothing is sent", () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ limit: 101 }, /limit must be <= 100 \(got 101\)/],
      [{ limit: 0 }, /limit must be >= 1 \(got 0\)/],
      [{ offset: -1 }, /offset must be >= 0 \(got -1\)/],
      [{ offset: 1_000_000_001 }, /offset must be <= 1000000000/],
      [{ name: "lak" }, /name must be at least 4 characters/],
      [{ name: "lake lake" }, /name must match/],
      [{ id: "a".repeat(37) }, /id must be at most 36 characters/],
      [{ enterprise_project_id: "" }, /enterprise_project_id must not be empty/],
      [{ enterprise_project_id: "eps 1" }, /enterprise_project_id must match/],
      [{ enterpriseProjectId: "0" }, /enterpriseProjectId is not a known query parameter \(did you mean enterprise_project_id\?\)/],
    ];
    for (const [bad, message] of cases) {
      let error: unknown;
      try {
        client().listWorkspaces(bad as never);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as Error).message).toMatch(message);
    }
    expect(server().requests).toHaveLength(0);
  });

  it("with AK/SK, the list request with its query verifies with Huawei's official signer and names the project", async () => {
    fill(1);
    const projectId = "0123456789abcdef0123456789abcdef";
    const signed = createFabricClient({ endpoint: server().url, projectId, credentials: { accessKey: TEST_ACCESS_KEY, secretKey: TEST_SECRET_KEY } });
    await expect(all(signed.listWorkspaces({ name: "lake" }))).resolves.toEqual([make(0)]);
    const [sent] = server().requests;
    expect(sent!.url).toBe(`/v1/workspaces?name=lake&${EPS}&offset=0&limit=100`);
    const verdict = verifyWithOfficialSigner(sent!, (key) => (key === TEST_ACCESS_KEY ? TEST_SECRET_KEY : undefined));
    expect(verdict).toMatchObject({ valid: true, accessKey: TEST_ACCESS_KEY });
    expect(verdict.signedHeaders).toContain("x-project-id");
    expect(sent!.headers["x-project-id"]).toBe(projectId);
  });
});

describe("getWorkspace (no get API: the list's id filter)", () => {
  it("lists with the id filter and the default enterprise project, and resolves to the workspace", async () => {
    fill(5);
    await expect(client().getWorkspace("ws-0003")).resolves.toEqual(make(3));
    expect(server().requests.map((r) => `${r.method} ${r.url}`)).toEqual([`GET /v1/workspaces?id=ws-0003&${EPS}&offset=0&limit=100`]);
  });

  it("an empty answer is a NotFoundError (an ApiError)", async () => {
    fill(5);
    const error = await rejection(client().getWorkspace("ws-9999"));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ name: "NotFoundError", status: 404, provider: "fabric", operation: "getWorkspace" });
    expect((error as Error).message).toBe('fabric getWorkspace failed: workspace "ws-9999" does not exist (no workspace with this id in the list).');
    expect(server().requests).toHaveLength(1);
  });

  it("an answer holding only other workspaces (a filter the service ignored) is a NotFoundError too", async () => {
    server().handle(() => ({ body: { total: 2, workspaces: [make(1), make(2)] } }));
    await expect(client().getWorkspace("ws-0003")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("the service's dataartsfabric.00010003 answer is a NotFoundError with its status, code and request id", async () => {
    server().handle(() => ({ status: 400, headers: { "X-request-id": "fab-nf" }, body: responseExample("fabric", "updateWorkspace", 400, "workspaceNotFound") }));
    const error = await rejection(client().getWorkspace("ws-0003"));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 400, code: "dataartsfabric.00010003", requestId: "fab-nf", attempts: 1 });
  });

  it("an id the list's id filter refuses is a ValidationError: nothing is sent", async () => {
    const error = await rejection(client().getWorkspace("ws/0003"));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(/id must match/);
    expect(server().requests).toHaveLength(0);
  });
});

describe("findWorkspaceByName", () => {
  it("uses the fuzzy name filter and returns the exact match only", async () => {
    store = [make(10), make(1), make(11)];
    await expect(client().findWorkspaceByName("lake-1")).resolves.toEqual(make(1));
    expect(server().requests.map(query)).toEqual([`name=lake-1&${EPS}&offset=0&limit=100`]);
  });

  it("resolves to undefined when no name matches exactly", async () => {
    store = [make(10), make(11)];
    await expect(client().findWorkspaceByName("lake-1")).resolves.toBeUndefined();
    expect(server().requests).toHaveLength(1);
  });

  it("walks the pages of fuzzy matches until the exact name", async () => {
    const target = { ...make(1), id: "ws-9999" };
    store = [...Array.from({ length: 150 }, (_, i) => ({ ...make(i), name: `lake-1-${i}` })), target];
    await expect(client().findWorkspaceByName("lake-1")).resolves.toEqual(target);
    expect(server().requests.map(query)).toEqual([`name=lake-1&${EPS}&offset=0&limit=100`, `name=lake-1&${EPS}&offset=100&limit=100`]);
  });
});

describe("updateWorkspace", () => {
  it("sends the sample request to PUT /v1/workspaces/{workspace_id} and resolves to the updated workspace", async () => {
    const body = requestExample("fabric", "updateWorkspace", "sample");
    await expect(client().updateWorkspace(sample.id!, body)).resolves.toEqual(updated);
    const [sent] = server().requests;
    expect(server().requests).toHaveLength(1);
    expect(sent!.method).toBe("PUT");
    expect(sent!.url).toBe("/v1/workspaces/90a827a1-ca72-4be8-943b-774f94xxxxxx");
    expect(sent!.headers["content-type"]).toBe("application/json");
    expect(sent!.body).toBe('{"name":"fabric-2","description":"fabric-description-2"}');
  });

  it("an empty body is sent as {} (no source requires a field)", async () => {
    await client().updateWorkspace("ws-0001", {});
    expect(server().requests.map((r) => r.body)).toEqual(["{}"]);
  });

  it("an unknown id (dataartsfabric.00010003, HTTP 400) is a NotFoundError", async () => {
    server().handle(() => ({ status: 400, headers: { "X-request-id": "fab-upd" }, body: responseExample("fabric", "updateWorkspace", 400, "workspaceNotFound") }));
    const error = await rejection(client().updateWorkspace("ws-0001", fabricUpdateValid));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 400, code: "dataartsfabric.00010003", requestId: "fab-upd", operation: "updateWorkspace" });
    expect((error as Error).message).toMatch(/Workspace does not exist\./);
  });

  it("an id the path rule refuses is a ValidationError: nothing is sent", async () => {
    await expect(client().updateWorkspace("ws 1", fabricUpdateValid)).rejects.toThrow(/workspace_id must match/);
    await expect(client().updateWorkspace("w".repeat(37), fabricUpdateValid)).rejects.toThrow(/workspace_id must be at most 36 characters/);
    expect(server().requests).toHaveLength(0);
  });

  describe("every documented rule of the update body, before anything is sent", () => {
    ruleSuite(server, (body) => client().updateWorkspace("ws-0001", body), fabricUpdateRules);
  });
});

describe("deleteWorkspace", () => {
  it("sends DELETE /v1/workspaces/{workspace_id} without a body and resolves to nothing on the empty 200 answer", async () => {
    await expect(client().deleteWorkspace("ws-0001")).resolves.toBeUndefined();
    expect(server().requests.map((r) => `${r.method} ${r.url} [${r.body}]`)).toEqual(["DELETE /v1/workspaces/ws-0001 []"]);
    expect(server().requests[0]!.headers["content-type"]).toBeUndefined();
  });

  it("resolves to nothing whatever JSON a 200 answer carries", async () => {
    server().handle(() => ({ body: { request_id: "x" } }));
    await expect(client().deleteWorkspace("ws-0001")).resolves.toBeUndefined();
  });

  it("an unknown id (dataartsfabric.00010003, HTTP 400) is a NotFoundError", async () => {
    server().handle(() => ({ status: 400, headers: { "X-request-id": "fab-del" }, body: responseExample("fabric", "deleteWorkspace", 400, "workspaceNotFound") }));
    const error = await rejection(client().deleteWorkspace("ws-0001"));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 400, code: "dataartsfabric.00010003", requestId: "fab-del", operation: "deleteWorkspace" });
  });
});

describe("errors: every documented error example of list, update and delete", () => {
  const spec = loadSpec("fabric");
  const operations = {
    listWorkspaces: { spec: spec.paths["/v1/workspaces"].get, call: () => all(client({ maxRetries: 0 }).listWorkspaces()) },
    updateWorkspace: { spec: spec.paths["/v1/workspaces/{workspace_id}"].put, call: () => client({ maxRetries: 0 }).updateWorkspace("ws-0001", fabricUpdateValid) },
    deleteWorkspace: { spec: spec.paths["/v1/workspaces/{workspace_id}"].delete, call: () => client({ maxRetries: 0 }).deleteWorkspace("ws-0001") },
  };
  const cases = Object.entries(operations).flatMap(([operation, { spec: op }]) =>
    Object.keys(op.responses)
      .filter((status) => Number(status) >= 400)
      .flatMap((status) => {
        const ref = op.responses[status].$ref as string;
        const examples = spec.components.responses[ref.split("/").pop()!].content["application/json"].examples as Record<string, unknown>;
        return Object.keys(examples).map((name) => ({ operation: operation as keyof typeof operations, status: Number(status), name }));
      }),
  );

  it("covers each operation's statuses and named examples", () => {
    const names = (operation: string) => cases.filter((c) => c.operation === operation).map((c) => `${c.status} ${c.name}`);
    const common = ["401 document", "403 document", "404 document", "408 document", "429 gateway", "500 document", "500 running", "502 gateway", "503 gateway", "504 gateway"];
    expect(names("listWorkspaces")).toEqual(["400 document", ...common]);
    expect(names("updateWorkspace")).toEqual(["400 document", "400 workspaceNotFound", ...common]);
    expect(names("deleteWorkspace")).toEqual(["400 document", "400 workspaceNotFound", ...common]);
  });

  it.each(cases)("$operation: HTTP $status $name", async ({ operation, status, name }) => {
    const body = responseExample("fabric", operation, status, name);
    // The gateway's examples carry their request id in the body; the service's answers in X-request-id.
    const headers: Record<string, string> = body.request_id ? {} : { "X-request-id": `fab-${status}-${name}` };
    server().handle(() => ({ status, headers, body }));
    const error = await rejection(operations[operation].call());
    const notFound = status === 404 || body.error_code === "dataartsfabric.00010003";
    expect(error).toBeInstanceOf(notFound ? NotFoundError : ApiError);
    expect(error).toMatchObject({
      name: notFound ? "NotFoundError" : "ApiError",
      provider: "fabric",
      operation,
      status,
      code: String(body.error_code),
      requestId: body.request_id ?? `fab-${status}-${name}`,
      attempts: 1,
    });
    expect((error as Error).message).toContain(String(body.error_msg));
    expect(server().requests).toHaveLength(1);
  });
});
