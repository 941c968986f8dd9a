// What a `raw` call hands openapi-fetch: a real Response (instanceof Response, its
// status and headers), made without a body stream. The pipeline has read the answer
// already; a stream built around that text only to be read again costs more than the
// rest of the call (~25 µs a call in Node 20). The text is kept: text() and json()
// read it directly; the stream and the other readers are made only when asked for.
// The class is defined at the first raw answer: naming the global Response at import
// would load Node's fetch implementation (undici, ~28 ms) with the SDK.

/**
 * A Response over an answer already read: `text()` and `json()` read the kept text;
 * `body`, `arrayBuffer()`, `blob()`, `formData()` and `clone()` work as on any Response.
 * `text` is the whole body (`null`: none, as for a 204).
 *
 * @example
 * const response = rawResponse('{"id":"1"}', { status: 200, headers: { "content-type": "application/json" } });
 * await response.json(); // { id: "1" }
 */
export function rawResponse(text: string | null, init: ResponseInit): Response {
  RawResponse ??= defineRawResponse();
  return new RawResponse(text, init);
}

let RawResponse: (new (text: string | null, init: ResponseInit) => Response) | undefined;

const defineRawResponse = () => class RawResponse extends Response {
  readonly #text: string | null;
  #used = false;
  /** A Response with a real body stream, once something other than text() or json() is asked for. */
  #full: Response | undefined;

  constructor(text: string | null, init: ResponseInit) {
    super(null, init);
    this.#text = text;
  }

  override get body(): Response["body"] {
    return this.#streamed().body;
  }

  override get bodyUsed(): boolean {
    return this.#full ? this.#full.bodyUsed : this.#used;
  }

  override async text(): Promise<string> {
    return this.#full ? this.#full.text() : this.#take();
  }

  override async json(): Promise<unknown> {
    return this.#full ? this.#full.json() : JSON.parse(this.#take());
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    return this.#streamed().arrayBuffer();
  }

  override blob(): Promise<Blob> {
    return this.#streamed().blob();
  }

  override formData(): Promise<FormData> {
    return this.#streamed().formData();
  }

  override clone(): Response {
    if (this.bodyUsed) throw new TypeError("Response.clone: the body has already been read.");
    return this.#full ? this.#full.clone() : rawResponse(this.#text, this.#init());
  }

  #take(): string {
    if (this.#used) throw new TypeError("Body is unusable: the body has already been read.");
    this.#used = true;
    return this.#text ?? "";
  }

  #init(): ResponseInit {
    return { status: this.status, statusText: this.statusText, headers: this.headers };
  }

  #streamed(): Response {
    if (!this.#full) {
      const used = this.#used;
      this.#full = new Response(this.#text, this.#init());
      // Already read through text() or json(): the stream is spent too.
      if (used) void this.#full.text();
    }
    return this.#full;
  }
};
