// The one check every runtime of `pnpm test:runtimes` runs, written as a user
// would: it imports the installed packages by name. run.mjs copies it (with
// the signing vectors beside it) into a fresh project where the packed
// tarballs are installed; each runtime's entry calls `check(config)` and
// reports what it resolves to. Nothing here may be Node-only.
//
//   config: { url, credentials: { accessKey, secretKey, projectId, apiKey }, label }
import { createSigner, defaultHashing, encodeRfc3986, runtimeName } from "@ws/core";
import { ApiError, createModelArtsClient, NotFoundError, ValidationError } from "@ws/modelarts";
import { createTrueWatchClient } from "@ws/truewatch";
import vectors from "./signing-vectors.json" with { type: "json" };

/** `20261122T010203Z` (or ISO) → Date. */
function vectorDate(value) {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6])) : new Date(value);
}

/** A vector's input as this SDK sends it (as packages/core/test/signing.test.ts builds it). */
function toRequest(vector) {
  const input = vector.input;
  const headers = {};
  let date = vectorDate(input.date);
  for (const [name, value] of Object.entries(input.headers ?? {})) {
    if (name.toLowerCase() === "x-sdk-date") date = vectorDate(value);
    else headers[name.toLowerCase()] = value;
  }
  if (input.mode !== "signer") {
    if (input.projectId) headers["x-project-id"] = input.projectId;
    if (input.domainId) headers["x-domain-id"] = input.domainId;
    if (input.securityToken) headers["x-security-token"] = input.securityToken;
    const type = headers["content-type"];
    if (type?.startsWith("application/json")) headers["content-type"] = "application/json";
    else if (type && input.body) headers["x-sdk-content-sha256"] = "UNSIGNED-PAYLOAD";
  }
  let url = input.url;
  if (input.query) {
    const parts = Object.entries(input.query).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${encodeRfc3986(k)}=${encodeRfc3986(x)}`));
    url += `?${parts.join("&")}`;
  }
  const wire = vector.expected.wire;
  const body = wire && "body" in wire ? wire.body : input.body;
  return { request: { method: input.method, url, headers, body: body ?? undefined }, date };
}

/** Runs every part, even after one fails; resolves to `{ ok, runtime, hashing, parts, failures }`. */
export async function check(config) {
  const { url, credentials, label } = config;
  const parts = {};
  const failures = [];
  const part = async (name, fn) => {
    try {
      parts[name] = await fn();
    } catch (error) {
      failures.push(`${name}: ${error?.stack ?? error}`);
    }
  };
  const expect = (condition, message) => {
    if (!condition) throw new Error(message);
  };

  // Which hashing the export conditions gave this runtime: node:crypto answers at once, WebCrypto with a promise.
  const probe = defaultHashing.sha256Hex("");
  const hashing = typeof probe === "string" ? "node:crypto" : "WebCrypto";
  await probe;

  await part("vectors", async () => {
    let passed = 0;
    const wrong = [];
    for (const vector of vectors.vectors) {
      const { request, date } = toRequest(vector);
      await createSigner(vector.input.ak, vector.input.sk).sign(request, date);
      const ok = vector.quirk
        ? request.headers.authorization?.endsWith(`Signature=${vector.apigSignerModel.signature}`)
        : request.headers.authorization === vector.expected.headers.Authorization && request.headers["x-sdk-date"] === vector.expected.headers["X-Sdk-Date"];
      if (ok) passed++;
      else wrong.push(vector.name);
    }
    expect(wrong.length === 0, `${wrong.length} of ${vectors.vectors.length} vectors differ: ${wrong.join(", ")}`);
    return `${passed}/${vectors.vectors.length}`;
  });

  // Every request the clients send goes through this fetch, so "nothing sent" can be seen.
  const sent = [];
  const fetch = (input, init) => {
    sent.push({ url: String(input?.url ?? input), userAgent: new Headers(init?.headers ?? input?.headers).get("user-agent") });
    return globalThis.fetch(input, init);
  };
  const modelarts = createModelArtsClient({
    endpoint: url,
    projectId: credentials.projectId,
    credentials: { accessKey: credentials.accessKey, secretKey: credentials.secretKey },
    fetch,
  });
  const truewatch = createTrueWatchClient({ endpoint: url, apiKey: credentials.apiKey, fetch });
  const name = `rt-${label}`.replace(/[^A-Za-z0-9_-]/g, "-").slice(0, 60);

  await part("aksk", async () => {
    const ws = await modelarts.createWorkspace({ name, auth_type: "PRIVATE", description: `created by pnpm test:runtimes in ${label}` });
    expect(ws.name === name && /^[0-9a-f]{32}$/.test(ws.id ?? ""), `unexpected answer ${JSON.stringify(ws)}`);
    return ws.id;
  });

  await part("apiKey", async () => {
    const { wsInfo } = await truewatch.createWorkspace({ name, desc: `created by pnpm test:runtimes in ${label}` });
    expect(wsInfo?.name === name && wsInfo?.uuid, `unexpected answer ${JSON.stringify(wsInfo)}`);
    return wsInfo.uuid;
  });

  await part("validation", async () => {
    const before = sent.length;
    const error = await modelarts.createWorkspace({ name: "spaces are not allowed!" }).then(
      () => undefined,
      (e) => e,
    );
    expect(error instanceof ValidationError, `expected a ValidationError, got ${error}`);
    expect(sent.length === before, `${sent.length - before} request(s) sent for an invalid body`);
    return "ValidationError, nothing sent";
  });

  await part("apiError", async () => {
    const before = sent.length;
    const error = await modelarts.getWorkspace("0123456789abcdef0123456789abcdef").then(
      () => undefined,
      (e) => e,
    );
    expect(error instanceof NotFoundError && error instanceof ApiError, `expected a NotFoundError (ApiError), got ${error}`);
    // ModelArts answers an unknown id with HTTP 400 ModelArts.7005 (as the live service does), which the SDK maps to NotFoundError.
    expect(error.status >= 400 && error.code && sent.length > before, `status ${error.status}, code ${error.code}, ${sent.length - before} request(s)`);
    return `${error.name} ${error.status} ${error.code}`;
  });

  return { ok: failures.length === 0, label, runtime: runtimeName() ?? "browser", hashing, userAgent: sent[0]?.userAgent ?? null, parts, failures };
}
