// Wall clocks for the round loop. The engine never reads time itself: the loop asks one of these.

export interface RoundClock {
  now(): number;
  /** Called before each candidate turn is played; a simulated clock moves on here. */
  beforeTurn(): void;
}

export function realClock(): RoundClock {
  return { now: () => Date.now(), beforeTurn: () => {} };
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
