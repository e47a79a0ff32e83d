import { stemmer } from 'stemmer';
import { expandContraction } from '../language/contractions.js';
import { PAST_TENSES, STORY_CONTRACTIONS, WORDS, wordSet } from '../language/words.js';
import type { Doc, Sentence, Token } from './types.js';

// Text → sentences and tokens, each token marked for negation and hypothetical scope.
// Linear in the length of the text: one regex pass for sentences, one for tokens,
// one pass per sentence for scopes.

const WORD_RE = /\p{N}+(?:[.,:]\p{N}+)*(?:%|[\p{L}]{1,3}(?![\p{L}\p{N}]))?|[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

const NUMBER_WORDS = wordSet('numberWords');
const ABBREVIATIONS = wordSet('abbreviations');

/** Negation triggers of one token; two-token triggers are checked separately. */
const NEG_SINGLE = wordSet('negations');
/** Words after a negator that make it a pseudo-negation: "not only" → not → {only, ...}. */
const NEG_PSEUDO_NEXT = new Map<string, Set<string>>();
for (const p of WORDS.pseudoNegations.words) {
  const [neg, next] = p.split(' ') as [string, string];
  NEG_PSEUDO_NEXT.set(neg, (NEG_PSEUDO_NEXT.get(neg) ?? new Set()).add(next));
}
const SCOPE_END = wordSet('scopeEnds');
const OMISSIONS = wordSet('leftOut');
const NEG_ADVERBS = wordSet('negationAdverbs');

/**
 * How many words after a negation trigger ending before `from` it negates: through a verb of
 * omission met first (past adverbs: "never once skipped"), whose object it then affirms ("we never
 * skip the soak test"); else the usual window.
 */
function negationReach(tokens: Token[], from: number, last: number): number {
  for (let j = from; j < last && j < from + 3; j++) {
    const w = tokens[j]!.norm;
    if (OMISSIONS.has(w)) return j - from + 1;
    if (!NEG_ADVERBS.has(w)) break;
  }
  return NEG_WINDOW;
}
const NEG_WINDOW = 6;
/** Words after a reported "would" in which an "if" is its condition. */
const REPORTED_IF_REACH = 4;

const AGENTS = wordSet('agents');

/** What is read of a normalised word alone, once per distinct word (not once per token). */
export interface NormInfo {
  readonly stem: string;
  readonly isNumber: boolean;
  /** The pattern words the word matches, kept here by the matcher (pattern.ts) to save it a look-up per token. */
  words?: { known: number; ids: readonly number[] };
}
const normCache = new Map<string, NormInfo>();
/** Each analysed document's words, as read (one per token, same index): see normsOf. */
const docNorms = new WeakMap<Doc, NormInfo[]>();

/** What was read of each token's norm (same index as doc.tokens), for a document made by analyze. */
export function normsOf(doc: Doc): readonly NormInfo[] | undefined {
  return docNorms.get(doc);
}
/** Read once per token: made once, not once per call (neither keeps state between tests). */
const STARTS_WITH_DIGIT = /^\p{N}/u;
const STARTS_WITH_CAPITAL = /^\p{Lu}/u;

/** Normalise British spellings to one form so "authorisation" and "authorization" compare equal. */
function spelling(word: string): string {
  let w = word;
  if (w.length > 5) {
    w = w
      .replace(/is(e|ed|es|ing|ation|ations|er|ers)$/, 'iz$1')
      .replace(/ys(e|ed|es|ing)$/, 'yz$1')
      .replace(/our$/, 'or')
      .replace(/ours$/, 'ors')
      .replace(/ogue$/, 'og');
  }
  return w;
}

/** Short words that are also the Porter stem of an unrelated word get a stem of their own (words.ts). */
const OWN_STEM = wordSet('ownStem');

/** The stem and number-ness of a word: one look-up per token. */
function normInfo(norm: string): NormInfo {
  let info = normCache.get(norm);
  if (info === undefined) {
    const digit = STARTS_WITH_DIGIT.test(norm);
    info = { stem: digit ? norm : OWN_STEM.has(norm) ? `=${norm}` : stemmer(spelling(norm)), isNumber: digit || NUMBER_WORDS.has(norm), words: undefined };
    if (normCache.size > 50000) normCache.clear();
    normCache.set(norm, info);
  }
  return info;
}

export function stemOf(norm: string): string {
  return normInfo(norm).stem;
}

export function isNumberWord(norm: string): boolean {
  return STARTS_WITH_DIGIT.test(norm) || NUMBER_WORDS.has(norm);
}

/** Split one surface word into normalised pieces: contractions expanded, possessives dropped. */
export function wordPieces(surface: string): string[] {
  return expandContraction(surface, STORY_CONTRACTIONS);
}

interface RawSentence {
  start: number;
  end: number;
}

function isListLine(line: string): boolean {
  return /^\s*(?:[-*•+]|\d+[.)])\s+/.test(line);
}

/** Sentence boundaries: terminal punctuation, blank lines, and list items on their own lines. */
function splitSentences(text: string): RawSentence[] {
  const out: RawSentence[] = [];
  let start = 0;
  const push = (end: number) => {
    // trim whitespace at both ends
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e });
    start = end;
  };
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const ch = text[i]!;
    if (ch === '.' || ch === '!' || ch === '?') {
      // a decimal point or a version number is not a boundary
      const next = text[i + 1];
      if (next !== undefined && !/\s|["'’”)\]]/.test(next)) continue;
      if (ch === '.') {
        const m = /([\p{L}.]+)$/u.exec(text.slice(Math.max(start, i - 8), i));
        if (m && ABBREVIATIONS.has(m[1]!.toLowerCase().replace(/^\.+/, ''))) continue;
      }
      let j = i + 1;
      while (j < n && /[.!?"'’”)\]]/.test(text[j]!)) j++;
      push(j);
      i = j - 1;
    } else if (ch === '\n') {
      // a blank line, or a new line that starts a list item, ends the sentence;
      // a single hard-wrapped line break inside a paragraph does not.
      const rest = text.slice(i + 1, i + 200);
      const nextLine = rest.split('\n', 1)[0] ?? '';
      if (/^\s*$/.test(nextLine) || isListLine(nextLine) || /^\s*#/.test(nextLine)) push(i + 1);
      else {
        const prevLine = text.slice(text.lastIndexOf('\n', i - 1) + 1, i);
        if (isListLine(prevLine) || /^\s*#/.test(prevLine)) push(i + 1);
      }
    }
  }
  push(n);
  return out;
}

/**
 * What separates two tokens: 0 nothing but space; 1 a comma (closes a negation scope);
 * 2 stronger punctuation or a dash (closes hypothetical scopes too, which run on over commas:
 * "I would load test at 12x, with realistic mixed traffic" is hypothetical to the end).
 */
function breakKind(between: string): 0 | 1 | 2 {
  if (/[;:()!?.—–]|\s-\s|\n\s*\n/.test(between)) return 2;
  return between.includes(',') ? 1 : 0;
}

/**
 * breakBefore[k]: what punctuation separates token k of the sentence being read from token k-1
 * (see breakKind). One list, emptied for each sentence: reading is synchronous.
 */
const breakBefore: (0 | 1 | 2)[] = [];

function pushToken(tokens: Token[], norms: NormInfo[], norm: string, start: number, end: number, sentence: number, brk: 0 | 1 | 2, name: boolean): void {
  breakBefore.push(brk);
  const info = normInfo(norm);
  norms.push(info);
  const t: Token = { norm, stem: info.stem, start, end, sentence, isNumber: info.isNumber, negated: false, hypothetical: false };
  if (name && !t.isNumber) t.name = true;
  tokens.push(t);
}

/** A word that starts with a lower-case ASCII letter or a digit is never capitalised: no regex. */
function startsCapital(word: string): boolean {
  const c = word.charCodeAt(0);
  if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) return false;
  return STARTS_WITH_CAPITAL.test(word);
}

export function analyze(input: string): Doc {
  const text = typeof input === 'string' ? input : String(input ?? '');
  const tokens: Token[] = [];
  const norms: NormInfo[] = [];
  const sentences: Sentence[] = [];
  const raws = splitSentences(text);
  let words = 0;
  for (const raw of raws) {
    const sIndex = sentences.length;
    const first = tokens.length;
    const slice = text.slice(raw.start, raw.end);
    breakBefore.length = 0;
    let prevEnd = raw.start;
    WORD_RE.lastIndex = 0;
    for (let m = WORD_RE.exec(slice); m !== null; m = WORD_RE.exec(slice)) {
      const start = raw.start + m.index;
      const end = start + m[0].length;
      // a single space is by far the commonest separator: skip the slice and the regex
      const plainSpace = start - prevEnd === 1 && text.charCodeAt(prevEnd) === 32;
      const brk = tokens.length > first && !plainSpace ? breakKind(text.slice(prevEnd, start)) : 0;
      prevEnd = end;
      words++;
      const lower = m[0].toLowerCase();
      const capital = tokens.length > first && startsCapital(m[0]) && lower !== 'i' && !lower.startsWith("i'") && !lower.startsWith('i’');
      if (lower.includes("'") || lower.includes('’') || lower === 'cannot') {
        const pieces = wordPieces(lower);
        for (let k = 0; k < pieces.length; k++) {
          const norm = pieces[k]!;
          if (norm) pushToken(tokens, norms, norm, start, end, sIndex, k === 0 ? brk : 0, capital && k === 0);
        }
      } else {
        pushToken(tokens, norms, lower, start, end, sIndex, brk, capital);
      }
    }
    const last = tokens.length;
    perfectForD(text, tokens, norms, first, last);
    markScopes(tokens, first, last, breakBefore);
    sentences.push({
      index: sIndex,
      start: raw.start,
      end: raw.end,
      text: slice,
      statement: false,
      list: false,
      firstToken: first,
      lastToken: last,
    });
    const s = sentences[sIndex]!;
    s.list = isList(slice, last - first);
    if (isQuestion(slice)) s.question = true;
    s.statement = !s.list && isStatement(tokens, first, last);
  }
  const doc: Doc = { text, tokens, sentences, words };
  docNorms.set(doc, norms);
  return doc;
}

function negationTriggerLength(tokens: Token[], i: number, last: number): number {
  const t = tokens[i]!;
  const next = i + 1 < last ? tokens[i + 1]! : undefined;
  if (NEG_SINGLE.has(t.norm)) {
    const pseudo = NEG_PSEUDO_NEXT.get(t.norm);
    if (pseudo && next && pseudo.has(next.norm)) return 0;
    return 1;
  }
  if (next) {
    if (t.norm === 'rather' && next.norm === 'than') return 2;
    if (t.norm === 'instead' && next.norm === 'of') return 2;
    // "declined to fail open" negates; "declined to zero" is a number going down
    const after = i + 2 < last ? tokens[i + 2]! : undefined;
    if ((t.stem === 'refus' || t.stem === 'declin') && next.norm === 'to' && !after?.isNumber) return 2;
    if (t.stem === 'decid' && next.norm === 'against') return 2;
  }
  if (t.norm.startsWith('avoid')) return 1;
  return 0;
}

/**
 * 0: no hypothetical. 1: intent or advice ("will", "should", "plan to"): not done, but meant.
 * 2: counterfactual ("would", "might", "could have", "if I had"): imagined, not claimed.
 */
function hypotheticalTrigger(tokens: Token[], i: number, last: number): 0 | 1 | 2 {
  const t = tokens[i]!.norm;
  const next = i + 1 < last ? tokens[i + 1]!.norm : '';
  const after = i + 2 < last ? tokens[i + 2]!.norm : '';
  switch (t) {
    case 'would':
    case 'might':
      return 2;
    case 'should':
    case 'will':
    case 'gonna':
      return 1;
    case 'could':
      return next === 'have' ? 2 : 0;
    case 'if':
      // "if I had", "if only", "if I were", "if the estimates were": imagined
      return after === 'had' || next === 'only' || [next, after, i + 3 < last ? tokens[i + 3]!.norm : ''].includes('were') ? 2 : 0;
    case 'plan':
    case 'planning':
    case 'want':
    case 'hope':
    case 'intend':
      return next === 'to' ? 1 : 0;
    default:
      return 0;
  }
}

function markScopes(tokens: Token[], first: number, last: number, breakBefore: readonly (0 | 1 | 2)[]): void {
  let negLeft = 0;
  let hypo: 0 | 1 | 2 = 0;
  // where a reported "would" stood in this clause ("the test showed it would fall over")
  let reportedAt = -1;
  // the clause being read opens with a subordinator of time or reason, and a "would" inside it
  // imagined something: the comma that closes the clause closes what it imagined ("when SRE
  // wouldn't give us quota, I went over their heads" tells the going over as done)
  let factualClause = false;
  let imaginedInClause = false;
  for (let i = first; i < last; i++) {
    const k = i - first;
    const t = tokens[i]!;
    const brk = breakBefore[k] ?? 0;
    if (brk > 0) negLeft = 0;
    if (brk > 1 || (brk === 1 && factualClause && imaginedInClause)) {
      hypo = 0;
      reportedAt = -1;
    }
    if (i === first || brk > 0) {
      factualClause = FACTUAL_OPENERS.has(t.norm);
      imaginedInClause = false;
    }
    const next = i + 1 < last ? tokens[i + 1]! : undefined;
    if (SCOPE_END.has(t.norm) || (t.norm === 'instead' && next?.norm !== 'of')) {
      negLeft = 0;
      hypo = 0;
      continue;
    }
    // a new subject starts a new clause: "with no answer I paged the storage team" negates the answer only
    if (negLeft > 0 && SUBJECT_PRONOUNS.has(t.norm) && i > first && !INVERTING.has(tokens[i - 1]!.norm)) negLeft = 0;
    if (negLeft > 0) {
      t.negated = true;
      negLeft--;
    }
    if (hypo > 0) t.hypothetical = true;
    if (hypo > 1) t.counterfactual = true;
    const trig = negationTriggerLength(tokens, i, last);
    if (trig > 0) {
      // the trigger's own words are not negated; the window starts after it
      for (let j = 1; j < trig && i + j < last; j++) tokens[i + j]!.negated = false;
      negLeft = negationReach(tokens, i + trig, last);
      i += trig - 1;
      if (trig > 1 && hypo > 0) tokens[i]!.hypothetical = true;
      if (trig > 1 && hypo > 1) tokens[i]!.counterfactual = true;
      continue;
    }
    let kind = hypotheticalTrigger(tokens, i, last);
    // a "would" of habit is no imagining; one reported ("the test showed it would fall over") is a
    // claim, and its condition is not: "I showed them what would happen if we dropped the constraint"
    const habit = kind === 2 && habitualPast(tokens, first, i, last);
    if (habit) kind = 0;
    if (kind === 2 && reported(tokens, first, i, breakBefore)) {
      kind = 0;
      reportedAt = i;
    }
    if (kind > 0 && hypo === 0 && embeddedInTold(tokens, first, i, last, breakBefore)) {
      if (kind === 2) reportedAt = i;
      kind = 0;
    }
    if (t.norm === 'if' && reportedAt >= 0 && i - reportedAt <= REPORTED_IF_REACH) kind = 2;
    if (kind === 2) imaginedInClause = true;
    if (kind > hypo) hypo = kind;
  }
}

const FACTUAL_OPENERS = wordSet('factualOpeners');
const SUBJECT_PRONOUNS = wordSet('personalSubjects');
/** Words after which a subject pronoun stays inside the negation: "not that I", "nor did we". */
const INVERTING = wordSet('beforeInvertedSubject');

/**
 * The sentence asks rather than claims: it ends in a question mark, and no colon, semicolon or
 * dash puts a claim before the question ("I wrote a pre-mortem: what went wrong?" still claims).
 */
function isQuestion(sentence: string): boolean {
  return /\?["'’”)\]]*$/.test(sentence) && !/[:;—–]|\s-\s/.test(sentence);
}

const HABITUAL = wordSet('habitual');
const HABITUAL_OPENERS = WORDS.habitualOpeners.words.map((w) => w.split(' '));
const PAST = PAST_TENSES;
/** How far back in its sentence a "when" clause of past time is read for a "would". */
const HABIT_WINDOW = 14;

/**
 * A "would" that tells what used to happen, not what is imagined: one followed by a frequency
 * adverb ("we'd usually restart it") or after a clause of repeated past time ("when I shipped
 * something I'd send them the notes", "every time it paged we'd bump the limit"); and "would
 * rather", a preference held. "Would have" stays imagined.
 */
function habitualPast(tokens: Token[], first: number, i: number, last: number): boolean {
  if (tokens[i]!.norm !== 'would') return false;
  const next = i + 1 < last ? tokens[i + 1]!.norm : '';
  if (next === 'have') return false;
  // "I'd rather" states a preference the speaker holds now, not an imagined act
  if (HABITUAL.has(next) || next === 'rather') return true;
  if (recurringBefore(tokens, first, i, last)) return true;
  for (let j = i - 1; j >= first && j >= i - HABIT_WINDOW; j--) {
    const n = HABITUAL_OPENERS.find((ws) => ws.every((w, k) => tokens[j + k]?.norm === w));
    if (!n) continue;
    for (let k = j + n.length; k < i; k++) {
      const w = tokens[k]!.norm;
      if (w === 'would' || w === 'will' || w === 'should' || w === 'had') return false;
      if (PAST.has(w) || (w.endsWith('ed') && w.length > 4)) return true;
    }
    return false;
  }
  return false;
}

const RECURRING = wordSet('recurring');
const RECURRING_TIMES = wordSet('recurringTimes');
const RECURRING_DAYS = wordSet('recurringDays');
const PERSONAL = wordSet('personalSubjects');
/** Words after "every" in which its time may come: "every other week", "each Monday morning". */
const RECURRING_REACH = 2;

/**
 * A time that recurs, put before the subject of a "would": "every Monday I'd go through the
 * alerts", "after each incident we'd write it up", "on Fridays I would ...". The sentence tells
 * what used to happen; no condition before it imagines it ("if I joined, every Monday I'd ...").
 * A recurring time after the verb ("I'd review the alerts every week") may as well be a plan.
 */
function recurringBefore(tokens: Token[], first: number, i: number, last: number): boolean {
  if (i === first || !PERSONAL.has(tokens[i - 1]!.norm)) return false;
  let recurs = false;
  for (let j = i - 2; j >= first && j >= i - HABIT_WINDOW && !recurs; j--) {
    const norm = tokens[j]!.norm;
    if (norm === 'on' && RECURRING_DAYS.has(tokens[j + 1]?.norm ?? '')) recurs = true;
    else if (RECURRING.has(norm)) for (let k = j + 1; k <= j + RECURRING_REACH && k < i - 1; k++) recurs ||= RECURRING_TIMES.has(tokens[k]!.norm);
  }
  if (!recurs) return false;
  for (let j = first; j < i; j++) if (phraseAtToken(tokens, j, last, IMAGINED_CONDITIONS)) return false;
  return true;
}

/**
 * Past-tense verbs that report a finding or a belief held: "the test showed the database would hit
 * its limit", "we assumed the DB would handle it".
 */
const REPORTING: ReadonlySet<string> = new Set([...wordSet('findingVerbs'), ...wordSet('pastBeliefs')]);
const REPORT_WINDOW = 8;

/**
 * A "would" or "might" inside a clause reported by a past-tense finding or belief ("the load test
 * showed the pool would run out at 1.4x", "I figured the replicas would catch up") is what was
 * found or believed, not what is imagined.
 */
function reported(tokens: Token[], first: number, i: number, breakBefore: readonly (0 | 1 | 2)[]): boolean {
  for (let j = i - 1; j >= first && j >= i - REPORT_WINDOW; j--) {
    if ((breakBefore[j + 1 - first] ?? 0) > 1) return false;
    const norm = tokens[j]!.norm;
    if (SCOPE_END.has(norm) || norm === 'if') return false;
    if (REPORTING.has(norm)) return true;
  }
  return false;
}

const COMPLEMENTS = wordSet('complements');
const SAYINGS = wordSet('pastSayings');
const FIRST_PERSON = wordSet('firstPersonSubjects');
const IMAGINED_CONDITIONS = WORDS.imaginedConditions.words.map((w) => w.split(' '));
const PAST_INTENT = WORDS.pastIntent.words.map((w) => w.split(' '));
const IRREGULAR_PAST = wordSet('irregularPast');
/** How far back from a modal its clause's opener ("how many", "which", "that") is read. */
const EMBED_WINDOW = 10;

const phraseAtToken = (tokens: Token[], j: number, last: number, list: readonly string[][]): boolean =>
  list.some((ws) => j + ws.length <= last && ws.every((w, k) => tokens[j + k]!.norm === w));

/**
 * A modal inside a clause that a told act holds: "I estimated how many requests the sale would
 * send", "we checked which dependency would fall over first", "I wrote down what the on-call
 * should do", "I said we'd share the rotation". The modal is the clause's own, what was estimated,
 * checked, written down or said; the act that holds it was done. The holding clause is told when
 * the candidate or their team did something in it in the past ("I worked out", "we sat down and
 * checked") or does it as a habit ("I always check"), and meant nothing ("I wanted to know how much it would take" stays
 * imagined); a condition after the modal ("what would happen if the cache went cold") keeps it
 * imagined too.
 */
function embeddedInTold(tokens: Token[], first: number, i: number, last: number, breakBefore: readonly (0 | 1 | 2)[]): boolean {
  // the clause's opener between the modal and the clause that holds it: a word ("how", "which",
  // "that"), or none after a verb of saying ("I said we would")
  let open = -1;
  let told = false;
  for (let j = i - 1; j >= first && j >= i - EMBED_WINDOW; j--) {
    if ((breakBefore[j + 1 - first] ?? 0) > 1) return false;
    const norm = tokens[j]!.norm;
    if (COMPLEMENTS.has(norm) || SAYINGS.has(norm)) {
      open = j;
      told = SAYINGS.has(norm);
      break;
    }
    if (SCOPE_END.has(norm) || phraseAtToken(tokens, j, last, IMAGINED_CONDITIONS)) return false;
  }
  if (open <= first) return false;
  // the holding clause: the candidate or their team, then a verb in the past or of habit, and no intent
  let agent = false;
  for (let k = open - 1; k >= first; k--) {
    if ((breakBefore[k + 1 - first] ?? 0) > 1) break;
    const norm = tokens[k]!.norm;
    if (SCOPE_END.has(norm) || phraseAtToken(tokens, k, last, IMAGINED_CONDITIONS) || phraseAtToken(tokens, k, open, PAST_INTENT)) return false;
    if (FIRST_PERSON.has(norm)) agent = true;
    else if (!agent && (PAST.has(norm) || IRREGULAR_PAST.has(norm) || HABITUAL.has(norm) || (norm.length > 4 && norm.endsWith('ed')))) told = true;
  }
  if (!agent || !told) return false;
  // a condition after the modal imagines what it holds
  for (let k = i + 1; k < last; k++) {
    if ((breakBefore[k - first] ?? 0) > 1) break;
    if (phraseAtToken(tokens, k, last, IMAGINED_CONDITIONS)) return false;
  }
  return true;
}

/**
 * Every mark that can separate the items of a list (see isList): each separator isList splits on
 * holds one of them, so a sentence with n marks has at most n + 1 items.
 */
const LIST_MARKS = /[,;/|•·-]|\band\b|\bor\b/gi;
/** Items a list has at least, and tokens per item at most. */
const MIN_LIST_ITEMS = 3;
const MAX_ITEM_TOKENS = 3.2;

/**
 * Too few marks for a list of the sentence's length: with n marks it has at most n + 1 items, and
 * a list needs at least three and no more than MAX_ITEM_TOKENS tokens per item. Most prose is
 * settled here, before it is split into items.
 */
function tooFewMarks(sentence: string, tokenCount: number): boolean {
  LIST_MARKS.lastIndex = 0;
  for (let marks = 1; LIST_MARKS.test(sentence); marks++) {
    if (marks + 1 >= MIN_LIST_ITEMS && tokenCount / (marks + 1) <= MAX_ITEM_TOKENS) return false;
  }
  return true;
}

/** A comma-separated run of short terms ("pre-mortem, runbook, SLO, burn rate") rather than prose. */
function isList(sentence: string, tokenCount: number): boolean {
  if (tooFewMarks(sentence, tokenCount)) return false;
  // whitespace collapsed first: `\s*` around the separators backtracks over a long run of spaces
  const parts = sentence
    .replace(/\s+/g, ' ')
    .replace(/^ ?(?:[-*•+]|\d+[.)]) /, '')
    .split(/\s*(?:[,;/|•·]|\band\b|\bor\b|\s-\s)\s*/i)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (parts.length < MIN_LIST_ITEMS) return false;
  const short = parts.filter((p) => p.split(/\s+/).length <= 3).length;
  return short >= 3 && short / parts.length >= 0.75 && tokenCount / parts.length <= MAX_ITEM_TOKENS;
}

function isStatement(tokens: Token[], first: number, last: number): boolean {
  const n = last - first;
  if (n < 3) return false;
  for (let i = first; i < last; i++) {
    const w = tokens[i]!.norm;
    if (AGENTS.has(w)) return true;
    if (w.length >= 5 && w.endsWith('ed')) return true;
  }
  return false;
}

const PARTICIPLES = wordSet('pastParticiples');
const PERFECT_ADVERBS = wordSet('perfectAdverbs');

/**
 * "'d" before a past participle is "had", not "would": "we'd agreed on the budget" tells what
 * happened, "we'd agree" what might. Decided by the next word that is not an adverb.
 */
function perfectForD(text: string, tokens: Token[], norms: NormInfo[], first: number, last: number): void {
  for (let i = first; i < last; i++) {
    const t = tokens[i]!;
    if (t.norm !== 'would' || !/['’]d$/i.test(text.slice(t.start, t.end))) continue;
    let j = i + 1;
    while (j < last && PERFECT_ADVERBS.has(tokens[j]!.norm)) j++;
    const next = tokens[j]?.norm ?? '';
    if (j < last && (PARTICIPLES.has(next) || (next.length >= 4 && next.endsWith('ed') && !next.endsWith('eed')))) {
      t.norm = 'had';
      norms[i] = normInfo('had');
      t.stem = norms[i]!.stem;
    }
  }
}
