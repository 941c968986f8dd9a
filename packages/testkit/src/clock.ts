// Time that passes only when a test says so. The emulator (`startEmulator({ clock })`)
// and the fake services read it for transitions and lifetimes, so a workspace leaves
// CREATING, or a key expires, at a step of the test, however loaded the machine is.

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
