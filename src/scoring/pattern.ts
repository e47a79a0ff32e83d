import { projectTimeAt } from '../language/time.js';
import { wordSet } from '../language/words.js';
import type { PatternSpec, PatternTime } from '../rubric/types.js';
import { stemOf, wordPieces } from './analyze.js';
import type { Doc, Match, Token } from './types.js';

// The pattern language (see README "Writing patterns"), compiled once and matched
// through a per-document stem index so a rubric of hundreds of patterns stays fast.

type WordMatcher =
  | { kind: 'stem'; stem: string; norm: string }
  | { kind: 'prefix'; prefix: string }
  | { kind: 'num' }
  | { kind: 'time' }
  | { kind: 'name' };

/** A phrase: words that must appear in order, each at most `gap` words after the previous. */
interface Phrase {
  words: WordMatcher[];
  /** Allowed extra words before each word (index 0 unused). */
  gaps: number[];
}

interface Term {
  alts: Phrase[];
  /** Extra words allowed between the previous term and this one. */
  gapBefore: number;
  /** The distinct first words of the alternatives, and (same index) the alternatives each starts. */
  firsts: WordMatcher[];
  firstAlts: Phrase[][];
  /** How many tokens past its start the term's longest alternative can end. */
  reach: number;
  /** The ids of the first words (see intern). */
  firstIds: number[];
  /**
   * The first words by kind, as indices into `firsts`: the stem words by stem (a token matches
   * them by its stem alone, so one look-up finds them), and the rest, tried one by one.
   */
  firstsByStem: ReadonlyMap<string, readonly number[]>;
  otherFirsts: readonly number[];
  /** The ids of every word of each alternative, and whether some alternative has more than one. */
  altWordIds: readonly (readonly number[])[];
  multiWord: boolean;
  /**
   * Terms with the same first words share one number, and with it their start positions and
   * sentences in a document (per-document arrays are indexed by it).
   */
  firstsId: number;
}

/** No positions (shared: never written to). */
const NONE: number[] = [];

/**
 * Identical words share one matcher object and one number, so per-document look-ups are arrays
 * indexed by the number and cached per word.
 */
const interned = new Map<string, WordMatcher>();
const wordIds = new Map<WordMatcher, number>();
const wordById: WordMatcher[] = [];
/** The ids of the stem words by stem, so a document fills in its words from its distinct stems. */
const stemWords = new Map<string, number[]>();
/** A document's word positions before it is read: a stem word is absent until its stem is seen, any other word is looked up when asked. */
const blankWordPos: (number[] | undefined)[] = [];
function intern(w: WordMatcher): WordMatcher {
  const key = w.kind === 'stem' ? `s:${w.stem}:${w.norm}` : w.kind === 'prefix' ? `p:${w.prefix}` : w.kind;
  let out = interned.get(key);
  if (!out) {
    interned.set(key, (out = w));
    const id = wordById.length;
    wordIds.set(w, id);
    wordById.push(w);
    if (w.kind === 'stem') push(stemWords, w.stem, id);
    blankWordPos.push(w.kind === 'stem' ? NONE : undefined);
  }
  return out;
}

/** The number of each distinct set of first words (sorted word ids, joined). */
const firstsIds = new Map<string, number>();

const termMemo = new Map<string, Term>();

/** A term made only of known phrases (a {concept}) is built once and shared. */
function makeTerm(alts: Phrase[], gapBefore: number): Term {
  const ids = alts.map((a) => phraseIds.get(a));
  if (ids.every((id) => id !== undefined)) {
    const key = `${gapBefore}|${ids.join(',')}`;
    let term = termMemo.get(key);
    if (!term) termMemo.set(key, (term = buildTerm(alts, gapBefore)));
    return term;
  }
  return buildTerm(alts, gapBefore);
}

function buildTerm(alts: Phrase[], gapBefore: number): Term {
  const byFirst = new Map<WordMatcher, Phrase[]>();
  for (const alt of alts) {
    const first = alt.words[0]!;
    const l = byFirst.get(first);
    if (l) l.push(alt);
    else byFirst.set(first, [alt]);
  }
  const firsts = [...byFirst.keys()];
  const firstIds = firsts.map((w) => wordIds.get(w)!);
  const firstsKey = [...firstIds].sort((a, b) => a - b).join(',');
  let firstsId = firstsIds.get(firstsKey);
  if (firstsId === undefined) firstsIds.set(firstsKey, (firstsId = firstsIds.size));
  // phraseEnds: each later word comes one token after the previous, plus up to its gap
  const reach = Math.max(...alts.map((a) => a.words.reduce((n, _, k) => (k === 0 ? 0 : n + 1 + (a.gaps[k] ?? 0)), 0)));
  const firstsByStem = new Map<string, number[]>();
  const otherFirsts: number[] = [];
  firsts.forEach((w, k) => {
    if (w.kind === 'stem') push(firstsByStem, w.stem, k);
    else otherFirsts.push(k);
  });
  const altWordIds = alts.map((a) => a.words.map((w) => wordIds.get(w)!));
  const multiWord = alts.some((a) => a.words.length > 1);
  return { alts, gapBefore, firsts, firstAlts: [...byFirst.values()], reach, firstIds, firstsId, firstsByStem, otherFirsts, altWordIds, multiWord };
}

export interface CompiledPattern {
  source: string;
  terms: Term[];
  order: 'fixed' | 'any';
  gap: number;
  negated: boolean;
  /** The pattern spells out a negation itself ("no data loss"), so scope is judged from its first word. */
  selfNegating: boolean;
  /** When in the project the match's clause must place it; undefined for any time. */
  time?: PatternTime | undefined;
}

export type Lexicon = ReadonlyMap<string, Phrase[]>;

export class PatternError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PatternError';
  }
}

const DEFAULT_GAP = 3;
const CONCEPT_PHRASE_GAP = 1;
/** A pattern that spells out one of these words negates itself ("no data loss"). */
const NEGATION_WORDS = wordSet('negations');
const TIME_RE = /^\d{1,2}(?::\d{2}(?:am|pm)?|am|pm)$/;
const WORD_CHARS = /^[\p{L}\p{N}'’.%:]+$/u;

/** Compile one word of a pattern or concept phrase (may expand to several pieces: "on-call", "didn't"). */
function compileWord(raw: string, where: string): WordMatcher[] {
  if (raw === '#num') return [intern({ kind: 'num' })];
  if (raw === '#time') return [intern({ kind: 'time' })];
  if (raw === '#name') return [intern({ kind: 'name' })];
  if (raw.startsWith('#')) throw new PatternError(`unknown word class "${raw}" in ${where} (use #num, #time or #name)`);
  if (raw.endsWith('*')) {
    const prefix = raw.slice(0, -1).toLowerCase();
    if (!prefix || !WORD_CHARS.test(prefix)) throw new PatternError(`bad prefix "${raw}" in ${where}`);
    return [intern({ kind: 'prefix', prefix })];
  }
  const out: WordMatcher[] = [];
  for (const piece of raw.split(/[-/]+/)) {
    if (!piece) continue;
    if (!WORD_CHARS.test(piece)) throw new PatternError(`unexpected character in "${raw}" in ${where}`);
    for (const norm of wordPieces(piece)) {
      const trimmed = norm.replace(/[.:]+$/, '');
      if (trimmed) out.push(intern({ kind: 'stem', stem: stemOf(trimmed), norm: trimmed }));
    }
  }
  if (out.length === 0) throw new PatternError(`empty word "${raw}" in ${where}`);
  return out;
}

/** Phrases are immutable: the same text compiles once per process (a pack repeats its concepts). */
const phraseMemo = new Map<string, Phrase>();
const phraseIds = new Map<Phrase, number>();

function compilePhrase(text: string, gap: number, where: string): Phrase {
  const key = `${gap}|${text}`;
  const known = phraseMemo.get(key);
  if (known) return known;
  const phrase = compilePhraseUncached(text, gap, where);
  phraseMemo.set(key, phrase);
  phraseIds.set(phrase, phraseIds.size);
  return phrase;
}

function compilePhraseUncached(text: string, gap: number, where: string): Phrase {
  const words: WordMatcher[] = [];
  const gaps: number[] = [];
  for (const raw of text.trim().split(/\s+/)) {
    if (raw.includes('{') || raw.includes('|')) {
      throw new PatternError(`concept phrases cannot contain {concepts} or alternatives: "${text}" in ${where}`);
    }
    const pieces = compileWord(raw, where);
    pieces.forEach((w, k) => {
      gaps.push(words.length === 0 ? 0 : k === 0 ? gap : 0);
      words.push(w);
    });
  }
  if (words.length === 0) throw new PatternError(`empty phrase in ${where}`);
  return { words, gaps };
}

export function compileLexicon(concepts: Record<string, string[]>): Lexicon {
  return mergeLexicon(new Map(), concepts);
}

/** A new lexicon: the base plus (overriding) the given concepts. */
export function mergeLexicon(base: Lexicon, concepts: Record<string, string[]> | undefined): Lexicon {
  const out = new Map(base);
  for (const [name, phrases] of Object.entries(concepts ?? {})) {
    if (!Array.isArray(phrases)) continue;
    out.set(
      name,
      phrases.map((p) => compilePhrase(String(p), CONCEPT_PHRASE_GAP, `concept {${name}}`)),
    );
  }
  return out;
}

export function compilePattern(spec: PatternSpec, lexicon: Lexicon): CompiledPattern {
  const source = typeof spec === 'string' ? spec : spec.match;
  const order = typeof spec === 'string' ? 'fixed' : (spec.order ?? 'fixed');
  const gap = typeof spec === 'string' ? DEFAULT_GAP : (spec.gap ?? DEFAULT_GAP);
  const negated = typeof spec === 'string' ? false : spec.negated === true;
  const time = typeof spec === 'string' ? undefined : spec.time;
  if (typeof source !== 'string' || source.trim() === '') throw new PatternError('empty pattern');
  const where = `pattern "${source}"`;
  const terms: Term[] = [];
  let selfNegating = false;
  for (const raw of source.trim().split(/\s+/)) {
    const altsRaw = raw.split('|');
    if (altsRaw.some((a) => a === '')) throw new PatternError(`empty alternative in ${where}`);
    const alts: Phrase[] = [];
    for (const alt of altsRaw) {
      if (alt.startsWith('{') || alt.endsWith('}')) {
        const m = /^\{([a-z][a-z0-9-]*)\}$/.exec(alt);
        if (!m) throw new PatternError(`malformed concept reference "${alt}" in ${where}`);
        const phrases = lexicon.get(m[1]!);
        if (!phrases) throw new PatternError(`unknown concept {${m[1]}} in ${where}`);
        alts.push(...phrases);
      } else {
        const words = compileWord(alt, where);
        if (words.some((w) => w.kind === 'stem' && NEGATION_WORDS.has(w.norm))) selfNegating = true;
        if (altsRaw.length === 1 && words.length > 1) {
          // a hyphenated or contracted word: its pieces are separate terms, adjacent
          words.forEach((w, k) => {
            terms.push(makeTerm([{ words: [w], gaps: [0] }], terms.length === 0 ? 0 : k === 0 ? gap : 0));
          });
          continue;
        }
        alts.push({ words, gaps: words.map(() => 0) });
      }
    }
    if (alts.length > 0) terms.push(makeTerm(alts, terms.length === 0 ? 0 : gap));
  }
  if (terms.length === 0) throw new PatternError(`empty ${where}`);
  return { source, terms, order, gap, negated, selfNegating, time };
}

function wordMatches(w: WordMatcher, t: Token): boolean {
  switch (w.kind) {
    case 'stem':
      // the same surface form always has the same stem (both come from stemOf)
      return t.stem === w.stem;
    case 'prefix':
      return t.norm.startsWith(w.prefix);
    case 'num':
      return t.isNumber;
    case 'time':
      return TIME_RE.test(t.norm);
    case 'name':
      return t.name === true;
  }
}

/**
 * Every token at which the phrase, started exactly at token `pos`, can end: each later word may
 * come up to its gap after the previous one, and every such choice is tried (a word repeated
 * inside the gap gives two ends). Ends are appended to `out`, unsorted and possibly repeated.
 */
function phraseEnds(p: Phrase, tokens: Token[], pos: number, k: number, end: number, out: Ends): void {
  if (k === p.words.length) {
    out.list[out.n++] = pos;
    return;
  }
  const w = p.words[k]!;
  const last = Math.min(end - 1, pos + 1 + (p.gaps[k] ?? 0));
  for (let j = pos + 1; j <= last; j++) if (wordMatches(w, tokens[j]!)) phraseEnds(p, tokens, j, k + 1, end, out);
}

/** Token positions being filled: the first `n` of `list` (the list is reused, never shrunk). */
interface Ends {
  list: number[];
  n: number;
}

/**
 * Ends of the term being tried, before they are known to be needed in order: most tries stop at
 * the first term or just after it, and keep nothing. Matching is synchronous, so one list serves.
 */
const scratchEnds: Ends = { list: [], n: 0 };

/**
 * Appends to `out` every token at which some alternative of the term, started at token i, ends
 * (unsorted, possibly repeated); returns whether some first word of the term matched at i.
 */
function collectEnds(term: Term, tokens: Token[], i: number, end: number, out: Ends): boolean {
  const t = tokens[i];
  if (!t || i >= end) return false;
  const { firsts, firstAlts } = term;
  let matched = false;
  // the first words that match the token: those with its stem, then any other that does (the
  // ends are sorted by the callers that need them in order, so the order they are tried in does
  // not matter)
  const byStem = term.firstsByStem.get(t.stem);
  if (byStem) {
    matched = true;
    for (const k of byStem) for (const alt of firstAlts[k]!) phraseEnds(alt, tokens, i, 1, end, out);
  }
  for (const k of term.otherFirsts) {
    if (!wordMatches(firsts[k]!, t)) continue;
    matched = true;
    for (const alt of firstAlts[k]!) phraseEnds(alt, tokens, i, 1, end, out);
  }
  return matched;
}

/**
 * Every token at which some alternative of the term, started at token i, ends: ascending, each
 * once. Every alternative is tried, so the order a concept lists its phrases in never matters.
 */
function termEnds(term: Term, tokens: Token[], i: number, end: number): number[] {
  // read into the scratch list, and copied only when a first word matched (most tries match none)
  scratchEnds.n = 0;
  if (!collectEnds(term, tokens, i, end, scratchEnds)) return NONE;
  return sortedUnique(scratchEnds.list.slice(0, scratchEnds.n));
}

/** The list sorted ascending with repeats dropped, in place. */
function sortedUnique(out: number[]): number[] {
  if (out.length > 1) {
    out.sort((a, b) => a - b);
    let n = 1;
    for (let k = 1; k < out.length; k++) if (out[k] !== out[n - 1]) out[n++] = out[k]!;
    out.length = n;
  }
  return out;
}

/** The last token of the longest match of the term at token i, or -1. */
function termAt(term: Term, tokens: Token[], i: number, end: number): number {
  scratchEnds.n = 0;
  collectEnds(term, tokens, i, end, scratchEnds);
  let last = -1;
  for (let k = 0; k < scratchEnds.n; k++) last = Math.max(last, scratchEnds.list[k]!);
  return last;
}

/** Whether some first word of the term occurs in reach of the ends `lo`..`hi`: most tries stop here, before any bookkeeping. */
function startsWithin(term: Term, tokens: Token[], lo: number, hi: number, end: number): boolean {
  return startsIn(term, tokens, lo + 1, Math.min(end - 1, hi + 1 + term.gapBefore));
}

/**
 * The last token of a fixed-order match of the pattern starting at token i, or -1. Every
 * alternative of every term is tried with every continuation, so a match is found whenever one
 * exists, whatever order the alternatives are listed in. Of the matches, the one reported takes
 * each term at its earliest start that still lets the rest match, and there its longest
 * alternative: the same match whatever the order of the alternatives.
 */
function fixedAt(p: CompiledPattern, tokens: Token[], i: number, end: number): number {
  const terms = p.terms;
  scratchEnds.n = 0;
  collectEnds(terms[0]!, tokens, i, end, scratchEnds);
  if (scratchEnds.n === 0) return -1;
  let lo = Infinity;
  let hi = -1;
  for (let k = 0; k < scratchEnds.n; k++) {
    const e = scratchEnds.list[k]!;
    if (e < lo) lo = e;
    if (e > hi) hi = e;
  }
  if (terms.length === 1) return hi;
  if (!startsWithin(terms[1]!, tokens, lo, hi, end)) return -1;
  const first = sortedUnique(scratchEnds.list.slice(0, scratchEnds.n));
  // forward: every (start, end) of each term reachable from some end of the term before it,
  // in start order
  const starts: number[][] = [first.map(() => i)];
  const ends: number[][] = [first];
  let prevEnds = first;
  for (let k = 1; k < terms.length; k++) {
    const term = terms[k]!;
    const st: number[] = [];
    const en: number[] = [];
    // the windows after each previous end, merged (the ends are ascending, so the starts are too)
    let from = -1;
    for (const e of prevEnds) {
      const to = Math.min(end - 1, e + 1 + term.gapBefore);
      for (let j = Math.max(from + 1, e + 1); j <= to; j++) {
        for (const x of termEnds(term, tokens, j, end)) {
          st.push(j);
          en.push(x);
        }
      }
      from = Math.max(from, to);
    }
    if (st.length === 0) return -1;
    starts.push(st);
    ends.push(en);
    prevEnds = en.length > 1 ? [...new Set(en)].sort((a, b) => a - b) : en;
  }
  // one way through (the usual case): nothing to choose between
  if (ends.every((en) => en.length === 1)) return prevEnds[0]!;
  // backward: which spans of each term can still be followed by the rest of the pattern
  const ok: boolean[][] = ends.map((en) => en.map(() => true));
  for (let k = terms.length - 2; k >= 0; k--) {
    const gap = terms[k + 1]!.gapBefore;
    const nextStarts = starts[k + 1]!;
    const nextOk = ok[k + 1]!;
    const en = ends[k]!;
    for (let a = 0; a < en.length; a++) {
      let any = false;
      for (let b = 0; b < nextStarts.length && !any; b++) {
        const s = nextStarts[b]!;
        if (nextOk[b] && s >= en[a]! + 1 && s <= en[a]! + 1 + gap) any = true;
      }
      ok[k]![a] = any;
    }
  }
  // forward again: earliest start, then longest span, among the spans that lead to a match
  let pos = -2;
  for (let k = 0; k < terms.length; k++) {
    const st = starts[k]!;
    const en = ends[k]!;
    const lo = k === 0 ? i : pos + 1;
    const hi = k === 0 ? i : pos + 1 + terms[k]!.gapBefore;
    let bestStart = Infinity;
    let bestEnd = -1;
    for (let a = 0; a < st.length; a++) {
      const s = st[a]!;
      if (!ok[k]![a] || s < lo || s > hi) continue;
      if (s < bestStart || (s === bestStart && en[a]! > bestEnd)) {
        bestStart = s;
        bestEnd = en[a]!;
      }
    }
    if (bestEnd < 0) return -1;
    pos = bestEnd;
  }
  return pos;
}

function isCounted(p: CompiledPattern, tokens: Token[], first: number, last: number): boolean {
  const lead = tokens[first]!;
  if (p.negated) return lead.negated;
  if (p.selfNegating) return !lead.negated;
  for (let i = first; i <= last; i++) if (tokens[i]!.negated) return false;
  return true;
}

function toMatch(doc: Doc, first: number, last: number): Match {
  const a = doc.tokens[first]!;
  const b = doc.tokens[last]!;
  let hypothetical = false;
  let counterfactual = false;
  for (let i = first; i <= last; i++) {
    if (doc.tokens[i]!.hypothetical) hypothetical = true;
    if (doc.tokens[i]!.counterfactual) counterfactual = true;
  }
  if (counterfactual) {
    return { counterfactual, sentence: a.sentence, start: a.start, end: b.end, negated: a.negated, hypothetical, firstToken: first, lastToken: last };
  }
  return { sentence: a.sentence, start: a.start, end: b.end, negated: a.negated, hypothetical, firstToken: first, lastToken: last };
}

function matchFixed(p: CompiledPattern, doc: Doc, sentenceEnd: (i: number) => number, starts: Iterable<number>): Match[] {
  const out: Match[] = [];
  const tokens = doc.tokens;
  // the second term must start within reach of the first (see fixedAt's startsWithin): its start
  // positions, walked alongside, rule out most tries before any phrase is read
  const second = p.terms.length > 1 ? termStarts(docIndex(doc), p.terms[1]!) : undefined;
  const reach = p.terms.length > 1 ? p.terms[0]!.reach + 1 + p.terms[1]!.gapBefore : 0;
  let next = 0;
  let lastEnd = -1;
  for (const i of starts) {
    if (i <= lastEnd) continue;
    const end = sentenceEnd(i);
    if (second) {
      while (next < second.length && second[next]! <= i) next++;
      if (next >= second.length) break;
      if (second[next]! > Math.min(end - 1, i + reach)) continue;
    }
    const pos = fixedAt(p, tokens, i, end);
    if (pos < 0) continue;
    if (isCounted(p, tokens, i, pos)) {
      out.push(toMatch(doc, i, pos));
      lastEnd = pos;
    }
  }
  return out;
}

/** Whether the term can start at some token in [lo, hi]. */
function startsIn(term: Term, tokens: readonly Token[], lo: number, hi: number): boolean {
  for (let j = lo; j <= hi; j++) {
    const t = tokens[j]!;
    if (term.firstsByStem.has(t.stem)) return true;
    for (const k of term.otherFirsts) if (wordMatches(term.firsts[k]!, t)) return true;
  }
  return false;
}

function termStarts(idx: DocIndex, term: Term): number[] {
  let out = idx.termPos[term.firstsId];
  if (!out) {
    // most first words are absent from a document: merge only the lists that hold positions
    let lists: number[][] | undefined;
    for (const id of term.firstIds) {
      const at = wordStarts(idx, id);
      if (at.length > 0) (lists ??= []).push(at);
    }
    out = lists === undefined ? NONE : lists.length === 1 ? lists[0]! : mergeSorted(lists);
    idx.termPos[term.firstsId] = out;
  }
  return out;
}

function matchAnyOrder(p: CompiledPattern, doc: Doc): Match[] {
  const out: Match[] = [];
  const idx = docIndex(doc);
  const { tokens, sentences } = doc;
  const n = p.terms.length;
  const window = n + p.gap * (n - 1);
  // spans of each term, in document order: flat arrays, no pair per span (a long answer has millions)
  const starts: number[][] = [];
  const ends: number[][] = [];
  for (const term of p.terms) {
    const st: number[] = [];
    const en: number[] = [];
    for (const i of termStarts(idx, term)) {
      const e = termAt(term, tokens, i, sentences[tokens[i]!.sentence]!.lastToken);
      if (e < 0) continue;
      st.push(i);
      en.push(e);
    }
    if (st.length === 0) return out;
    starts.push(st);
    ends.push(en);
  }
  const sentenceOf = (k: number, j: number) => tokens[starts[k]![j]!]!.sentence;
  const pos = starts.map(() => 0);
  const stop = starts.map(() => 0);
  const from = starts.map(() => 0);
  const used: number[] = [];
  for (;;) {
    // the next sentence where every term occurs: move each term's pointer up to the furthest one
    let target = -1;
    for (let k = 0; k < n; k++) {
      if (pos[k]! >= starts[k]!.length) return out;
      target = Math.max(target, sentenceOf(k, pos[k]!));
    }
    let aligned = true;
    for (let k = 0; k < n; k++) {
      while (pos[k]! < starts[k]!.length && sentenceOf(k, pos[k]!) < target) pos[k]!++;
      if (pos[k]! >= starts[k]!.length) return out;
      if (sentenceOf(k, pos[k]!) !== target) aligned = false;
    }
    if (!aligned) continue;
    for (let k = 0; k < n; k++) {
      let j = pos[k]!;
      while (j < starts[k]!.length && sentenceOf(k, j) === target) j++;
      stop[k] = j;
      from[k] = pos[k]!;
    }
    // slide over anchor positions of any term, in order; check every term occurs within the window.
    // Each term's first span at or after the anchor only moves forward: linear in the sentence,
    // however many times a term repeats ("I I I … by default").
    const heads = pos.slice();
    for (;;) {
      let a = Infinity;
      for (let k = 0; k < n; k++) if (heads[k]! < stop[k]!) a = Math.min(a, starts[k]![heads[k]!]!);
      if (a === Infinity) break;
      for (let k = 0; k < n; k++) if (heads[k]! < stop[k]! && starts[k]![heads[k]!] === a) heads[k]!++;
      let last = a;
      used.length = 0;
      let ok = true;
      for (let k = 0; k < n; k++) {
        const st = starts[k]!;
        while (from[k]! < stop[k]! && st[from[k]!]! < a) from[k]!++;
        // at most one span per earlier term is taken, so this skips fewer than n spans
        let j = from[k]!;
        while (j < stop[k]! && used.includes(st[j]!)) j++;
        if (j >= stop[k]! || st[j]! >= a + window) {
          ok = false;
          break;
        }
        used.push(st[j]!);
        last = Math.max(last, ends[k]![j]!);
      }
      if (ok && isCounted(p, tokens, a, last)) {
        out.push(toMatch(doc, a, last));
        break; // one match per sentence is enough evidence
      }
    }
    for (let k = 0; k < n; k++) pos[k] = stop[k]!;
  }
}

/**
 * Per-document lookups, built once per Doc: token positions by stem and by surface form,
 * the start positions of each first word and term, and every pattern's matches (a Doc is
 * immutable, so the scorer and the round engine can ask for the same pattern twice for free).
 */
interface DocIndex {
  byStem: Map<string, number[]>;
  byNorm: Map<string, number[]>;
  numbers: number[];
  names: number[];
  /** Positions of each word, by word id, and start positions of each term, by firstsId. */
  wordPos: (number[] | undefined)[];
  termPos: (number[] | undefined)[];
  matches: Map<CompiledPattern, Match[]>;
  norms?: string[];
  /**
   * Sentence bitsets (see sharedSentences), `bitWords` 32-bit words each, kept in one buffer:
   * the offset of each word's (by word id) and term's (by firstsId), -1 when it occurs nowhere.
   */
  bitWords: number;
  bits: Uint32Array;
  bitsUsed: number;
  wordBitsAt: (number | undefined)[];
  termBitsAt: (number | undefined)[];
  /** The offset of each term's phrase bits (see phraseBits), -1 when it has none. */
  phraseBitsAt: Map<Term, number>;
  /** One sentence bitset of scratch, for the alternative being read. */
  altBits: Uint32Array;
  /** The sentences shared by the terms of the pattern being matched. */
  shared: Uint32Array;
}

const indexCache = new WeakMap<Doc, DocIndex>();

function push<K>(map: Map<K, number[]>, key: K, i: number): void {
  const l = map.get(key);
  if (l) l.push(i);
  else map.set(key, [i]);
}

function docIndex(doc: Doc): DocIndex {
  let idx = indexCache.get(doc);
  if (!idx) {
    const bitWords = (doc.sentences.length + 31) >>> 5;
    idx = {
      byStem: new Map(),
      byNorm: new Map(),
      numbers: [],
      names: [],
      // filled up front: an array indexed far past its end turns slow
      wordPos: blankWordPos.slice(),
      termPos: new Array(firstsIds.size).fill(undefined),
      matches: new Map(),
      bitWords,
      // room for the bits of about as many words and terms as an answer of a few pages touches
      bits: new Uint32Array(bitWords * 2048),
      bitsUsed: 0,
      wordBitsAt: new Array(wordById.length).fill(undefined),
      termBitsAt: new Array(firstsIds.size).fill(undefined),
      phraseBitsAt: new Map(),
      altBits: new Uint32Array(bitWords),
      shared: new Uint32Array(bitWords),
    };
    const { byStem, byNorm, numbers, names, wordPos } = idx;
    doc.tokens.forEach((t, i) => {
      push(byStem, t.stem, i);
      push(byNorm, t.norm, i);
      if (t.isNumber) numbers.push(i);
      if (t.name) names.push(i);
    });
    // a token's stem is a function of its surface form (stemOf), so a word with the same surface
    // form has the same stem: its positions are those of the stem
    for (const [stem, at] of byStem) {
      const ids = stemWords.get(stem);
      if (ids) for (const id of ids) wordPos[id] = at;
    }
    indexCache.set(doc, idx);
  }
  return idx;
}


/** The sorted union of sorted lists of positions (one list is returned as it is). */
function mergeSorted(lists: number[][]): number[] {
  const full = lists.filter((l) => l.length > 0);
  if (full.length === 0) return NONE;
  if (full.length === 1) return full[0]!;
  return mergeRange(full, 0, full.length);
}

/** Lists [lo, hi) merged in halves: each position is copied about log(lists) times, not once per list. */
function mergeRange(lists: readonly number[][], lo: number, hi: number): number[] {
  if (hi - lo === 1) return lists[lo]!;
  const mid = (lo + hi) >> 1;
  return mergeTwo(mergeRange(lists, lo, mid), mergeRange(lists, mid, hi));
}

/** Two sorted lists merged without duplicates. */
function mergeTwo(a: readonly number[], b: readonly number[]): number[] {
  const merged: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? a[i]! : Infinity;
    const y = j < b.length ? b[j]! : Infinity;
    if (x <= y) {
      merged.push(x);
      i++;
      if (x === y) j++;
    } else {
      merged.push(y);
      j++;
    }
  }
  return merged;
}

/** Distinct words of the document in sorted order, for prefix look-ups by binary search. */
function sortedNorms(idx: DocIndex): string[] {
  idx.norms ??= [...idx.byNorm.keys()].sort();
  return idx.norms;
}

/** Index of the first item at or after `x` in an ascending array (binary search). */
export function lowerBound<T extends number | string>(xs: readonly T[], x: T): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function withPrefix(idx: DocIndex, prefix: string): number[][] {
  const norms = sortedNorms(idx);
  const lo = lowerBound(norms, prefix);
  const out: number[][] = [];
  for (let i = lo; i < norms.length && norms[i]!.startsWith(prefix); i++) out.push(idx.byNorm.get(norms[i]!)!);
  return out;
}

/** Positions where a single word (by id) matches, from the index (prefixes scan distinct words, not tokens). */
function wordStarts(idx: DocIndex, id: number): number[] {
  let out = idx.wordPos[id];
  if (!out) {
    const w = wordById[id]!;
    // a stem word compiled after the document was indexed
    if (w.kind === 'stem') return (idx.wordPos[id] = idx.byStem.get(w.stem) ?? NONE);
    const lists: number[][] = [];
    switch (w.kind) {
      case 'num':
        lists.push(idx.numbers);
        break;
      case 'prefix':
        lists.push(...withPrefix(idx, w.prefix));
        break;
      case 'time':
        for (const [norm, at] of idx.byNorm) if (TIME_RE.test(norm)) lists.push(at);
        break;
      case 'name':
        lists.push(idx.names);
        break;
    }
    out = mergeSorted(lists);
    idx.wordPos[id] = out;
  }
  return out;
}

/** Room in the document's bit buffer for one more sentence bitset (zeroed): its offset. */
function allocBits(idx: DocIndex): number {
  if (idx.bitsUsed + idx.bitWords > idx.bits.length) {
    const grown = new Uint32Array(idx.bits.length * 2);
    grown.set(idx.bits);
    idx.bits = grown;
  }
  const at = idx.bitsUsed;
  idx.bitsUsed += idx.bitWords;
  return at;
}

/** The sentences where a word (by id) occurs, as the offset of their bits, or -1 when it occurs nowhere. */
function wordBits(idx: DocIndex, tokens: readonly Token[], id: number): number {
  let at = idx.wordBitsAt[id];
  if (at === undefined) {
    const positions = wordStarts(idx, id);
    at = positions.length === 0 ? -1 : allocBits(idx);
    const bits = idx.bits;
    for (const i of positions) {
      const s = tokens[i]!.sentence;
      bits[at + (s >>> 5)]! |= 1 << (s & 31);
    }
    idx.wordBitsAt[id] = at;
  }
  return at;
}

/** The sentences where some first word of the term occurs, as the offset of their bits, or -1 when none does. */
function termBits(idx: DocIndex, tokens: readonly Token[], term: Term): number {
  let at = idx.termBitsAt[term.firstsId];
  if (at === undefined) {
    // a term with one first word in the document shares that word's bits; with more, their union
    // gets bits of its own
    at = -1;
    let own = false;
    for (const id of term.firstIds) {
      const w = wordBits(idx, tokens, id);
      if (w < 0) continue;
      if (at < 0) {
        at = w;
        continue;
      }
      if (!own) {
        const union = allocBits(idx);
        idx.bits.copyWithin(union, at, at + idx.bitWords);
        at = union;
        own = true;
      }
      const bits = idx.bits;
      for (let k = 0; k < idx.bitWords; k++) bits[at + k]! |= bits[w + k]!;
    }
    idx.termBitsAt[term.firstsId] = at;
  }
  return at;
}

/**
 * The sentences where some alternative of the term has every one of its words, as the offset of
 * their bits, or -1 when there is none: a term matches inside one sentence, so only there. For a
 * term of single words, these are the sentences where it can start.
 */
function phraseBits(idx: DocIndex, tokens: readonly Token[], term: Term): number {
  if (!term.multiWord) return termBits(idx, tokens, term);
  let at = idx.phraseBitsAt.get(term);
  if (at === undefined) {
    at = -1;
    const { altBits, bitWords } = idx;
    for (const ids of term.altWordIds) {
      // every word present somewhere first, last word first: a phrase's later words are rarer
      // than its first ("the", "i"), so most alternatives are ruled out by one look-up
      let present = true;
      for (let w = ids.length - 1; w >= 0 && present; w--) present = wordBits(idx, tokens, ids[w]!) >= 0;
      if (!present) continue;
      // then the sentences that hold them all
      let bits = idx.bits;
      let any = 0;
      for (let w = 0; w < ids.length; w++) {
        const b = wordBits(idx, tokens, ids[w]!);
        any = 0;
        for (let k = 0; k < bitWords; k++) any |= altBits[k] = w === 0 ? bits[b + k]! : altBits[k]! & bits[b + k]!;
        if (any === 0) break;
      }
      if (any === 0) continue;
      if (at < 0) at = allocBits(idx);
      bits = idx.bits;
      for (let k = 0; k < bitWords; k++) bits[at + k]! |= altBits[k]!;
    }
    idx.phraseBitsAt.set(term, at);
  }
  return at;
}

/**
 * The sentences where every term of the pattern can match, as bits (in a scratch buffer, valid
 * until the next call), or undefined when there is none: a match lies inside one sentence, so
 * most patterns are settled here for most answers.
 */
function sharedSentences(idx: DocIndex, tokens: readonly Token[], p: CompiledPattern): Uint32Array | undefined {
  const { shared, bitWords } = idx;
  // term by term, so a pattern stops at the first term it does not share a sentence with
  for (let t = 0; t < p.terms.length; t++) {
    const at = phraseBits(idx, tokens, p.terms[t]!);
    if (at < 0) return undefined;
    const bits = idx.bits;
    let any = 0;
    for (let k = 0; k < bitWords; k++) any |= shared[k] = t === 0 ? bits[at + k]! : shared[k]! & bits[at + k]!;
    if (any === 0) return undefined;
  }
  return shared;
}

/**
 * Start positions worth trying: where the first term occurs, in sentences that hold every word
 * of some alternative of every term of the pattern. Most patterns fail this cheap test for most
 * sentences.
 */
function candidateStarts(p: CompiledPattern, doc: Doc, shared: Uint32Array): number[] {
  const idx = docIndex(doc);
  const first = termStarts(idx, p.terms[0]!);
  // a term of single words can start only where its bits say it does
  if (p.terms.length === 1 && !p.terms[0]!.multiWord) return first;
  const tokens = doc.tokens;
  return first.filter((i) => {
    const s = tokens[i]!.sentence;
    return (shared[s >>> 5]! & (1 << (s & 31))) !== 0;
  });
}

/** Every counted match of the pattern in the document (negation rules applied). */
export function findMatches(doc: Doc, p: CompiledPattern): Match[] {
  if (doc.tokens.length === 0) return [];
  const idx = docIndex(doc);
  let out = idx.matches.get(p);
  if (!out) {
    // a match needs every term, inside one sentence
    const shared = sharedSentences(idx, doc.tokens, p);
    if (!shared) out = [];
    else if (p.order === 'any' && p.terms.length > 1) out = matchAnyOrder(p, doc);
    else {
      const sentenceEnd = (i: number) => doc.sentences[doc.tokens[i]!.sentence]!.lastToken;
      out = matchFixed(p, doc, sentenceEnd, candidateStarts(p, doc, shared));
    }
    if (p.time) out = out.filter((m) => inTime(doc, m, p.time!));
    idx.matches.set(p, out);
  }
  return out;
}

/** The match's clause places it when the pattern asks. */
function inTime(doc: Doc, m: Match, want: PatternTime): boolean {
  const s = doc.sentences[m.sentence]!;
  const time = projectTimeAt(s.text, m.start - s.start, m.end - s.start);
  return want === 'not-late' ? time !== 'late' : time === want;
}

/** True when any of the patterns matches. */
export function matchesAny(doc: Doc, patterns: readonly CompiledPattern[]): Match | undefined {
  for (const p of patterns) {
    const m = findMatches(doc, p)[0];
    if (m) return m;
  }
  return undefined;
}
