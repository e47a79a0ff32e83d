import { expandContraction } from './contractions.js';
import { anyPhrase, phraseAt, phraseIndex } from './phrases.js';
import { windowReader } from './window.js';
import { STORY_CONTRACTIONS, WORDS, wordSet } from './words.js';

// Whether what a sentence tells at a place is an act the candidate (or their team) did or would
// do, or the same topic with the act missing: skipped, only wished for, or planned and dropped.
// The scorer credits a beat only for the
// act. Pure; linear in the length of the sentences read. Every word list lives in words.ts.

export type ActReading = 'act' | 'not-done' | 'wished' | 'dropped';

export interface ActOptions {
  /** What is read spells out a negation itself ("no data loss", "it never recurred"): a negation is the act. */
  negationIsTheAct?: boolean;
  /** What is read is owning up ("my mistake", "I should have"): a regret or a wish is the act. */
  regretIsTheAct?: boolean;
}

interface Word {
  norm: string;
  start: number;
  /** Where the word ends (every piece of one word shares it). */
  end: number;
}

/** Every word expandContraction may read as a whole word; any other word without an apostrophe is its own norm. */
const MAY_EXPAND: ReadonlySet<string> = new Set(Object.keys(STORY_CONTRACTIONS.whole));
const WORD_OR_MARK = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*|[;:.!?—–,]|\s-\s/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Words that end a clause: what comes after stands on its own ("I wanted to, but we never did"). */
const BREAKS = wordSet('clauseBreaks');

/**
 * Lower-cased words, contractions expanded; a hard mark is "|", a clause break word "|" then itself, a comma ",".
 * With a `limit`, reading stops once that many are read: they are the first words of the whole text's.
 */
function words(text: string, base = 0, limit = Infinity): Word[] {
  const out: Word[] = [];
  WORD_OR_MARK.lastIndex = 0;
  for (let m = WORD_OR_MARK.exec(text); m !== null; m = WORD_OR_MARK.exec(text)) {
    const w = m[0].toLowerCase().replace(/’/g, "'");
    const start = base + m.index;
    const end = start + m[0].length;
    if (w === ',') out.push({ norm: ',', start, end });
    else if (!LETTER_OR_DIGIT.test(w)) out.push({ norm: '|', start, end });
    else if (BREAKS.has(w)) out.push({ norm: '|', start, end }, { norm: w, start, end });
    // most words are neither contracted nor a whole-word contraction: they are their own norm
    else if (!w.includes("'") && !MAY_EXPAND.has(w)) out.push({ norm: w, start, end });
    else for (const piece of expandContraction(w, STORY_CONTRACTIONS)) out.push({ norm: piece, start, end });
    if (out.length >= limit) break;
  }
  return out;
}

/** The sentence's words and a window of them, each sentence read once (window.ts). */
const sentenceReader = windowReader(words);

const NONE_DID = phraseIndex(WORDS.noneDid.words);
const WISHED = phraseIndex(WORDS.wishedFor.words);
const INTENT = phraseIndex(WORDS.pastIntent.words);
const UNFULFILLED = phraseIndex(WORDS.unfulfilled.words);
const LEFT_OUT = phraseIndex(WORDS.leftOut.words);
const ANAPHORS = phraseIndex(WORDS.actAnaphors.words);
const NEGATORS = wordSet('refusals');
const CONTRAST = wordSet('contrast');
/** Auxiliaries and adverbs between a subject and its negation: "we did not", "I never even". */
const BETWEEN = wordSet('negatedAuxiliaries');
/** The candidate and their team as subjects. */
const SUBJECTS = wordSet('firstPersonSubjects');
/** Words after "I" or "we" in which their own negation may come: "we did not even". */
const NEGATION_REACH = 3;
/** Chunks after the act's in which a "but" may tell what became of a plan. */
const CHUNKS_AHEAD = 3;
/** Characters read on each side of what is asked about. */
const REACH = 600;

/** Index of the first word of the chunk (between hard breaks) that holds word `at`. */
function chunkStart(ws: readonly Word[], at: number): number {
  let i = Math.min(at, ws.length);
  while (i > 0 && ws[i - 1]!.norm !== '|') i--;
  return i;
}

function chunkEnd(ws: readonly Word[], at: number): number {
  let i = at;
  while (i < ws.length && ws[i]!.norm !== '|') i++;
  return i;
}

/** "I" or "we" negated before the act, in one run of words: "we didn't go through how it would break". */
function negatedSubject(ws: readonly Word[], from: number, at: number): boolean {
  for (let i = at - 1; i >= from; i--) {
    const n = ws[i]!.norm;
    if (n === ',' || n === 'and' || n === 'or') return false;
    if (!SUBJECTS.has(n)) continue;
    for (let j = i + 1; j <= Math.min(at - 1, i + NEGATION_REACH); j++) {
      if (NEGATORS.has(ws[j]!.norm)) return true;
      if (!BETWEEN.has(ws[j]!.norm)) break;
    }
  }
  return false;
}

/** "nobody" as a subject before the act in its chunk, opening it or after a comma or "and". */
function nobodyBefore(ws: readonly Word[], from: number, at: number): boolean {
  for (let i = from; i < at; i++) {
    if (phraseAt(ws, i, NONE_DID) === 0) continue;
    const before = ws[i - 1]?.norm;
    if (i === from || before === ',' || before === 'and') return true;
  }
  return false;
}

/**
 * The words of what came of a plan: the first chunk after the act's opened by "but" (after a
 * purpose or a reason, "so that ...", at most a few chunks on), or the next sentence's first
 * when it opens with "but".
 */
function outcome(ws: readonly Word[], to: number, after: string): Word[] {
  let i = to;
  for (let k = 0; k < CHUNKS_AHEAD && i < ws.length; k++) {
    const end = chunkEnd(ws, i + 1);
    // "but then it got dropped": a break word after the "but" goes on with the same chunk
    if (CONTRAST.has(ws[i + 1]?.norm ?? '')) return ws.slice(i + 2, chunkEnd(ws, ws[i + 2]?.norm === '|' ? i + 4 : i + 2)).filter((w) => w.norm !== '|');
    i = end;
  }
  // or the next sentence, when it opens with "but": its first two words tell whether it does (most
  // do not), and only then is the rest read
  if (i < ws.length) return [];
  const text = after.slice(0, REACH);
  const head = words(text, 0, 2);
  if (head[0]?.norm !== '|' || !CONTRAST.has(head[1]?.norm ?? '')) return [];
  const next = words(text);
  return next.slice(2, chunkEnd(next, 2));
}

/** "but nobody did it", "but I never did", "but we never got round to holding it": the act told before, not done. */
function disowned(rest: readonly Word[]): boolean {
  for (let i = 0; i < Math.min(rest.length, 3); i++) {
    const nobody = phraseAt(rest, i, NONE_DID);
    const subject = SUBJECTS.has(rest[i]!.norm) ? 1 : nobody;
    if (subject === 0) continue;
    for (let j = i + subject; j < Math.min(rest.length, i + subject + NEGATION_REACH); j++) {
      if (nobody === 0 && !NEGATORS.has(rest[j]!.norm) && phraseAt(rest, j, LEFT_OUT) === 0) continue;
      // the act pointed back at, or nothing more said ("but I never did")
      const tail = rest.slice(j + 1, j + 7);
      if (tail.length <= 1 || anyPhrase(tail, 0, tail.length, ANAPHORS)) return true;
    }
  }
  return false;
}

/**
 * What `sentence` tells at characters `offset` to `end`: the candidate's act (done, or meant in
 * a design answer), or the act missing. `after` is the text that follows the sentence.
 */
export function actAt(sentence: string, offset: number, end: number, after = '', opts: ActOptions = {}): ActReading {
  const lo = Math.max(0, offset - REACH);
  const ws = sentenceReader.window(sentence, lo, end + REACH);
  let at = ws.findIndex((w) => w.start >= offset);
  if (at < 0) at = ws.length;
  const last = ws.findIndex((w) => w.start >= end);
  const from = chunkStart(ws, at);
  const to = chunkEnd(ws, last < 0 ? ws.length : last);
  if (!opts.negationIsTheAct) {
    // "we never got round to the load test", "nobody, me included, asked", "skipped comparing the data"
    if (negatedSubject(ws, from, at)) return 'not-done';
    if (nobodyBefore(ws, from, at)) return 'not-done';
    if (anyPhrase(ws, Math.max(from, at - NEGATION_REACH), at, LEFT_OUT)) return 'not-done';
    // "I wish I had checked", "I'd have liked to weigh it": the act wished for, not done
    if (!opts.regretIsTheAct && anyPhrase(ws, from, at, WISHED)) return 'wished';
    // "I had a ticket to forecast traffic, but it sat in the backlog", "we agreed to post updates,
    // but nobody did it": a plan that came to nothing
    const rest = outcome(ws, to, after);
    if (anyPhrase(ws, from, to, INTENT) && anyPhrase(rest, 0, rest.length, UNFULFILLED)) return 'dropped';
    if (disowned(rest)) return 'dropped';
  }
  return 'act';
}
