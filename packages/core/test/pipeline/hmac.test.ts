// The node build's HMAC-SHA256 (two one-shot hashes over the padded key, RFC 2104) is
// node:crypto's createHmac for every kind of key and message: short, exactly one block,
// longer than a block (hashed first), a non-ASCII key (which takes createHmac), non-ASCII
// messages (hashed as UTF-8 after the ASCII padded key), a lone surrogate.
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hmacSha256 } from "../../src/pipeline/crypto/node.js";

const keys = ["k", "sK9+example/SECRET/key0123456789abcdefgh", "x".repeat(64), "y".repeat(65), "z".repeat(200), "clé-secrète", "密钥"];
const messages = ["", "SDK-HMAC-SHA256\n20261205T120000Z\n" + "ab".repeat(32), "données", "\u0000\u007f", "a".repeat(1000), "😀", "lone \ud800 surrogate"];

describe("hmacSha256 (node)", () => {
  it("equals createHmac for every key and message", () => {
    for (const key of keys) {
      const mac = hmacSha256(key);
      for (const message of messages) {
        expect(mac(message), `${key} / ${message}`).toBe(createHmac("sha256", Buffer.from(key, "utf8")).update(message, "utf8").digest("hex"));
      }
    }
  });

  it("gives the same answer when called again (no state left between calls)", () => {
    const mac = hmacSha256("sK9+example/SECRET/key0123456789abcdefgh");
    expect(mac("one")).toBe(mac("one"));
    expect(mac("one")).not.toBe(mac("two"));
  });
});
