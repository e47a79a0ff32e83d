import { Worker } from 'node:worker_threads';
import { step, type RoundContext } from '../round/engine.js';
import type { RoundInput, RoundState, StepResult } from '../round/state.js';

// How the round loop plays a step. Short turns are scored in place; a turn whose phase text is
// long goes to a worker thread, so a signal is handled at once instead of after the scoring.

/** Plays one step; rejects with the signal's reason when `signal` aborts first. */
export type Stepper = (state: RoundState, input: RoundInput, now: number, signal?: AbortSignal) => StepResult | Promise<StepResult>;

/** Phase text (characters) above which a turn is scored off the main thread: about 100 ms of scoring. */
export const WORKER_CHARS = 50_000;

function phaseChars(state: RoundState, input: RoundInput): number {
  let n = input.type === 'turn' ? input.text.length : 0;
  for (const a of state.phase.answers) n += a.length;
  return n;
}

export function stepper(ctx: RoundContext): Stepper {
  return (state, input, now, signal) => {
    if (input.type !== 'turn' || phaseChars(state, input) < WORKER_CHARS) return step(ctx, state, input, now);
    return inWorker(ctx, state, input, now, signal);
  };
}

function inWorker(ctx: RoundContext, state: RoundState, input: RoundInput, now: number, signal?: AbortSignal): Promise<StepResult> {
  if (signal?.aborted) return Promise.reject(signal.reason as Error);
  const worker = new Worker(new URL('./step-worker.js', import.meta.url), { workerData: { scenario: ctx.scenario, rubric: ctx.rubric.spec } });
  return new Promise<StepResult>((resolve, reject) => {
    const done = () => {
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
    };
    const onAbort = () => {
      done();
      reject(signal!.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.once('message', (msg: { ok?: StepResult; error?: string }) => {
      done();
      if (msg.ok) resolve(msg.ok);
      else reject(new Error(msg.error ?? 'the scoring worker failed'));
    });
    worker.once('error', (err) => {
      done();
      reject(err);
    });
    worker.postMessage({ state, input, now });
  });
}
