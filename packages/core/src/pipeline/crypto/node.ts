// The `node` export condition's hashing: node:crypto, synchronous, the fast path.
// node:crypto (with the streams it pulls in) is a quarter of the SDK's import time, and
// a client on a token never signs: it is loaded at the first hash, not at import.
import { createRequire } from "node:module";

type NodeCrypto = typeof import("node:crypto");
/** One-shot hashing (Node >= 20.12) skips a Hash object per call; older Nodes use createHash. */
type OneShot = (algorithm: string, data: string | Buffer, encoding: "hex" | "buffer") => string | Buffer;

let loaded: NodeCrypto | undefined;
function nodeCrypto(): NodeCrypto {
  if (loaded) return loaded;
  // getBuiltinModule: Node >= 20.16, Deno, Bun. Before it, a require made anywhere (a
  // builtin resolves the same from every path; the Node binary's is always absolute).
  loaded = (process.getBuiltinModule?.("node:crypto") ?? createRequire(process.execPath)("node:crypto")) as NodeCrypto;
  return loaded;
}

let sha256: ((data: string) => string) | undefined;

export function sha256Hex(data: string): string {
  if (!sha256) {
    const crypto = nodeCrypto();
    const oneShot = (crypto as { hash?: OneShot }).hash;
    sha256 = oneShot ? (text) => oneShot("sha256", text, "hex") as string : (text) => crypto.createHash("sha256").update(text, "utf8").digest("hex");
  }
  return sha256(data);
}

const ascii = /^[\x00-\x7f]*$/;

/**
 * An HMAC-SHA256 signer for one key, made once per credential (the key is prepared once).
 * Where one-shot hashing exists, HMAC is computed as RFC 2104 defines it, from two such
 * hashes over the padded key: faster than an Hmac object per signature. The padded key
 * goes in as text before the data, and the text is hashed as UTF-8: exact when the padded
 * key is ASCII (its UTF-8 is its bytes; the data's UTF-8 is what createHmac would hash);
 * any other key takes createHmac.
 */
export function hmacSha256(key: string): (data: string) => string {
  const crypto = nodeCrypto();
  const secret = crypto.createSecretKey(Buffer.from(key, "utf8"));
  const withHmac = (data: string) => crypto.createHmac("sha256", secret).update(data, "utf8").digest("hex");
  let block = Buffer.from(key, "utf8");
  if (block.length > 64) block = crypto.createHash("sha256").update(block).digest();
  const padded = (byte: number) => Buffer.from(Array.from({ length: 64 }, (_, i) => (block[i] ?? 0) ^ byte));
  const innerKey = padded(0x36).toString("latin1");
  const hash = (crypto as { hash?: OneShot }).hash;
  if (!hash || !ascii.test(innerKey)) return withHmac;
  const outer = Buffer.alloc(96);
  padded(0x5c).copy(outer, 0);
  return (data) => {
    (hash("sha256", innerKey + data, "buffer") as Buffer).copy(outer, 64);
    return hash("sha256", outer, "hex") as string;
  };
}
