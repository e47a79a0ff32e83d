import { clauseStarts } from '../language/clauses.js';
import { projectTimeAt } from '../language/time.js';
import { wordSet } from '../language/words.js';
import type { PatternSpec, PatternTime } from '../rubric/types.js';
import { normsOf, stemOf, wordPieces, type NormInfo } from './analyze.js';
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
  /** For each first word, whether it is the whole of every alternative it starts (it ends where it starts). */
  firstWhole: boolean[];
  /** How many tokens past its start the term's longest alternative can end. */
  reach: number;
  /** The ids of the first words (see intern). */
  firstIds: Int32Array;
  /**
   * The first words by kind, as indices into `firsts`: the stem words by stem (a token matches
   * them by its stem alone, so one look-up finds them), and the rest, tried one by one.
   */
  firstsByStem: ReadonlyMap<string, readonly number[]>;
  otherFirsts: readonly number[];
  /**
   * The first words that a token's word ids (see DocIndex.tokenWords) name: the ids ascending and,
   * at the same index, their index into `firsts`; and the index of #num and #name, -1 if absent.
   */
  firstIdsSorted: Int32Array;
  firstAt: Int32Array;
  numFirst: number;
  nameFirst: number;
  /** The term's number: a document's sentence bits for each term are indexed by it. */
  id: number;
}

/** No positions (shared: never written to). */
const NO_POSITIONS = new Int32Array(0);
/** No matches (shared: a pattern's matches are read only). */
const NO_MATCHES: Match[] = [];

/**
 * Identical words share one matcher object and one number, so per-document look-ups are arrays
 * indexed by the number and cached per word.
 */
const interned = new Map<string, WordMatcher>();
const wordIds = new Map<WordMatcher, number>();
const wordById: WordMatcher[] = [];
/** The ids of the stem words by stem, so a document fills in its words from its distinct stems. */
const stemWords = new Map<string, number[]>();
/** The ids of the prefix words by prefix, and of the word classes (-1 until one is compiled). */
const prefixWords = new Map<string, number>();
let numWord = -1;
let timeWord = -1;
let nameWord = -1;
function intern(w: WordMatcher): WordMatcher {
  const key = w.kind === 'stem' ? `s:${w.stem}:${w.norm}` : w.kind === 'prefix' ? `p:${w.prefix}` : w.kind;
  let out = interned.get(key);
  if (!out) {
    interned.set(key, (out = w));
    const id = wordById.length;
    wordIds.set(w, id);
    wordById.push(w);
    if (w.kind === 'stem') push(stemWords, w.stem, id);
    else if (w.kind === 'prefix') prefixWords.set(w.prefix, id);
    else if (w.kind === 'num') numWord = id;
    else if (w.kind === 'time') timeWord = id;
    else nameWord = id;
  }
  return out;
}

/**
 * The words a token matches by its surface form and stem alone (every word but #num and #name,
 * which are read from the token), cached by surface form; `known` is how many words had been
 * compiled when it was read.
 */
interface NormWords {
  stem: string;
  known: number;
  ids: readonly number[];
}
const normWords = new Map<string, NormWords>();

function wordsOfNorm(norm: string, stem: string): readonly number[] {
  let info = normWords.get(norm);
  if (info === undefined || info.known !== wordById.length || info.stem !== stem) {
    if (normWords.size > 50000) normWords.clear();
    normWords.set(norm, (info = { stem, known: wordById.length, ids: idsOfNorm(norm, stem) }));
  }
  return info.ids;
}

/** wordsOfNorm for a token whose norm analyze read: kept on what it read, no look-up by the norm. */
function wordsOfInfo(info: NormInfo, norm: string): readonly number[] {
  let words = info.words;
  if (words === undefined || words.known !== wordById.length) info.words = words = { known: wordById.length, ids: idsOfNorm(norm, info.stem) };
  return words.ids;
}

function idsOfNorm(norm: string, stem: string): readonly number[] {
  const ids: number[] = [];
  const byStem = stemWords.get(stem);
  if (byStem) for (const id of byStem) ids.push(id);
  // a prefix word matches each surface form it starts: look its prefixes up, not every prefix word
  if (prefixWords.size > 0) {
    for (let k = 1; k <= norm.length; k++) {
      const id = prefixWords.get(norm.slice(0, k));
      if (id !== undefined) ids.push(id);
    }
  }
  if (timeWord >= 0 && TIME_RE.test(norm)) ids.push(timeWord);
  return ids;
}

/**
 * The distinct sets of words of the alternatives of every term compiled ("word sets"): an
 * alternative can match only in a sentence that holds all of its words, whatever their order and
 * gaps. Each set is read in a document only when its key word (its word in the fewest sets)
 * occurs there, so most alternatives of a rubric are never looked at for a given answer.
 */
const wordSetIds = new Map<string, number>();
const setWords: (readonly number[])[] = [];
/** How many word sets each word (by id) is in. */
const wordSetCount: number[] = [];
/** The word sets of each term's alternatives, by term id. */
const termSets: (readonly number[])[] = [];

/** The id of a word set (the ids of an alternative's words). */
function registerSet(ids: readonly number[]): number {
  const words = [...new Set(ids)].sort((a, b) => a - b);
  const key = words.join(',');
  let id = wordSetIds.get(key);
  if (id === undefined) {
    id = setWords.length;
    wordSetIds.set(key, id);
    setWords.push(words);
    for (const w of words) wordSetCount[w] = (wordSetCount[w] ?? 0) + 1;
  }
  return id;
}

/**
 * The word sets and terms compiled so far, flattened into arrays of numbers (a row of each is
 * `list[start[i]]` up to `list[start[i + 1]]`): the sets keyed by each word, the words of each
 * set, and the sets of each term. Rebuilt when a document is indexed after more were compiled.
 */
interface Flat {
  sets: number;
  terms: number;
  keyedStart: Int32Array;
  keyed: Int32Array;
  setStart: Int32Array;
  setList: Int32Array;
  termStart: Int32Array;
  termList: Int32Array;
}
let flat: Flat | undefined;

/** Rows of numbers as one list and where each row starts. */
function flatten(rows: readonly (readonly number[])[]): { start: Int32Array; list: Int32Array } {
  const start = new Int32Array(rows.length + 1);
  for (let i = 0; i < rows.length; i++) start[i + 1] = start[i]! + rows[i]!.length;
  const list = new Int32Array(start[rows.length]!);
  for (let i = 0; i < rows.length; i++) list.set(rows[i]!, start[i]!);
  return { start, list };
}

function flatSets(): Flat {
  if (!flat || flat.sets !== setWords.length || flat.terms !== termSets.length) {
    const keyedRows: number[][] = wordById.map(() => []);
    setWords.forEach((words, set) => {
      let key = words[0]!;
      for (const w of words) if (wordSetCount[w]! < wordSetCount[key]!) key = w;
      keyedRows[key]!.push(set);
    });
    const keyed = flatten(keyedRows);
    const sets = flatten(setWords);
    const terms = flatten(termSets);
    flat = {
      sets: setWords.length,
      terms: termSets.length,
      keyedStart: keyed.start,
      keyed: keyed.list,
      setStart: sets.start,
      setList: sets.list,
      termStart: terms.start,
      termList: terms.list,
    };
  }
  return flat;
}

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
  const firstIds = Int32Array.from(firsts, (w) => wordIds.get(w)!);
  // phraseEnds: each later word comes one token after the previous, plus up to its gap
  const reach = Math.max(...alts.map((a) => a.words.reduce((n, _, k) => (k === 0 ? 0 : n + 1 + (a.gaps[k] ?? 0)), 0)));
  const firstsByStem = new Map<string, number[]>();
  const otherFirsts: number[] = [];
  firsts.forEach((w, k) => {
    if (w.kind === 'stem') push(firstsByStem, w.stem, k);
    else otherFirsts.push(k);
  });
  // the word set of each alternative: the term can match only in a sentence holding one of them whole
  const id = termSets.length;
  termSets.push([...new Set(alts.map((a) => registerSet(a.words.map((w) => wordIds.get(w)!))))]);
  const order = firsts.map((_, k) => k).sort((a, b) => firstIds[a]! - firstIds[b]!);
  const firstIdsSorted = Int32Array.from(order, (k) => firstIds[k]!);
  const firstAt = Int32Array.from(order);
  const numFirst = firsts.findIndex((w) => w.kind === 'num');
  const nameFirst = firsts.findIndex((w) => w.kind === 'name');
  const firstAlts = [...byFirst.values()];
  const firstWhole = firstAlts.map((l) => l.every((a) => a.words.length === 1));
  return { alts, gapBefore, firsts, firstAlts, firstWhole, reach, firstIds, firstsByStem, otherFirsts, firstIdsSorted, firstAt, numFirst, nameFirst, id };
}

export interface CompiledPattern {
  /** The pattern's number, in the order compiled: per-document matches are kept by it. */
  id: number;
  source: string;
  terms: Term[];
  /** The ids of the terms, in order. */
  termIds: Int32Array;
  order: 'fixed' | 'any';
  gap: number;
  negated: boolean;
  /** The pattern spells out a negation itself ("no data loss"), so scope is judged from its first word. */
  selfNegating: boolean;
  /** When in the project the match's clause must place it; undefined for any time. */
  time?: PatternTime | undefined;
  /** The whole match must lie inside one clause (PatternSpec's `clause`). */
  clause: boolean;
  /** What must be told in the same or a neighbouring sentence (PatternSpec's `with`). */
  with?: CompiledPattern | undefined;
  /** What, told within as many sentences, takes the match back (PatternSpec's `unless`). */
  unless?: CompiledPattern | undefined;
  /** How many sentences either side the partner (and `unless`) may sit. */
  within: number;
}

export type Lexicon = ReadonlyMap<string, Phrase[]>;

export class PatternError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PatternError';
  }
}

const DEFAULT_GAP = 3;
/** Sentences either side of a match where its partner (`with`) may be told. */
const DEFAULT_WITHIN = 1;
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

/**
 * A pattern's own alternative: its words adjacent. Made once per distinct alternative, like a
 * concept phrase, so a rubric compiled again shares its terms instead of making new ones.
 */
function adjacentPhrase(words: WordMatcher[]): Phrase {
  const key = `=${words.map((w) => wordIds.get(w)!).join(',')}`;
  const known = phraseMemo.get(key);
  if (known) return known;
  const phrase: Phrase = { words, gaps: words.map(() => 0) };
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

let patternCount = 0;

export function compilePattern(spec: PatternSpec, lexicon: Lexicon): CompiledPattern {
  const source = typeof spec === 'string' ? spec : spec.match;
  const order = typeof spec === 'string' ? 'fixed' : (spec.order ?? 'fixed');
  const gap = typeof spec === 'string' ? DEFAULT_GAP : (spec.gap ?? DEFAULT_GAP);
  const negated = typeof spec === 'string' ? false : spec.negated === true;
  const time = typeof spec === 'string' ? undefined : spec.time;
  const clause = typeof spec === 'string' ? false : spec.clause === true;
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
            terms.push(makeTerm([adjacentPhrase([w])], terms.length === 0 ? 0 : k === 0 ? gap : 0));
          });
          continue;
        }
        alts.push(adjacentPhrase(words));
      }
    }
    if (alts.length > 0) terms.push(makeTerm(alts, terms.length === 0 ? 0 : gap));
  }
  if (terms.length === 0) throw new PatternError(`empty ${where}`);
  const partner = typeof spec === 'string' || spec.with === undefined ? undefined : compilePattern(spec.with, lexicon);
  const unless = typeof spec === 'string' || spec.unless === undefined ? undefined : compilePattern(spec.unless, lexicon);
  const within = typeof spec === 'string' ? DEFAULT_WITHIN : (spec.within ?? DEFAULT_WITHIN);
  return { id: patternCount++, source, terms, termIds: Int32Array.from(terms, (t) => t.id), order, gap, negated, selfNegating, time, clause, with: partner, unless, within };
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
  let matched = false;
  // the first words that match the token, found by the ids of the words it matches (the ends are
  // sorted by the callers that need them in order, so the order they are tried in does not matter)
  const ids = tokenWords[i]!;
  for (let n = 0; n < ids.length; n++) {
    const k = firstOf(term, ids[n]!);
    if (k < 0) continue;
    matched = true;
    endsFrom(term, k, tokens, i, end, out);
  }
  if (term.numFirst >= 0 && t.isNumber) {
    matched = true;
    endsFrom(term, term.numFirst, tokens, i, end, out);
  }
  if (term.nameFirst >= 0 && t.name === true) {
    matched = true;
    endsFrom(term, term.nameFirst, tokens, i, end, out);
  }
  return matched;
}

/** Appends the ends of the alternatives that start with the term's first word `k`, started at token i. */
function endsFrom(term: Term, k: number, tokens: Token[], i: number, end: number, out: Ends): void {
  // a first word that is the whole of each of its alternatives ends where it starts: no phrase is
  // read (each would give the same end, and the ends may repeat)
  if (term.firstWhole[k]) out.list[out.n++] = i;
  else for (const alt of term.firstAlts[k]!) phraseEnds(alt, tokens, i, 1, end, out);
}

/** The index into the term's `firsts` of the word (by id), or -1. */
function firstOf(term: Term, id: number): number {
  const ids = term.firstIdsSorted;
  const lo = lowerBound(ids, id);
  return lo < ids.length && ids[lo] === id ? term.firstAt[lo]! : -1;
}

/**
 * The ids of the words (all but #num and #name) that each token of the document being matched
 * matches, by token (see DocIndex.tokenWords): set by findMatches, which runs synchronously.
 */
const NO_WORDS: readonly (readonly number[])[] = [];
let tokenWords = NO_WORDS;

/**
 * The first `n` items of the list sorted ascending with repeats dropped, in place; returns how
 * many are left. By insertion, each item once: the items are a few token positions, within reach
 * of one place, however many times they repeat.
 */
function sortUnique(list: number[], n: number): number {
  let m = 0;
  for (let k = 0; k < n; k++) {
    const x = list[k]!;
    let j = m;
    while (j > 0 && list[j - 1]! > x) j--;
    if (j > 0 && list[j - 1] === x) continue;
    for (let h = m; h > j; h--) list[h] = list[h - 1]!;
    list[j] = x;
    m++;
  }
  return m;
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
 * The spans fixedAt reads, in lists reused from one try to the next (matching is synchronous): the
 * start and end of each span of each term, and whether the rest of the pattern can follow it; term
 * k's spans are those from `termSpans[k]` up to `termSpans[k + 1]`. And the ends of the term
 * before, ascending, each once.
 */
const spanStarts: number[] = [];
const spanEnds: number[] = [];
const spanOk: boolean[] = [];
const termSpans: number[] = [];
const prevEnds: number[] = [];

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
  // forward: every (start, end) of each term reachable from some end of the term before it,
  // in start order; the first term's all start at i
  let prev = sortUnique(scratchEnds.list, scratchEnds.n);
  let n = 0;
  for (; n < prev; n++) {
    spanStarts[n] = i;
    spanEnds[n] = prevEnds[n] = scratchEnds.list[n]!;
  }
  termSpans[0] = 0;
  // one way through (the usual case): one span of each term, nothing to choose between
  let oneWay = prev === 1;
  for (let k = 1; k < terms.length; k++) {
    const term = terms[k]!;
    const first = (termSpans[k] = n);
    // the windows after each previous end, merged (the ends are ascending, so the starts are too)
    let from = -1;
    for (let a = 0; a < prev; a++) {
      const e = prevEnds[a]!;
      const to = Math.min(end - 1, e + 1 + term.gapBefore);
      for (let j = Math.max(from + 1, e + 1); j <= to; j++) {
        scratchEnds.n = 0;
        if (!collectEnds(term, tokens, j, end, scratchEnds)) continue;
        const m = sortUnique(scratchEnds.list, scratchEnds.n);
        for (let x = 0; x < m; x++, n++) {
          spanStarts[n] = j;
          spanEnds[n] = scratchEnds.list[x]!;
        }
      }
      from = Math.max(from, to);
    }
    if (n === first) return -1;
    if (n - first > 1) oneWay = false;
    prev = 0;
    for (let a = first; a < n; a++) prevEnds[prev++] = spanEnds[a]!;
    prev = sortUnique(prevEnds, prev);
  }
  termSpans[terms.length] = n;
  if (oneWay) return prevEnds[0]!;
  // backward: which spans of each term can still be followed by the rest of the pattern
  for (let a = termSpans[terms.length - 1]!; a < n; a++) spanOk[a] = true;
  for (let k = terms.length - 2; k >= 0; k--) {
    const gap = terms[k + 1]!.gapBefore;
    const nextFrom = termSpans[k + 1]!;
    const nextTo = termSpans[k + 2]!;
    for (let a = termSpans[k]!; a < nextFrom; a++) {
      const e = spanEnds[a]!;
      let any = false;
      for (let b = nextFrom; b < nextTo && !any; b++) {
        const s = spanStarts[b]!;
        if (spanOk[b] && s >= e + 1 && s <= e + 1 + gap) any = true;
      }
      spanOk[a] = any;
    }
  }
  // forward again: earliest start, then longest span, among the spans that lead to a match
  let pos = -2;
  for (let k = 0; k < terms.length; k++) {
    const lo = k === 0 ? i : pos + 1;
    const hi = k === 0 ? i : pos + 1 + terms[k]!.gapBefore;
    let bestStart = Infinity;
    let bestEnd = -1;
    for (let a = termSpans[k]!; a < termSpans[k + 1]!; a++) {
      const s = spanStarts[a]!;
      if (!spanOk[a] || s < lo || s > hi) continue;
      if (s < bestStart || (s === bestStart && spanEnds[a]! > bestEnd)) {
        bestStart = s;
        bestEnd = spanEnds[a]!;
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

/** The start positions of a pattern's first and second terms, read by findMatches (which runs synchronously). */
const firstStarts: Positions = { list: [], n: 0 };
const secondStarts: Positions = { list: [], n: 0 };

function matchFixed(p: CompiledPattern, doc: Doc, starts: Positions, second: Positions | undefined): Match[] {
  const out: Match[] = [];
  const { tokens, sentences } = doc;
  // the second term must start within reach of the first (see fixedAt's startsWithin): its start
  // positions, walked alongside, rule out most tries before any phrase is read
  const reach = p.terms.length > 1 ? p.terms[0]!.reach + 1 + p.terms[1]!.gapBefore : 0;
  let next = 0;
  let lastEnd = -1;
  for (let k = 0; k < starts.n; k++) {
    const i = starts.list[k]!;
    if (i <= lastEnd) continue;
    const end = sentences[tokens[i]!.sentence]!.lastToken;
    if (second) {
      while (next < second.n && second.list[next]! <= i) next++;
      if (next >= second.n) break;
      if (second.list[next]! > Math.min(end - 1, i + reach)) continue;
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
    const ids = tokenWords[j]!;
    for (let n = 0; n < ids.length; n++) if (firstOf(term, ids[n]!) >= 0) return true;
    if ((term.numFirst >= 0 && t.isNumber) || (term.nameFirst >= 0 && t.name === true)) return true;
  }
  return false;
}

/** Token positions being gathered: the first `n` of `list` (a list reused, never shrunk). */
interface Positions {
  list: number[];
  n: number;
}

/** Where each first word's positions are read from and up to, while sharedStarts merges them (reused). */
let heads = new Int32Array(64);
let tails = new Int32Array(64);

/**
 * The positions, ascending, where some first word of the term occurs inside the sentences of
 * `shared`, written to `out`: the only places a pattern whose terms all share those sentences can
 * match.
 */
function sharedStarts(idx: DocIndex, doc: Doc, term: Term, shared: Uint32Array, out: Positions): Positions {
  out.n = 0;
  // most first words are absent from a document: only the words that hold positions are read
  let lists = 0;
  const { firstIds } = term;
  const { wordBitsAt, bits, bitWords, posStart, pos } = idx;
  if (firstIds.length > heads.length) {
    heads = new Int32Array(firstIds.length);
    tails = new Int32Array(firstIds.length);
  }
  for (let f = 0; f < firstIds.length; f++) {
    const id = firstIds[f]!;
    const at = wordBitsAt[id]!;
    if (at < 0) continue;
    // and only those of words in some shared sentence
    let any = 0;
    for (let k = 0; k < bitWords; k++) any |= bits[at + k]! & shared[k]!;
    if (any === 0) continue;
    heads[lists] = posStart[id]!;
    tails[lists] = posStart[id + 1]!;
    lists++;
  }
  if (lists === 0) return out;
  const { sentences } = doc;
  const list = out.list;
  for (let k = 0; k < bitWords; k++) {
    for (let word = shared[k]!; word !== 0; word &= word - 1) {
      const s = (k << 5) + (31 - Math.clz32(word & -word));
      const lo = sentences[s]!.firstToken;
      const hi = sentences[s]!.lastToken;
      // each word's head moves only forward, over positions before the sentence
      for (let l = 0; l < lists; l++) {
        let h = heads[l]!;
        while (h < tails[l]! && pos[h]! < lo) h++;
        heads[l] = h;
      }
      if (lists === 1) {
        let h = heads[0]!;
        for (; h < tails[0]! && pos[h]! < hi; h++) list[out.n++] = pos[h]!;
        heads[0] = h;
        continue;
      }
      // several words: merged in order, each position once
      for (;;) {
        let min = hi;
        for (let l = 0; l < lists; l++) {
          if (heads[l]! < tails[l]! && pos[heads[l]!]! < min) min = pos[heads[l]!]!;
        }
        if (min >= hi) break;
        list[out.n++] = min;
        for (let l = 0; l < lists; l++) if (heads[l]! < tails[l]! && pos[heads[l]!]! === min) heads[l]!++;
      }
    }
  }
  return out;
}

function matchAnyOrder(p: CompiledPattern, doc: Doc, shared: Uint32Array): Match[] {
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
    // a match lies inside one sentence where every term can match
    const termStarts = sharedStarts(idx, doc, term, shared, firstStarts);
    for (let k = 0; k < termStarts.n; k++) {
      const i = termStarts.list[k]!;
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
 * Per-document lookups, built once per Doc: the positions and sentences of every compiled word
 * the document holds, the sentences where each term can match, the start positions of each first
 * word set, and every pattern's matches (a Doc is immutable, so the scorer and the round engine
 * can ask for the same pattern twice for free).
 */
interface DocIndex {
  /** How many words and terms had been compiled when it was built (a later one rebuilds it). */
  words: number;
  terms: number;
  /**
   * Positions of each word, ascending, all in one list: the word's (by id) are `pos[posStart[id]]`
   * up to `pos[posStart[id + 1]]`.
   */
  posStart: Int32Array;
  pos: Int32Array;
  /** The ids of the words each token matches by its surface form and stem (see wordsOfNorm), by token. */
  tokenWords: (readonly number[])[];
  /** Each pattern's matches, by pattern id (a slot for every pattern compiled). */
  matches: (Match[] | undefined)[];
  /**
   * Sentence bitsets (see sharedSentences), `bitWords` 32-bit words each, kept in one buffer:
   * the offset of each word's (by word id) and of the sentences where each term (by id) can
   * match, -1 when there are none.
   */
  bitWords: number;
  bits: Uint32Array;
  bitsUsed: number;
  wordBitsAt: Int32Array;
  /** Each word set's bits (by set id) as offset + 1, 0 where it is absent; each term's, -2 until read. */
  setBitsAt: Int32Array;
  termBitsAt: Int32Array;
  sets: Flat;
  /** The sentences shared by the terms of the pattern being matched. */
  shared: Uint32Array;
  /** Where each sentence's clauses begin (offsets in the sentence), read when a pattern bound to one clause asks. */
  clauseStarts: (number[] | undefined)[];
}

const indexCache = new WeakMap<Doc, DocIndex>();

function push<K>(map: Map<K, number[]>, key: K, i: number): void {
  const l = map.get(key);
  if (l) l.push(i);
  else map.set(key, [i]);
}

function docIndex(doc: Doc): DocIndex {
  let idx = indexCache.get(doc);
  if (!idx || idx.words !== wordById.length || idx.terms !== termSets.length) {
    // built afresh when a pattern was compiled after it (its matches so far stay valid)
    idx = buildIndex(doc, idx?.matches ?? new Array<Match[] | undefined>(patternCount).fill(undefined));
    indexCache.set(doc, idx);
  }
  return idx;
}

function buildIndex(doc: Doc, matches: (Match[] | undefined)[]): DocIndex {
  const sets = flatSets();
  const bitWords = (doc.sentences.length + 31) >>> 5;
  const idx: DocIndex = {
    words: wordById.length,
    terms: sets.terms,
    sets,
    posStart: new Int32Array(wordById.length + 1),
    pos: NO_POSITIONS,
    tokenWords: new Array<readonly number[]>(doc.tokens.length),
    matches,
    bitWords,
    // room for the bits of about as many words and terms as an answer of a few pages touches
    bits: new Uint32Array(bitWords * 2048),
    bitsUsed: 0,
    wordBitsAt: new Int32Array(wordById.length).fill(-1),
    setBitsAt: new Int32Array(sets.sets),
    termBitsAt: new Int32Array(sets.terms).fill(-2),
    shared: new Uint32Array(bitWords),
    clauseStarts: [],
  };
  const { wordBitsAt, posStart } = idx;
  const present: number[] = [];
  // first each word's sentences, and how often it occurs (counted in posStart[id + 1])
  let occurrences = 0;
  const add = (id: number, s: number) => {
    let at = wordBitsAt[id]!;
    if (at < 0) {
      present.push(id);
      wordBitsAt[id] = at = allocBits(idx);
    }
    posStart[id + 1]!++;
    occurrences++;
    idx.bits[at + (s >>> 5)]! |= 1 << (s & 31);
  };
  const tokens = doc.tokens;
  const { tokenWords } = idx;
  // what analyze read of each word carries its words; a document made otherwise looks them up
  const norms = normsOf(doc);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const ids = norms ? wordsOfInfo(norms[i]!, t.norm) : wordsOfNorm(t.norm, t.stem);
    tokenWords[i] = ids;
    for (let n = 0; n < ids.length; n++) add(ids[n]!, t.sentence);
    if (t.isNumber && numWord >= 0) add(numWord, t.sentence);
    if (t.name === true && nameWord >= 0) add(nameWord, t.sentence);
  }
  // then the positions, each word's in a run of its own (counts summed into where each run starts)
  for (let id = 0; id < wordById.length; id++) posStart[id + 1]! += posStart[id]!;
  const pos = (idx.pos = new Int32Array(occurrences));
  const filled = posStart.slice(0, wordById.length);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const ids = tokenWords[i]!;
    for (let n = 0; n < ids.length; n++) pos[filled[ids[n]!]!++] = i;
    if (t.isNumber && numWord >= 0) pos[filled[numWord]!++] = i;
    if (t.name === true && nameWord >= 0) pos[filled[nameWord]!++] = i;
  }
  // the sentences that hold every word of a word set, read only for the sets whose key word occurs
  const { keyedStart, keyed, setStart, setList } = sets;
  const { setBitsAt } = idx;
  const scratch = new Uint32Array(bitWords);
  for (const key of present) {
    for (let j = keyedStart[key]!; j < keyedStart[key + 1]!; j++) {
      const set = keyed[j]!;
      const from = setStart[set]!;
      const to = setStart[set + 1]!;
      if (to - from === 1) {
        setBitsAt[set] = wordBitsAt[key]! + 1;
        continue;
      }
      let all = true;
      for (let w = from; w < to && all; w++) all = wordBitsAt[setList[w]!]! >= 0;
      if (!all) continue;
      const bits = idx.bits;
      let any = 0;
      for (let w = from; w < to; w++) {
        const b = wordBitsAt[setList[w]!]!;
        any = 0;
        for (let k = 0; k < bitWords; k++) any |= scratch[k] = w === from ? bits[b + k]! : scratch[k]! & bits[b + k]!;
        if (any === 0) break;
      }
      if (any === 0) continue;
      const at = allocBits(idx);
      idx.bits.set(scratch, at);
      setBitsAt[set] = at + 1;
    }
  }
  return idx;
}

/**
 * The sentences where the term (by id) can match, as the offset of their bits, or -1 when there
 * are none: where some alternative has all of its words (a term matches inside one sentence).
 */
function termBits(idx: DocIndex, term: number): number {
  let at = idx.termBitsAt[term]!;
  if (at === -2) {
    // a term with one word set in the document shares its bits; with more, their union gets bits
    // of its own
    at = -1;
    let own = false;
    const { termStart, termList } = idx.sets;
    const { setBitsAt, bitWords } = idx;
    for (let j = termStart[term]!; j < termStart[term + 1]!; j++) {
      const b = setBitsAt[termList[j]!]! - 1;
      if (b < 0) continue;
      if (at < 0) {
        at = b;
        continue;
      }
      if (!own) {
        const union = allocBits(idx);
        idx.bits.copyWithin(union, at, at + bitWords);
        at = union;
        own = true;
      }
      const bits = idx.bits;
      for (let k = 0; k < bitWords; k++) bits[at + k]! |= bits[b + k]!;
    }
    idx.termBitsAt[term] = at;
  }
  return at;
}

/** Index of the first item at or after `x` in an ascending array (binary search). */
export function lowerBound<T extends number | string>(xs: ArrayLike<T>, x: T): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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

/**
 * The sentences where every term of the pattern can match, as bits (in a scratch buffer, valid
 * until the next call), or undefined when there is none: a match lies inside one sentence, so
 * most patterns are settled here for most answers.
 */
function sharedSentences(idx: DocIndex, p: CompiledPattern): Uint32Array | undefined {
  const { shared, bitWords } = idx;
  // term by term, so a pattern stops at the first term it does not share a sentence with
  for (let t = 0; t < p.termIds.length; t++) {
    const at = termBits(idx, p.termIds[t]!);
    if (at < 0) return undefined;
    const bits = idx.bits;
    let any = 0;
    for (let k = 0; k < bitWords; k++) any |= shared[k] = t === 0 ? bits[at + k]! : shared[k]! & bits[at + k]!;
    if (any === 0) return undefined;
  }
  return shared;
}

/** Every counted match of the pattern in the document (negation rules applied). */
export function findMatches(doc: Doc, p: CompiledPattern): Match[] {
  if (doc.tokens.length === 0) return [];
  const idx = docIndex(doc);
  const { matches } = idx;
  while (matches.length <= p.id) matches.push(undefined);
  let out = matches[p.id];
  if (!out) {
    tokenWords = idx.tokenWords;
    // a match needs every term, inside one sentence
    const shared = sharedSentences(idx, p);
    if (!shared) out = NO_MATCHES;
    else if (p.order === 'any' && p.terms.length > 1) out = matchAnyOrder(p, doc, shared);
    else {
      // start positions worth trying: where the first term occurs, in sentences that hold every
      // word of some alternative of every term of the pattern
      const starts = sharedStarts(idx, doc, p.terms[0]!, shared, firstStarts);
      const second = p.terms.length > 1 ? sharedStarts(idx, doc, p.terms[1]!, shared, secondStarts) : undefined;
      out = matchFixed(p, doc, starts, second);
    }
    tokenWords = NO_WORDS;
    if (p.time) out = out.filter((m) => inTime(doc, m, p.time!));
    if (p.clause && out.length > 0) out = out.filter((m) => inOneClause(doc, m));
    if (p.with && out.length > 0) out = withPartner(doc, out, p.with, p.within);
    if (p.unless && out.length > 0) out = unlessNear(doc, out, p.unless, p.within);
    matches[p.id] = out;
  }
  return out;
}

/**
 * The sentences, ascending, where `p` is told as done: a match inside a negation does not count
 * unless the pattern asks for one; an imagined one does ("because doing it properly would have
 * taken a month" is a reason given, and "we never compared the counts" names no check).
 */
function toldIn(doc: Doc, p: CompiledPattern): number[] {
  const out: number[] = [];
  let sorted = true;
  for (const m of findMatches(doc, p)) {
    if (m.negated && !p.negated) continue;
    const last = out[out.length - 1];
    if (last === m.sentence) continue;
    if (last !== undefined && last > m.sentence) sorted = false;
    out.push(m.sentence);
  }
  return sorted ? out : out.sort((a, b) => a - b);
}

/** Some sentence of `sentences` (ascending) lies within `within` of sentence `s`. */
function near(sentences: readonly number[], s: number, within: number): boolean {
  const k = lowerBound(sentences, s - within);
  return k < sentences.length && sentences[k]! <= s + within;
}

/** The matches told beside their partner (`with`): in the same sentence or within `within` of it. */
function withPartner(doc: Doc, out: Match[], partner: CompiledPattern, within: number): Match[] {
  const told = toldIn(doc, partner);
  return told.length === 0 ? NO_MATCHES : out.filter((m) => near(told, m.sentence, within));
}

/** The matches with nothing of `unless` told within `within` sentences of them. */
function unlessNear(doc: Doc, out: Match[], unless: CompiledPattern, within: number): Match[] {
  const told = toldIn(doc, unless);
  return told.length === 0 ? out : out.filter((m) => !near(told, m.sentence, within));
}

/** No clause begins inside the match: its words are told in one clause. */
function inOneClause(doc: Doc, m: Match): boolean {
  const bySentence = docIndex(doc).clauseStarts;
  const s = doc.sentences[m.sentence]!;
  let starts = bySentence[m.sentence];
  if (!starts) starts = bySentence[m.sentence] = clauseStarts(s.text);
  const from = m.start - s.start;
  const to = m.end - s.start;
  return !starts.some((c) => c > from && c < to);
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
