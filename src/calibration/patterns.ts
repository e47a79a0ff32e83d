import { findMatches, type CompiledRubric } from '../scoring/index.js';
import type { Doc } from '../scoring/types.js';
import { conceptPhrases, type RubricSpec } from '../rubric/types.js';

// How the rubric's patterns meet the corpus: which pattern matches only one text (a phrasing
// recorded from a story, not a behaviour), and which rubric phrase could only have come from a
// sealed text.

export interface PatternUse {
  /** "signal/beat", "signal/red-flag" or "story/beat". */
  owner: string;
  source: string;
  /** Ids of the texts it matches (a negated match counts only for a pattern that asks for negation). */
  texts: string[];
}

/** Every beat and red-flag pattern, with the texts it matches. */
export function patternUse(rubric: CompiledRubric, docs: readonly { id: string; doc: Doc }[]): PatternUse[] {
  const owners: { owner: string; patterns: CompiledRubric['story'][number]['patterns'] }[] = [
    ...rubric.story.map((b) => ({ owner: b.ref, patterns: b.patterns })),
    ...rubric.signals.flatMap((s) => [
      ...s.beats.map((b) => ({ owner: b.ref, patterns: b.patterns })),
      ...s.flags.map((f) => ({ owner: `${s.spec.id}/${f.id}`, patterns: f.patterns })),
    ]),
  ];
  const out: PatternUse[] = [];
  for (const { owner, patterns } of owners) {
    for (const p of patterns) {
      const texts: string[] = [];
      for (const { id, doc } of docs) {
        if (findMatches(doc, p).some((m) => !m.negated || p.negated)) texts.push(id);
      }
      out.push({ owner, source: p.source, texts });
    }
  }
  return out;
}

const LITERAL = /^[a-z0-9']+(?:-[a-z0-9']+)*$/;

/** Lower-cased words of a text, for verbatim phrase look-ups. */
export function wordsOf(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .split(/[^a-z0-9']+/)
    .filter(Boolean)
    .join(' ')} `;
}

/**
 * The rubric's literal phrases of three or more words: runs of plain words in a pattern (no
 * alternatives, wildcards, concepts or classes) and concept phrases made only of plain words.
 */
export function rubricPhrases(spec: RubricSpec): string[] {
  const found = new Set<string>();
  const take = (source: string): void => {
    let run: string[] = [];
    const flush = (): void => {
      if (run.length >= 3) found.add(run.join(' '));
      run = [];
    };
    for (const term of source.trim().split(/\s+/)) {
      if (LITERAL.test(term)) run.push(...term.split('-'));
      else flush();
    }
    flush();
  };
  for (const phrases of Object.values(conceptPhrases(spec.concepts))) for (const p of phrases) take(p);
  const sources = [
    ...(spec.storyBeats ?? []).flatMap((b) => b.patterns),
    ...spec.signals.flatMap((s) => [...s.beats.flatMap((b) => b.patterns), ...(s.redFlags ?? []).flatMap((f) => f.patterns)]),
  ];
  for (const p of sources) {
    take(typeof p === 'string' ? p : p.match);
    if (typeof p !== 'string' && p.with !== undefined) take(typeof p.with === 'string' ? p.with : p.with.match);
    if (typeof p !== 'string' && p.unless !== undefined) take(p.unless);
  }
  return [...found].sort();
}

/** Phrases found verbatim in some sealed text and in no open one: copied from the test fold. */
export function leakedPhrases(phrases: readonly string[], open: readonly string[], sealed: readonly string[]): string[] {
  const openWords = open.map(wordsOf);
  const sealedWords = sealed.map(wordsOf);
  return phrases.filter((p) => {
    const needle = ` ${p} `;
    return sealedWords.some((w) => w.includes(needle)) && !openWords.some((w) => w.includes(needle));
  });
}
