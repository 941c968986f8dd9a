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
