import { describe, expect, it } from 'vitest';
import { createRound } from '../../src/round/engine.js';
import { playRound, type PromptInfo, type TurnSource, type Woke } from '../../src/io/play.js';
import type { RoundClock } from '../../src/io/clock.js';
import { ctxOf, designScenario } from '../round/fixtures.js';

// The live prompt's side of the round loop: it wakes for a warning with the line being typed,
// gets the line back in the next prompt, and at time-up the unfinished line is the last turn.

describe('a live prompt woken by the clock', () => {
  it('warns while the candidate is idle, gives the draft back, and sends it at time-up', async () => {
    const ctx = ctxOf(designScenario);
    let now = 0;
    const clock: RoundClock = { now: () => now, beforeTurn: () => {} };
    const seen: PromptInfo[] = [];
    // the candidate types and never presses Enter; each prompt wakes when it is told to
    const source: TurnSource = {
      interactive: true,
      live: true,
      async next(info): Promise<Woke> {
        seen.push(info);
        now += info.wakeInMs!;
        return { woke: true, draft: `${info.draft ?? ''}word ` };
      },
    };
    const notices: string[] = [];
    const state = await playRound({
      ctx,
      state: createRound(ctx, { seed: 1, minutes: 5 }),
      source,
      clock,
      observe: (e) => {
        if (e.type === 'notice') notices.push(e.text);
      },
      help: '',
    });
    expect(seen.map((i) => i.wakeInMs)).toEqual([4 * 60_000, 60_000]);
    expect(seen[1]!.draft).toBe('word ');
    expect(state.transcript.filter((e) => e.ref === 'one-minute')).toHaveLength(1);
    expect(state.transcript.filter((e) => e.role === 'candidate').map((e) => e.text)).toEqual(['word word ']);
    expect(state.overReason).toBe('time');
    expect(notices[0]).toContain('> word word');
  });
});
