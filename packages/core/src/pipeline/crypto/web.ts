// The portable hashing (browsers, workers, Deno, Bun): WebCrypto. Asynchronous,
// and slower than node:crypto in Node, which is why Node gets crypto/node.ts.
const encoder = new TextEncoder();

function hex(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let out = "";
  for (let i = 0; i < bytes.length; i++) out += bytes[i]!.toString(16).padStart(2, "0");
  return out;
}

export async function sha256Hex(data: string): Promise<string> {
  return hex(await crypto.subtle.digest("SHA-256", encoder.encode(data)));
}

/** An HMAC-SHA256 signer for one key, made once per credential; the key is imported once, on first use. */
export function hmacSha256(key: string): (data: string) => Promise<string> {
  let imported: Promise<CryptoKey> | undefined;
  return async (data) => {
    imported ??= crypto.subtle.importKey("raw", encoder.encode(key), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    return hex(await crypto.subtle.sign("HMAC", await imported, encoder.encode(data)));
  };
}
