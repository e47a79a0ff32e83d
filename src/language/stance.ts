import { expandContraction } from './contractions.js';
import { anyPhrase, phraseAt, phraseIndex } from './phrases.js';
import { STORY_CONTRACTIONS, WORDS, wordSet } from './words.js';

// Where a candidate stands on what a sentence tells: their own endorsed act, something they
// refused or argued against, someone else's proposal, an act they look back on with regret, or
// one only imagined. The scorer counts a red flag only for the candidate's own endorsed act.
// Pure; linear in the length of the sentences read. Every word list lives in words.ts.

export type Stance = 'endorsed' | 'refused' | 'argued-against' | 'proposed-by-others' | 'someone-else' | 'regretted' | 'imagined';

interface Word {
  norm: string;
  /** Where the word starts and ends in the text read (every word of one match shares them). */
  start: number;
  end: number;
}

/**
 * Every word that expandContraction may read as a whole word: a key of the whole-word table. Any
 * other word without an apostrophe is its own norm, found without a look-up per word.
 */
const MAY_EXPAND: ReadonlySet<string> = new Set(Object.keys(STORY_CONTRACTIONS.whole));
const WORD_OR_MARK = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*|[;:.!?—–]|\s-\s/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Lower-cased words with contractions expanded, and the marks that end a clause as "|". */
function words(text: string, base = 0): Word[] {
  const out: Word[] = [];
  const re = WORD_OR_MARK;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const lower = m[0].toLowerCase();
    const w = lower.includes('’') ? lower.replace(/’/g, "'") : lower;
    const start = base + m.index;
    const end = start + m[0].length;
    if (!LETTER_OR_DIGIT.test(w) || CLAUSE_BREAKS.has(w)) {
      out.push({ norm: '|', start, end });
      if (CLAUSE_BREAKS.has(w)) out.push({ norm: w, start, end });
      continue;
    }
    // most words are neither contracted nor a whole-word contraction: they are their own norm,
    // exactly as expandContraction gives them (it finds nothing to expand)
    if (!w.includes("'") && !MAY_EXPAND.has(w)) out.push({ norm: w, start, end });
    else for (const piece of expandContraction(w, STORY_CONTRACTIONS)) out.push({ norm: piece, start, end });
  }
  return out;
}

/** The last sentence read whole: every match in one long sentence reads it once, not once each. */
let lastRead: { text: string; words: Word[] } | undefined;

function sentenceWords(sentence: string): Word[] {
  if (lastRead?.text !== sentence) lastRead = { text: sentence, words: words(sentence) };
  return lastRead.words;
}

/**
 * The words of `sentence.slice(lo, hi)`, exactly as `words` reads that slice, with offsets into
 * the sentence: the sentence's own words that lie wholly inside, and the cut words at either
 * edge read afresh. A word in the sentence that starts with a space (" - ") may read differently
 * once cut, so the shared words start at the first that does not.
 */
function windowWords(sentence: string, lo: number, hi: number): Word[] {
  hi = Math.min(hi, sentence.length);
  const all = sentenceWords(sentence);
  if (lo <= 0 && hi >= sentence.length) return all;
  let a = 0;
  let b = all.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (all[mid]!.start < lo) a = mid + 1;
    else b = mid;
  }
  while (a < all.length && /\s/.test(sentence[all[a]!.start]!)) a++;
  b = a;
  while (b < all.length && all[b]!.end <= hi) b++;
  if (a === b) return words(sentence.slice(lo, hi), lo);
  const from = all[a]!.start;
  const to = all[b - 1]!.end;
  return [...words(sentence.slice(lo, from), lo), ...all.slice(a, b), ...words(sentence.slice(to, hi), to)];
}

/** Words that end a clause: what comes after stands on its own ("I wanted to, but I didn't"). */
const CLAUSE_BREAKS = wordSet('clauseBreaks');

const REFUSALS = phraseIndex(WORDS.storyRefusals.words);
const ARGUED_BEFORE = phraseIndex(WORDS.arguedBefore.words);
const ARGUED_AFTER = phraseIndex(WORDS.arguedAfter.words);
const PROPOSERS = phraseIndex(WORDS.proposers.words);
const PROPOSING = phraseIndex(WORDS.proposing.words);
const PLANS = phraseIndex(WORDS.plans.words);
const TAKE_UP = phraseIndex(WORDS.takeUp.words);
const TEMPTATION = phraseIndex(WORDS.temptation.words);
const COUNTERFACTUAL = phraseIndex(WORDS.counterfactual.words);
const REGRET = phraseIndex(WORDS.regret.words);
const OWNING_UP = phraseIndex(WORDS.owningUp.words);
const PUSH_BACK = phraseIndex(WORDS.pushBack.words);
const STOPPED = phraseIndex(WORDS.abandon.words);
const SPEAKERS: ReadonlySet<string> = new Set([...wordSet('speaker'), ...wordSet('team')]);
/** Words after someone else's proposal in which the candidate's pushing back on it is read. */
const PUSH_BACK_WORDS_AFTER = 40;
const PROPOSAL_GAP = 3;
/**
 * Words a proposer may stand from their verb when none of them is the candidate or their team:
 * "our sales lead joined the call and said just turn it off" is the lead's; "my manager called and
 * I said skip it" is not.
 */
const PROPOSAL_REACH = 8;
/** Verbs by which a plan or habit is said to be what was on the table. */
const PLAN_VERBS = wordSet('planVerbs');
/** Bare negators: a take-up next to one is a refusal ("I did not let us"). */
const NEGATORS = wordSet('refusals');
/** The speaker's own possessives: "my plan", "our default". */
const OWN = wordSet('ownPossessives');
/** Characters read on each side of what the stance is asked about. */
const REACH = 1000;



/** Subjects that open a clause of their own after "and" or "or": "we didn't load test, and it fell over". */
const NEW_SUBJECTS = wordSet('newSubjects');

/**
 * Index of the first word of the clause that holds word `at`: back to the last clause break, or
 * to an "and" or "or" that brings a subject of its own. Without one, "or" and "and" go on with
 * the same clause ("I didn't restart it blind or try to hold it together alone").
 */
function clauseStart(ws: readonly Word[], at: number): number {
  let i = at;
  while (i > 0 && ws[i - 1]!.norm !== '|') {
    if ((ws[i - 1]!.norm === 'and' || ws[i - 1]!.norm === 'or') && i < at && NEW_SUBJECTS.has(ws[i]!.norm)) break;
    i--;
  }
  return i;
}

function clauseEnd(ws: readonly Word[], at: number): number {
  let i = at;
  while (i < ws.length && ws[i]!.norm !== '|') i++;
  return i;
}

/**
 * Someone else proposed what the text at `at` tells ("the team wanted to skip the dry run", "my
 * manager's idea was a reliability month"), and the candidate did not take it up ("and we did").
 */
function proposedByOthers(ws: readonly Word[], at: number): boolean {
  for (let i = 0; i < at; i++) {
    const person = phraseAt(ws, i, PROPOSERS);
    let proposal = -1;
    if (person > 0) {
      let speakerBetween = false;
      for (let j = i + person; j <= Math.min(at - 1, i + person + PROPOSAL_REACH); j++) {
        if (ws[j]!.norm === '|' || (j > i + person + PROPOSAL_GAP && speakerBetween)) break;
        const n = phraseAt(ws, j, PROPOSING);
        if (n > 0) {
          proposal = j + n;
          break;
        }
        speakerBetween ||= SPEAKERS.has(ws[j]!.norm);
      }
    }
    // "the plan was", "the usual approach there had been"; "my plan was" is the candidate's own
    const plan = i > 0 && OWN.has(ws[i - 1]!.norm) ? 0 : phraseAt(ws, i, PLANS);
    for (let k = i + plan; plan > 0 && proposal < 0 && k <= i + plan + 2 && k < at; k++) {
      if (PLAN_VERBS.has(ws[k]!.norm)) proposal = k + 1;
    }
    if (proposal >= 0) return !tookUp(ws, proposal);
  }
  return false;
}

/** The candidate takes the proposal up after word `from` ("so we did"); "I did not let us" does not. */
function tookUp(ws: readonly Word[], from: number): boolean {
  for (let i = Math.max(0, from); i < ws.length; i++) {
    const n = phraseAt(ws, i, TAKE_UP);
    if (n === 0) continue;
    const negated = NEGATORS.has(ws[i + n]?.norm ?? '') || NEGATORS.has(ws[i - 1]?.norm ?? '');
    if (!negated) return true;
  }
  return false;
}

/**
 * The candidate stood against what `sentence` says at `offset`: refused it in so many words ("I
 * refused to skip the dry run", "I didn't let us"), argued it is wrong ("the problem with a
 * reliability sprint is"), or pushed back on someone else's proposal of it, in the same sentence
 * or the next words ("My manager wanted a load test in the last two weeks. I pushed back on
 * that."). A bare negation ("we never load tested") only says it did not happen; an urge set
 * aside ("I was tempted to") is not standing against anyone.
 */
export function pushedBackAt(sentence: string, offset: number, after = ''): boolean {
  const ws = windowWords(sentence, Math.max(0, offset - REACH), offset + REACH);
  let at = ws.findIndex((w) => w.start >= offset);
  if (at < 0) at = ws.length;
  const from = clauseStart(ws, at);
  const to = clauseEnd(ws, at);
  if (anyPhrase(ws, from, at, PUSH_BACK)) return true;
  if (anyPhrase(ws, from, at, TEMPTATION) || anyPhrase(ws, 0, at + 1, COUNTERFACTUAL)) return false;
  if (anyPhrase(ws, 0, at, ARGUED_BEFORE) || anyPhrase(ws, at, to + 1, ARGUED_AFTER)) return true;
  if (!proposedByOthers(ws, at)) return false;
  const later = [...ws.slice(to), ...words(after.slice(0, REACH)).slice(0, PUSH_BACK_WORDS_AFTER)];
  return anyPhrase(later, 0, later.length, PUSH_BACK);
}

/** Words of the next sentence in which the candidate's refusal of what came before is read. */
const NEXT_REFUSAL_WORDS = 6;
/** Words that point back at what the sentence before told. */
const ANAPHORS = wordSet('anaphors');

/**
 * The next sentence opens with the candidate refusing what the one before told: "I stopped doing
 * that", "I pushed back on it", "We said no to that". A refusal verb alone is not enough; it has
 * to point back ("that", "it").
 */
function refusedNext(later: readonly Word[]): boolean {
  const head = later.slice(0, NEXT_REFUSAL_WORDS + 4);
  for (let i = 0; i < Math.min(head.length, NEXT_REFUSAL_WORDS); i++) {
    if (head[i]!.norm === '|') return false;
    if (!SPEAKERS.has(head[i]!.norm)) continue;
    for (let j = i + 1; j <= i + 3 && j < head.length; j++) {
      const n = phraseAt(head, j, PUSH_BACK) || phraseAt(head, j, STOPPED);
      if (n === 0) continue;
      for (let k = j + n; k < Math.min(head.length, j + n + 4); k++) if (ANAPHORS.has(head[k]!.norm)) return true;
    }
  }
  return false;
}

/**
 * The sentence owns up to the candidate's own part ("looking back", "I'm not so proud of this one",
 * "I had to admit it"): told anywhere in an answer, it makes the answer a regret story.
 */
export function ownsUp(sentence: string): boolean {
  // most sentences hold no word that could start to own up: they are not read word by word
  if (!mayOwnUp(sentence)) return false;
  // read across clause marks: "not so proud" is one phrase, though "so" may open a clause
  const ws = sentenceWords(sentence).filter((w) => w.norm !== '|');
  return anyPhrase(ws, 0, ws.length, OWNING_UP);
}

/** Words between a subject and the negation of its verb: "Slack *will* not", "it *did* not *even*". */
const NEGATED_AUX = wordSet('negatedAuxiliaries');
const DETERMINERS = wordSet('determiners');
const OTHERS = wordSet('others');

/**
 * The negated act at `at` has someone or something else as its subject: a pronoun that is not the
 * candidate ("they never paged anyone"), a name ("Slack won't wake anyone", "Priya didn't call
 * anyone") or a noun phrase ("the alert didn't page anyone"). "I didn't wake anyone", "and never
 * paged anyone" and "I made sure not to wake anyone" stay the candidate's.
 */
function negatedBySomeoneElse(sentence: string, ws: readonly Word[], at: number): boolean {
  // only a verb's own negation has a subject to read: "without a dry run" and "no one" do not
  const head = ws[at]?.norm;
  const verbNegation = head === 'not' || head === 'never' || (NEGATED_AUX.has(head ?? '') && (ws[at + 1]?.norm === 'not' || ws[at + 1]?.norm === 'never'));
  if (!verbNegation) return false;
  let i = at - 1;
  while (i >= 0 && NEGATED_AUX.has(ws[i]!.norm)) i--;
  // "won't" reads as "will" and "not" on one span: the subject is before the span
  while (i >= 0 && ws[i]!.start === ws[at]!.start) i--;
  if (i < 0) return false;
  const w = ws[i]!;
  if (w.norm === '|' || SPEAKERS.has(w.norm) || w.norm === 'there') return false;
  // a generic "you" ("the rule only works if you don't make exceptions") is the candidate's maxim
  if (OTHERS.has(w.norm)) return w.norm !== 'you';
  // a name: capitalised, and not where a sentence starts
  if (w.start > 0 && /\p{Lu}/u.test(sentence[w.start]!) && w.norm !== 'i') return true;
  // a noun phrase: a determiner just before ("the alert", "a Slack message")
  return (i >= 1 && DETERMINERS.has(ws[i - 1]!.norm)) || (i >= 2 && DETERMINERS.has(ws[i - 2]!.norm) && ws[i - 2]!.norm !== 'that');
}

/** The words a contraction may be read as ("won't" is "will not"): they need not be written out. */
const SPELLED_BY_CONTRACTIONS: ReadonlySet<string> = new Set([
  ...Object.values(STORY_CONTRACTIONS.whole).flat(),
  ...STORY_CONTRACTIONS.suffixes.map(([, word]) => word),
]);

/**
 * The words of each owning-up phrase that a sentence owning up in it must hold as written, once
 * lower-cased and stripped of apostrophes (the words read from "wasn't" or "o'clock" are pieces
 * of "wasnt" and "oclock"): all its words but those a contraction may stand for.
 */
const OWNING_UP_WRITTEN: readonly (readonly string[])[] = WORDS.owningUp.words.map((p) => p.split(' ').filter((w) => !SPELLED_BY_CONTRACTIONS.has(w)));

/** Whether the sentence could hold an owning-up phrase: most sentences are then not read word by word. */
function mayOwnUp(sentence: string): boolean {
  const text = sentence.toLowerCase().replace(/['’]/g, '');
  return OWNING_UP_WRITTEN.some((ws) => ws.length === 0 || ws.every((w) => text.includes(w)));
}

export interface StanceOptions {
  /**
   * What is read is itself a refusal of the right move ("I didn't wake anyone", "we never told
   * support"): a negation before it is the act, not a refusal of it.
   */
  negationIsTheAct?: boolean;
}

/**
 * Where the candidate stands on what `sentence` says at character `offset` of it. `after` is the
 * text that follows the sentence, where a regret told afterwards may be ("Looking back, I should
 * have asked for help sooner").
 */
export function stanceAt(sentence: string, offset: number, after = '', opts: StanceOptions = {}): Stance {
  // a clause is read within its neighbourhood: a stance is never decided further away, and a
  // text of one endless sentence with a match every few words stays linear to read
  const ws = windowWords(sentence, Math.max(0, offset - REACH), offset + REACH);
  after = after.slice(0, REACH);
  let at = ws.findIndex((w) => w.start >= offset);
  if (at < 0) at = ws.length;
  const from = clauseStart(ws, at);
  const to = clauseEnd(ws, at);
  // a failure to act told of something or someone else ("Slack won't wake anyone") is not the
  // candidate's own refusal of the right move
  if (opts.negationIsTheAct && negatedBySomeoneElse(sentence, ws, at)) return 'someone-else';
  // owning up before it in the clause ("I should not have", "the part I'm not proud of") is regret,
  // whatever negation it holds
  if (anyPhrase(ws, from, at, REGRET)) return 'regretted';
  // a refusal anywhere before it in the clause carries across "or", "and" and commas to the clause's end
  if (!opts.negationIsTheAct && anyPhrase(ws, from, at, REFUSALS)) return 'refused';
  // "if we had waited until after the build, it would have saturated": it did not happen
  if (anyPhrase(ws, 0, at + 1, COUNTERFACTUAL)) return 'imagined';
  if (proposedByOthers(ws, at)) return 'proposed-by-others';
  // an urge the candidate names ("I had the instinct to dig in alone") is felt, not done
  // ... unless they followed it ("my instinct was to restart it, so that is what I did")
  if (anyPhrase(ws, from, at, TEMPTATION)) return tookUp(ws, at) ? 'endorsed' : 'argued-against';
  // their own act judged in hindsight ("in hindsight, skipping it was the wrong call") is regret
  if (anyPhrase(ws, 0, ws.length, REGRET)) return 'regretted';
  if (anyPhrase(ws, 0, at, ARGUED_BEFORE) || anyPhrase(ws, at, to + 1, ARGUED_AFTER)) return 'argued-against';
  const later = words(after);
  if (anyPhrase(later, 0, later.length, REGRET)) return 'regretted';
  // "We had a tradition: a cleanup week every quarter. I stopped doing that." The practice told,
  // then refused by the candidate in the next breath, was not their act
  if (refusedNext(later)) return 'refused';
  return 'endorsed';
}
