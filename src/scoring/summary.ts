import { SIGNAL_IDS, type SignalId } from '../rubric/types.js';
import type { SignalResult } from './types.js';

// The one-line summary of a report, shared by the score report's `overall.summary` and the
// debrief, so both say the same thing about the same results.

/** The label of a round's targeted signal that the round ended before asking for. */
export const NOT_REACHED = 'not asked';

/** A signal with nothing at all to say: no level, no beat hit, no red flag. */
export function isSilent(s: SignalResult): boolean {
  return s.level === 0 && s.score === 0 && !s.beats.some((b) => b.hit) && s.redFlags.length === 0;
}

/** "Incident judgement" → "incident judgement", but "SLO trade-offs" stays as it is. */
export function inlineName(name: string): string {
  if (name.length > 1 && name[1] === name[1]!.toUpperCase() && /[A-Z]/.test(name[1]!)) return name;
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function joinAnd(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * One line in an interviewer's debrief style, e.g.
 * "Strong across incident judgement and data integrity; gaps on capacity planning."
 * Every group is judged on the signals the round targeted (or, without targets, on the signals
 * that said anything at all): what a round heard but did not ask about has its own line.
 */
export function overallLine(signals: SignalResult[], targets: readonly SignalId[] = []): string {
  const judged = targets.length > 0 ? signals.filter((s) => targets.includes(s.id)) : signals.filter((s) => !isSilent(s));
  const byScore = (a: SignalResult, b: SignalResult) => b.score - a.score || SIGNAL_IDS.indexOf(a.id) - SIGNAL_IDS.indexOf(b.id);
  const groups: [string, SignalResult[]][] = [
    ['Strong', judged.filter((s) => s.level === 4).sort(byScore)],
    ['Solid', judged.filter((s) => s.level === 3).sort(byScore)],
    ['Mixed', judged.filter((s) => s.level === 2).sort(byScore)],
    ['Gaps', targets.length > 0 ? judged.filter((s) => s.level <= 1 && s.notReached === undefined).sort(byScore) : []],
  ];
  const unreached = judged.filter((s) => s.notReached !== undefined);
  // a story scored on its own is judged on what it carries, not on the signals it never meant to
  // touch: its weak signals are named only when nothing reached mixed or better
  if (targets.length === 0 && groups.every(([, list]) => list.length === 0)) {
    groups.push(['Weak', judged.filter((s) => s.level === 1).sort(byScore)]);
  }
  const clauses = groups
    .filter(([, list]) => list.length > 0)
    .map(([word, list], i) => {
      const names = joinAnd(list.map((s) => inlineName(s.name)));
      const head = i === 0 ? word : word.toLowerCase();
      return `${head} ${list.length > 1 && word !== 'Gaps' && word !== 'Weak' ? 'across' : 'on'} ${names}`;
    });
  // a signal the round ended before asking for is not a gap in what was said
  if (unreached.length > 0) {
    const names = joinAnd(unreached.sort(byScore).map((s) => inlineName(s.name)));
    clauses.push(`${clauses.length === 0 ? 'The' : 'the'} round ended before asking about ${names}`);
  }
  if (clauses.length === 0) return 'No signal yet: nothing said reached the rubric.';
  return `${clauses.join('; ')}.`;
}
