import type { PatternSpec } from '../rubric/types.js';
import { compileLexicon, compilePattern, mergeLexicon, type Lexicon } from '../scoring/pattern.js';
import { didYouMean } from './suggest.js';
import { analyze } from '../scoring/analyze.js';

const CONCEPT_REF = /\{([^{}]*)\}/g;

/** The text of a pattern, whichever form it is written in. */
export function patternText(spec: PatternSpec): string {
  return typeof spec === 'string' ? spec : spec.match;
}

/**
 * What is wrong with one pattern, or undefined. Concept references are checked first so the
 * message can suggest a near concept; the rest is the scorer's own compiler speaking.
 */
export function patternProblem(spec: PatternSpec, lexicon: Lexicon): string | undefined {
  const text = patternText(spec);
  // the pattern's own words, then its partner's and what takes it back, each named as such
  const parts: [string, string][] = [[text, `pattern "${text}"`]];
  if (typeof spec !== 'string' && spec.with !== undefined) parts.push([patternText(spec.with), `the partner (with) of pattern "${text}"`]);
  if (typeof spec !== 'string' && spec.unless !== undefined) parts.push([spec.unless, `what takes back (unless) pattern "${text}"`]);
  for (const [words, where] of parts) {
    for (const m of words.matchAll(CONCEPT_REF)) {
      const name = m[1]!.trim();
      if (!lexicon.has(name)) return `unknown concept "{${name}}" in ${where}${didYouMean(name, lexicon.keys())}`;
    }
  }
  try {
    compilePattern(spec, lexicon);
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

/** A concept phrase the pattern compiler refuses, as a message, or undefined. */
export function conceptPhraseProblem(name: string, phrase: string): string | undefined {
  try {
    compileLexicon({ [name]: [phrase] });
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

/**
 * The phrases of one concept that hold a negation, by index, each with its message. A negation
 * inside a concept phrase negates the words after it, and a negated word never matches: only a
 * pattern's own words can spell out a negation ("no data loss"). The phrases are read the way the
 * scorer reads them, all in one text, each its own paragraph so no negation reaches the next.
 */
export function negatedPhraseProblems(name: string, phrases: readonly string[]): Map<number, string> {
  const starts: number[] = [];
  let text = '';
  for (const phrase of phrases) {
    starts.push(text.length);
    text += `${phrase.replace(/-/g, ' ')}\n\n`;
  }
  const out = new Map<number, string>();
  const tokens = analyze(text).tokens;
  tokens.forEach((t, k) => {
    if (!t.negated) return;
    let i = starts.length - 1;
    while (i > 0 && starts[i]! > t.start) i--;
    if (out.has(i)) return;
    const trigger = tokens.slice(0, k).filter((x) => x.start >= starts[i]!).map((x) => x.norm).join(' ');
    out.set(i, `concept {${name}}: the phrase "${phrases[i]}" holds a negation (after "${trigger}" the words read as negated), so it never matches; write it in a pattern instead`);
  });
  return out;
}

/** The concepts that compile, over a base lexicon; broken phrases are reported separately. */
export function lexiconOf(concepts: Record<string, string[]> | undefined, base?: Lexicon): Lexicon {
  const usable: Record<string, string[]> = {};
  for (const [name, phrases] of Object.entries(concepts ?? {})) {
    usable[name] = phrases.filter((p) => conceptPhraseProblem(name, p) === undefined);
  }
  return base ? mergeLexicon(base, usable) : compileLexicon(usable);
}
