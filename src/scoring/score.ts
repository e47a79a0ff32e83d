import { isFramedList } from '../language/recital.js';
import { WORDS, wordSet } from '../language/words.js';
import { ownsUp, pushedBackAt, stanceAt, tellsLesson, type Stance } from '../language/stance.js';
import { actAt } from '../language/act.js';
import { LEVEL_LABELS, conceptPhrases, type BeatSpec, type Level, type RubricSpec, type ScoringConfig, type SignalId, type SignalSpec } from '../rubric/types.js';
import { analyze } from './analyze.js';
import { compileLexicon, compilePattern, findMatches, lowerBound, type CompiledPattern, type Lexicon } from './pattern.js';
import { overallLine } from './summary.js';
import type { BeatResult, Doc, Match, PathFinding, RedFlagResult, ScoreReport, SignalResult } from './types.js';

// Beats and red flags → per-signal scores and levels. A mechanical combination of
// rubric weights; every point carries the sentence that earned it.

export interface CompiledBeat {
  ref: string;
  spec: BeatSpec;
  patterns: CompiledPattern[];
  story: boolean;
  /** The beat's own patterns spell owning up ("my mistake", "I should have"): a regret or a wish earns it. */
  regretIsTheAct: boolean;
}

interface CompiledFlag {
  id: string;
  label: string;
  weight: number;
  why: string;
  patterns: CompiledPattern[];
  /** The beat earned by standing against this behaviour. */
  refusalEarns?: string | undefined;
}

interface CompiledSignal {
  spec: SignalSpec;
  beats: CompiledBeat[];
  flags: CompiledFlag[];
  /** Every beat and red-flag pattern of the signal, for the salad judgement. */
  allPatterns: CompiledPattern[];
}

export interface CompiledRubric {
  spec: RubricSpec;
  lexicon: Lexicon;
  signals: CompiledSignal[];
  story: CompiledBeat[];
  /** A beat by reference: "signal-id/beat-id" or "story/beat-id". */
  beat(ref: string): CompiledBeat | undefined;
  signal(id: string): SignalSpec | undefined;
}

export interface ScoreOptions {
  /** Report only these signals (default all, in rubric order). */
  signals?: readonly SignalId[];
  /** The signals a round targets: the overall line is judged on them. */
  targets?: readonly SignalId[];
  /** Override the rubric's credit for hypothetical hits (design answers are naturally "I would"). */
  hypotheticalCredit?: number;
  /** Beats and red flags decided outside the text (an incident round's investigation path). */
  findings?: readonly PathFinding[];
  /**
   * The text is expected to tell a story (default): with nothing the candidate did in it, it is
   * held at weak. Off for incident and design rounds, which are told in the present or the
   * conditional.
   */
  expectEpisode?: boolean;
  /**
   * Where each signal is read: in a round, the spans of the answers to the questions that target
   * it. A signal with a scope earns its beats, its story-shape beats and its red flags only from
   * inside it, so a long answer elsewhere in the round neither raises nor lowers it; and when the
   * scope holds at least one claim, the signal is at least weak (it was asked for and answered).
   * An empty scope (the phases asking for it were never reached) reads nothing from the text.
   */
  scopes?: Partial<Record<SignalId, readonly Span[]>>;
}

/** Character offsets into the analysed text. */
export interface Span {
  start: number;
  end: number;
}

const SALAD_COVERAGE = 0.7;
const SALAD_STATEMENT_COVERAGE = 0.85;
const SALAD_SPREAD = 3;
const SALAD_SPREAD_TERMS = 5;
/** Words that join a sentence together; a recited list of terms has almost none of them. */
const FUNCTION_WORDS = wordSet('functionWords');
const SALAD_SPREAD_COVERAGE = 0.4;
const SALAD_MIN_TOKENS = 5;
const MIN_STATEMENTS = 1;
/** Verbs that open a request for telemetry ("check p95 latency", "show me the queue"). */
const ASK_VERBS = wordSet('askVerbs');

function compilePatterns(specs: BeatSpec['patterns'], lexicon: Lexicon, where: string): CompiledPattern[] {
  return specs.map((p) => {
    try {
      return compilePattern(p, lexicon);
    } catch (err) {
      throw new Error(`${where}: ${(err as Error).message}`);
    }
  });
}

/** Words by which a pattern spells owning up, each as a run of words. */
const OWNING_UP_WORDS = WORDS.owningUpWords.words.map((w) => ` ${w} `);

/** Some pattern of a beat spells owning up in its own words ("my-mistake", "i-should-have", "lesson"). */
function spellsOwningUp(patterns: readonly (string | { match: string })[]): boolean {
  return patterns.some((p) => {
    // each alternative of each term, its hyphens read as spaces
    const alts = (typeof p === 'string' ? p : p.match).toLowerCase().split(/[\s|]+/).map((a) => ` ${a.replace(/-/g, ' ')} `);
    return alts.some((a) => OWNING_UP_WORDS.some((w) => a.includes(w)));
  });
}

export function compileRubric(spec: RubricSpec): CompiledRubric {
  const lexicon = compileLexicon(conceptPhrases(spec.concepts));
  const story = (spec.storyBeats ?? []).map<CompiledBeat>((b) => ({
    ref: `story/${b.id}`,
    spec: b,
    patterns: compilePatterns(b.patterns, lexicon, `story beat ${b.id}`),
    story: true,
    regretIsTheAct: spellsOwningUp(b.patterns),
  }));
  const signals = spec.signals.map<Omit<CompiledSignal, 'allPatterns'>>((s) => ({
    spec: s,
    beats: s.beats.map((b) => ({
      ref: `${s.id}/${b.id}`,
      spec: b,
      patterns: compilePatterns(b.patterns, lexicon, `beat ${s.id}/${b.id}`),
      story: false,
      regretIsTheAct: spellsOwningUp(b.patterns),
    })),
    flags: (s.redFlags ?? []).map((f) => ({
      id: f.id,
      label: f.label,
      weight: f.weight,
      why: f.why,
      patterns: compilePatterns(f.patterns, lexicon, `red flag ${s.id}/${f.id}`),
      refusalEarns: f.refusalEarns,
    })),
  }));
  const compiledSignals: CompiledSignal[] = signals.map((s) => ({
    ...s,
    allPatterns: [...s.beats.flatMap((b) => b.patterns), ...s.flags.flatMap((f) => f.patterns)],
  }));
  const byRef = new Map<string, CompiledBeat>();
  for (const b of story) byRef.set(b.ref, b);
  for (const s of compiledSignals) for (const b of s.beats) byRef.set(b.ref, b);
  const bySignal = new Map(spec.signals.map((s) => [s.id as string, s]));
  return {
    spec,
    lexicon,
    signals: compiledSignals,
    story,
    beat: (ref) => byRef.get(ref),
    signal: (id) => bySignal.get(id),
  };
}

/**
 * Matches per pattern list, shared by every signal: each pattern's are found once per document
 * (findMatches keeps them by pattern), so nothing is kept here by pattern.
 */
class MatchCache {
  private readonly terms = new Map<Match, number>();
  constructor(private readonly doc: Doc) {}
  /** The matches of the patterns, in order. Read only: the list may be the matcher's own. */
  all(patterns: readonly CompiledPattern[]): readonly Match[] {
    if (patterns.length === 1) return this.one(patterns[0]!);
    const out: Match[] = [];
    for (const p of patterns) {
      // one by one: a long answer can match a pattern more times than a call has arguments
      for (const match of this.one(p)) out.push(match);
    }
    return out;
  }
  /** The matches of one pattern. Read only. */
  one(p: CompiledPattern): readonly Match[] {
    const m = findMatches(this.doc, p);
    // a match is found by one pattern only (each is made for the pattern it matches), so a
    // pattern's matches are counted once its first is
    if (m.length > 0 && !this.terms.has(m[0]!)) for (const x of m) this.terms.set(x, Math.max(this.terms.get(x) ?? 0, p.terms.length));
    return m;
  }
  /** How many terms the pattern behind a match has: a longer pattern names the move more precisely. */
  termsOf(m: Match): number {
    return this.terms.get(m) ?? 1;
  }
}

/** What saladSentences has read of a token. */
const UNREAD = 0;
const RUBRIC_WORD = 1;
const FUNCTION_WORD = 2;

/**
 * Sentences that earn nothing: lists of terms; sentences made almost only of rubric words (the
 * words that join a sentence together never count as rubric words); and
 * sentences that touch the beats of three or more signals in five or more separate places without
 * saying who did or would do what, which is recital, not a story
 * ("I'm passionate about SLOs, error budgets, capacity planning with headroom and runbooks").
 */
function saladSentences(doc: Doc, bySignal: readonly (readonly Match[])[]): Set<number> {
  const sentences = doc.sentences.length;
  // by token: RUBRIC_WORD once some match covers it and it is not a function word, FUNCTION_WORD
  // once read as one; by sentence: its tokens covered, the signals that touch it, the last
  // signal counted there, and its matches (their spans)
  const tokens = new Uint8Array(doc.tokens.length);
  const covered = new Int32Array(sentences);
  const spread = new Int32Array(sentences);
  const lastSignal = new Int32Array(sentences).fill(-1);
  const spans = new Array<Match[] | undefined>(sentences);
  bySignal.forEach((matches, signal) => {
    for (const m of matches) {
      for (let i = m.firstToken; i <= m.lastToken; i++) {
        if (tokens[i] !== UNREAD) continue;
        if (FUNCTION_WORDS.has(doc.tokens[i]!.norm)) tokens[i] = FUNCTION_WORD;
        else {
          tokens[i] = RUBRIC_WORD;
          covered[m.sentence]!++;
        }
      }
      (spans[m.sentence] ??= []).push(m);
      if (lastSignal[m.sentence] !== signal) {
        lastSignal[m.sentence] = signal;
        spread[m.sentence]!++;
      }
    }
  });
  const out = new Set<number>();
  for (const s of doc.sentences) {
    if (s.list || isFramedList(s.text)) {
      out.add(s.index);
      continue;
    }
    const n = s.lastToken - s.firstToken;
    const hits = covered[s.index]!;
    const share = hits / Math.max(1, n);
    if (n >= SALAD_MIN_TOKENS && share >= (s.statement ? SALAD_STATEMENT_COVERAGE : SALAD_COVERAGE)) out.add(s.index);
    else if (
      spread[s.index]! >= SALAD_SPREAD &&
      !tellsAction(doc, s.firstToken, s.lastToken) &&
      !(s.statement && toldInPast(doc, s.firstToken, s.lastToken)) &&
      disjointSpans(spans[s.index] ?? []) >= SALAD_SPREAD_TERMS &&
      hits / Math.max(1, contentWords(doc, s.firstToken, s.lastToken)) >= SALAD_SPREAD_COVERAGE
    ) {
      out.add(s.index);
    }
  }
  return out;
}

/**
 * Words that are not function words: the measure for a recital's share of rubric terms, since
 * function words never count as rubric words (otherwise a recital's share would hang on whether
 * one more of its terms happened to match).
 */
function contentWords(doc: Doc, first: number, last: number): number {
  let n = 0;
  for (let i = first; i < last; i++) if (!FUNCTION_WORDS.has(doc.tokens[i]!.norm)) n++;
  return n;
}

const IRREGULAR_PAST: ReadonlySet<string> = new Set([...wordSet('irregularPast'), ...wordSet('pastOrPresent')]);

const AGENT_WORDS = wordSet('agents');

/**
 * The sentence tells what happened, in the past tense, as a statement: "the trade-off was worth
 * it to our customers". A recital of terms states principles ("escalation should be early").
 */
function toldInPast(doc: Doc, first: number, last: number): boolean {
  for (let i = first; i < last; i++) if (PAST_AUX.has(doc.tokens[i]!.norm)) return true;
  return false;
}

/**
 * The sentence says someone did something (an agent and a past-tense verb) or would do it (an
 * agent and a hypothetical): "we updated the runbook", "I would build dashboards".
 */
function tellsAction(doc: Doc, first: number, last: number): boolean {
  let agent = false;
  let action = false;
  for (let i = first; i < last; i++) {
    const t = doc.tokens[i]!;
    if (AGENT_WORDS.has(t.norm)) agent = true;
    if (t.hypothetical || IRREGULAR_PAST.has(t.norm) || (t.norm.length >= 5 && t.norm.endsWith('ed'))) action = true;
  }
  return agent && action;
}

const FIRST_PERSON = wordSet('firstPersonSubjects');

/**
 * Some sentence outside the salad tells what the candidate or their team did: "I", "we" or "my
 * team" with a past-tense verb, not imagined ("I would have...").
 */
function tellsEpisode(doc: Doc, salad: Set<number>): boolean {
  for (const s of doc.sentences) {
    if (salad.has(s.index) || s.question) continue;
    let agent = false;
    for (let i = s.firstToken; i < s.lastToken; i++) {
      const t = doc.tokens[i]!;
      if (FIRST_PERSON.has(t.norm) || (t.norm === 'team' && i > s.firstToken && ['my', 'our'].includes(doc.tokens[i - 1]!.norm))) agent = true;
      else if (agent && !t.hypothetical && (IRREGULAR_PAST.has(t.norm) || PAST_AUX.has(t.norm) || (t.norm.length >= 5 && t.norm.endsWith('ed')))) {
        const before = i > s.firstToken ? doc.tokens[i - 1]!.norm : '';
        // "we align on shared goals" describes; "I've always pushed for it" is a habit, not an event
        if (HABITUAL.has(before) || (t.norm.endsWith('ed') && (NOUN_PREPOSITIONS.has(before) || DETERMINERS.has(before)))) continue;
        return true;
      }
    }
  }
  return false;
}

/** Past forms of the auxiliaries: "we were paging them", "I had written the runbook". */
const PAST_AUX = wordSet('pastAuxiliaries');
const HABITUAL = wordSet('habitual');
const NOUN_PREPOSITIONS = wordSet('nounPrepositions');
const DETERMINERS = wordSet('determiners');

/** The salad sentences plus every question: sentences that earn no beat. */
function withQuestions(doc: Doc, salad: Set<number>): Set<number> {
  const out = new Set(salad);
  for (const s of doc.sentences) if (s.question) out.add(s.index);
  return out;
}

/** How many separate places in the sentence matched (overlapping matches count once). */
function disjointSpans(matches: readonly Match[]): number {
  const sorted = [...matches].sort((a, b) => a.firstToken - b.firstToken);
  let count = 0;
  let end = -1;
  for (const m of sorted) {
    if (m.firstToken > end) count++;
    end = Math.max(end, m.lastToken);
  }
  return count;
}

/** How many sentences after a red flag a regret told about it may come. */
const REGRET_REACH = 3;
/** How much of those sentences is read for it. */
const AFTER_CHARS = 1000;

/** The text of the sentences after a match's, as far as a stance is read into them. */
function textAfter(doc: Doc, m: Match): string {
  let after = '';
  for (const x of doc.sentences.slice(m.sentence + 1, m.sentence + 1 + REGRET_REACH)) {
    if (after.length >= AFTER_CHARS) break;
    after += ` ${x.text.slice(0, AFTER_CHARS)}`;
  }
  return after;
}

/** A story beat's matches: its patterns', and for one a lesson earns, the lessons told. */
function storyMatches(doc: Doc, beat: CompiledBeat, cache: MatchCache): readonly Match[] {
  return beat.spec.lesson ? [...cache.all(beat.patterns), ...lessonMatches(doc)] : cache.all(beat.patterns);
}

const lessonsOf = new WeakMap<Doc, Match[]>();

/**
 * The statements that tell the practice the candidate keeps now ("Now I put the numbers in the
 * design doc first", "that's how I do it now"), each as a match over its whole sentence: read once
 * per document, for a beat that a lesson earns (`lesson: true`).
 */
function lessonMatches(doc: Doc): Match[] {
  let out = lessonsOf.get(doc);
  if (!out) {
    out = doc.sentences
      .filter((x) => x.statement && x.lastToken > x.firstToken && tellsLesson(x.text))
      .map((x) => ({ sentence: x.index, start: x.start, end: x.end, negated: false, hypothetical: false, firstToken: x.firstToken, lastToken: x.lastToken - 1 }));
    lessonsOf.set(doc, out);
  }
  return out;
}

/** Where the candidate stands on what a match tells (src/language/stance.ts). */
function stanceOfMatch(doc: Doc, m: Match, negationIsTheAct: boolean): Stance {
  const s = doc.sentences[m.sentence]!;
  return stanceAt(s.text, m.start - s.start, textAfter(doc, m), { negationIsTheAct, end: m.end - s.start });
}

/**
 * Whether a match of a beat (by pattern `p`) tells the act (src/language/act.ts): the candidate's
 * or their team's, done or meant; not one skipped, only wished for, planned and dropped, or
 * someone else's while the candidate stood outside it. A pattern that spells a negation itself
 * reads the negation as the act, and a beat whose patterns spell owning up is earned by a regret.
 */
function tellsTheAct(doc: Doc, b: CompiledBeat, p: CompiledPattern, m: Match): boolean {
  const s = doc.sentences[m.sentence]!;
  const read = actAt(s.text, m.start - s.start, m.end - s.start, textAfter(doc, m), {
    negationIsTheAct: p.negated || p.selfNegating,
    regretIsTheAct: b.regretIsTheAct,
  });
  return read === 'act';
}

/**
 * The match a beat is credited with: bestMatch among its matches (inside the scope, if any) that
 * tell the act. The matches are read for the act in the order bestMatch ranks them, and the first
 * that tells it is the best, so the matches ranked below it are never read.
 */
function bestActMatch(doc: Doc, b: CompiledBeat, cache: MatchCache, unearned: Set<number>, scope?: readonly Span[]): Match | undefined {
  const ranked: { m: Match; p: CompiledPattern; key: number[] }[] = [];
  for (const p of b.patterns) {
    for (const m of inScope(cache.one(p), scope)) {
      if (!unearned.has(m.sentence)) ranked.push({ m, p, key: rankKey(doc, cache, m, [], []) });
    }
  }
  // a stable sort: of matches ranked equal, the earlier is read first, as bestMatch keeps it
  ranked.sort((x, y) => compareKeys(x.key, y.key));
  return ranked.find((x) => tellsTheAct(doc, b, x.p, x.m))?.m;
}

/** Stances under which a red flag's behaviour was not the candidate's own act. */
const STOOD_APART: ReadonlySet<Stance> = new Set(['refused', 'argued-against', 'proposed-by-others']);

/** Every match of a red flag that is not imagined, with where the candidate stands on it. */
function flagStances(doc: Doc, f: CompiledFlag, cache: MatchCache): Map<Match, Stance> {
  const stances = new Map<Match, Stance>();
  for (const p of f.patterns) {
    for (const x of cache.one(p)) if (!x.counterfactual) stances.set(x, stanceOfMatch(doc, x, p.negated || p.selfNegating));
  }
  return stances;
}

/**
 * A match of a red flag's behaviour that the candidate stood against: refused in so many words,
 * argued is wrong, or pushed back on when someone else proposed it. It earns the flag's
 * `refusalEarns` beat ("The team wanted to skip the dry run. I didn't let us skip it.").
 */
function stoodAgainst(doc: Doc, stances: Map<Match, Stance>, unearned: Set<number>): Match[] {
  const out: Match[] = [];
  for (const [m, stance] of stances) {
    if (!STOOD_APART.has(stance) || unearned.has(m.sentence)) continue;
    const s = doc.sentences[m.sentence]!;
    if (pushedBackAt(s.text, m.start - s.start, textAfter(doc, m))) out.push(m);
  }
  return out;
}

/** Clause boundaries inside a sentence: a semicolon, a colon or a dash followed by a space. */
const CLAUSE_BREAK = /[;:](?=\s)|\s[—–-](?=\s)/g;
/** A sentence this long is quoted by the clause that earned the beat rather than whole. */
const LONG_SENTENCE_WORDS = 22;
const MIN_CLAUSE_WORDS = 4;

interface SentenceCuts {
  /** Whether the sentence is long enough to be quoted by clause. */
  long: boolean;
  /** Where each clause after a break starts (character offsets into the text, ascending). */
  cuts: number[];
}

const sentenceCuts = new WeakMap<Doc, Map<number, SentenceCuts>>();

/** A sentence's length and clause breaks, read once per sentence rather than once per beat quoted from it. */
function cutsOf(doc: Doc, index: number): SentenceCuts {
  let known = sentenceCuts.get(doc);
  if (!known) sentenceCuts.set(doc, (known = new Map()));
  let out = known.get(index);
  if (!out) {
    const s = doc.sentences[index]!;
    const long = hasWords(s.text, LONG_SENTENCE_WORDS + 1);
    const cuts: number[] = [];
    if (long) for (const b of s.text.matchAll(CLAUSE_BREAK)) cuts.push(s.start + b.index! + b[0].length);
    known.set(index, (out = { long, cuts }));
  }
  return out;
}

/** Where `text.slice(from, to)` ends once trailing breaks and spaces are cut (a loop: a regex anchored at the end backtracks over a long run of spaces). */
function trimEnd(text: string, from: number, to: number): number {
  while (to > from && /[;:\s—–-]/.test(text[to - 1]!)) to--;
  return to;
}

/** Whether the text has at least n words, read only as far as the n-th. */
function hasWords(text: string, n: number): boolean {
  const re = /\S+/g;
  let k = 0;
  while (k < n && re.test(text)) k++;
  return k >= n;
}


/**
 * The quote for a match: its sentence, or for a beat in a long sentence the clause (or run of
 * clauses) that holds the match, so the quote is the candidate's most specific words for it.
 */
function evidenceOf(doc: Doc, m: Match, byClause = true): { evidence: string; start: number; end: number } {
  const s = doc.sentences[m.sentence]!;
  let start = s.start;
  let end = s.end;
  const { long, cuts } = byClause ? cutsOf(doc, m.sentence) : { long: false, cuts: [] };
  if (long) {
    // the last cut at or before the match, and the cuts at or after its end
    const before = lowerBound(cuts, m.start + 1) - 1;
    const from = Math.max(s.start, before >= 0 ? cuts[before]! : s.start);
    const firstAfter = lowerBound(cuts, m.end);
    let to = Math.min(s.end, firstAfter < cuts.length ? cuts[firstAfter]! - 1 : s.end);
    // "... and my own part: I had approved the change": a match at the end of its clause (a word
    // or two before a colon) is explained by the clause after it, so the quote takes both
    if (to < s.end && doc.text[to] === ':' && !hasWords(doc.text.slice(m.end, to), 3)) {
      to = Math.min(s.end, firstAfter + 1 < cuts.length ? cuts[firstAfter + 1]! - 1 : s.end);
    }
    const clause = doc.text.slice(from, trimEnd(doc.text, from, to));
    if (hasWords(clause, MIN_CLAUSE_WORDS)) {
      start = from + (doc.text.slice(from, to).length - doc.text.slice(from, to).trimStart().length);
      end = from + clause.length;
    }
  }
  return { evidence: spacedOnce(doc.text.slice(start, end)).trim(), start, end };
}

/** Whitespace other than a single space, the only kind spacedOnce changes. */
const OTHER_SPACE = /\s\s|[^\S ]/;

/** Each run of whitespace as one space; a text spaced so already (most quotes) is not rewritten. */
function spacedOnce(text: string): string {
  return OTHER_SPACE.test(text) ? text.replace(/\s+/g, ' ') : text;
}

/** Words that make a sentence the speaker's own, subject or possessive. */
const SPEAKER_WORDS: ReadonlySet<string> = new Set([...WORDS.speaker.words, ...WORDS.team.words]);

const ownSentences = new WeakMap<Doc, Map<number, boolean>>();

/** The sentence is the speaker's own: said in the first person. Read once per sentence. */
function ownSentence(doc: Doc, index: number): boolean {
  let known = ownSentences.get(doc);
  if (!known) ownSentences.set(doc, (known = new Map()));
  let own = known.get(index);
  if (own === undefined) {
    const s = doc.sentences[index]!;
    own = false;
    for (let i = s.firstToken; i < s.lastToken && !own; i++) own = SPEAKER_WORDS.has(doc.tokens[i]!.norm);
    known.set(index, own);
  }
  return own;
}

interface MatchPick {
  /** Sentences that carry the signal's own beats: a story-shape beat is quoted from them, or the nearest. */
  carriers?: readonly number[];
}

const inSpans = (m: { start: number; end: number }, spans: readonly Span[]) => spans.some((r) => m.start >= r.start && m.end <= r.end);

/** The matches a signal may be read from: all of them, or in a round only those inside its scope. */
function inScope<T extends { start: number; end: number }>(matches: Iterable<T>, scope: readonly Span[] | undefined): readonly T[] {
  if (!scope) return Array.isArray(matches) ? (matches as readonly T[]) : [...matches];
  return [...matches].filter((m) => inSpans(m, scope));
}

/** The sentences that own up to the candidate's own part (src/language/stance.ts), read once per text. */
function owningUpSentences(doc: Doc, unearned: Set<number>): Span[] {
  return doc.sentences.filter((x) => !unearned.has(x.index) && ownsUp(x.text)).map((x) => ({ start: x.start, end: Math.max(x.start, x.end - 1) }));
}

/**
 * The signals a round asked for (a scope each) that the candidate answered with at least one
 * claim: the ones `answeredFloor` holds at weak when none of their beats is earned.
 */
export function signalsAnswered(doc: Doc, rubric: CompiledRubric, scopes: Partial<Record<SignalId, readonly Span[]>>): SignalId[] {
  const unearned = withQuestions(doc, saladSentences(doc, signalMatches(rubric, new MatchCache(doc))));
  return (Object.entries(scopes) as [SignalId, readonly Span[]][]).filter(([, scope]) => answeredIn(doc, scope, unearned)).map(([id]) => id);
}

/** Some sentence inside the scope claims something (a statement that is not salad or a question). */
function answeredIn(doc: Doc, scope: readonly Span[], unearned: Set<number>): boolean {
  return doc.sentences.some((x) => x.statement && !unearned.has(x.index) && inSpans({ start: x.start, end: Math.max(x.start, x.end - 1) }, scope));
}

/**
 * The match a beat is credited with and quoted by. A full claim beats a hypothetical one (that
 * decides the credit); among the rest, the candidate's own words (first person) beat a report of
 * someone else's, a longer pattern (a more specific naming of the move) beats a shorter, a tight
 * match beats one spread over many words, and a story-shape beat prefers the sentences that carry
 * the signal. Only then does the earlier match win.
 */
function bestMatch(matches: readonly Match[], unearned: Set<number>, doc: Doc, cache: MatchCache, pick: MatchPick = {}): Match | undefined {
  const carriers = pick.carriers ?? [];
  // the key of each match is written into one of two lists, the best's kept and the other reused
  let best: Match | undefined;
  let bestKey: number[] = [];
  let spare: number[] = [];
  for (const m of matches) {
    if (unearned.has(m.sentence)) continue;
    const k = rankKey(doc, cache, m, carriers, spare);
    if (!best || compareKeys(k, bestKey) < 0) {
      best = m;
      spare = bestKey;
      bestKey = k;
    }
  }
  return best;
}

/** What bestMatch ranks a match by, written into `out`: the lower key (compareKeys) ranks first. */
function rankKey(doc: Doc, cache: MatchCache, m: Match, carriers: readonly number[], out: number[]): number[] {
  let distance = carriers.length === 0 ? 0 : Infinity;
  for (const c of carriers) distance = Math.min(distance, Math.abs(c - m.sentence));
  out[0] = m.hypothetical ? 1 : 0;
  out[1] = distance;
  out[2] = ownSentence(doc, m.sentence) ? 0 : 1;
  out[3] = -cache.termsOf(m);
  out[4] = m.lastToken - m.firstToken;
  out[5] = m.start;
  return out;
}

/** Keys compared item by item: negative when `a` ranks first, 0 when they are equal. */
function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}

function beatResult(doc: Doc, beat: CompiledBeat, m: Match | undefined): BeatResult {
  const base: BeatResult = {
    id: beat.spec.id,
    label: beat.spec.label,
    weight: beat.spec.weight,
    hit: m !== undefined,
    source: 'text',
    probe: beat.spec.probe,
    tip: beat.spec.tip,
  };
  if (beat.story) base.story = true;
  if (m) {
    Object.assign(base, evidenceOf(doc, m));
    if (m.hypothetical) base.hypothetical = true;
  }
  return base;
}

export function levelFor(score: number, thresholds: readonly number[]): Level {
  let level = 0;
  thresholds.forEach((t, i) => {
    if (score >= t) level = i + 1;
  });
  return level as Level;
}


/** Every signal's beat and red-flag matches, one list per signal. */
function signalMatches(rubric: CompiledRubric, cache: MatchCache): (readonly Match[])[] {
  return rubric.signals.map((s) => cache.all(s.allPatterns));
}

/** Beat refs hit in the text (the engine's hit/missed conditions and follow-ups). */
export function hitBeats(doc: Doc, rubric: CompiledRubric): Set<string> {
  const cache = new MatchCache(doc);
  const all: CompiledBeat[] = [...rubric.story, ...rubric.signals.flatMap((s) => s.beats)];
  const salad = withQuestions(doc, saladSentences(doc, signalMatches(rubric, cache)));
  const out = new Set<string>();
  for (const b of all) {
    const found = b.story ? storyMatches(doc, b, cache) : undefined;
    if (found ? bestMatch(found, salad, doc, cache) : bestActMatch(doc, b, cache, salad)) out.add(b.ref);
  }
  // a beat earned by standing against a red flag's behaviour is as hit as one said in its own words
  for (const s of rubric.signals) {
    for (const f of s.flags) {
      if (f.refusalEarns && stoodAgainst(doc, flagStances(doc, f, cache), salad).length > 0) out.add(`${s.spec.id}/${f.refusalEarns}`);
    }
  }
  return out;
}

export function scoreDoc(doc: Doc, rubric: CompiledRubric, opts: ScoreOptions = {}): ScoreReport {
  // a round reads each signal from the answers to its questions (its scopes); a story scored
  // alone, even against one named signal, is an answer
  const cfg = opts.scopes ? roundScoring(rubric.spec.scoring) : rubric.spec.scoring;
  const credit = opts.hypotheticalCredit ?? cfg.hypotheticalCredit;
  const cache = new MatchCache(doc);
  const wanted = opts.signals ? new Set<string>(opts.signals) : undefined;
  const signals = rubric.signals.filter((s) => !wanted || wanted.has(s.spec.id));

  // salad is judged on the whole rubric, whatever the report is restricted to
  const salad = saladSentences(doc, signalMatches(rubric, cache));
  // a question asks rather than claims: it earns no beat ("any recent deploys?", "which system
  // do you mean?"); in an incident round what the candidate asked for is judged from the path
  const unearned = withQuestions(doc, salad);
  const listSentences = new Set(doc.sentences.filter((x) => x.list).map((x) => x.index));
  const statements = doc.sentences.filter((s) => s.statement && !salad.has(s.index)).length;
  const saladWords = doc.sentences
    .filter((s) => salad.has(s.index))
    .reduce((n, s) => n + (s.lastToken - s.firstToken), 0);
  // a story tells something that happened: with no sentence in which the candidate or their team
  // did something, an answer of views and generic advice is held at weak (where an answer is
  // expected to be a story: not in incident or design rounds, told in the present)
  const noEpisode = opts.expectEpisode !== false && !tellsEpisode(doc, salad);
  // questions and commands alone ("check p95 latency", "is the database ok?") claim nothing: held
  // at weak, but they are asks, not a list of terms, and are not called salad
  const onlyAsks =
    doc.tokens.length > 0 &&
    statements < MIN_STATEMENTS &&
    doc.sentences.every((x) => x.question === true || (!x.list && ASK_VERBS.has(doc.tokens[x.firstToken]?.norm ?? '')));
  const isSalad = doc.tokens.length > 0 && !onlyAsks && (statements < MIN_STATEMENTS || saladWords / doc.tokens.length >= 0.5 || noEpisode);

  const owningUp = owningUpSentences(doc, unearned);

  const results: SignalResult[] = signals.map((s) => {
    const scope = opts.scopes?.[s.spec.id];
    const path = (opts.findings ?? []).filter((f) => f.signal === s.spec.id);
    // a round fact (mitigated or not) decides its beat: the text's claim never stands beside it
    const decided = new Map(path.flatMap((f) => (f.decides && f.beat ? [[f.decides, f.beat] as const] : [])));
    const stancesOf = new Map(s.flags.map((f) => [f, flagStances(doc, f, cache)] as const));
    // told in a story the candidate owns up to ("looking back", "I'm not proud of this one"),
    // their own red-flag act is looked back on, wherever in the answer they say so
    if (owningUp.some((x) => !scope || inSpans(x, scope))) {
      for (const stances of stancesOf.values()) for (const [m, st] of stances) if (st === 'endorsed') stances.set(m, 'regretted');
    }
    // standing against a red flag's behaviour, or owning up to it, earns its positive beat when
    // the beat's own words are absent: the candidate names what the right move was
    const refusing = new Map<string, Match[]>();
    for (const f of s.flags) {
      if (!f.refusalEarns) continue;
      const stances = stancesOf.get(f)!;
      const regretted = [...stances].flatMap(([m, st]) => (st === 'regretted' && !unearned.has(m.sentence) ? [m] : []));
      refusing.set(f.refusalEarns, [...(refusing.get(f.refusalEarns) ?? []), ...stoodAgainst(doc, stances, unearned), ...regretted]);
    }
    // in a round, a signal is read only where it was asked for (its scope)
    const ownMatches = s.beats.map((b) =>
      decided.has(b.spec.id)
        ? undefined
        : (bestActMatch(doc, b, cache, unearned, scope) ??
          bestMatch(inScope(refusing.get(b.spec.id) ?? [], scope), unearned, doc, cache)),
    );
    const own = s.beats.map((b, i) => decided.get(b.spec.id) ?? beatResult(doc, b, ownMatches[i]));
    const pathBeats = path.flatMap((f) => (f.beat && !f.decides ? [f.beat] : []));
    const ownBeats = [...own, ...pathBeats];
    const ownEarned = ownBeats.reduce((n, b) => n + beatValue(b, credit), 0);
    const carriers = ownMatches.flatMap((m) => (m ? [m.sentence] : []));
    const story = rubric.story.map((beat) => {
      if (ownEarned === 0) return beatResult(doc, beat, undefined);
      return beatResult(doc, beat, bestMatch(inScope(storyMatches(doc, beat, cache), scope), unearned, doc, cache, { carriers }));
    });
    const beats = [...ownBeats, ...story];

    const redFlags: RedFlagResult[] = [];
    for (const f of s.flags) {
      // a red flag imagined ("if we had not load tested, it would have fallen over") is not a
      // red flag; one meant ("their team should be more careful") or inside a dense or recited
      // sentence still is
      // and it counts only as the candidate's own endorsed act: not one refused, argued against
      // or proposed by someone else; one looked back on with regret costs less
      const stances = stancesOf.get(f)!;
      const found = inScope(stances.keys(), scope);
      const m =
        bestMatch(
          found.filter((x) => stances.get(x) === 'endorsed'),
          listSentences,
          doc,
          cache,
        ) ??
        bestMatch(
          found.filter((x) => stances.get(x) === 'regretted'),
          listSentences,
          doc,
          cache,
        );
      if (m) {
        // a red flag is quoted by its whole sentence: the rest of it is what shows it was meant
        const ev = evidenceOf(doc, m, false);
        const flag: RedFlagResult = { id: f.id, label: f.label, weight: f.weight, why: f.why, source: 'text', ...ev };
        if (stances.get(m) === 'regretted') flag.regretted = true;
        redFlags.push(flag);
      }
    }
    for (const f of path) if (f.redFlag) redFlags.push(f.redFlag);
    let { score, level } = answeredFloor(combine(beats, redFlags, cfg, credit), scope !== undefined && answeredIn(doc, scope, unearned), cfg);
    ({ score, level } = capImagined({ score, level }, beats, opts.expectEpisode !== false, cfg));
    const result: SignalResult = {
      id: s.spec.id,
      name: s.spec.name,
      score,
      level,
      label: LEVEL_LABELS[level],
      beats,
      redFlags,
    };
    if (isSalad || onlyAsks) {
      Object.assign(result, capAtWeak({ score, level }, cfg));
      result.label = LEVEL_LABELS[result.level];
      if (isSalad) result.salad = true;
    }
    return result;
  });

  return { signals: results, overall: overallOf(results, cfg, opts.targets, doc, statements, isSalad) };
}

function beatValue(b: BeatResult, credit: number): number {
  return b.hit ? b.weight * (b.hypothetical ? credit : 1) : 0;
}

/**
 * A signal's score and level from its beats and red flags: the weighted share of beats earned
 * (story-shape beats in proportion to how much of the signal the story carries), minus the red
 * flags' weights; no own beat means no signal, and a red flag caps the level.
 */
export function combine(
  beats: readonly BeatResult[],
  redFlags: readonly RedFlagResult[],
  cfg: ScoringConfig,
  credit: number = cfg.hypotheticalCredit,
): { score: number; level: Level } {
  const own = beats.filter((b) => !b.story);
  const story = beats.filter((b) => b.story);
  const ownEarned = own.reduce((n, b) => n + beatValue(b, credit), 0);
  const ownPossible = own.reduce((n, b) => n + b.weight, 0);
  const possible = beats.reduce((n, b) => n + b.weight, 0);
  // Story shape (numbers, outcome, takeaway) counts in proportion to how much of this
  // signal the story carries, so a strong story about one signal does not lift the others.
  const ownFraction = ownPossible > 0 ? ownEarned / ownPossible : 0;
  const earned = ownEarned + story.reduce((n, b) => n + beatValue(b, credit), 0) * ownFraction;
  const penalty = redFlags.reduce((n, f) => n + (f.regretted ? 0 : f.weight), 0);
  let score = possible > 0 ? Math.round((100 * earned) / possible - penalty) : 0;
  score = Math.max(0, Math.min(100, score));
  let level: Level = ownEarned > 0 ? levelFor(score, cfg.levelThresholds) : 0;
  if (ownEarned === 0) score = Math.min(score, Math.max(0, (cfg.levelThresholds[0] ?? 1) - 1));
  // a red flag endorsed as the candidate's own act is the answer's central behaviour: it touches
  // the signal and caps it at weak (calibration/LEVELS.md)
  if (redFlags.some((f) => !f.regretted)) level = cfg.redFlagLevelCap as Level;
  return { score, level };
}

/**
 * The scoring a round is judged by: a round reads each signal from several answers (and an
 * incident round from the investigation path too), so it may set its own level thresholds.
 */
export function roundScoring(cfg: ScoringConfig): ScoringConfig {
  return cfg.roundLevelThresholds ? { ...cfg, levelThresholds: cfg.roundLevelThresholds } : cfg;
}

/**
 * A signal a round asked for and the candidate answered with at least one claim, but none of its
 * beats, is weak, not "no signal" (docs/scenarios.md, "Where the debrief reads each signal").
 */
export function answeredFloor(r: { score: number; level: Level }, answered: boolean, cfg: ScoringConfig): { score: number; level: Level } {
  if (!answered || r.level !== 0) return r;
  return { level: 1, score: Math.max(r.score, cfg.levelThresholds[0] ?? 1) };
}

/**
 * Where a story is expected, an answer whose earned beats are all hypothetical (only what the
 * candidate would do) gives an interviewer nothing to trust: weak at most (calibration/LEVELS.md).
 */
export function capImagined(r: { score: number; level: Level }, beats: readonly BeatResult[], storyExpected: boolean, cfg: ScoringConfig): { score: number; level: Level } {
  const earned = beats.filter((b) => b.hit && !b.story);
  return storyExpected && earned.length > 0 && earned.every((b) => b.hypothetical) ? capAtWeak(r, cfg) : r;
}

/** Weak at most: an answer that reads as recited terms, or one only imagined, cannot rise above weak. */
export function capAtWeak(r: { score: number; level: Level }, cfg: ScoringConfig): { score: number; level: Level } {
  if (r.level <= 1) return r;
  return { level: 1, score: Math.min(r.score, Math.max(0, (cfg.levelThresholds[1] ?? 1) - 1)) };
}

export function scoreText(text: string, rubric: CompiledRubric, opts: ScoreOptions = {}): ScoreReport {
  return scoreDoc(analyze(text), rubric, opts);
}

/** The highest level that more than half of the signals reach. */
export function levelMostReach(signals: readonly { level: Level }[]): Level {
  const desc = signals.map((r) => r.level).sort((a, b) => b - a);
  return desc[Math.floor(desc.length / 2)] ?? 0;
}

function overallOf(
  results: SignalResult[],
  cfg: ScoringConfig,
  targets: readonly SignalId[] | undefined,
  doc: Doc,
  statements: number,
  salad: boolean,
): ScoreReport['overall'] {
  const judged = targets && targets.length > 0 ? results.filter((r) => targets.includes(r.id)) : results;
  let score = 0;
  if (targets && targets.length > 0) {
    score = judged.length ? Math.round(judged.reduce((n, r) => n + r.score, 0) / judged.length) : 0;
  } else {
    score = results.reduce((n, r) => Math.max(n, r.score), 0);
  }
  const byAverage = levelFor(score, cfg.levelThresholds);
  let level = byAverage;
  // a round's overall level is one that most of its targeted signals reach: a mean carried by a
  // few high signals does not make a mixed round solid
  // ... but "no signal" says nothing was heard: a round in which some targeted signal was heard
  // (ended before the rest were asked, say) is weak at least
  if (targets && targets.length > 0 && judged.length > 0) level = Math.max(Math.min(level, levelMostReach(judged)), score > 0 ? 1 : 0) as Level;
  const held = level < byAverage;
  if (salad) level = Math.min(level, 1) as Level;
  if (judged.every((r) => r.level === 0)) level = 0;
  const strengths = [...results]
    .filter((r) => r.level >= 3)
    .sort((a, b) => b.score - a.score)
    .map((r) => r.id);
  const gaps = (targets && targets.length > 0 ? judged : results.filter((r) => r.level > 0))
    .filter((r) => r.level < 2)
    .map((r) => r.id);
  return {
    score,
    level,
    label: LEVEL_LABELS[level],
    strengths,
    gaps,
    summary: salad
      ? 'Reads as a list of terms rather than a story: say who did what, when, and what happened.'
      : overallLine(results, targets ?? []),
    words: doc.words,
    statements,
    salad,
    held: held && !salad,
  };
}
