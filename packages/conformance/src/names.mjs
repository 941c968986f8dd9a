// @ts-check
// Every workspace the conformance suite creates is named
// `ws-conformance-<YYYYMMDDhhmm>-<run><n>`: unique per run, recognisable by the
// sweep, and dated so that the sweep deletes only leftovers older than an hour.
// 32 characters at most (DataArts Fabric's limit); letters, digits and hyphens
// only (the narrowest name rule of the five services).

/** The prefix of every workspace the suite creates. */
export const CONFORMANCE_PREFIX = "ws-conformance-";

const STAMP = /^ws-conformance-(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})-[a-z0-9]+$/;

/**
 * The base name of one run (`ws-conformance-202612051321-k3f`); the suite appends a digit per workspace.
 * @param {Date} now
 * @param {() => number} [random]
 */
export function runName(now, random = Math.random) {
  const stamp = now.toISOString().slice(0, 16).replace(/[-:T]/g, "");
  const run = Math.floor(random() * 36 ** 3).toString(36).padStart(3, "0");
  return `${CONFORMANCE_PREFIX}${stamp}-${run}`;
}

/**
 * When a suite workspace was named, or undefined for any other name.
 * @param {unknown} name
 * @returns {Date | undefined}
 */
export function createdAt(name) {
  const m = typeof name === "string" ? STAMP.exec(name) : null;
  if (!m) return undefined;
  const [year, month, day, hour, minute] = m.slice(1).map(Number);
  return new Date(Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute)));
}

/**
 * Whether the sweep deletes this workspace: a suite name older than `maxAgeInMs` at `now`.
 * @param {unknown} name
 * @param {Date} now
 * @param {number} [maxAgeInMs]
 */
export function isLeftover(name, now, maxAgeInMs = 60 * 60_000) {
  const at = createdAt(name);
  return at !== undefined && now.getTime() - at.getTime() > maxAgeInMs;
}
