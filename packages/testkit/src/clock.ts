// Time that passes only when a test says so. The emulator (`startEmulator({ clock })`)
// and the fake services read it for transitions and lifetimes, so a workspace leaves
// CREATING, or a key expires, at a step of the test, however loaded the machine is.

/** A clock for waiters and deadlines that moves only when something sleeps on it (by that long), recording each sleep. */
export interface FakeClock {
  /** The clock's time, from 0. */
  time: number;
  /** Each sleep, in order. */
  sleeps: number[];
  now(): number;
  sleep(ms: number, signal: AbortSignal | undefined, aborted: () => Error): Promise<void>;
}

export function fakeClock(): FakeClock {
  const clock: FakeClock = {
    time: 0,
    sleeps: [],
    now: () => clock.time,
    async sleep(ms, signal, aborted) {
      if (signal?.aborted) throw aborted();
      clock.sleeps.push(ms);
      clock.time += ms;
    },
  };
  return clock;
}

/** A clock standing at `start` (default: now) until `advance` moves it. */
export interface ManualClock {
  (): number;
  /** Moves the clock forward by `ms`. */
  advance(ms: number): void;
}

export function manualClock(start = Date.now()): ManualClock {
  let time = start;
  return Object.assign(() => time, {
    advance(ms: number) {
      time += ms;
    },
  });
}
