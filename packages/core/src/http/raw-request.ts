// What openapi-fetch builds for each `raw` call, in place of the runtime's Request:
// the pipeline only reads the URL, method, headers, body text and signal, and a
// full Request (a body stream, its own AbortController) costs more than the rest
// of the call. Bodies other than text (FormData, Blob, ...) are still encoded by a
// real Request, with the content type it chooses.

/**
 * A Request as far as `raw` calls and their middleware use one: `url`, `method`,
 * `headers`, `body`, `signal`, `text()`, `json()`, `clone()`.
 *
 * @example
 * const request = new RawRequest("https://api.example.com/v1/things", { method: "POST", body: "{}" });
 * await request.text(); // "{}"
 */
export class RawRequest {
  /** The absolute URL. */
  readonly url: string;
  /** The method, upper case. */
  readonly method: string;
  /** The headers. */
  readonly headers: Headers;
  /** The body as given. */
  readonly body: BodyInit | null;
  /** The caller's signal. */
  readonly signal: AbortSignal | undefined;

  constructor(input: string | URL, init: RequestInit = {}) {
    this.url = String(input);
    this.method = (init.method ?? "GET").toUpperCase();
    this.headers = new Headers(init.headers);
    this.body = init.body ?? null;
    this.signal = init.signal ?? undefined;
    // As Request refuses it.
    if (this.body !== null && (this.method === "GET" || this.method === "HEAD")) throw new TypeError("Request with GET/HEAD method cannot have body.");
  }

  /** The body as text (a form or a blob encoded as Request would, its content type set on `headers`). */
  async text(): Promise<string> {
    if (this.body === null) return "";
    if (typeof this.body === "string") return this.body;
    const encoded = new Request(this.url, { method: this.method, body: this.body, headers: this.headers });
    const type = encoded.headers.get("content-type");
    if (type) this.headers.set("content-type", type);
    return encoded.text();
  }

  /** The body parsed as JSON. */
  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  /** A copy (the body is not a stream, so both can be read). */
  clone(): RawRequest {
    return new RawRequest(this.url, { method: this.method, headers: this.headers, body: this.body, signal: this.signal });
  }
}
