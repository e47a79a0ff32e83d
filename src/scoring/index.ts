export { analyze, stemOf } from './analyze.js';
export {
  compileLexicon,
  compilePattern,
  findMatches,
  matchesAny,
  mergeLexicon,
  PatternError,
  type CompiledPattern,
  type Lexicon,
} from './pattern.js';
export {
  capAtWeak,
  capImagined,
  combine,
  compileRubric,
  hitBeats,
  levelFor,
  levelMostReach,
  roundScoring,
  scoreDoc,
  scoreText,
  signalsAnswered,
  type CompiledBeat,
  type CompiledRubric,
  type ScoreOptions,
} from './score.js';
export { inlineName, isSilent, overallLine } from './summary.js';
export type * from './types.js';
