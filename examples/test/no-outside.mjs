// Loaded with `node --import` into every README block the tests run: a request to
// anything but this machine fails at once, so a block that would reach a real
// service fails its test instead of sending a packet.
const realFetch = globalThis.fetch;
const LOCAL = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);
globalThis.fetch = (input, init) => {
  const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url);
  if (!LOCAL.has(url.hostname)) return Promise.reject(new Error(`README test: ${url.host} is not on this machine; nothing was sent`));
  return realFetch(input, init);
};
