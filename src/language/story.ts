import { readClauses, type Clause } from './clauses.js';
import { FAILURE_WORDS, LAUNCH_WORDS, OUTAGE_WORDS, PRESUPPOSE_DECISION, SUCCESS_WORDS, wordSet, type WordList } from './words.js';

// What a stretch of answers amounts to: the story's shape, whether it made a call, and whether
// it already answers an either-or question.

export interface StoryShape {
  kind: 'outage' | 'launch' | 'unknown';
  outcome: 'success' | 'failure' | 'unknown';
}

const words = (text: string): string[] => readClauses(text).flatMap((c) => c.words.map((w) => w.norm));

function count(norms: readonly string[], l: WordList): number {
  const joined = ` ${norms.join(' ')} `;
  return l.words.filter((w) => joined.includes(` ${w} `)).length;
}

/** Outage or launch, success or failure, by the words the story leans on (ties are unknown). */
export function storyShape(text: string): StoryShape {
  const norms = words(text);
  const outage = count(norms, OUTAGE_WORDS);
  const launch = count(norms, LAUNCH_WORDS);
  const failure = count(norms, FAILURE_WORDS);
  const success = count(norms, SUCCESS_WORDS);
  return {
    kind: outage > launch ? 'outage' : launch > outage ? 'launch' : 'unknown',
    outcome: failure > success ? 'failure' : success > failure ? 'success' : 'unknown',
  };
}

/** Whether a clause makes a call: an act decided (done, refused or ruled out), or an option judged. */
function decides(c: Clause): boolean {
  if (c.mood === 'act') return c.modality === 'planned' || c.modality === 'would' || c.modality === 'did';
  return c.polarity === 'argued-against';
}

/** Whether a text makes a call ("I'll rate limit", "I won't fail open", "scaling out wouldn't help"). */
export function makesDecision(text: string): boolean {
  return readClauses(text).some(decides);
}

/** Whether a question takes for granted that a call was just made ("what was the trade-off there?"). */
export function presupposesDecision(question: string): boolean {
  const norms = ` ${words(question).join(' ')} `;
  return PRESUPPOSE_DECISION.words.some((p) => norms.includes(` ${words(p).join(' ')} `));
}

const QUESTION_LEAD = wordSet('questionLead');

/**
 * The options of an either-or question ("Token bucket or sliding window?" gives [token bucket],
 * [sliding window]); none when the question is not one.
 */
export function alternatives(question: string): string[][] {
  const first = question.split(/\?/)[0] ?? '';
  const parts = first.split(/\s+or\s+/i);
  if (parts.length !== 2) return [];
  const left = words(parts[0]!).filter((w) => !QUESTION_LEAD.has(w)).slice(-2);
  const right = words(parts[1]!).slice(0, 2);
  return left.length > 0 && right.length > 0 ? [left, right] : [];
}

/** Whether the answers already name one of an either-or question's options. */
export function answersAlternatives(question: string, answers: string): boolean {
  const options = alternatives(question);
  if (options.length === 0) return false;
  const said = ` ${words(answers).join(' ')} `;
  return options.some((o) => said.includes(` ${o.join(' ')} `));
}
