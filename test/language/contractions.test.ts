import { describe, expect, it } from 'vitest';
import { expandContraction, perfectForD } from '../../src/language/contractions.js';
import { STANCE_CONTRACTIONS, STORY_CONTRACTIONS, wordSet } from '../../src/language/words.js';

const rules = { participles: wordSet('pastParticiples'), adverbs: wordSet('perfectAdverbs') };

/** Words of a short text as the stance reader's contractions read them, with "'d" settled. */
function read(text: string): string[] {
  const norms: string[] = [];
  const fromD: boolean[] = [];
  for (const w of text.split(' ')) {
    for (const n of expandContraction(w, STANCE_CONTRACTIONS)) norms.push(n);
    if (/'d$/i.test(w)) fromD[norms.length - 1] = true;
  }
  perfectForD(norms, fromD, rules);
  return norms;
}

/** [text, its words] */
const CASES: [string, string][] = [
  ["I'd been awake for a day", 'i had been awake for a day'],
  ["we'd already rolled it back", 'we had already rolled it back'],
  ["I'd page the owner first", 'i would page the owner first'],
  ["I'd need a minute", 'i would need a minute'],
  ["we'd agreed a number", 'we had agreed a number'],
  ["that's the fix", 'that is the fix'],
  ["it's tempting", 'it is tempting'],
  ["the team's runbook", 'the team runbook'],
  ["we'd", 'we would'],
];

describe('contractions', () => {
  it.each(CASES)('%s', (text, expected) => {
    expect(read(text).join(' ')).toBe(expected);
  });

  it('the scorer keeps its own reading of "that\'s"', () => {
    expect(expandContraction("that's", STORY_CONTRACTIONS)).toEqual(['that']);
  });
});
