import { expandContraction } from './contractions.js';
import { anyPhrase, phraseAt, phraseIndex } from './phrases.js';
import { windowReader } from './window.js';
import { PAST_TENSES, STORY_CONTRACTIONS, WORDS, wordSet } from './words.js';

// Whether what a sentence tells at a place is an act the candidate (or their team) did or would
// do, or the same topic with the act missing: skipped, only wished for, or planned and dropped.
// The scorer credits a beat only for the
// act. Pure; linear in the length of the sentences read. Every word list lives in words.ts.

export type ActReading = 'act' | 'not-done' | 'wished' | 'dropped' | 'someone-else';

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
const PLAN_NOUNS = phraseIndex(WORDS.planNouns.words);
/** After a plan's "but", a stall or a bare negation tells it came to nothing ("but it slipped", "but nobody did it"). */
const UNFULFILLED = phraseIndex([...WORDS.unfulfilled.words, ...WORDS.undone.words]);
const STALLED = phraseIndex(WORDS.unfulfilled.words);
const UNDONE = phraseIndex(WORDS.undone.words);
const CARRIED_OUT = phraseIndex(WORDS.carriedOut.words);
const RELATIVES = wordSet('relatives');
/** The candidate taking a plan up after all: "so I did it myself", "and we did". */
const TAKE_UP = phraseIndex(WORDS.takeUp.words);
const DETERMINERS = wordSet('determiners');
/** The candidate and their team, as themselves: "I did it myself". */
const OWN: ReadonlySet<string> = new Set([...wordSet('speaker'), ...wordSet('team')]);
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
const PASSIVE_AUX = wordSet('passiveAuxiliaries');
const CONSENT = wordSet('consentParticiples');
/** A person by role ("my tech lead", "a colleague") or a pronoun for one ("him"). */
const PEOPLE = phraseIndex([...WORDS.proposers.words, ...WORDS.otherPeopleObjects.words, ...WORDS.otherRoles.words]);
/** People words that may take the candidate in: "by the team", "by everyone". */
const COLLECTIVES = wordSet('collectives');
/** Words that end the agent's noun phrase: "by a colleague *on* the platform team". */
const AGENT_ENDS: ReadonlySet<string> = new Set([...wordSet('nounPrepositions'), ...wordSet('relatives'), ...wordSet('coordinators'), ...wordSet('agentEnds')]);
/** Words after a passive auxiliary in which its participle and "by" may come: "was later picked up by". */
const PASSIVE_REACH = 6;
/** Words of the agent's noun phrase after its determiners: "by our SRE manager". */
const AGENT_WORDS = 3;

const NEGATION_ADVERBS = wordSet('negationAdverbs');

/**
 * A verb of omission in words [from, at) is itself negated, so what follows it was done: "we
 * never skip the load test", "I didn't even skip the dry run", "without skipping the review".
 */
function omissionNegated(ws: readonly Word[], from: number, at: number): boolean {
  for (let k = Math.max(from + 1, at - NEGATION_REACH - 2); k < at; k++) {
    if (phraseAt(ws, k, LEFT_OUT) === 0) continue;
    let j = k - 1;
    while (j > from && NEGATION_ADVERBS.has(ws[j]!.norm)) j--;
    if (NEGATORS.has(ws[j]!.norm) || ws[j]!.norm === 'without') return true;
  }
  return false;
}

/** Words before the act in which a verb of omission may stand: "we skipped thinking about what would break first". */
const OMISSION_REACH = 5;

/**
 * A verb of omission before the act in its run of words, with no comma, "and" or new subject
 * between: "skipped comparing the data", "we skipped thinking about what would break first".
 */
function omittedBefore(ws: readonly Word[], from: number, at: number): boolean {
  for (let i = at - 1; i >= Math.max(from, at - OMISSION_REACH); i--) {
    const n = ws[i]!.norm;
    if (phraseAt(ws, i, LEFT_OUT) > 0) return true;
    if (n === ',' || n === 'and' || SUBJECTS.has(n)) return false;
  }
  return false;
}

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

/**
 * "nobody" as a subject before the act in its chunk: opening it, or after a comma, "and", or a word
 * that opens a clause of time, condition or reason ("when nobody checked"). Not past a clause the
 * candidate starts after it: "nobody else was around and I fixed it" is their act.
 */
function nobodyBefore(ws: readonly Word[], from: number, at: number): boolean {
  for (let i = at - 1; i >= from; i--) {
    const before = ws[i - 1]?.norm ?? '';
    if (SUBJECTS.has(ws[i]!.norm) && (before === ',' || before === 'and' || before === 'so')) return false;
    if (phraseAt(ws, i, NONE_DID) === 0) continue;
    if (i === from || before === ',' || before === 'and' || SUBORDINATORS.has(before)) return true;
  }
  return false;
}
/** Words that open a clause of time, condition or reason before its subject: "when", "because". */
const SUBORDINATORS: ReadonlySet<string> = new Set([...wordSet('times'), ...wordSet('conditions'), ...wordSet('reasons')]);

/**
 * The words of what came of a plan: the first chunk after the act's opened by "but" (after a
 * purpose or a reason, "so that ...", at most a few chunks on), or the next sentence's first
 * when it opens with "but".
 */
function outcome(ws: readonly Word[], to: number, after: string): Word[] {
  let i = to;
  let first: Word[] | undefined;
  for (let k = 0; k < CHUNKS_AHEAD && i < ws.length; k++) {
    const end = chunkEnd(ws, i + 1);
    // "but then it got dropped": a break word after the "but" goes on with the same chunk
    if (CONTRAST.has(ws[i + 1]?.norm ?? '')) {
      const rest = ws.slice(i + 2, chunkEnd(ws, ws[i + 2]?.norm === '|' ? i + 4 : i + 2)).filter((w) => w.norm !== '|');
      // a "but" inside a noun phrase ("a faster but riskier rollout was drafted, but it was never
      // sent") tells nothing of the plan: a later "but" within reach that tells a stall is its fate
      if (anyPhrase(rest, 0, rest.length, UNFULFILLED)) return rest;
      first ??= rest;
    }
    i = end;
  }
  if (first) return first;
  // or the next sentence, when it opens with "but": its first two words tell whether it does (most
  // do not), and only then is the rest read
  if (i < ws.length) return [];
  const text = after.slice(0, REACH);
  const head = words(text, 0, 2);
  if (head[0]?.norm !== '|' || !CONTRAST.has(head[1]?.norm ?? '')) return [];
  const next = words(text);
  return next.slice(2, chunkEnd(next, 2));
}

/** Words before the act in which the work item that holds it may stand: "a story on the board for a soak test". */
const ITEM_BEFORE = 6;
/** Words after the act in which it may be named a work item: "the soak test was a task". */
const ITEM_AFTER = 3;

/**
 * A work item that holds the act read at words [at, beyond): its noun stands just before it ("a
 * ticket to forecast the traffic") or just after ("the soak test was a task on the board"), with no
 * comma between. One inside what is read ("the action item I wrote") is the act itself, not a plan
 * of it. Gives where what is told of the item may follow (the act's end, or the item's when it
 * comes after), or -1 when none holds it.
 */
function workItemOf(ws: readonly Word[], from: number, at: number, beyond: number, to: number): number {
  for (let i = at - 1; i >= Math.max(from, at - ITEM_BEFORE) && ws[i]!.norm !== ','; i--) if (phraseAt(ws, i, PLAN_NOUNS) > 0) return beyond;
  for (let i = beyond; i < Math.min(to, beyond + ITEM_AFTER) && ws[i]!.norm !== ','; i++) {
    const n = phraseAt(ws, i, PLAN_NOUNS);
    if (n > 0) return i + n;
  }
  return -1;
}

/** Words after the act in which a relative clause on it or on its work item may open. */
const RELATIVE_REACH = 6;
/** Words after a plan's relative pronoun or subject in which what befell it is read. */
const FATE_REACH = 4;
/** Words after a negation in which the verb of carrying a plan out may come ("never got picked up"). */
const CARRY_REACH = 3;

/**
 * What befell a plan, told in the words from `i`: it stalled ("sat in the backlog", "slipped"), or
 * it was not carried out ("never got picked up", "nobody picked up", "was never done"). A bare
 * negation alone is not enough here: "that never got above two thousand" tells of something else.
 */
function leftUndone(ws: readonly Word[], i: number): boolean {
  for (let k = i; k < Math.min(ws.length, i + FATE_REACH); k++) {
    if (ws[k]!.norm === '|') return false;
    if (phraseAt(ws, k, STALLED) > 0) return true;
    const n = phraseAt(ws, k, UNDONE);
    if (n > 0 && anyPhrase(ws, k + n, Math.min(ws.length, k + n + CARRY_REACH), CARRIED_OUT)) return true;
  }
  return false;
}

/**
 * A plan told, then left undone in a clause of its own on it: a relative clause after the act
 * ("a ticket to forecast the traffic that never got picked up", "..., which sat in the backlog"),
 * or the next clause or sentence opening on it ("We had a story for it; it never got done.", "The
 * ticket sat in the backlog.").
 */
function planLeftUndone(ws: readonly Word[], last: number, to: number, after: string): boolean {
  for (let k = last; k < Math.min(to, last + RELATIVE_REACH); k++) if (RELATIVES.has(ws[k]!.norm) && leftUndone(ws, k + 1)) return true;
  let next: readonly Word[];
  let i: number;
  if (to + 1 < ws.length) {
    // the next clause after a hard mark (not a "but", read by outcome)
    next = ws;
    i = to + 1;
  } else {
    next = words(after.slice(0, REACH));
    i = next[0]?.norm === '|' ? 1 : 0;
  }
  if (phraseAt(next, i, ANAPHORS) > 0) return leftUndone(next, i + phraseAt(next, i, ANAPHORS));
  if (DETERMINERS.has(next[i]?.norm ?? '') && phraseAt(next, i + 1, PLAN_NOUNS) > 0) return leftUndone(next, i + 1 + phraseAt(next, i + 1, PLAN_NOUNS));
  return false;
}

/**
 * At word i, "I" or "we", a negation and a verb with nothing after it: the object was named before
 * ("the soak test I never scheduled", "that meeting we never held, and ...").
 */
function frontedNegation(ws: readonly Word[], i: number): boolean {
  if (!SUBJECTS.has(ws[i]?.norm ?? '')) return false;
  let j = i + 1;
  let negated = false;
  for (; j < ws.length && (BETWEEN.has(ws[j]!.norm) || NEGATORS.has(ws[j]!.norm)); j++) negated ||= NEGATORS.has(ws[j]!.norm);
  const afterVerb = ws[j + 1]?.norm;
  // "the review we never skipped" is done
  if (phraseAt(ws, j, LEFT_OUT) > 0) return false;
  return negated && j < ws.length && ws[j]!.norm !== '|' && ws[j]!.norm !== ',' && (afterVerb === undefined || afterVerb === '|' || afterVerb === ',');
}

/** Words of the next sentence read for what came of a plan. */
const NEXT_SENTENCE_WORDS = 30;

/**
 * After a plan, the candidate tells they never did the thing, named first and then negated with
 * nothing after the verb ("That meeting I never scheduled.", "..., the split I never built, so"),
 * or that it never happened: in the rest of the sentence or the next one.
 */
function leftUnbuilt(ws: readonly Word[], to: number, after: string): boolean {
  const text = after.slice(0, REACH);
  const stop = text.search(/[.!?](?:\s|$)/);
  const next = words(stop < 0 ? text : text.slice(0, stop), 0, NEXT_SENTENCE_WORDS);
  // "Never did; we restarted": the next sentence opens by disowning it
  if (disowned(next.slice(next[0]?.norm === '|' ? 1 : 0, chunkEnd(next, 1)))) return true;
  const seen = [...ws.slice(to), ...next];
  for (let i = 0; i < seen.length; i++) if (frontedNegation(seen, i)) return true;
  return anyPhrase(seen, 0, seen.length, NEVER_HAPPENED);
}

/**
 * The candidate takes the plan up after word `from`, pointing back at it or saying no more: "so I
 * did it myself", "and we did". "But we did not" does not, nor "until we did the migration".
 */
function tookUp(ws: readonly Word[], from: number): boolean {
  for (let i = from; i < ws.length; i++) {
    const n = phraseAt(ws, i, TAKE_UP);
    if (n === 0 || NEGATORS.has(ws[i - 1]?.norm ?? '')) continue;
    const next = ws[i + n];
    if (next === undefined || next.norm === '|' || next.norm === ',' || phraseAt(ws, i + n, ANAPHORS) > 0 || OWN.has(next.norm)) return true;
  }
  return false;
}

/** "but nobody did it", "but I never did", "but we never got round to holding it": the act told before, not done. */
function disowned(rest: readonly Word[]): boolean {
  // "but never did", "but never got to it": the plan's own subject goes on, negated
  if (NEGATORS.has(rest[0]?.norm ?? '') && (rest.length <= 2 || anyPhrase(rest, 1, Math.min(rest.length, 4), ANAPHORS))) return true;
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

/** People by role: "my lead", "our SRE", "the QA team"; the candidate's own team is among the collectives. */
const ROLES = wordSet('proposers');
const WHOLE_TEAM = wordSet('wholeTeam');
/** The candidate in any case but the possessive: a clause nearer the act with one of them in it is theirs. */
const POSSESSIVES = wordSet('ownPossessives');
const SELF: ReadonlySet<string> = new Set([...wordSet('speaker'), ...wordSet('team')].filter((w) => !POSSESSIVES.has(w) && !w.includes(' ')));
const OTHER_PRONOUNS = wordSet('others');
/** Someone else as a pronoun subject: "she wrote the list". */
const THIRD_PERSONS = wordSet('thirdPersonPeople');
const NEVER_HAPPENED = phraseIndex(WORDS.neverHappened.words);
const PAST_FORMS: ReadonlySet<string> = new Set([...PAST_TENSES, ...wordSet('pastOrPresent')]);
/** Relative pronouns for people: "it was my lead who rolled it back". */
const WHO = wordSet('personRelatives');
/** Words before a "who" in which the person it is said of is read. */
const WHO_REACH = 8;
/** Words before the act in which someone else may stand as its subject. */
const SUBJECT_REACH = 24;

/** Word i is written with a capital and does not start the sentence: a name ("Priya"). */
function named(sentence: string, ws: readonly Word[], i: number): boolean {
  const w = ws[i]!;
  return w.start > 0 && capitalised(sentence, w) && !SELF.has(w.norm);
}

/** The word is written with a capital (a name, or any word opening its sentence). */
function capitalised(sentence: string, w: Word): boolean {
  return /^\p{Lu}/u.test(sentence.slice(w.start, w.start + 1));
}

/** Roles that never propose but may act: "a data analyst built the projection", "the consultant wrote it". */
const OTHER_ROLES = wordSet('otherRoles');

/** A person by role, not a collective that may take the candidate in, nor a pronoun ("someone", "they"). */
function role(n: string): boolean {
  return (ROLES.has(n) || OTHER_ROLES.has(n)) && !COLLECTIVES.has(n) && !OTHER_PRONOUNS.has(n);
}

/** A word before which a subject may open its clause: none, a break, a comma, "and", "when". */
function opensClause(n: string | undefined): boolean {
  return n === undefined || n === '|' || n === ',' || n === 'and' || SUBORDINATORS.has(n);
}

/** A past verb, told by its form: "rolled", "wrote", "did". */
function pastVerb(n: string | undefined): boolean {
  return n !== undefined && (PAST_FORMS.has(n) || (n.length > 4 && n.endsWith('ed')));
}

/**
 * Word i names someone else by role or name as the subject of the past verb right after it (an
 * apposition between: "our SRE, Dana, did", "my colleague Priya built"): "my lead rolled it back",
 * "the QA team ran it". A collective alone ("the team", "our squad") may be the candidate's own,
 * unless another role qualifies it ("the QA team").
 */
function roleSubject(sentence: string, ws: readonly Word[], i: number): boolean {
  const n = ws[i]!.norm;
  // "co-worker" is read as two words
  const person = THIRD_PERSONS.has(n) || role(n) || (n === 'worker' && ws[i - 1]?.norm === 'co');
  // "the QA team", "the infra team": a team named by what it does, not the candidate's ("our team", "the whole team")
  const qualified =
    COLLECTIVES.has(n) &&
    i > 1 &&
    !POSSESSIVES.has(ws[i - 2]!.norm) &&
    !WHOLE_TEAM.has(ws[i - 1]!.norm) &&
    !DETERMINERS.has(ws[i - 1]!.norm) &&
    !COLLECTIVES.has(ws[i - 1]!.norm) &&
    (ROLES.has(ws[i - 1]!.norm) || (ws[i - 2]!.norm === 'the' && opensClause(ws[i - 3]?.norm)));
  if (!person && !qualified && !(named(sentence, ws, i) && i > 0 && ROLES.has(ws[i - 1]!.norm))) return false;
  let k = i + 1;
  // an apposition: a name, with or without commas round it
  if (ws[k]?.norm === ',') k++;
  if (k > i && k < ws.length && named(sentence, ws, k) && ws[k]!.norm !== ',') {
    k++;
    if (ws[k]?.norm === ',') k++;
  } else if (k > i + 1) return false;
  return pastVerb(ws[k]?.norm) || pastVerb(ws[afterModifier(ws, k)]?.norm);
}

/**
 * Prepositions that place a person: "my colleague *on* call", "Aisha *on* my team", "someone *from*
 * the bank" (not "of": "the owners *of* every service subscribed" names whose service it is).
 */
const PLACING = wordSet('placingPrepositions');
/** Adverbs that may stand between a subject and its verb: "then", "later", "also". */
const LINKING_ADVERBS = wordSet('subjectAdverbs');
/** How many words a placing phrase after a subject may run: "on call that night". */
const MODIFIER_REACH = 5;

/**
 * The index just past a short placing phrase that opens at `k` ("on call that night", "from the
 * data team"), or `k` when none does: a phrase of a few words, with no comma, break or clause of
 * the candidate's own in it, ending before a past verb.
 */
function afterModifier(ws: readonly Word[], k: number): number {
  // "a new hire eventually picked it up": an adverb between the person and the verb
  if (/ly$/.test(ws[k]?.norm ?? '') || LINKING_ADVERBS.has(ws[k]?.norm ?? '')) return k + 1;
  if (!PLACING.has(ws[k]?.norm ?? '')) return k;
  for (let j = k + 1; j < Math.min(ws.length, k + 1 + MODIFIER_REACH); j++) {
    const n = ws[j]!.norm;
    if (n === ',' || n === '|' || SELF.has(n)) return k;
    if (pastVerb(n)) return j;
  }
  return k;
}

/**
 * Word `i` (a collective: team, squad) ends a placing phrase on another person: "Aisha on my
 * team", "a colleague from our squad". The index of that person, or -1.
 */
function personOnOwnTeam(sentence: string, ws: readonly Word[], i: number): number {
  if (!POSSESSIVES.has(ws[i - 1]?.norm ?? '') || !PLACING.has(ws[i - 2]?.norm ?? '')) return -1;
  const p = i - 3;
  const w = ws[p];
  if (w === undefined || SELF.has(w.norm)) return -1;
  // a name opening the sentence counts too: "Aisha on my team ..."
  return capitalised(sentence, w) || THIRD_PERSONS.has(w.norm) || role(w.norm) ? p : -1;
}

/** The clause of word `i` is opened, just before it, by a word of time, condition or reason: "when the team ...". */
function subordinate(ws: readonly Word[], from: number, i: number): boolean {
  for (let k = i - 1; k >= Math.max(from, i - 4); k--) {
    if (SUBORDINATORS.has(ws[k]!.norm)) return true;
    if (ws[k]!.norm === ',') return false;
  }
  return false;
}

/**
 * The person a "who" at word `i` is said of is someone else: the word before it ("my tech lead
 * who", "Priya who"), or the subject of "was the one who" ("our director was the one who").
 */
function whoIsSomeoneElse(sentence: string, ws: readonly Word[], from: number, i: number): boolean {
  let k = ws[i - 1]?.norm === ',' ? i - 2 : i - 1;
  if (ws[k]?.norm === 'one' && DETERMINERS.has(ws[k - 1]?.norm ?? '')) {
    k -= 2;
    while (k >= from && PAST_FORMS.has(ws[k]!.norm)) k--;
    if (ws[k]?.norm === ',') k--;
  }
  if (k < from) return false;
  const n = ws[k]!.norm;
  return !SELF.has(n) && (THIRD_PERSONS.has(n) || role(n) || named(sentence, ws, k));
}

/** Word i is "us" or "me" as the object of the verb just before it ("woke us", "told me"), not a subject ("my lead and me"). */
function objectPronoun(ws: readonly Word[], i: number): boolean {
  const n = ws[i]!.norm;
  return (n === 'us' || n === 'me') && pastVerb(ws[i - 1]?.norm);
}

/**
 * The act at word `at` is someone else's, told with the candidate standing outside it: the
 * nearest subject before it in its chunk is a person by role or name ("my lead rolled back the
 * release", "Our SRE Tomas wrote the guide"), or a "who" said of one ("it was my tech lead who
 * ran the session", "our director was the one who stopped it"). A first-person word nearer the
 * act ("I asked my lead to roll back", "my lead and I rolled back") keeps it the candidate's.
 */
function othersAct(sentence: string, ws: readonly Word[], from: number, at: number, last: number): boolean {
  // a match that holds the candidate's own clause is theirs: "Product wanted it, and I argued ..."
  // ... but not for an object pronoun inside it: "deleted the alerts that woke us for nothing"
  for (let i = at; i < last; i++) if (SELF.has(ws[i]!.norm) && !objectPronoun(ws, i)) return false;
  // a match that opens a clause of its own on a noun is its own subject: "..., and both teams get paged"
  if ((ws[at - 1]?.norm === 'and' || ws[at - 1]?.norm === ',') && !pastVerb(ws[at]?.norm)) return false;
  for (let i = at - 1; i >= from; i--) {
    const n = ws[i]!.norm;
    if (SELF.has(n)) return false;
    // "Aisha on my team spotted it": the team word places another person, whose act it is
    if (COLLECTIVES.has(n)) {
      const p = personOnOwnTeam(sentence, ws, i);
      if (p >= from && pastVerb(ws[afterModifier(ws, i + 1)]?.norm)) return true;
    }
    if (WHO.has(n)) return whoIsSomeoneElse(sentence, ws, from, i);
    if (i < at - SUBJECT_REACH) continue;
    // not someone's act told as the time or reason of the candidate's own, later in the sentence:
    // "when the data engineers pushed back, I asked what worried them"
    if (roleSubject(sentence, ws, i)) return !(subordinate(ws, from, i) && ws.slice(last).some((w) => SELF.has(w.norm)));
    // a name opening its clause before a past verb: "...; Marco built the spreadsheet"
    const before = ws[i - 1]?.norm;
    if (named(sentence, ws, i) && (i === from || before === ',' || before === 'and') && pastVerb(ws[i + 1]?.norm)) return true;
  }
  return false;
}

/**
 * What is read at word `at` is told in the passive in its chunk, with someone else as
 * the agent: "the freeze was decided by my manager", "the work ... was picked up by a colleague
 * on the platform team". "By me", "by our team", "by hand", "by the end of the month" and "by the
 * partner outage" are no one else's act; nor does approval make it theirs ("my plan was approved
 * by the director").
 */
function passiveBySomeoneElse(ws: readonly Word[], from: number, at: number, to: number): boolean {
  // a passive before what is read holds it only with no subject of the candidate's between
  let start = at;
  while (start > from && !SUBJECTS.has(ws[start - 1]!.norm)) start--;
  for (let i = start; i < to; i++) {
    if (!PASSIVE_AUX.has(ws[i]!.norm)) continue;
    // the participle (any word: "reset", "undertaken"), and "by"
    let k = i + 1;
    let consent = false;
    for (; k < Math.min(to, i + 1 + PASSIVE_REACH) && ws[k]!.norm !== 'by'; k++) if (CONSENT.has(ws[k]!.norm)) consent = true;
    if (k === i + 1 || consent || ws[k]?.norm !== 'by') continue;
    // the agent: a person by role, as the last word of its noun phrase
    let j = k + 1;
    while (j < to && DETERMINERS.has(ws[j]!.norm)) j++;
    for (let h = j; h < Math.min(to, j + AGENT_WORDS); h++) {
      const n = ws[h]!.norm;
      if (OWN.has(n) || n === ',') return false;
      // "by the SRE team", "by the data platform group": a team named by what it does is another
      // team; "by the team" and "by our team" are the candidate's own
      if (COLLECTIVES.has(n)) return h > j && ws[j - 1]?.norm !== 'by' && !OWN.has(ws[j - 1]?.norm ?? '') && !WHOLE_TEAM.has(ws[j]!.norm);
      const next = ws[h + 1]?.norm;
      if (next === undefined || h + 1 >= to || next === ',' || AGENT_ENDS.has(next) || next.endsWith('ing')) return phraseAt(ws, h, PEOPLE) > 0;
    }
    return false;
  }
  return false;
}

const BYSTANDER = phraseIndex(WORDS.bystander.words);
/** Words at the start of a chunk read for its subject: "a colleague on the infra team", "our head of SRE". */
const SUBJECT_WORDS = 5;
/** Nouns of a group that, after "the" or "a" and a word naming it, is some other team: "the infra team". */
const GROUPS = wordSet('groupNouns');

/**
 * What is read at word `at` is told of someone else who opens its chunk, and the candidate says
 * in the sentence or the next that they stood outside it: "The SRE group reset the SLOs; I wasn't
 * involved", "The infra team added automatic draining; I had nothing to do with it". Without that
 * word of standing apart, someone else's act opening a sentence is often what the candidate
 * answered ("the cache team pointed out the stampede, so I changed the TTL") and is left alone.
 */
function bystanderToOthers(ws: readonly Word[], from: number, at: number, after: string): boolean {
  for (let i = from; i < at; i++) if (SUBJECTS.has(ws[i]!.norm)) return false;
  const hi = Math.min(at, from + SUBJECT_WORDS);
  let other = someoneIn(ws, from, hi);
  // "the infra team", "a platform group": some other team named by what it does
  const det = ws[from]?.norm;
  if (!other && (det === 'the' || det === 'a' || det === 'an')) for (let h = from + 2; h < hi; h++) if (GROUPS.has(ws[h]!.norm)) other = true;
  // "another squad's migration", "another team"
  if (!other && det === 'another' && GROUPS.has(ws[from + 1]?.norm ?? '')) other = true;
  // "our platform team", "our data-quality group": a team of the company named by what it does,
  // someone else's when the candidate then sets their own part apart
  if (!other && det === 'our') for (let h = from + 2; h < hi; h++) if (GROUPS.has(ws[h]!.norm)) other = true;
  if (!other) return false;
  if (anyPhrase(ws, 0, ws.length, BYSTANDER) || disclaimsAfter(ws, at)) return true;
  const next = words(after.slice(0, REACH));
  return anyPhrase(next, 0, next.length, BYSTANDER) || disclaimsAfter(next, 0);
}

const TAKING_PART = wordSet('takingPart');
/** How many words after "I" a negation of the candidate's own part may come ("I *honestly* didn't say a word"). */
const DISCLAIM_REACH = 3;

/**
 * From word `from` on, a clause opens with the candidate saying what they did not do, or that
 * they did only a little: "I didn't set anything up myself", "I never looked at the comparison",
 * "I just referred to their dashboard".
 */
function disclaimsAfter(ws: readonly Word[], from: number): boolean {
  for (let i = Math.max(0, from); i < ws.length; i++) {
    if (ws[i]!.norm !== 'i') continue;
    const prev = ws[i - 1]?.norm;
    if (i > 0 && prev !== '|' && prev !== ',' && prev !== 'and' && prev !== 'but') continue;
    for (let k = i + 1; k <= i + DISCLAIM_REACH && k < ws.length && ws[k]!.norm !== '|'; k++) {
      const n = ws[k]!.norm;
      // "I didn't work on any of it", "I never looked", "I honestly didn't say a word"; not "I
      // didn't go over their heads", which refuses another act rather than the one told
      if ((n === 'not' || n === 'never') && TAKING_PART.has(ws[k + 1]?.norm ?? '')) return true;
      if ((n === 'just' || n === 'only') && k === i + 1) return true;
    }
  }
  return false;
}

/** Agents after "by" under whom a negated passive is the candidate's side not doing it: "never tracked by me", "by anyone". */
const NO_ONE_OR_US: ReadonlySet<string> = new Set([...OWN, ...wordSet('anyoneAgents')]);

/**
 * What is read at word `at` is told in a negated passive whose agent is the candidate, their
 * team, or anyone at all: "how often it woke people was never tracked by me", "the alarm list was
 * not reviewed by anyone". A negation with no agent named ("pages were not missed") is left alone.
 */
function passiveNotDone(ws: readonly Word[], at: number, to: number): boolean {
  for (let i = at; i < to - 1; i++) {
    if (!PASSIVE_AUX.has(ws[i]!.norm) || !NEGATORS.has(ws[i + 1]!.norm)) continue;
    for (let k = i + 2; k < Math.min(to, i + 2 + PASSIVE_REACH); k++) {
      if (ws[k]!.norm !== 'by') continue;
      return NO_ONE_OR_US.has(ws[k + 1]?.norm ?? '') || (ws[k + 1]?.norm === 'my' || ws[k + 1]?.norm === 'our') && COLLECTIVES.has(ws[k + 2]?.norm ?? '');
    }
  }
  return false;
}

const HEARSAY = phraseIndex(WORDS.hearsay.words);

/**
 * What is read at word `at` is someone else's word passed on: a phrase of hearsay before it in its
 * chunk, with no clause of the candidate's own between ("my lead told me the peak went fine",
 * "according to the data team nothing was lost"). "Told me to" is an instruction, not a report.
 */
function hearsayBefore(sentence: string, ws: readonly Word[], from: number, at: number): boolean {
  for (let i = at - 1; i >= from; i--) {
    if (SUBJECTS.has(ws[i]!.norm) && phraseAt(ws, i, HEARSAY) === 0) return false;
    const n = phraseAt(ws, i, HEARSAY);
    if (n === 0 || i + n > at || ws[i + n]?.norm === 'to') continue;
    // "told me" passes on a person's word, not a finding's: "the test order failed, which told me it was real"
    if (ws[i]!.norm !== 'told') return true;
    const who = ws[i - 1]?.norm ?? '';
    if (role(who) || THIRD_PERSONS.has(who) || who === 'they' || GROUPS.has(who) || (i > 0 && named(sentence, ws, i - 1))) return true;
  }
  return false;
}

/** Prepositions that open a clause's fronted phrase: "In the design phase, my manager worked out ...". */
const FRONTED: ReadonlySet<string> = new Set([...wordSet('nounPrepositions'), 'during', 'at', 'before', 'after', 'ahead', 'over']);
/** Words after a fronted phrase in which its clause's subject is read. */
const FRONTED_REACH = 4;

/**
 * What is read at word `at` sits in a phrase fronted before its clause, with no subject before it
 * ("In the design phase my manager worked out the load"), and the clause's subject is someone else.
 */
function frontedForOthers(sentence: string, ws: readonly Word[], from: number, at: number, last: number): boolean {
  if (!FRONTED.has(ws[from]?.norm ?? '')) return false;
  for (let i = from; i < last; i++) if (SUBJECTS.has(ws[i]!.norm)) return false;
  // the subject opens its own noun phrase after what is read ("..., my manager"); straight after
  // it, what is read is part of the subject ("their on-call engineer noticed")
  const k = ws[last]?.norm === ',' ? last + 1 : last;
  if (!DETERMINERS.has(ws[k]?.norm ?? '') && !(k < ws.length && named(sentence, ws, k))) return false;
  for (let i = k; i < Math.min(ws.length, k + FRONTED_REACH); i++) {
    const n = ws[i]!.norm;
    if (n === '|' || SELF.has(n)) return false;
    if (roleSubject(sentence, ws, i)) return true;
  }
  return false;
}

const OTHERS_SHARE = phraseIndex(WORDS.othersShare.words);
/** Words after what is read in which "was my lead's idea" may come. */
const SHARE_REACH = 6;

/**
 * What is read at words [at, last) is then said to be someone else's work: "Adding replicas was
 * the platform team's work", "the double writes were my lead's idea". The possessive is read
 * without its "'s": a person by role or name, or some other team, just before a noun of ownership.
 */
function saidToBeOthers(sentence: string, ws: readonly Word[], last: number, to: number): boolean {
  for (let i = last; i < Math.min(to, last + SHARE_REACH); i++) {
    if (!PASSIVE_AUX.has(ws[i]!.norm)) continue;
    for (let k = i + 1; k < Math.min(to, i + 5); k++) {
      if (phraseAt(ws, k + 1, OTHERS_SHARE) === 0) continue;
      const n = ws[k]!.norm;
      const prev = ws[k - 1]!.norm;
      if (OWN.has(n)) return false;
      // "our team's work", "the whole team's call" may be the candidate's own
      if (COLLECTIVES.has(n)) return GROUPS.has(n) && prev !== 'the' && !POSSESSIVES.has(prev) && !WHOLE_TEAM.has(prev) && !DETERMINERS.has(prev);
      return role(n) || n === 'his' || n === 'her' || named(sentence, ws, k);
    }
    return false;
  }
  return false;
}

const DISMISSALS = phraseIndex(WORDS.dismissals.words);
/** Words after what is read in which it may be judged not worth doing. */
const DISMISS_REACH = 6;

/**
 * What is read is judged not worth doing in its own clause, after it: "Asking what breaks first
 * seemed pointless to me", "a second load test was overkill". Not when the candidate goes on to do
 * it all the same ("..., but I ran it anyway").
 */
function dismissed(ws: readonly Word[], last: number, to: number): boolean {
  for (let i = last; i < Math.min(to, last + DISMISS_REACH); i++) {
    if (phraseAt(ws, i, DISMISSALS) === 0) continue;
    for (let k = i + 1; k < Math.min(ws.length, to + 12); k++) if (ws[k]!.norm === 'anyway' || ws[k]!.norm === 'regardless') return false;
    return true;
  }
  return false;
}

/** Words of a cleft's focus read for a person: "it was *my tech lead* who", "*a contractor, not me,* who". */
const FOCUS_WORDS = 7;

/**
 * What is read at word `at` is told in a cleft that puts someone else in focus, with no clause of
 * the candidate's own between: "it was my manager who sat down with them", "my teammate was the
 * one who chased the fix". "I was the one who", "it was me who" and "it was the cache that" are not.
 */
function cleftOnSomeoneElse(ws: readonly Word[], from: number, at: number): boolean {
  let start = at;
  while (start > from && !SUBJECTS.has(ws[start - 1]!.norm)) start--;
  for (let i = at; i > start; i--) {
    const rel = ws[i]!.norm;
    if (rel !== 'who' && rel !== 'that') continue;
    // "<focus> was the one who"
    if (ws[i - 1]?.norm === 'one' && ws[i - 2]?.norm === 'the' && PASSIVE_AUX.has(ws[i - 3]?.norm ?? '')) return someoneIn(ws, Math.max(from, i - 3 - FOCUS_WORDS), i - 3);
    // "it was <focus> who"
    for (let j = i - 1; j >= Math.max(from + 1, i - 1 - FOCUS_WORDS); j--) {
      if (PASSIVE_AUX.has(ws[j]!.norm) && ws[j - 1]?.norm === 'it') return someoneIn(ws, j + 1, i);
    }
  }
  return false;
}

/** Words [lo, hi) name a person other than the candidate, and not the candidate or their team. */
function someoneIn(ws: readonly Word[], lo: number, hi: number): boolean {
  let person = false;
  for (let h = lo; h < hi; h++) {
    const n = ws[h]!.norm;
    // "a contractor, not me, who": the candidate named only to be set aside
    if (n === ',' && ws[h + 1]?.norm === 'not' && OWN.has(ws[h + 2]?.norm ?? '')) {
      h += ws[h + 3]?.norm === ',' ? 3 : 2;
      continue;
    }
    if (n === '|' || n === ',') { person = false; continue; }
    if (OWN.has(n) && !DETERMINERS.has(n)) return false;
    if (phraseAt(ws, h, PEOPLE) > 0 && !COLLECTIVES.has(n)) person = true;
  }
  return person;
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
  // "the decision to spend the budget was taken by my manager": someone else's act
  if (passiveBySomeoneElse(ws, from, at, to)) return 'someone-else';
  // "my teammate was the one who chased the fix", "it was my manager who sat down with them"
  if (cleftOnSomeoneElse(ws, from, at)) return 'someone-else';
  // "The SRE group reset the SLOs; I wasn't involved"
  if (bystanderToOthers(ws, from, at, after)) return 'someone-else';
  // someone else's act, the candidate outside it: "my lead rolled back the release"
  if (othersAct(sentence, ws, from, at, last < 0 ? ws.length : last)) return 'someone-else';
  // "my lead told me the peak went fine", "according to the data team nothing was lost"
  if (hearsayBefore(sentence, ws, from, at)) return 'someone-else';
  // "In the design phase my manager worked out the load"
  if (frontedForOthers(sentence, ws, from, at, last < 0 ? ws.length : last)) return 'someone-else';
  // "Adding read replicas was the platform team's work"
  if (saidToBeOthers(sentence, ws, last < 0 ? ws.length : last, to)) return 'someone-else';
  if (!opts.negationIsTheAct) {
    // "how often it woke people was never tracked by me"
    if (passiveNotDone(ws, at, to)) return 'not-done';
    // "we never got round to the load test", "nobody, me included, asked", "skipped comparing the data"
    // ... unless the negation falls on a verb of omission: "we never skip the load test"
    const affirmed = omissionNegated(ws, from, at);
    if (!affirmed && negatedSubject(ws, from, at)) return 'not-done';
    if (nobodyBefore(ws, from, at)) return 'not-done';
    if (!affirmed && omittedBefore(ws, from, at)) return 'not-done';
    // "the soak test I never scheduled": the act named, then negated by the candidate
    if (last >= 0 && frontedNegation(ws, last)) return 'not-done';
    // "a load test past the forecast seemed overkill"
    if (last >= 0 && dismissed(ws, last, to)) return 'not-done';
    // "I wish I had checked", "I'd have liked to weigh it": the act wished for, not done
    if (!opts.regretIsTheAct && anyPhrase(ws, from, at, WISHED)) return 'wished';
    // "I had a ticket to forecast traffic, but it sat in the backlog", "we agreed to post updates,
    // but nobody did it": a plan, told by a verb or by the noun of a work item, that came to nothing
    const rest = outcome(ws, to, after);
    // ... unless the candidate took it up after all ("nobody picked it up, so I did it myself")
    const beyond = last < 0 ? ws.length : last;
    const item = workItemOf(ws, from, at, beyond, to);
    const planned = item >= 0 || anyPhrase(ws, from, to, INTENT);
    const stalled = planned && (anyPhrase(rest, 0, rest.length, UNFULFILLED) || planLeftUndone(ws, Math.max(item, beyond), to, after));
    // ... or, for an intent in the act's own clause, in the sentences after: "I meant to put it
    // behind a switch. I ran out of time before the release."
    // ... or, for any plan, overtaken later in the sentence or the next ("but the quarter ended
    // before I could", "The spreadsheet stayed empty.")
    const stalledLater = (intentInClause(ws, from, at) && stalledAfter(after)) || (planned && overtakenAfter(ws, to, after));
    if ((stalled || stalledLater || (planned && leftUnbuilt(ws, to, after))) && !tookUp(ws, to)) return 'dropped';
    if (disowned(rest)) return 'dropped';
  }
  return 'act';
}

/** How many words after the sentence are read for a plan's fate (about two sentences). */
const FATE_WORDS = 40;
const HELD_OUTCOME = wordSet('heldOutcome');

/** A past intent ("I meant to", "I planned to", "I suggested") opens the act's clause: no comma or clause word between. */
function intentInClause(ws: readonly Word[], from: number, at: number): boolean {
  for (let i = at - 1; i >= from; i--) {
    const n = ws[i]!.norm;
    // "but" and "so" already break the words read ("|")
    if (n === ',' || n === '|' || n === 'and' || SUBORDINATORS.has(n)) return false;
    if (phraseAt(ws, i, INTENT) > 0) return true;
  }
  return false;
}

const OVERTAKEN = phraseIndex(WORDS.overtaken.words);

/**
 * The rest of the sentence after the act's chunk, or the next sentence or two, tell the plan
 * overtaken: "..., but the quarter ended before I could", "The spreadsheet stayed empty."
 */
function overtakenAfter(ws: readonly Word[], to: number, after: string): boolean {
  const overtaken = (x: readonly Word[], from: number) => anyPhrase(x, from, x.length, OVERTAKEN) || anyPhrase(x, from, x.length, NEVER_HAPPENED);
  if (tookUp(ws, to)) return false;
  if (overtaken(ws, to)) return true;
  if (after === '') return false;
  const next = words(after.slice(0, REACH), 0, FATE_WORDS);
  return !tookUp(next, 0) && overtaken(next, 0);
}

/**
 * The next sentence or two tell a plan stalled ("I ran out of time", "it never got prioritised",
 * "I never took the snapshot") and not taken up after all; a negation that tells an outcome ("it
 * never happened again", "we never saw errors") tells no stall.
 */
function stalledAfter(after: string): boolean {
  if (after === '') return false;
  const next = words(after.slice(0, REACH), 0, FATE_WORDS);
  if (tookUp(next, 0)) return false;
  if (anyPhrase(next, 0, next.length, STALLED) || anyPhrase(next, 0, next.length, NEVER_HAPPENED)) return true;
  for (let i = 0; i < next.length; i++) {
    if (!NEGATORS.has(next[i]!.norm)) continue;
    const rest = next.slice(i + 1, i + 5);
    // "it never got prioritised", "I never took the snapshot"; not "we never saw errors"
    if (rest.some((w) => HELD_OUTCOME.has(w.norm)) || !anyPhrase(rest, 0, Math.min(rest.length, 3), CARRIED_OUT)) continue;
    return true;
  }
  return false;
}
