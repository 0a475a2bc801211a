/** Where the emulator reads the time: snapshot refreshes, churn, UserSig expiry, rate limit. */
export interface EmulatorClock {
  /** Milliseconds since the Unix epoch. */
  now: () => number;
}

/** A clock that moves only when told to, for tests of snapshots and expiry. */
export interface ManualClock extends EmulatorClock {
  /** Moves the clock forward by `ms` milliseconds. */
  advance: (ms: number) => void;
  /** Sets the clock to `epochMs`. */
  set: (epochMs: number) => void;
}

export const systemClock: EmulatorClock = { now: () => Date.now() };

/** @param startMs the initial time in epoch milliseconds @default Date.now() */
export const createManualClock = (startMs: number = Date.now()): ManualClock => {
  let current = startMs;
  return {
    now: () => current,
    advance: (ms) => {
      if (!Number.isFinite(ms) || ms < 0)
        throw new RangeError('advance takes a non-negative number of milliseconds');
      current += ms;
    },
    set: (epochMs) => {
      current = epochMs;
    },
  };
};
