// The shared lifecycle pieces over real loopback HTTP: what is checked and sent
// (the serialised body, query and path encoding), the paginator's stopping rules,
// get/find/update/delete built by workspaceMethods, NotFoundError, and raw calls
// that reject instead of answering `{ error }`.
import { useTestServer, type RecordedRequest } from "@ws/testkit";
import { describe, expect, it } from "vitest";
import {
  AbortError,
  ApiError,
  createHuaweiService,
  NotFoundError,
  prepareRequest,
  ValidationError,
  workspaceMethods,
  acceptAnyBody,
  type OperationSpec,
  type PagingRule,
} from "../../src/index.js";

const projectId = "0123456789abcdef0123456789abcdef";
const project = { project_id: { required: true, schema: { type: "string" as const, minLength: 1 } } };
const createOp: OperationSpec = {
  provider: "test",
  id: "createWorkspace",
  method: "POST",
  path: "/v1/{project_id}/workspaces",
  idempotent: false,
  params: project,
  body: {
    type: "object",
    additionalProperties: false,
    required: ["name"],
    properties: { name: { type: "string", minLength: 1, maxLength: 4 }, tags: { type: "array", items: { type: "string" } } },
  },
};
const paging: PagingRule = { style: "records", offset: "offset", limit: "limit", pageSize: 3, items: "workspaces", total: "total" };
const listOp: OperationSpec = {
  provider: "test",
  id: "listWorkspaces",
  method: "GET",
  path: "/v1/{project_id}/workspaces",
  idempotent: true,
  params: project,
  query: {
    offset: { required: false, schema: { type: "integer", minimum: 0 } },
    limit: { required: false, schema: { type: "integer", minimum: 1, maximum: 100 } },
    name: { required: false, schema: { type: "string", minLength: 4 } },
    sort_by: { required: false, schema: { type: "string", enum: ["name", "status"] } },
    flag: { required: false, schema: { type: "boolean" } },
  },
  paging,
};
const idParams = { ...project, workspace_id: { required: true, schema: { type: "string" as const, minLength: 1 } } };
const getOp: OperationSpec = { provider: "test", id: "getWorkspace", method: "GET", path: "/v1/{project_id}/workspaces/{workspace_id}", idempotent: true, params: idParams };
const updateOp: OperationSpec = { ...getOp, id: "updateWorkspace", method: "PUT", body: { type: "object", additionalProperties: false, properties: { name: { type: "string" } } } };
const deleteOp: OperationSpec = { ...getOp, id: "deleteWorkspace", method: "DELETE" };

let store: Array<{ id: string; name: string }> = [];
let pageBehaviour: "normal" | "ignore-offset" | "pages" | "cap-2" = "normal";

function handler(req: RecordedRequest) {
  const url = new URL(req.url, "http://x");
  const match = /\/workspaces\/([^/?]+)$/.exec(url.pathname);
  if (req.method === "GET" && !match) {
    const name = url.searchParams.get("name");
    const all = store.filter((w) => !name || w.name.includes(name));
    const offset = Number(url.searchParams.get("offset") ?? 0);
    let limit = Number(url.searchParams.get("limit") ?? 10);
    if (pageBehaviour === "cap-2") limit = Math.min(limit, 2);
    const start = pageBehaviour === "ignore-offset" ? 0 : pageBehaviour === "pages" ? offset * limit : offset;
    return { body: { total: pageBehaviour === "ignore-offset" ? undefined : all.length, workspaces: all.slice(start, start + limit) } };
  }
  if (match) {
    const id = decodeURIComponent(match[1]!);
    const found = store.find((w) => w.id === id);
    if (!found) return { status: 400, body: { error_code: "Test.0102", error_msg: "The workspace does not exist." } };
    if (req.method === "DELETE") return { status: 204 };
    if (req.method === "PUT") return { body: { workspace_id: id } };
    return { body: found };
  }
  return { body: { id: "new", ...JSON.parse(req.body) } };
}

const server = useTestServer(handler);
const service = () =>
  createHuaweiService<{}, string>({
    provider: "test",
    endpoints: {},
    options: { endpoint: server().url, credentials: { token: "t0ken-value-0123456789" }, retryDelayInMs: 1 },
    projectId,
    notFoundCodes: ["Test.0102"],
  });
const params = { project_id: projectId };
const methods = (config: { get?: boolean; idFilter?: string } = {}) =>
  workspaceMethods<{ id: string; name: string }, Record<string, unknown>, { name?: string }, unknown, unknown>(service(), {
    operations: { list: listOp, get: config.get === false ? undefined : getOp, update: updateOp, delete: deleteOp },
    params,
    nameFilter: "name",
    ...(config.idFilter ? { idFilter: config.idFilter } : {}),
    read: { delete: acceptAnyBody },
  });

const pagesMethods = () =>
  workspaceMethods<{ id: string; name: string }, Record<string, unknown>, never, never, never>(service(), {
    operations: { list: { ...listOp, paging: { ...paging, style: "pages", total: undefined } } },
    params,
  });

function fill(n: number, name = (i: number) => `w${i}`) {
  store = Array.from({ length: n }, (_, i) => ({ id: `id${i}`, name: name(i) }));
}

describe("what is checked is what is sent", () => {
  it("checks and sends the serialised JSON: toJSON, getters, inherited and non-enumerable fields", async () => {
    const proto = { tags: ["inherited"] };
    const body = Object.create(proto) as Record<string, unknown>;
    Object.defineProperty(body, "name", { get: () => "ab", enumerable: true });
    Object.defineProperty(body, "secret", { value: "x", enumerable: false });
    const { body: sent } = prepareRequest(createOp, { params, body });
    expect(sent).toBe('{"name":"ab"}');

    // toJSON replaces the object with one that breaks a rule: the rule is checked on what toJSON gives.
    const sneaky = { name: "ok", toJSON: () => ({ name: "far too long" }) };
    expect(() => prepareRequest(createOp, { params, body: sneaky })).toThrow(/name must be at most 4 characters \(got 12\)/);
    const fine = { name: "far too long", toJSON: () => ({ name: "ok" }) };
    expect(prepareRequest(createOp, { params, body: fine }).body).toBe('{"name":"ok"}');
  });

  it("a sparse array is checked as the nulls JSON sends", () => {
    const tags = ["a"];
    tags[2] = "c";
    expect(() => prepareRequest(createOp, { params, body: { name: "ab", tags } })).toThrow(/tags\[1\] must be a string \(got null\)/);
  });

  it("counts code points, and a lone surrogate as one", () => {
    expect(prepareRequest(createOp, { params, body: { name: "😀😀😀😀" } }).body).toBe('{"name":"😀😀😀😀"}');
    const lone = "\ud800\ud800\udc00ab"; // lone, pair, a, b = 4 code points
    expect(() => prepareRequest(createOp, { params, body: { name: lone } })).not.toThrow();
    expect(() => prepareRequest(createOp, { params, body: { name: `${lone}c` } })).toThrow(/at most 4 characters \(got 5\)/);
  });

  it("a value JSON cannot carry is a ValidationError, not a TypeError", () => {
    const cycle: Record<string, unknown> = { name: "ab" };
    cycle.self = cycle;
    expect(() => prepareRequest(createOp, { params, body: cycle })).toThrow(ValidationError);
    expect(() => prepareRequest(createOp, { params, body: { name: 1n } })).toThrow(/body cannot be sent as JSON/);
  });

  it("a path or query value that cannot be encoded names the parameter", () => {
    const error = (() => {
      try {
        prepareRequest(getOp, { params: { ...params, workspace_id: "a\ud800" } });
      } catch (e) {
        return e as ValidationError;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect(error!.issues).toEqual([expect.objectContaining({ path: "workspace_id", rule: "encoding" })]);
    expect(() => prepareRequest(listOp, { params, query: { name: "abc\udc00d" } })).toThrow(/name \(query parameter\) cannot be encoded/);
  });

  it("query parameters are typed, checked and encoded; unknown ones are refused with a hint", () => {
    expect(prepareRequest(listOp, { params, query: { name: "a b/ü", flag: false, offset: 0 } }).target).toBe(
      `/v1/${projectId}/workspaces?name=a%20b%2F%C3%BC&flag=false&offset=0`,
    );
    expect(() => prepareRequest(listOp, { params, query: { sortBy: "name" } })).toThrow(/sortBy is not a known query parameter \(did you mean sort_by\?\)/);
    expect(() => prepareRequest(listOp, { params, query: { sort_by: "size" } })).toThrow(/sort_by must be one of "name", "status"/);
    expect(() => prepareRequest(listOp, { params, query: { limit: "10" } })).toThrow(/limit must be an integer \(got string\)/);
  });
});

describe("listWorkspaces: paging", () => {
  it("walks every page by record offset and stops at the total", async () => {
    fill(7);
    const ids: string[] = [];
    for await (const w of methods().listWorkspaces()) ids.push(w.id);
    expect(ids).toEqual(store.map((w) => w.id));
    expect(server().requests.map((r) => r.url.split("?")[1])).toEqual(["offset=0&limit=3", "offset=3&limit=3", "offset=6&limit=3"]);
  });

  it("byPage() yields each page's array", async () => {
    fill(5);
    const sizes: number[] = [];
    for await (const page of methods().listWorkspaces().byPage()) sizes.push(page.length);
    expect(sizes).toEqual([3, 2]);
  });

  it("keeps going when the service caps the page size below what was asked, while the total says there is more", async () => {
    pageBehaviour = "cap-2";
    try {
      fill(5);
      const ids: string[] = [];
      for await (const w of methods().listWorkspaces()) ids.push(w.id);
      expect(ids).toHaveLength(5);
    } finally {
      pageBehaviour = "normal";
    }
  });

  it("pages reading: offset counts pages, each page once", async () => {
    pageBehaviour = "pages";
    try {
      fill(7);
      const ids: string[] = [];
      for await (const w of pagesMethods().listWorkspaces()) ids.push(w.id);
      expect(ids).toEqual(store.map((w) => w.id));
      expect(server().requests.map((r) => r.url.split("?")[1])).toEqual(["offset=0&limit=3", "offset=1&limit=3", "offset=2&limit=3"]);
    } finally {
      pageBehaviour = "normal";
    }
  });

  it("pages reading against a service that counts records: notices the shift, yields each workspace once", async () => {
    fill(8);
    const ids: string[] = [];
    for await (const w of pagesMethods().listWorkspaces()) ids.push(w.id);
    expect(ids).toEqual(store.map((w) => w.id));
    // offset 1 answered records 1..3 (shifted by one): from there the offset counts records.
    expect(server().requests.map((r) => r.url.split("?")[1])).toEqual(["offset=0&limit=3", "offset=1&limit=3", "offset=4&limit=3", "offset=7&limit=3"]);
  });

  it("stops on a service that repeats a page instead of looping forever", async () => {
    pageBehaviour = "ignore-offset";
    try {
      fill(6);
      const ids: string[] = [];
      for await (const w of methods().listWorkspaces()) ids.push(w.id);
      expect(ids).toEqual(["id0", "id1", "id2"]);
      expect(server().requests).toHaveLength(2);
    } finally {
      pageBehaviour = "normal";
    }
  });

  it("checks the abortSignal between pages: no request after the abort", async () => {
    fill(9);
    const controller = new AbortController();
    const seen: string[] = [];
    const error = await (async () => {
      for await (const w of methods().listWorkspaces(undefined, { abortSignal: controller.signal })) {
        seen.push(w.id);
        if (seen.length === 3) controller.abort();
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(seen).toHaveLength(3);
    expect(server().requests).toHaveLength(1);
  });

  it("a bad query fails where listWorkspaces is called, before any request", () => {
    expect(() => methods().listWorkspaces({ limit: 0 })).toThrow(ValidationError);
    expect(server().requests).toHaveLength(0);
  });
});

describe("get, find, update, delete", () => {
  it("getWorkspace maps the service's not-found code to NotFoundError", async () => {
    fill(1);
    await expect(methods().getWorkspace("id0")).resolves.toEqual({ id: "id0", name: "w0" });
    const error = await methods().getWorkspace("nope").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: "Test.0102", name: "NotFoundError" });
  });

  it("without a get operation, looks the id up in the list, and says NotFoundError when it is not there", async () => {
    fill(8);
    await expect(methods({ get: false }).getWorkspace("id7")).resolves.toEqual({ id: "id7", name: "w7" });
    const error = await methods({ get: false }).getWorkspace("id99").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toMatch(/workspace "id99" does not exist/);
  });

  it("findWorkspaceByName matches the exact name, though the filter is fuzzy", async () => {
    store = [
      { id: "a", name: "team-2" },
      { id: "b", name: "team" },
    ];
    await expect(methods().findWorkspaceByName("team")).resolves.toEqual({ id: "b", name: "team" });
    expect(server().requests[0]!.url).toContain("name=team");
    await expect(methods().findWorkspaceByName("team-3")).resolves.toBeUndefined();
  });

  it("findWorkspaceByName scans without the filter when the filter's rules refuse the name", async () => {
    store = [{ id: "a", name: "ab" }];
    await expect(methods().findWorkspaceByName("ab")).resolves.toEqual({ id: "a", name: "ab" });
    expect(server().requests[0]!.url).not.toContain("name=");
  });

  it("update and delete send the documented method and path; delete accepts an empty answer", async () => {
    fill(1);
    await expect(methods().updateWorkspace("id0", { name: "x" })).resolves.toEqual({ workspace_id: "id0" });
    await expect(methods().deleteWorkspace("id0")).resolves.toBeUndefined();
    expect(server().requests.map((r) => `${r.method} ${r.url} ${r.body}`)).toEqual([
      `PUT /v1/${projectId}/workspaces/id0 {"name":"x"}`,
      `DELETE /v1/${projectId}/workspaces/id0 `,
    ]);
  });

  it("an update body with an unknown field is refused before sending", async () => {
    await expect(methods().updateWorkspace("id0", { nmae: "x" } as never)).rejects.toThrow(/nmae is not a known field/);
    expect(server().requests).toHaveLength(0);
  });
});

describe("raw calls reject with the same errors", () => {
  it("an error answer rejects with ApiError (or NotFoundError), never an { error } result", async () => {
    store = [];
    const raw = service().raw as unknown as { GET(path: string, init: unknown): Promise<unknown> };
    const error = await raw
      .GET("/v1/{project_id}/workspaces/{workspace_id}", { params: { path: { project_id: projectId, workspace_id: "nope" } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ code: "Test.0102", status: 400 });
  });

  it("a success answer is handed over as data", async () => {
    fill(1);
    const raw = service().raw as unknown as { GET(path: string, init: unknown): Promise<{ data: unknown; error: unknown }> };
    const result = await raw.GET("/v1/{project_id}/workspaces/{workspace_id}", { params: { path: { project_id: projectId, workspace_id: "id0" } } });
    expect(result.data).toEqual({ id: "id0", name: "w0" });
    expect(result.error).toBeUndefined();
  });
});

describe("listDefaults: query values every list request carries", () => {
  const withDefaults = () =>
    workspaceMethods<{ id: string; name: string }, Record<string, unknown>, never, never, never>(service(), {
      operations: { list: listOp },
      params,
      nameFilter: "name",
      listDefaults: { sort_by: "status" },
    });

  it("list, the lookup of get and of find send the default unless the caller gives the parameter", async () => {
    fill(2, (i) => `team${i}`);
    const ids: string[] = [];
    for await (const w of withDefaults().listWorkspaces()) ids.push(w.id);
    for await (const w of withDefaults().listWorkspaces({ sort_by: "name", name: "team" })) ids.push(w.id);
    for await (const w of withDefaults().listWorkspaces({ sort_by: undefined })) ids.push(w.id);
    await expect(withDefaults().getWorkspace("id1")).resolves.toEqual({ id: "id1", name: "team1" });
    await expect(withDefaults().findWorkspaceByName("team0")).resolves.toEqual({ id: "id0", name: "team0" });
    expect(ids).toEqual(["id0", "id1", "id0", "id1", "id0", "id1"]);
    expect(server().requests.map((r) => r.url.split("?")[1])).toEqual([
      "sort_by=status&offset=0&limit=3",
      "sort_by=name&name=team&offset=0&limit=3",
      "sort_by=status&offset=0&limit=3",
      "sort_by=status&offset=0&limit=3",
      "name=team0&sort_by=status&offset=0&limit=3",
    ]);
  });

  it("a default is checked like the caller's query", () => {
    const bad = workspaceMethods(service(), { operations: { list: listOp }, params, listDefaults: { sort_by: "size" } });
    expect(() => bad.listWorkspaces()).toThrow(/sort_by must be one of "name", "status"/);
    expect(server().requests).toHaveLength(0);
  });
});
