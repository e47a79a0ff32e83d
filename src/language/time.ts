import { expandContraction } from './contractions.js';
import { phraseAt, phraseIndex } from './phrases.js';
import { NUMBER_VALUES, STORY_CONTRACTIONS, WORDS, wordSet } from './words.js';

// When in a project a clause places what it tells: early (scoping, design, before the build, with
// months to spare) or late (once the system was built, the final stretch before launch, at or after
// launch). "We load tested in week one" and "we load tested the week before launch" tell the same
// act; only the time turns one into capacity planning and the other into reactive capacity work.
// Pure and linear in the length of the sentence read. Every word list lives in words.ts.

export type ProjectTime = 'early' | 'late';

interface Word {
  norm: string;
  start: number;
  end: number;
}

/** Marks and words across which a time cue no longer reaches: what follows is told on its own. */
const BREAKS = new Set([';', ':', '.', '!', '?', '—', '–', '-', 'but', 'however', 'whereas', 'although', 'though']);

function words(text: string): Word[] {
  const out: Word[] = [];
  const re = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*|[,;:.!?—–]|\s-\s/gu;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const w = m[0].trim().toLowerCase().replace(/’/g, "'");
    const end = m.index + m[0].length;
    for (const norm of expandContraction(w, STORY_CONTRACTIONS)) out.push({ norm, start: m.index, end });
  }
  return out;
}

const LATE = phraseIndex(WORDS.lateInProject.words);
const EARLY = phraseIndex(WORDS.earlyInProject.words);
const SHORT = wordSet('shortSpans');
const LONG = wordSet('longSpans');
/** Words after a stretch of time that count it back from an event ("two weeks before launch"). */
const BEFORE = wordSet('countBack');
/** Numbers in words, and the vague counts a stretch of time is told in ("a couple of weeks"). */
const COUNT_WORDS: ReadonlyMap<string, number> = new Map([...NUMBER_VALUES.values, ['couple', 2], ['few', 3], ['several', 4], ['many', 6]]);
/** Words that open a time after something was finished ("once", "after", "when"). */
const AFTER_OPENERS = wordSet('afterOpeners');
/** Words that say the system was finished. */
const DONE = wordSet('builtStates');
/** Verbs of building, before "first" ("we built the whole thing first"). */
const BUILT = wordSet('buildVerbs');
/** Weeks before an event that still leave time to change a design; fewer are the final stretch. */
const EARLY_WEEKS = 4;
const LATE_WEEKS = 2;

function count(norm: string): number | undefined {
  if (/^\d+(?:\.\d+)?$/.test(norm)) return Number(norm);
  return COUNT_WORDS.get(norm);
}


/** The time a cue starting at words[i] gives, with its length, or undefined. */
function cueAt(ws: readonly Word[], i: number): { time: ProjectTime; length: number } | undefined {
  const late = phraseAt(ws, i, LATE);
  const early = phraseAt(ws, i, EARLY);
  if (late > 0 || early > 0) return late >= early ? { time: 'late', length: late } : { time: 'early', length: early };
  const w = ws[i]!.norm;
  // "once everything was functionally complete", "after the code existed", "we built it all first"
  if (AFTER_OPENERS.has(w)) {
    for (let k = i + 1; k < Math.min(ws.length, i + 6) && !BREAKS.has(ws[k]!.norm); k++) {
      if (DONE.has(ws[k]!.norm)) return { time: 'late', length: k - i + 1 };
    }
  }
  if (w === 'first' && i > 0) {
    for (let k = i - 1; k >= Math.max(0, i - 5) && !BREAKS.has(ws[k]!.norm); k--) {
      if (BUILT.has(ws[k]!.norm)) return { time: 'late', length: 1 };
    }
  }
  // "in the last ten days", "the final 3 sprints"
  if (w === 'last' || w === 'final') {
    for (let k = i + 1; k < Math.min(ws.length, i + 4); k++) if (SHORT.has(ws[k]!.norm)) return { time: 'late', length: k - i + 1 };
    return undefined;
  }
  // "two weeks before launch", "a couple of days out", "three months ahead"
  const n = count(w);
  if (n === undefined) return undefined;
  let k = i + 1;
  if (ws[k]?.norm === 'of') k++;
  const unit = ws[k]?.norm;
  if (unit === undefined || !BEFORE.has(ws[k + 1]?.norm ?? '')) return undefined;
  if (LONG.has(unit)) return { time: 'early', length: k - i + 2 };
  if (!SHORT.has(unit)) return undefined;
  const weeks = unit.startsWith('day') || unit.startsWith('night') ? n / 7 : unit.startsWith('sprint') ? n * 2 : n;
  if (weeks <= LATE_WEEKS) return { time: 'late', length: k - i + 2 };
  if (weeks >= EARLY_WEEKS) return { time: 'early', length: k - i + 2 };
  return undefined;
}

/** Words that open an alternative set aside, up to its comma ("instead of ...", "unlike ..."). */
const SET_ASIDE = wordSet('setAside');

/** Characters read on each side of what is asked about. */
const REACH = 600;

/**
 * When in the project the clause around `[start, end)` of `sentence` places what it tells: the
 * nearest time cue on the same side of any break ("but", a semicolon), or undefined when the
 * clause gives no time.
 */
export function projectTimeAt(sentence: string, start: number, end = start): ProjectTime | undefined {
  const lo = Math.max(0, start - REACH);
  const ws = words(sentence.slice(lo, end + REACH));
  start -= lo;
  end -= lo;
  let first = ws.findIndex((w) => w.end > start);
  if (first < 0) first = ws.length;
  let last = first;
  while (last + 1 < ws.length && ws[last + 1]!.start < end) last++;
  let from = first;
  while (from > 0 && !BREAKS.has(ws[from - 1]!.norm)) from--;
  // "Instead of a load test in the last week, I built the model": the set-aside alternative ends
  // at its comma, and its time is its own
  for (let i = from; i < first; i++) {
    if (ws[i]!.norm === ',' && SET_ASIDE.has(ws[from]!.norm)) from = i + 1;
  }
  let to = last;
  while (to + 1 < ws.length && !BREAKS.has(ws[to + 1]!.norm) && !SET_ASIDE.has(ws[to + 1]!.norm)) to++;
  let best: { time: ProjectTime; distance: number } | undefined;
  for (let i = from; i <= to; i++) {
    const cue = cueAt(ws, i);
    if (!cue) continue;
    const cueEnd = Math.min(to, i + cue.length - 1);
    const distance = cueEnd < first ? first - cueEnd : i > last ? i - last : 0;
    if (!best || distance < best.distance) best = { time: cue.time, distance };
    i = cueEnd;
  }
  return best?.time;
}
