import type { PatternSpec } from '../rubric/types.js';
import { stemOf, wordPieces } from './analyze.js';
import type { Doc, Match, Token } from './types.js';

// The pattern language (see README "Writing patterns"), compiled once and matched
// through a per-document stem index so a rubric of hundreds of patterns stays fast.

type WordMatcher =
  | { kind: 'stem'; stem: string; norm: string }
  | { kind: 'prefix'; prefix: string }
  | { kind: 'num' }
  | { kind: 'time' };

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
}

export interface CompiledPattern {
  source: string;
  terms: Term[];
  order: 'fixed' | 'any';
  gap: number;
  negated: boolean;
  /** The pattern spells out a negation itself ("no data loss"), so scope is judged from its first word. */
  selfNegating: boolean;
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
const NEGATION_WORDS = new Set(['not', 'no', 'never', 'without', 'nobody', 'nothing', 'none', 'neither', 'nor']);
const TIME_RE = /^\d{1,2}(?::\d{2}(?:am|pm)?|am|pm)$/;
const WORD_CHARS = /^[\p{L}\p{N}'’.%:]+$/u;

/** Compile one word of a pattern or concept phrase (may expand to several pieces: "on-call", "didn't"). */
function compileWord(raw: string, where: string): WordMatcher[] {
  if (raw === '#num') return [{ kind: 'num' }];
  if (raw === '#time') return [{ kind: 'time' }];
  if (raw.startsWith('#')) throw new PatternError(`unknown word class "${raw}" in ${where} (use #num or #time)`);
  if (raw.endsWith('*')) {
    const prefix = raw.slice(0, -1).toLowerCase();
    if (!prefix || !WORD_CHARS.test(prefix)) throw new PatternError(`bad prefix "${raw}" in ${where}`);
    return [{ kind: 'prefix', prefix }];
  }
  const out: WordMatcher[] = [];
  for (const piece of raw.split(/[-/]+/)) {
    if (!piece) continue;
    if (!WORD_CHARS.test(piece)) throw new PatternError(`unexpected character in "${raw}" in ${where}`);
    for (const norm of wordPieces(piece)) {
      const trimmed = norm.replace(/[.:]+$/, '');
      if (trimmed) out.push({ kind: 'stem', stem: stemOf(trimmed), norm: trimmed });
    }
  }
  if (out.length === 0) throw new PatternError(`empty word "${raw}" in ${where}`);
  return out;
}

function compilePhrase(text: string, gap: number, where: string): Phrase {
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
            terms.push({ alts: [{ words: [w], gaps: [0] }], gapBefore: terms.length === 0 ? 0 : k === 0 ? gap : 0 });
          });
          continue;
        }
        alts.push({ words, gaps: words.map(() => 0) });
      }
    }
    if (alts.length > 0) terms.push({ alts, gapBefore: terms.length === 0 ? 0 : gap });
  }
  if (terms.length === 0) throw new PatternError(`empty ${where}`);
  return { source, terms, order, gap, negated, selfNegating };
}

function wordMatches(w: WordMatcher, t: Token): boolean {
  switch (w.kind) {
    case 'stem':
      return t.stem === w.stem || t.norm === w.norm;
    case 'prefix':
      return t.norm.startsWith(w.prefix);
    case 'num':
      return t.isNumber;
    case 'time':
      return TIME_RE.test(t.norm);
  }
}

/** Match a phrase starting exactly at token i; returns the index of its last token, or -1. */
function phraseAt(p: Phrase, tokens: Token[], i: number, end: number): number {
  const t0 = tokens[i];
  if (!t0 || i >= end || !wordMatches(p.words[0]!, t0)) return -1;
  let pos = i;
  for (let k = 1; k < p.words.length; k++) {
    const maxGap = p.gaps[k] ?? 0;
    let found = -1;
    for (let j = pos + 1; j <= pos + 1 + maxGap && j < end; j++) {
      if (wordMatches(p.words[k]!, tokens[j]!)) {
        found = j;
        break;
      }
    }
    if (found < 0) return -1;
    pos = found;
  }
  return pos;
}

/** The last token of the term matched at token i, or -1. */
function termAt(term: Term, tokens: Token[], i: number, end: number): number {
  for (const alt of term.alts) {
    const last = phraseAt(alt, tokens, i, end);
    if (last >= 0) return last;
  }
  return -1;
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
  for (let i = first; i <= last; i++) if (doc.tokens[i]!.hypothetical) hypothetical = true;
  return {
    sentence: a.sentence,
    start: a.start,
    end: b.end,
    negated: a.negated,
    hypothetical,
    firstToken: first,
    lastToken: last,
  };
}

function matchFixed(p: CompiledPattern, doc: Doc, sentenceEnd: (i: number) => number, starts: Iterable<number>): Match[] {
  const out: Match[] = [];
  const tokens = doc.tokens;
  let lastEnd = -1;
  for (const i of starts) {
    if (i <= lastEnd) continue;
    const end = sentenceEnd(i);
    let pos = termAt(p.terms[0]!, tokens, i, end);
    if (pos < 0) continue;
    let ok = true;
    for (let k = 1; k < p.terms.length && ok; k++) {
      const term = p.terms[k]!;
      let found = -1;
      for (let j = pos + 1; j <= pos + 1 + term.gapBefore && j < end; j++) {
        const e = termAt(term, tokens, j, end);
        if (e >= 0) {
          found = e;
          break;
        }
      }
      if (found < 0) ok = false;
      else pos = found;
    }
    if (ok && isCounted(p, tokens, i, pos)) {
      out.push(toMatch(doc, i, pos));
      lastEnd = pos;
    }
  }
  return out;
}

function matchAnyOrder(p: CompiledPattern, doc: Doc): Match[] {
  const out: Match[] = [];
  const n = p.terms.length;
  const window = n + p.gap * (n - 1);
  for (const s of doc.sentences) {
    // positions (start, last) of each term in this sentence
    const spans: [number, number][][] = p.terms.map(() => []);
    for (let i = s.firstToken; i < s.lastToken; i++) {
      p.terms.forEach((term, k) => {
        const e = termAt(term, doc.tokens, i, s.lastToken);
        if (e >= 0) spans[k]!.push([i, e]);
      });
    }
    if (spans.some((l) => l.length === 0)) continue;
    // slide over anchor positions of any term; check every term occurs within the window
    const anchors = [...new Set(spans.flat().map(([a]) => a))].sort((a, b) => a - b);
    for (const a of anchors) {
      let last = a;
      const used = new Set<number>();
      let ok = true;
      for (const list of spans) {
        const hit = list.find(([st]) => st >= a && st < a + window && !used.has(st));
        if (!hit) {
          ok = false;
          break;
        }
        used.add(hit[0]);
        last = Math.max(last, hit[1]);
      }
      if (ok && isCounted(p, doc.tokens, a, last)) {
        out.push(toMatch(doc, a, last));
        break; // one match per sentence is enough evidence
      }
    }
  }
  return out;
}

/** Per-document index from first-word keys to token positions, built once per Doc. */
const indexCache = new WeakMap<Doc, Map<string, number[]>>();

function stemIndex(doc: Doc): Map<string, number[]> {
  let idx = indexCache.get(doc);
  if (!idx) {
    idx = new Map();
    doc.tokens.forEach((t, i) => {
      for (const key of [`s:${t.stem}`, `n:${t.norm}`]) {
        const l = idx!.get(key);
        if (l) l.push(i);
        else idx!.set(key, [i]);
      }
      if (t.isNumber) {
        const l = idx!.get('#num');
        if (l) l.push(i);
        else idx!.set('#num', [i]);
      }
    });
    indexCache.set(doc, idx);
  }
  return idx;
}

function candidateStarts(p: CompiledPattern, doc: Doc): number[] {
  const idx = stemIndex(doc);
  const set = new Set<number>();
  for (const alt of p.terms[0]!.alts) {
    const w = alt.words[0]!;
    if (w.kind === 'stem') {
      for (const i of idx.get(`s:${w.stem}`) ?? []) set.add(i);
      for (const i of idx.get(`n:${w.norm}`) ?? []) set.add(i);
    } else if (w.kind === 'num') {
      for (const i of idx.get('#num') ?? []) set.add(i);
    } else {
      // prefix and time words: scan (rare in first position)
      doc.tokens.forEach((t, i) => {
        if (wordMatches(w, t)) set.add(i);
      });
    }
  }
  return [...set].sort((a, b) => a - b);
}

/** Every counted match of the pattern in the document (negation rules applied). */
export function findMatches(doc: Doc, p: CompiledPattern): Match[] {
  if (doc.tokens.length === 0) return [];
  if (p.order === 'any' && p.terms.length > 1) return matchAnyOrder(p, doc);
  const sentenceEnd = (i: number) => doc.sentences[doc.tokens[i]!.sentence]!.lastToken;
  return matchFixed(p, doc, sentenceEnd, candidateStarts(p, doc));
}

/** True when any of the patterns matches. */
export function matchesAny(doc: Doc, patterns: readonly CompiledPattern[]): Match | undefined {
  for (const p of patterns) {
    const m = findMatches(doc, p)[0];
    if (m) return m;
  }
  return undefined;
}
