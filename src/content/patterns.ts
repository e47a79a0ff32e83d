import type { PatternSpec } from '../rubric/types.js';
import { didYouMean } from './suggest.js';

const CONCEPT_REF = /\{([^{}]*)\}/g;

/** The text of a pattern, whichever form it is written in. */
export function patternText(spec: PatternSpec): string {
  return typeof spec === 'string' ? spec : spec.match;
}

/**
 * What is wrong with one pattern, or undefined. Concept references are checked here so the
 * message can name the concept and suggest a near one.
 */
export function patternProblem(spec: PatternSpec, concepts: ReadonlySet<string>): string | undefined {
  const text = patternText(spec);
  const unknown: string[] = [];
  for (const m of text.matchAll(CONCEPT_REF)) {
    const name = m[1]!.trim();
    if (!concepts.has(name)) unknown.push(name);
  }
  if (unknown.length > 0) {
    const name = unknown[0]!;
    return `unknown concept "{${name}}" in pattern "${text}"${didYouMean(name, concepts)}`;
  }
  const opens = (text.match(/\{/g) ?? []).length;
  const closes = (text.match(/\}/g) ?? []).length;
  if (opens !== closes) return `unbalanced braces in pattern "${text}"`;
  if (/(^|\s)\|/.test(text) || /\|(\s|$)/.test(text) || text.includes('||')) {
    return `empty alternative around "|" in pattern "${text}"`;
  }
  return undefined;
}
