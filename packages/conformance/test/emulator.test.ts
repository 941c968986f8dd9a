// The conformance suite against the emulator, one test per operation and
// provider: it proves the emulator and the SDK agree, step by step, on the same
// lifecycle that `pnpm test:live` runs against the real services.
import { startEmulator, type Emulator } from "@ws/emulator";
import { afterAll, beforeAll, describe, it } from "vitest";
import { conformanceRun, Skip } from "../src/suite.mjs";
import { PROVIDERS, TARGETS } from "../src/targets.mjs";

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ accounts: [{ quota: 50 }], transitionDelayInMs: 0 });
});
afterAll(() => emu?.close());

const fast = { retryDelayInMs: 1, maxRetryDelayInMs: 5 };

describe.each(PROVIDERS)("%s conformance against the emulator", (provider) => {
  const target = TARGETS[provider];
  let run: ReturnType<typeof conformanceRun>;
  const steps = () => run.steps;
  beforeAll(() => {
    const options = { ...emu.clientOptions[provider], ...fast };
    run = conformanceRun(target, {
      client: target.client(options),
      clientWithKey: (apiKey) => target.client({ ...options, apiKey }),
      live: false,
      wait: { maxWaitInMs: 30_000, minDelayInMs: 1, maxDelayInMs: 5 },
    });
  });
  afterAll(async () => {
    const problems = await run.cleanup();
    if (problems.length > 0) throw new Error(`left behind: ${problems.join("; ")}`);
  });

  // The steps are the same list for every run of a provider; names from a dry instance.
  const names = conformanceRun(target, { client: undefined, live: false, wait: { maxWaitInMs: 1 } }).steps.map((s) => s.operation);
  names.forEach((name, index) => {
    it(name, async (context) => {
      try {
        await steps()[index]!.run();
      } catch (error) {
        if (error instanceof Skip) return context.skip(error.message);
        throw error;
      }
    });
  });
});
