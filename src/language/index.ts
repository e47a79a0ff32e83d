// Reading language, shared by the scorer and the round engine: clauses and their frames, and
// a clause read as an action.
export { clauseAt, performs, readClauses } from './clauses.js';
export type { Agent, Clause, Modality, Mood, Polarity, ReadOptions, Word } from './clauses.js';
export { baseVerb, comesFirst, readAction, readValue } from './actions.js';
export type { ActionReading, ActionValue } from './actions.js';
export { ACTION_CLASSES, NOT_OBJECT, VALUE_UNITS, WORDS } from './words.js';
export type { ActionClass, ValueUnitId, WordList, WordListId } from './words.js';
export { isFramedList } from './recital.js';
export { ownsUp, pushedBackAt, stanceAt, tellsLesson } from './stance.js';
export type { Stance, StanceOptions } from './stance.js';
export { alternatives, answersAlternatives, makesDecision, presupposesDecision, storyShape } from './story.js';
export type { StoryShape } from './story.js';
export { projectTimeAt } from './time.js';
export type { ProjectTime } from './time.js';
