// The scorer functions the round engine uses, imported in one place so the engine reads
// against a small surface.
export { analyze, compilePattern, findMatches, mergeLexicon, hitBeats, scoreDoc, signalsAnswered } from '../scoring/index.js';
export type { CompiledRubric, CompiledPattern, Lexicon } from '../scoring/index.js';
