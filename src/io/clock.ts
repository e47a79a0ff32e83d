// Wall clocks for the round loop. The engine never reads time itself: the loop asks one of these.

export interface RoundClock {
  now(): number;
  /** Called before each candidate turn is played; a simulated clock moves on here. */
  beforeTurn(): void;
}

/** The wall clock; given `from`, it reads `from` now and runs on from there (a resumed round). */
export function realClock(from?: number): RoundClock {
  if (from === undefined) return { now: () => Date.now(), beforeTurn: () => {} };
  const offset = from - Date.now();
  return { now: () => Date.now() + offset, beforeTurn: () => {} };
}

/** Scripted play: each turn takes `stepMs` of simulated wall time, so a run is deterministic. */
export function simulatedClock(stepMs = 90_000, start = 0): RoundClock {
  let t = start;
  return {
    now: () => t,
    beforeTurn: () => {
      t += stepMs;
    },
  };
}
