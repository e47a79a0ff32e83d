export { createRound, parseInput, prepareRound, step, type RoundContext, type RoundOptions } from './engine.js';
export { finishRound, type FinishOptions, type RoundResult, type ScenarioSummary } from './finish.js';
export { evaluateChecks } from './path.js';
export { formatClock, formatDuration } from './simclock.js';
export * from './state.js';
export type { TranscriptEntry } from './transcript.js';
