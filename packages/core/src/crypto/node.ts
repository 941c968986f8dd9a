// The `node` export condition's hashing: node:crypto, synchronous, the fast path.
import * as nodeCrypto from "node:crypto";

// One-shot hashing (Node >= 20.12) skips a Hash object per call; older Nodes use createHash.
const oneShot = (nodeCrypto as { hash?: (algorithm: string, data: string, encoding: "hex") => string }).hash;

export function sha256Hex(data: string): string {
  return oneShot ? oneShot("sha256", data, "hex") : nodeCrypto.createHash("sha256").update(data, "utf8").digest("hex");
}

/** An HMAC-SHA256 signer for one key, made once per credential (the key object is prepared once). */
export function hmacSha256(key: string): (data: string) => string {
  const secret = nodeCrypto.createSecretKey(Buffer.from(key, "utf8"));
  return (data) => nodeCrypto.createHmac("sha256", secret).update(data, "utf8").digest("hex");
}
