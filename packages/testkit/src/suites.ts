// Table-driven suites every provider runs: each documented rule refused and
// accepted on the real client, and each documented error shape mapped to ApiError.
import { afterEach, beforeEach, expect, it } from "vitest";
import { startServer, type Handler, type Reply, type TestServer } from "./index.js";
import { verifyWithOfficialSigner } from "./official-signer.js";

export interface RuleCase {
  /** The JSON Schema keyword the case exercises. */
  rule: string;
  /** The issue path the ValidationError must name. */
  field: string;
  refused: unknown;
  accepted: unknown;
  message: RegExp;
}

interface ErrorLike {
  name: string;
  message: string;
  issues?: Array<{ path: string; rule: string }>;
  attempts?: number;
}

/** For each rule: the refused body fails with a ValidationError naming field and rule, and sends nothing; the accepted body goes on the wire as given. */
export function ruleSuite(server: () => TestServer, call: (body: never) => Promise<unknown>, rules: RuleCase[]): void {
  it.each(rules)("$field $rule: refused, nothing sent", async ({ refused, field, rule, message }) => {
    const error = (await call(refused as never).then(
      () => undefined,
      (e: ErrorLike) => e,
    )) as ErrorLike | undefined;
    expect(error?.name).toBe("ValidationError");
    expect(error!.message).toMatch(message);
    expect(error!.issues).toContainEqual(expect.objectContaining({ path: field, rule }));
    expect(error!.attempts).toBe(0);
    expect(server().requests).toHaveLength(0);
  });

  it.each(rules)("$field $rule: accepted value is sent", async ({ accepted }) => {
    await call(accepted as never);
    expect(server().requests).toHaveLength(1);
    expect(JSON.parse(server().requests[0]!.body)).toEqual(accepted);
  });
}

export interface ErrorCase {
  what: string;
  reply: Reply;
  expected: Record<string, unknown>;
  message?: RegExp;
}

/** Each reply makes the call reject with an ApiError carrying the expected fields. */
export function errorSuite(server: () => TestServer, call: () => Promise<unknown>, cases: ErrorCase[]): void {
  it.each(cases)("$what becomes an ApiError", async ({ reply, expected, message }) => {
    server().handle(() => reply);
    const error = (await call().then(
      () => undefined,
      (e: ErrorLike) => e,
    )) as ErrorLike | undefined;
    expect(error?.name).toBe("ApiError");
    expect(error).toMatchObject(expected);
    expect(error!.message.length).toBeGreaterThan(0);
    if (message) expect(error!.message).toMatch(message);
  });
}

/**
 * A loopback server for each test of a file, with the default handler: started before
 * the test, closed after it (a late request of a failed test finds no server).
 */
export function useTestServer(defaultHandler: Handler): () => TestServer {
  let server: TestServer | undefined;
  // One server per test: a late request of a test that failed or timed out reaches nobody else's.
  beforeEach(async () => {
    server = await startServer(defaultHandler);
  });
  afterEach(() => server?.close());
  return () => server!;
}

export const TEST_ACCESS_KEY = "HPUALEXAMPLEACCESSKEY";
export const TEST_SECRET_KEY = "sK9+example/SECRET/key0123456789abcdefgh";

/**
 * With AK/SK credentials the package's requests verify with Huawei's official
 * signer, and carry the expected signed X-Project-Id (or none).
 */
export function signedRequestSuite(
  server: () => TestServer,
  call: (credentials: { accessKey: string; secretKey: string; securityToken?: string }) => Promise<unknown>,
  expected: { projectId: string | undefined; body: unknown },
): void {
  it("signs with AK/SK so that Huawei's official signer verifies the request", async () => {
    await call({ accessKey: TEST_ACCESS_KEY, secretKey: TEST_SECRET_KEY });
    expect(server().requests).toHaveLength(1);
    const [sent] = server().requests;
    const verdict = verifyWithOfficialSigner(sent!, (key) => (key === TEST_ACCESS_KEY ? TEST_SECRET_KEY : undefined));
    expect(verdict).toMatchObject({ valid: true, accessKey: TEST_ACCESS_KEY });
    expect(verdict.signedHeaders).toEqual(
      expected.projectId ? ["content-type", "host", "x-project-id", "x-sdk-date"] : ["content-type", "host", "x-sdk-date"],
    );
    expect(sent!.headers["x-project-id"]).toBe(expected.projectId);
    expect(JSON.parse(sent!.body)).toEqual(expected.body);
  });

  it("signs temporary credentials with X-Security-Token", async () => {
    await call({ accessKey: TEST_ACCESS_KEY, secretKey: TEST_SECRET_KEY, securityToken: "gQpjbi1ub3J0aC00ExampleToken==" });
    const [sent] = server().requests;
    const verdict = verifyWithOfficialSigner(sent!, (key) => (key === TEST_ACCESS_KEY ? TEST_SECRET_KEY : undefined));
    expect(verdict.valid).toBe(true);
    expect(verdict.signedHeaders).toContain("x-security-token");
  });
}
