// The `node` export condition's hashing: node:crypto, synchronous, the fast path.
import * as nodeCrypto from "node:crypto";

// One-shot hashing (Node >= 20.12) skips a Hash object per call; older Nodes use createHash.
const oneShot = (nodeCrypto as { hash?: (algorithm: string, data: string | Buffer, encoding: "hex" | "buffer") => string | Buffer }).hash;

export function sha256Hex(data: string): string {
  return oneShot ? (oneShot("sha256", data, "hex") as string) : nodeCrypto.createHash("sha256").update(data, "utf8").digest("hex");
}

const ascii = /^[\x00-\x7f]*$/;

/**
 * An HMAC-SHA256 signer for one key, made once per credential (the key is prepared once).
 * Where one-shot hashing exists, HMAC is computed as RFC 2104 defines it, from two such
 * hashes over the padded key: faster than an Hmac object per signature. The padded key
 * goes in as text with the data, which is exact only for ASCII: anything else takes createHmac.
 */
export function hmacSha256(key: string): (data: string) => string {
  const secret = nodeCrypto.createSecretKey(Buffer.from(key, "utf8"));
  const withHmac = (data: string) => nodeCrypto.createHmac("sha256", secret).update(data, "utf8").digest("hex");
  let block = Buffer.from(key, "utf8");
  if (block.length > 64) block = nodeCrypto.createHash("sha256").update(block).digest();
  const padded = (byte: number) => Buffer.from(Array.from({ length: 64 }, (_, i) => (block[i] ?? 0) ^ byte));
  const innerKey = padded(0x36).toString("latin1");
  if (!oneShot || !ascii.test(innerKey)) return withHmac;
  const hash = oneShot;
  const outer = Buffer.alloc(96);
  padded(0x5c).copy(outer, 0);
  return (data) => {
    if (!ascii.test(data)) return withHmac(data);
    (hash("sha256", innerKey + data, "buffer") as Buffer).copy(outer, 64);
    return hash("sha256", outer, "hex") as string;
  };
}
