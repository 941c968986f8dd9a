// The workspace lifecycle of @ws/insight over real loopback HTTP: what list,
// get, update, delete and find put on the wire and what they resolve to, the
// documents' examples as fixtures, paging under both readings of `offset`
// (page number, record offset), every documented error example, and the checks
// made before anything is sent.
import { insightUpdateRules, insightUpdateValid, loadSpec, requestExample, responseExample, ruleSuite, useTestServer, type RecordedRequest } from "@ws/testkit";
import { beforeEach, describe, expect, it } from "vitest";
import { ApiError, createInsightClient, NotFoundError, ValidationError, type Workspace } from "../src/index.js";

const projectId = "0123456789abcdef0123456789abcdef";
const instanceId = "0d2c7d17c41c414dabaa08f47c7d0a1b";
const token = "MIIZ-insight-token-0123456789";
const base = `/v1/${projectId}/instances/${instanceId}/workspaces`;

const example: Workspace = responseExample("insight", "listWorkspaces", 200, "constructed").page_data[0];
const workspace = (i: number, name = `team-${i}`): Workspace => ({ ...example, id: `ws-${String(i).padStart(4, "0")}`, name, is_default: 0 });

/** How the loopback service reads `offset`: as a page number (the CN page) or a record offset (the EN page, Java SDK). */
let reading: "pages" | "records" = "pages";
let store: Workspace[] = [];
/** Overrides the `count` the service answers (a stale total). */
let countOverride: number | undefined;

function service(req: RecordedRequest) {
  const url = new URL(req.url, "http://loopback");
  if (url.pathname === base && req.method === "GET") {
    const name = url.searchParams.get("name") ?? "";
    const all = store.filter((w) => w.name!.toLowerCase().includes(name.toLowerCase()));
    const offset = Number(url.searchParams.get("offset") ?? 0);
    const limit = Number(url.searchParams.get("limit") ?? 10);
    const start = reading === "pages" ? offset * limit : offset;
    return { headers: { "x-request-id": "list-1" }, body: { count: countOverride ?? all.length, page_data: all.slice(start, start + limit) } };
  }
  const id = url.pathname.startsWith(`${base}/`) ? decodeURIComponent(url.pathname.slice(base.length + 1)) : undefined;
  const found = store.find((w) => w.id === id);
  if (id === undefined || !found) {
    return { status: 400, headers: { "x-request-id": "nf-1" }, body: responseExample("insight", "updateWorkspace", 400, "workspaceMissing") };
  }
  if (req.method === "PUT") {
    Object.assign(found, JSON.parse(req.body));
    return { body: { id } };
  }
  if (req.method === "DELETE") {
    store = store.filter((w) => w !== found);
    return { body: responseExample("insight", "deleteWorkspace", 200) };
  }
  return { status: 404, body: { error_code: "APIGW.0101", error_msg: "The API does not exist or has not been published in the environment." } };
}

const server = useTestServer(service);
const client = (extra: { maxRetries?: number } = {}) => createInsightClient({ endpoint: server().url, projectId, instanceId, credentials: { token }, ...extra });
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
  reading = "pages";
  store = [];
  countOverride = undefined;
});

describe("listWorkspaces", () => {
  it("sends GET with the spec's paging and yields the document's (constructed) example", async () => {
    const answer = responseExample("insight", "listWorkspaces", 200, "constructed");
    server().handle(() => ({ body: answer }));
    const listed = await collect(client().listWorkspaces());
    expect(listed).toEqual(answer.page_data);
    expect(sent()).toEqual([`GET ${base}?offset=0&limit=100`]);
    expect(server().requests[0]!.headers["x-auth-token"]).toBe(token);
  });

  it("the documented empty answer: one request, nothing yielded", async () => {
    server().handle(() => ({ body: responseExample("insight", "listWorkspaces", 200, "empty") }));
    expect(await collect(client().listWorkspaces({ name: "nothing" }))).toEqual([]);
    expect(sent()).toEqual([`GET ${base}?name=nothing&offset=0&limit=100`]);
  });

  it("passes the name filter (encoded) and a caller's page size on every page", async () => {
    store = [workspace(0, "sales a/b"), workspace(1, "other"), workspace(2, "Sales a/b 2"), workspace(3, "sales a/b 3")];
    const names = (await collect(client().listWorkspaces({ name: "sales a/b", limit: 2 }))).map((w) => w.name);
    expect(names).toEqual(["sales a/b", "Sales a/b 2", "sales a/b 3"]);
    // the caller's own parameters keep their place, the offset is added after them
    expect(queries()).toEqual(["?name=sales%20a%2Fb&limit=2&offset=0", "?name=sales%20a%2Fb&limit=2&offset=1"]);
  });

  it("starts at a caller's offset (a page number) and goes on from there", async () => {
    fill(7);
    const ids = (await collect(client().listWorkspaces({ offset: 1, limit: 3 }))).map((w) => w.id);
    expect(ids).toEqual(store.slice(3).map((w) => w.id));
    // `count` (7) counts from the start: page 2 (records 6..8) reaches it, no empty page is asked for
    expect(queries()).toEqual(["?offset=1&limit=3", "?offset=2&limit=3"]);
  });

  it("byPage() yields the service's pages", async () => {
    fill(250);
    const sizes = (await collect(client().listWorkspaces().byPage())).map((p) => p.length);
    expect(sizes).toEqual([100, 100, 50]);
  });

  describe("paging under both readings of offset: every workspace exactly once, in order", () => {
    const sizes = [0, 1, 99, 100, 101, 199, 200, 250];
    it.each(["pages", "records"] as const)("%s: sizes 0..250", async (how) => {
      reading = how;
      for (const n of sizes) {
        fill(n);
        const ids = (await collect(client().listWorkspaces())).map((w) => w.id);
        expect(ids, `${how}, ${n} workspaces`).toEqual(store.map((w) => w.id));
      }
    });

    it("pages: offset 0, 1, 2 with limit 100, and stops once `count` workspaces came back", async () => {
      fill(250);
      await collect(client().listWorkspaces());
      expect(queries()).toEqual(["?offset=0&limit=100", "?offset=1&limit=100", "?offset=2&limit=100"]);
      server().requests.length = 0;
      fill(200); // two full pages: `count` ends the listing without asking for an empty third page
      expect(await collect(client().listWorkspaces())).toHaveLength(200);
      expect(queries()).toEqual(["?offset=0&limit=100", "?offset=1&limit=100"]);
    });

    it("records: offset 1 answers the first page shifted by one, so the offset goes on by records (1, 101, 201)", async () => {
      reading = "records";
      fill(250);
      const pages = await collect(client().listWorkspaces().byPage());
      // the overlap (records 1..99 of the second answer) is not yielded again
      expect(pages.map((p) => p.length)).toEqual([100, 1, 100, 49]);
      expect(pages.flat().map((w) => w.id)).toEqual(store.map((w) => w.id));
      expect(queries()).toEqual(["?offset=0&limit=100", "?offset=1&limit=100", "?offset=101&limit=100", "?offset=201&limit=100"]);
    });

    it("records: the fuzzy name filter and a small page size", async () => {
      reading = "records";
      store = Array.from({ length: 9 }, (_, i) => workspace(i, i % 3 === 0 ? `x-${i}` : `team-${i}`));
      const names = (await collect(client().listWorkspaces({ name: "team", limit: 2 }))).map((w) => w.name);
      expect(names).toEqual(["team-1", "team-2", "team-4", "team-5", "team-7", "team-8"]);
      expect(queries()).toEqual(["?name=team&limit=2&offset=0", "?name=team&limit=2&offset=1", "?name=team&limit=2&offset=3", "?name=team&limit=2&offset=5"]);
    });
  });

  it("a stale `count` larger than the list: stops at the first empty page", async () => {
    fill(150);
    countOverride = 1000;
    expect(await collect(client().listWorkspaces())).toHaveLength(150);
    expect(queries()).toEqual(["?offset=0&limit=100", "?offset=1&limit=100", "?offset=2&limit=100"]);
  });

  it("checks the query where it is written: nothing is sent", () => {
    const refused: Array<[unknown, RegExp]> = [
      [{ name: "n".repeat(101) }, /name must be at most 100 characters \(got 101\)/],
      [{ offset: -1 }, /offset must be >= 0 \(got -1\)/],
      [{ limit: 2147483648 }, /limit must be <= 2147483647 \(got 2147483648\)/],
      [{ limit: "10" }, /limit must be an integer \(got string\)/],
      [{ offset: 1.5 }, /offset must be an integer/],
      [{ nmae: "x" }, /nmae is not a known query parameter \(did you mean name\?\); known: name, offset, limit/],
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

describe("getWorkspace (no get API: the list is searched)", () => {
  it("finds a workspace on a later page", async () => {
    fill(150);
    await expect(client().getWorkspace("ws-0120")).resolves.toEqual(store[120]);
    expect(queries()).toEqual(["?offset=0&limit=100", "?offset=1&limit=100"]);
  });

  it("finds it under the records reading too", async () => {
    reading = "records";
    fill(250);
    await expect(client().getWorkspace("ws-0249")).resolves.toEqual(store[249]);
  });

  it("an id not in the list (or an empty list) is NotFoundError, after the last page", async () => {
    fill(120);
    const error = (await client().getWorkspace("ws-9999").catch((e: unknown) => e)) as NotFoundError;
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ name: "NotFoundError", status: 404, provider: "insight", operation: "getWorkspace" });
    expect(error.message).toMatch(/workspace "ws-9999" does not exist/);
    expect(queries()).toEqual(["?offset=0&limit=100", "?offset=1&limit=100"]);

    server().requests.length = 0;
    store = [];
    await expect(client().getWorkspace("ws-0000")).rejects.toBeInstanceOf(NotFoundError);
    expect(server().requests).toHaveLength(1);
  });

  it("an unknown instance (24010003, 404) is NotFoundError from the service", async () => {
    server().handle(() => ({ status: 404, headers: { "x-request-id": "inst-1" }, body: responseExample("insight", "listWorkspaces", 404, "resourceMissing") }));
    await expect(client().getWorkspace("ws-0000")).rejects.toMatchObject({ name: "NotFoundError", status: 404, code: "DataArtsInsight.24010003", requestId: "inst-1" });
  });
});

describe("findWorkspaceByName", () => {
  it("filters by name on the service (fuzzy) and returns only the exact match", async () => {
    store = [workspace(0, "sales-2"), workspace(1, "Sales"), workspace(2, "sales")];
    await expect(client().findWorkspaceByName("sales")).resolves.toEqual(store[2]);
    expect(queries()).toEqual(["?name=sales&offset=0&limit=100"]);
    await expect(client().findWorkspaceByName("sales-3")).resolves.toBeUndefined();
  });

  it("a name longer than the filter allows (100) is looked for without the filter", async () => {
    const long = "n".repeat(150);
    store = [workspace(0), workspace(1, long)];
    await expect(client().findWorkspaceByName(long)).resolves.toEqual(store[1]);
    expect(queries()).toEqual(["?offset=0&limit=100"]);
  });
});

describe("updateWorkspace", () => {
  it("sends the document's example with PUT to the workspace's path and resolves to { id }", async () => {
    const id = "xxxxaaa59ce841f8b4cc2c1305c1xxxx";
    server().handle(() => ({ headers: { "x-request-id": "upd-1" }, body: responseExample("insight", "updateWorkspace", 200) }));
    const body = requestExample("insight", "updateWorkspace");
    await expect(client().updateWorkspace(id, body)).resolves.toEqual({ id });
    const [request] = server().requests;
    expect(server().requests).toHaveLength(1);
    expect(request!.method).toBe("PUT");
    expect(request!.url).toBe(`${base}/${id}`);
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(request!.body)).toEqual(body);
  });

  it("encodes the workspace id as one path segment", async () => {
    server().handle(() => ({ body: { id: "a/b c" } }));
    await client().updateWorkspace("a/b c", insightUpdateValid);
    expect(server().requests[0]!.url).toBe(`${base}/a%2Fb%20c`);
  });

  it("changes what is listed afterwards", async () => {
    fill(3);
    await client().updateWorkspace("ws-0001", { name: "renamed", eps_id: "0", description: "d" });
    await expect(client().findWorkspaceByName("renamed")).resolves.toMatchObject({ id: "ws-0001", name: "renamed", description: "d" });
  });

  it("an empty id is refused before sending", async () => {
    await expect(client().updateWorkspace("", insightUpdateValid)).rejects.toThrow(/workspace_id must not be empty/);
    expect(server().requests).toHaveLength(0);
  });

  describe("every documented rule of the body, before anything is sent", () => {
    beforeEach(() => server().handle(() => ({ body: responseExample("insight", "updateWorkspace", 200) })));
    ruleSuite(server, (body) => client().updateWorkspace("ws-0000", body), insightUpdateRules);
  });
});

describe("deleteWorkspace", () => {
  const answers: Array<[string, { status?: number; body?: unknown }]> = [
    ["the English document's example", { body: responseExample("insight", "deleteWorkspace", 200, "document") }],
    ["the Chinese document's example (\"\")", { body: JSON.stringify(responseExample("insight", "deleteWorkspace", 200, "document_cn")) }],
    ["an empty 200", { status: 200, body: "" }],
    ["a 204", { status: 204 }],
  ];
  it.each(answers)("sends DELETE without a body and resolves to undefined on %s", async (_, reply) => {
    server().handle(() => reply);
    await expect(client().deleteWorkspace("ws-0001")).resolves.toBeUndefined();
    expect(sent()).toEqual([`DELETE ${base}/ws-0001`]);
  });

  it("a 200 that says is_success: false is an ApiError", async () => {
    server().handle(() => ({ body: { status_code: 400, message: "failed", is_success: false } }));
    await expect(client().deleteWorkspace("ws-0001")).rejects.toMatchObject({ name: "ApiError", status: 200 });
  });

  it("removes the workspace: a get then says NotFoundError, a second delete the service's 24150005", async () => {
    fill(2);
    await client().deleteWorkspace("ws-0001");
    await expect(client().getWorkspace("ws-0001")).rejects.toBeInstanceOf(NotFoundError);
    await expect(client().deleteWorkspace("ws-0001")).rejects.toMatchObject({
      name: "NotFoundError",
      status: 400,
      code: "DataArtsInsight.24150005",
      requestId: "nf-1",
    });
    expect(store.map((w) => w.id)).toEqual(["ws-0000"]);
  });
});

describe("every documented error example of list, update and delete", () => {
  const spec = loadSpec("insight");
  const deref = (node: any): any => {
    while (node?.$ref) node = node.$ref.slice(2).split("/").reduce((o: any, k: string) => o[k], spec);
    return node;
  };
  const notFound = new Set(["24150005", "24010003"]);
  const calls = {
    listWorkspaces: () => collect(client({ maxRetries: 0 }).listWorkspaces()),
    updateWorkspace: () => client({ maxRetries: 0 }).updateWorkspace("ws-0000", insightUpdateValid),
    deleteWorkspace: () => client({ maxRetries: 0 }).deleteWorkspace("ws-0000"),
  };
  const operationOf = (id: string) => {
    for (const item of Object.values<any>(spec.paths)) for (const op of Object.values<any>(item)) if (op?.operationId === id) return op;
  };
  const cases = Object.entries(calls).flatMap(([id, call]) =>
    Object.entries<any>(operationOf(id).responses)
      .filter(([status]) => Number(status) >= 400)
      .flatMap(([status, response]) =>
        Object.entries<any>(deref(response).content["application/json"].examples).map(([name, { value }]) => ({
          what: `${id} ${status} ${name}`,
          status: Number(status),
          body: value,
          call,
        })),
      ),
  );

  it("covers every operation and the documented codes", () => {
    expect(new Set(cases.map((c) => c.what.split(" ")[0]))).toEqual(new Set(Object.keys(calls)));
    const codes = new Set(cases.map((c) => c.body.error_code));
    for (const code of ["DataArtsInsight.24150005", "DataArtsInsight.24150002", "DataArtsInsight.24150001", "DataArtsInsight.24010003", "APIGW.0308"]) {
      expect(codes).toContain(code);
    }
  });

  it.each(cases)("$what", async ({ status, body, call }) => {
    server().handle(() => ({ status, headers: { "x-request-id": "req-42" }, body }));
    const error = (await call().catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    const missing = notFound.has(String(body.error_code).replace(/^DataArtsInsight\./, ""));
    expect(error.name).toBe(missing ? "NotFoundError" : "ApiError");
    expect(error).toMatchObject({ status, code: body.error_code, requestId: "req-42", provider: "insight" });
    expect(error.message).toContain(body.error_code);
    expect(error.message).not.toContain(token);
  });
});
