// The workspace lifecycle of @ws/modelarts over real loopback HTTP: what list,
// get, update, delete, find and the two quota calls put on the wire and what they
// resolve to, the documents' examples as fixtures, paging by records (x-paging:
// offset counts records, 1000 a page, stop at total_count), every documented
// error example, and the checks made before anything is sent.
import { loadSpec, modelartsUpdateRules, modelartsUpdateValid, requestExample, responseExample, ruleSuite, useTestServer, type RecordedRequest } from "@ws/testkit";
import { beforeEach, describe, expect, it } from "vitest";
import { ApiError, createModelArtsClient, NotFoundError, ValidationError, type Workspace } from "../src/index.js";

const projectId = "0123456789abcdef0123456789abcdef";
const token = "MIIZ-modelarts-token-0123456789";
const base = `/v1/${projectId}/workspaces`;

const listExample: Workspace = responseExample("modelarts", "listWorkspaces", 200).workspaces[0];
const hexId = (i: number) => i.toString(16).padStart(32, "0");
const workspace = (i: number, name = `team-${i}`): Workspace => ({ ...listExample, id: hexId(i), name });

let store: Workspace[] = [];
/** Overrides the `total_count` the service answers (a stale total); null leaves it out. */
let totalOverride: number | null | undefined;

/** A ModelArts-like service: offset counts records, limit defaults to 1000, the name filter is fuzzy. */
function service(req: RecordedRequest) {
  const url = new URL(req.url, "http://loopback");
  if (url.pathname === base && req.method === "GET") {
    const name = url.searchParams.get("name") ?? "";
    const all = store.filter((w) => w.name!.toLowerCase().includes(name.toLowerCase()));
    const offset = Number(url.searchParams.get("offset") ?? 0);
    const limit = Number(url.searchParams.get("limit") ?? 1000);
    const workspaces = all.slice(offset, offset + limit);
    const total = totalOverride === undefined ? all.length : totalOverride;
    return { headers: { "x-request-id": "list-1" }, body: { ...(total === null ? {} : { total_count: total }), count: workspaces.length, workspaces } };
  }
  const rest = url.pathname.startsWith(`${base}/`) ? url.pathname.slice(base.length + 1).split("/") : [];
  const id = rest[0] === undefined ? undefined : decodeURIComponent(rest[0]);
  const found = store.find((w) => String(w.id) === id);
  if (!found) return { status: 400, headers: { "x-request-id": "nf-1" }, body: responseExample("modelarts", "getWorkspace", 400, "notFound") };
  if (req.method === "GET") return { body: found };
  if (req.method === "PUT") {
    Object.assign(found, JSON.parse(req.body));
    return { body: { workspace_id: id } };
  }
  if (req.method === "DELETE") {
    store = store.filter((w) => w !== found);
    return { body: { workspace_id: id } };
  }
  return { status: 404, body: { error_code: "APIGW.0101", error_msg: "The API does not exist or has not been published in the environment." } };
}

const server = useTestServer(service);
const client = (extra: { maxRetries?: number } = {}) => createModelArtsClient({ endpoint: server().url, projectId, credentials: { token }, ...extra });
const sent = () => server().requests.map((r) => `${r.method} ${r.url}${r.body ? ` ${r.body}` : ""}`);
const queries = () => server().requests.map((r) => new URL(r.url, "http://x").search);

function fill(n: number) {
  store = Array.from({ length: n }, (_, i) => workspace(i));
}

async function collect<T>(iterator: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterator) out.push(item);
  return out;
}

beforeEach(() => {
  store = [];
  totalOverride = undefined;
});

describe("listWorkspaces", () => {
  it("sends GET with offset 0 and no limit and yields the document's example (the default workspace's number id 0 read as \"0\")", async () => {
    const example = responseExample("modelarts", "listWorkspaces", 200);
    // As the document sends it: the default workspace's id is the JSON number 0.
    const answer = { ...example, workspaces: [{ ...example.workspaces[0], id: 0 }] };
    server().handle((req) => ({ body: new URL(req.url, "http://x").searchParams.get("offset") === "0" ? answer : { total_count: 10, count: 0, workspaces: [] } }));
    const listed = await collect(client().listWorkspaces());
    expect(listed).toEqual(example.workspaces);
    expect(listed[0]!.id).toBe("0");
    // the example's total_count (10) promises more than its one workspace: the SDK asks on from record 1, the empty page ends it
    expect(sent()).toEqual([`GET ${base}?offset=0`, `GET ${base}?offset=1`]);
    expect(server().requests[0]!.headers["x-auth-token"]).toBe(token);
  });

  it("a service that repeats the same page for every offset is read once", async () => {
    server().handle(() => ({ body: responseExample("modelarts", "listWorkspaces", 200) }));
    expect(await collect(client().listWorkspaces())).toHaveLength(1);
    expect(queries()).toEqual(["?offset=0", "?offset=1"]);
  });

  it("sends every filter and the order as given, then the paging parameters", async () => {
    store = [workspace(0, "team a/b")];
    const listed = await collect(
      client().listWorkspaces({ name: "team a/b", sort_by: "update_time", order: "asc", enterprise_project_id: "0", filter_accessible: true }),
    );
    expect(listed).toEqual(store);
    expect(queries()).toEqual(["?name=team%20a%2Fb&sort_by=update_time&order=asc&enterprise_project_id=0&filter_accessible=true&offset=0"]);
  });

  it("pages by records with a caller's page size, and stops once total_count workspaces came back", async () => {
    fill(5);
    const pages = await collect(client().listWorkspaces({ limit: 2 }).byPage());
    expect(pages.map((p) => p.map((w) => w.id))).toEqual([[hexId(0), hexId(1)], [hexId(2), hexId(3)], [hexId(4)]]);
    expect(queries()).toEqual(["?limit=2&offset=0", "?limit=2&offset=2", "?limit=2&offset=4"]);

    server().requests.length = 0;
    fill(4); // two full pages: total_count ends the listing without asking for an empty third page
    expect(await collect(client().listWorkspaces({ limit: 2 }))).toEqual(store);
    expect(queries()).toEqual(["?limit=2&offset=0", "?limit=2&offset=2"]);
  });

  it("walks 2500 workspaces in three requests of 1000 (offsets 0, 1000, 2000)", async () => {
    fill(2500);
    const pages = await collect(client().listWorkspaces().byPage());
    expect(pages.map((p) => p.length)).toEqual([1000, 1000, 500]);
    expect(pages.flat().map((w) => w.id)).toEqual(store.map((w) => w.id));
    expect(queries()).toEqual(["?offset=0", "?offset=1000", "?offset=2000"]);
  });

  it("without total_count: a short page ends the listing, a full one asks once more", async () => {
    totalOverride = null;
    fill(5);
    expect(await collect(client().listWorkspaces({ limit: 2 }))).toHaveLength(5);
    expect(queries()).toEqual(["?limit=2&offset=0", "?limit=2&offset=2", "?limit=2&offset=4"]);
    server().requests.length = 0;
    fill(4);
    expect(await collect(client().listWorkspaces({ limit: 2 }))).toHaveLength(4);
    expect(queries()).toEqual(["?limit=2&offset=0", "?limit=2&offset=2", "?limit=2&offset=4"]);
  });

  it("a stale total_count larger than the list: stops at the first empty page", async () => {
    fill(3);
    totalOverride = 50;
    expect(await collect(client().listWorkspaces({ limit: 2 }))).toHaveLength(3);
    expect(queries()).toEqual(["?limit=2&offset=0", "?limit=2&offset=2", "?limit=2&offset=3"]);
  });

  it("starts at a caller's offset (a record) and goes on from there", async () => {
    fill(7);
    const ids = (await collect(client().listWorkspaces({ offset: 3, limit: 3 }))).map((w) => w.id);
    expect(ids).toEqual(store.slice(3).map((w) => w.id));
    // total_count (7) counts from the start: record 6 is the last one, no empty page is asked for
    expect(queries()).toEqual(["?offset=3&limit=3", "?offset=6&limit=3"]);
  });

  it("an empty project: one request, nothing yielded", async () => {
    expect(await collect(client().listWorkspaces({ name: "nothing" }))).toEqual([]);
    expect(queries()).toEqual(["?name=nothing&offset=0"]);
  });

  it("checks the query where it is written: nothing is sent", () => {
    const refused: Array<[unknown, RegExp]> = [
      [{ sort_by: "create_time" }, /sort_by must be one of "name", "update_time", "status"/],
      [{ order: "DESC" }, /order must be one of "asc", "desc"/],
      [{ offset: -1 }, /offset must be >= 0 \(got -1\)/],
      [{ limit: 0 }, /limit must be >= 1 \(got 0\)/],
      [{ limit: 2147483648 }, /limit must be <= 2147483647 \(got 2147483648\)/],
      [{ offset: 1.5 }, /offset must be an integer/],
      [{ filter_accessible: "yes" }, /filter_accessible must be a boolean/],
      [{ enterprise_project_id: 0 }, /enterprise_project_id must be a string/],
      [{ nmae: "x" }, /nmae is not a known query parameter/],
    ];
    for (const [query, message] of refused) {
      let error: unknown;
      try {
        client().listWorkspaces(query as never);
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(query)).toBeInstanceOf(ValidationError);
      expect((error as Error).message).toMatch(message);
      expect((error as ValidationError).attempts).toBe(0);
    }
    expect(server().requests).toHaveLength(0);
  });
});

describe("getWorkspace", () => {
  it("sends GET to the workspace's path and resolves to the document's example", async () => {
    const id = "**d05d1a553b4e188ea878e7dcb85e**";
    const answer = responseExample("modelarts", "getWorkspace", 200);
    server().handle(() => ({ body: answer }));
    await expect(client().getWorkspace(id)).resolves.toEqual(answer);
    // the document's masked id: every character outside RFC 3986's unreserved set is percent-encoded
    expect(sent()).toEqual([`GET ${base}/%2A%2Ad05d1a553b4e188ea878e7dcb85e%2A%2A`]);
    expect(answer.grants).toEqual([{ user_id: "***55d2cd53b4x458ea878e7dcb85***", user_name: "test-iam-user" }]);
  });

  it("reads the default workspace's id, sent as the number 0, as the text \"0\"", async () => {
    store = [{ ...responseExample("modelarts", "listWorkspaces", 200).workspaces[0], id: 0 as never }];
    await expect(client().getWorkspace("0")).resolves.toMatchObject({ id: "0", name: "default" });
    expect(sent()).toEqual([`GET ${base}/0`]);
  });

  it("ModelArts.0102 (HTTP 400) is NotFoundError with the service's status, code and request id", async () => {
    const error = (await client().getWorkspace(hexId(9)).catch((e: unknown) => e)) as NotFoundError;
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ name: "NotFoundError", status: 400, code: "ModelArts.0102", requestId: "nf-1", provider: "modelarts", operation: "getWorkspace", attempts: 1 });
    expect(error.message).toContain("The workspace does not exist.");
    expect(server().requests).toHaveLength(1);
  });

  it("the old reference's ModelArts.0104 \"not exist\" stays an ApiError (0104 is the generic parameter error)", async () => {
    server().handle(() => ({ status: 400, body: responseExample("modelarts", "getWorkspace", 400, "notFoundLegacy") }));
    const error = await client().getWorkspace(hexId(9)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).not.toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 400, code: "ModelArts.0104", requestId: "3df6cb1559f74c48b97db739c716eae0" });
  });

  it("an empty id is refused before sending", async () => {
    await expect(client().getWorkspace("")).rejects.toThrow(/workspace_id must not be empty/);
    expect(server().requests).toHaveLength(0);
  });
});

describe("findWorkspaceByName", () => {
  it("filters by name on the service (fuzzy) and returns only the exact match", async () => {
    store = [workspace(0, "sales-2"), workspace(1, "Sales"), workspace(2, "sales")];
    await expect(client().findWorkspaceByName("sales")).resolves.toEqual(store[2]);
    expect(queries()).toEqual(["?name=sales&offset=0"]);
    await expect(client().findWorkspaceByName("sales-3")).resolves.toBeUndefined();
    expect(queries()).toEqual(["?name=sales&offset=0", "?name=sales-3&offset=0"]);
  });

  it("finds a match on a later page", async () => {
    store = Array.from({ length: 1500 }, (_, i) => workspace(i, `team-${i}`));
    await expect(client().findWorkspaceByName("team-1499")).resolves.toEqual(store[1499]);
    await expect(client().findWorkspaceByName("team-1")).resolves.toEqual(store[1]);
  });
});

describe("updateWorkspace", () => {
  it("sends the document's example with PUT to the workspace's path and resolves to the document's answer", async () => {
    const id = "***05d1a553b4e188ea878e7dcb85***";
    const answer = responseExample("modelarts", "updateWorkspace", 200);
    server().handle(() => ({ headers: { "x-request-id": "upd-1" }, body: answer }));
    const body = requestExample("modelarts", "updateWorkspace");
    await expect(client().updateWorkspace(id, body)).resolves.toEqual({ workspace_id: id });
    expect(answer).toEqual({ workspace_id: id });
    const [request] = server().requests;
    expect(server().requests).toHaveLength(1);
    expect(request!.method).toBe("PUT");
    expect(request!.url).toBe(`${base}/%2A%2A%2A05d1a553b4e188ea878e7dcb85%2A%2A%2A`);
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(request!.body)).toEqual(body);
  });

  it("encodes the workspace id as one path segment", async () => {
    server().handle(() => ({ body: { workspace_id: "a/b c" } }));
    await client().updateWorkspace("a/b c", modelartsUpdateValid);
    expect(server().requests[0]!.url).toBe(`${base}/a%2Fb%20c`);
  });

  it("changes what is got afterwards", async () => {
    fill(3);
    await expect(client().updateWorkspace(hexId(1), { name: "renamed", description: "d" })).resolves.toEqual({ workspace_id: hexId(1) });
    await expect(client().getWorkspace(hexId(1))).resolves.toMatchObject({ id: hexId(1), name: "renamed", description: "d" });
    await expect(client().findWorkspaceByName("renamed")).resolves.toMatchObject({ id: hexId(1) });
  });

  it("an unknown workspace is NotFoundError (ModelArts.0102)", async () => {
    await expect(client().updateWorkspace(hexId(7), modelartsUpdateValid)).rejects.toMatchObject({ name: "NotFoundError", status: 400, code: "ModelArts.0102", operation: "updateWorkspace" });
  });

  it("an empty id is refused before sending", async () => {
    await expect(client().updateWorkspace("", modelartsUpdateValid)).rejects.toThrow(/workspace_id must not be empty/);
    expect(server().requests).toHaveLength(0);
  });

  describe("every documented rule of the body, before anything is sent", () => {
    beforeEach(() => server().handle(() => ({ body: responseExample("modelarts", "updateWorkspace", 200) })));
    ruleSuite(server, (body) => client().updateWorkspace("ccd05d1a553b4e188ea878e7dcb85e47", body), modelartsUpdateRules);
  });
});

describe("deleteWorkspace", () => {
  it.each(["document", "huawei"])("sends DELETE without a body and resolves to the %s example", async (name) => {
    const answer = responseExample("modelarts", "deleteWorkspace", 200, name);
    server().handle(() => ({ body: answer }));
    await expect(client().deleteWorkspace("ccd05d1a553b4e188ea878e7dcb85e47")).resolves.toEqual(answer);
    expect(sent()).toEqual([`DELETE ${base}/ccd05d1a553b4e188ea878e7dcb85e47`]);
  });

  it("an answer that is not a JSON object is an ApiError that may have been processed", async () => {
    server().handle(() => ({ status: 200, body: "" }));
    await expect(client().deleteWorkspace(hexId(1))).rejects.toMatchObject({ name: "ApiError", status: 200, outcomeUnknown: true });
  });

  it("removes the workspace: a get then says NotFoundError, so does a second delete", async () => {
    fill(2);
    await expect(client().deleteWorkspace(hexId(1))).resolves.toEqual({ workspace_id: hexId(1) });
    await expect(client().getWorkspace(hexId(1))).rejects.toBeInstanceOf(NotFoundError);
    await expect(client().deleteWorkspace(hexId(1))).rejects.toMatchObject({ name: "NotFoundError", status: 400, code: "ModelArts.0102", requestId: "nf-1" });
    expect(store.map((w) => w.id)).toEqual([hexId(0)]);
  });
});

describe("workspace quotas", () => {
  const id = "***9cd9ea8a5432cbcd6496e57839***";

  it("getWorkspaceQuotas sends GET …/quotas and resolves to the document's answer", async () => {
    const answer = responseExample("modelarts", "getWorkspaceQuotas", 200);
    server().handle(() => ({ body: answer }));
    await expect(client().getWorkspaceQuotas(id)).resolves.toEqual(answer);
    expect(sent()).toEqual([`GET ${base}/%2A%2A%2A9cd9ea8a5432cbcd6496e57839%2A%2A%2A/quotas`]);
  });

  it("updateWorkspaceQuotas sends the document's example (its item also carries workspace_id) with PUT and resolves to the answer", async () => {
    const answer = responseExample("modelarts", "updateWorkspaceQuotas", 200);
    server().handle(() => ({ body: answer }));
    const body = requestExample("modelarts", "updateWorkspaceQuotas");
    await expect(client().updateWorkspaceQuotas(id, body)).resolves.toEqual(answer);
    expect(server().requests).toHaveLength(1);
    const [request] = server().requests;
    expect(request!.method).toBe("PUT");
    expect(request!.url).toBe(`${base}/%2A%2A%2A9cd9ea8a5432cbcd6496e57839%2A%2A%2A/quotas`);
    expect(JSON.parse(request!.body)).toEqual(body);
  });

  it("the default workspace's quotas: id \"0\"", async () => {
    server().handle(() => ({ body: { quotas: [] } }));
    await client().getWorkspaceQuotas("0");
    await client().updateWorkspaceQuotas("0", { quotas: [{ resource: "exemlProject.gpu_duration", quota: -1 }] });
    expect(sent()).toEqual([`GET ${base}/0/quotas`, `PUT ${base}/0/quotas {"quotas":[{"resource":"exemlProject.gpu_duration","quota":-1}]}`]);
  });

  it("refuses a missing quota, a quota below -1, an unknown field and a missing list before sending", async () => {
    const error = (await client()
      .updateWorkspaceQuotas(id, { quotas: [{ resource: "exemlProject.gpu_duration" }, { resource: "r", quota: -2 }, { resource: "r", quota: 1, used_quota: 0 }] } as never)
      .catch((e: unknown) => e)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues.map((i) => `${i.path}:${i.rule}`)).toEqual(["quotas[0].quota:required", "quotas[1].quota:minimum", "quotas[2].used_quota:additionalProperties"]);
    await expect(client().updateWorkspaceQuotas(id, {} as never)).rejects.toThrow(/quotas is required/);
    expect(server().requests).toHaveLength(0);
  });

  it("an unknown workspace is NotFoundError on both", async () => {
    await expect(client().getWorkspaceQuotas(hexId(5))).rejects.toMatchObject({ name: "NotFoundError", status: 400, code: "ModelArts.0102", operation: "getWorkspaceQuotas" });
    await expect(client().updateWorkspaceQuotas(hexId(5), { quotas: [] })).rejects.toMatchObject({ name: "NotFoundError", code: "ModelArts.0102", operation: "updateWorkspaceQuotas" });
  });
});

describe("every documented error example of the lifecycle and quota calls", () => {
  const spec = loadSpec("modelarts");
  const deref = (node: any): any => {
    while (node?.$ref) node = node.$ref.slice(2).split("/").reduce((o: any, k: string) => o[k], spec);
    return node;
  };
  const id = "ccd05d1a553b4e188ea878e7dcb85e47";
  const calls = {
    listWorkspaces: () => collect(client({ maxRetries: 0 }).listWorkspaces()),
    getWorkspace: () => client({ maxRetries: 0 }).getWorkspace(id),
    updateWorkspace: () => client({ maxRetries: 0 }).updateWorkspace(id, modelartsUpdateValid),
    deleteWorkspace: () => client({ maxRetries: 0 }).deleteWorkspace(id),
    getWorkspaceQuotas: () => client({ maxRetries: 0 }).getWorkspaceQuotas(id),
    updateWorkspaceQuotas: () => client({ maxRetries: 0 }).updateWorkspaceQuotas(id, { quotas: [{ resource: "exemlProject.gpu_duration", quota: 10 }] }),
  };
  const operationOf = (operationId: string) => {
    for (const item of Object.values<any>(spec.paths)) for (const op of Object.values<any>(item)) if (op?.operationId === operationId) return op;
  };
  const cases = Object.entries(calls).flatMap(([operation, call]) =>
    Object.entries<any>(operationOf(operation).responses)
      .filter(([status]) => Number(status) >= 400)
      .flatMap(([status, response]) =>
        Object.entries<any>(deref(response).content["application/json"].examples).map(([name, { value }]) => ({
          what: `${operation} ${status} ${name}`,
          operation,
          status: Number(status),
          body: value,
          call,
        })),
      ),
  );

  it("covers every operation and the documented codes", () => {
    expect(new Set(cases.map((c) => c.operation))).toEqual(new Set(Object.keys(calls)));
    const codes = new Set(cases.map((c) => c.body.error_code));
    for (const code of ["ModelArts.7005", "ModelArts.0102", "ModelArts.0104", "ModelArts.3566", "ModelArts.4550", "ModelArts.4551", "ModelArts.2891", "ModelArts.0107", "APIGW.0308", "ModelArts.0010"]) {
      expect(codes).toContain(code);
    }
  });

  it.each(cases)("$what", async ({ operation, status, body, call }) => {
    server().handle(() => ({ status, headers: { "x-request-id": "req-42" }, body }));
    const error = (await call().catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.name).toBe(body.error_code === "ModelArts.0102" || body.error_code === "ModelArts.7005" ? "NotFoundError" : "ApiError");
    expect(error).toMatchObject({ status, code: body.error_code, requestId: "req-42", provider: "modelarts", operation, attempts: 1 });
    expect(error.message).toContain(body.error_code);
    expect(error.message).not.toContain(token);
    expect(server().requests).toHaveLength(1);
  });
});
