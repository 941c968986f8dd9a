#!/usr/bin/env node
// @ts-check
// `pnpm test:live`: the conformance suite against the real services. It refuses to
// run without the explicit opt-in WS_LIVE=1, since it creates (and deletes)
// workspaces on the account the usual credential chain finds:
//   Huawei (RES, DataArts Insight, ModelArts, DataArts Fabric): HUAWEICLOUD_SDK_AK /
//   _SK (or ~/.huaweicloud/credentials, or the ECS metadata service) and
//   HUAWEICLOUD_SDK_REGION; Insight also WS_LIVE_INSIGHT_INSTANCE_ID.
//   TrueWatch: TRUEWATCH_API_KEY and TRUEWATCH_SITE (or TRUEWATCH_ENDPOINT).
// WS_LIVE_PROVIDERS=modelarts,fabric limits the run. `--sweep` deletes the suite's
// leftovers (ws-conformance-* older than an hour) instead of running it.
// `--check-opt-in` only checks the opt-in (exit 0 or 2).

/** @param {Record<string, string | undefined>} env */
export function optInRefusal(env) {
  if (env.WS_LIVE === "1") return undefined;
  return [
    "pnpm test:live runs the conformance suite against the real services: it creates and deletes",
    "workspaces (named ws-conformance-<date>-<random>) on your account. It runs only with WS_LIVE=1,",
    "plus the usual credentials and region (see CONTRIBUTING.md, \"Live conformance run\").",
  ].join("\n");
}

/**
 * Which providers to run and the options of each one's client, from the environment.
 * @param {Record<string, string | undefined>} env
 * @returns {Array<{ provider: import("./targets.mjs").Target["provider"], options?: Record<string, unknown>, skip?: string }>}
 */
export function livePlan(env) {
  const wanted = (env.WS_LIVE_PROVIDERS ?? "res,insight,modelarts,fabric,truewatch").split(",").map((p) => p.trim()).filter(Boolean);
  return wanted.map((provider) => {
    if (!["res", "insight", "modelarts", "fabric", "truewatch"].includes(provider)) return { provider: /** @type {any} */ (provider), skip: "unknown provider" };
    const p = /** @type {import("./targets.mjs").Target["provider"]} */ (provider);
    if (p === "insight") {
      if (!env.WS_LIVE_INSIGHT_INSTANCE_ID) return { provider: p, skip: "WS_LIVE_INSIGHT_INSTANCE_ID is not set (a DataArts Insight instance is needed)" };
      return { provider: p, options: { instanceId: env.WS_LIVE_INSIGHT_INSTANCE_ID } };
    }
    if (p === "truewatch") {
      if (!env.TRUEWATCH_API_KEY) return { provider: p, skip: "TRUEWATCH_API_KEY is not set" };
      if (!env.TRUEWATCH_SITE && !env.TRUEWATCH_ENDPOINT) return { provider: p, skip: "neither TRUEWATCH_SITE nor TRUEWATCH_ENDPOINT is set" };
      return { provider: p, options: { site: env.TRUEWATCH_SITE } };
    }
    return { provider: p, options: {} };
  });
}

async function main() {
  const args = process.argv.slice(2);
  const refusal = optInRefusal(process.env);
  if (refusal) {
    console.error(refusal);
    process.exitCode = 2;
    return;
  }
  if (args.includes("--check-opt-in")) return;
  // Imported only now: the packages must be built (pnpm test:live builds them first).
  const { TARGETS } = await import("./targets.mjs");
  const { runConformance, table } = await import("./suite.mjs");
  const { sweep } = await import("./sweep.mjs");
  /** @type {import("./suite.mjs").Row[]} */
  const rows = [];
  for (const { provider, options, skip } of livePlan(process.env)) {
    if (skip) {
      rows.push({ provider, operation: "(all)", result: "skipped", note: skip, ms: 0 });
      continue;
    }
    const target = TARGETS[provider];
    const client = target.client({ maxRetries: 4, ...options });
    if (args.includes("--sweep")) {
      for (const line of await sweep(target, client, new Date())) console.log(line);
      continue;
    }
    rows.push(
      ...(await runConformance(target, {
        client,
        clientWithKey: (apiKey) => target.client({ ...options, apiKey }),
        live: true,
        wait: { maxWaitInMs: 10 * 60_000 },
        settleTries: 12,
        pause: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      })),
    );
  }
  if (args.includes("--sweep")) return;
  console.log(table(rows));
  if (rows.some((r) => r.result === "failed")) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
