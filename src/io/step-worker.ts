import { parentPort, workerData } from 'node:worker_threads';
import { prepareRound, step } from '../round/engine.js';
import type { RoundInput, RoundState } from '../round/state.js';
import type { RubricSpec } from '../rubric/types.js';
import type { Scenario } from '../scenario/types.js';
import { compileRubric } from '../scoring/index.js';

// Plays one engine step off the main thread, so the round's Ctrl-C is heard while a long answer
// is scored. The same pure step as on the main thread: the result is identical.

const { scenario, rubric } = workerData as { scenario: Scenario; rubric: RubricSpec };
const ctx = prepareRound(scenario, compileRubric(rubric));

parentPort!.on('message', (msg: { state: RoundState; input: RoundInput; now: number }) => {
  try {
    parentPort!.postMessage({ ok: step(ctx, msg.state, msg.input, msg.now) });
  } catch (err) {
    parentPort!.postMessage({ error: (err as Error).message ?? String(err) });
  }
});
