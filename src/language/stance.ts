import { expandContraction, perfectForD, type PerfectRules } from './contractions.js';
import { anyPhrase, phraseAt, phraseIndex, type PhraseIndex } from './phrases.js';
import { windowReader } from './window.js';
import { PAST_TENSES, STANCE_CONTRACTIONS, WORDS, wordSet } from './words.js';

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
  /** A comma stands between the word before and this one. */
  comma?: boolean;
  /** A quotation mark stands just before the word: what follows is someone's words. */
  quoted?: boolean;
  /** Written with a capital letter. */
  cap?: boolean;
  /** For a clause break ("|"): the mark it was written as (";", ":", " - ", "."). */
  mark?: string;
}

/**
 * Every word that expandContraction may read as a whole word: a key of the whole-word table. Any
 * other word without an apostrophe is its own norm, found without a look-up per word.
 */
const MAY_EXPAND: ReadonlySet<string> = new Set(Object.keys(STANCE_CONTRACTIONS.whole));
// a hyphen inside a word keeps it one word: "no-downtime", "no-op" and "non-blocking" negate nothing
const WORD_OR_MARK = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*(?:-[\p{L}\p{N}]+(?:['’][\p{L}]+)*)*|[;:.!?—–]|\s-\s/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const CAPITAL = /^\p{Lu}/u;
/** A quotation opened just before a word. */
const QUOTE = /["“‘']$/u;
/** "'d" before a past participle is "had": "I'd been up all night". */
const PERFECT: PerfectRules = { participles: wordSet('pastParticiples'), adverbs: wordSet('perfectAdverbs') };

/** Lower-cased words with contractions expanded, and the marks that end a clause as "|". */
function words(text: string, base = 0): Word[] {
  const out: Word[] = [];
  const re = WORD_OR_MARK;
  re.lastIndex = 0;
  let prevEnd = 0;
  let fromD: boolean[] | undefined;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const lower = m[0].toLowerCase();
    const w = lower.includes('’') ? lower.replace(/’/g, "'") : lower;
    const start = base + m.index;
    const end = start + m[0].length;
    const gap = text.slice(prevEnd, m.index);
    prevEnd = m.index + m[0].length;
    const comma = gap.includes(',');
    const quoted = gap !== '' && QUOTE.test(gap);
    if (!LETTER_OR_DIGIT.test(w) || CLAUSE_BREAKS.has(w)) {
      out.push({ norm: '|', start, end, mark: w.trim() || '-' });
      if (CLAUSE_BREAKS.has(w)) out.push({ norm: w, start, end });
      continue;
    }
    const first = out.length;
    // most words are neither contracted nor a whole-word contraction: they are their own norm,
    // exactly as expandContraction gives them (it finds nothing to expand)
    if (!w.includes("'") && !MAY_EXPAND.has(w)) out.push({ norm: w, start, end });
    else {
      for (const piece of expandContraction(w, STANCE_CONTRACTIONS)) out.push({ norm: piece, start, end });
      if (w.endsWith("'d")) (fromD ??= [])[out.length - 1] = true;
    }
    if (comma) out[first]!.comma = true;
    if (quoted) out[first]!.quoted = true;
    if (CAPITAL.test(m[0])) out[first]!.cap = true;
  }
  if (fromD) {
    const norms = out.map((w) => w.norm);
    perfectForD(norms, fromD, PERFECT);
    norms.forEach((n, i) => (out[i]!.norm = n));
  }
  return out;
}

/** The sentence's words, and a window of them, each sentence read once (window.ts). */
const { whole: sentenceWords, window: windowWords } = windowReader(words);

/** Words that end a clause: what comes after stands on its own ("I wanted to, but I didn't"). */
const CLAUSE_BREAKS = wordSet('clauseBreaks');

/** The word that holds character `offset` of the sentence, or the first after it. */
function wordAt(ws: readonly Word[], offset: number): number {
  const at = ws.findIndex((w) => w.end > offset);
  return at < 0 ? ws.length : at;
}

/**
 * Where what `at` reads may be imagined from: a "could have" or "if we had" after the last turn
 * of the sentence ("but", "so", a semicolon). "I could have paged them, but I decided I had it":
 * the decision is told, not imagined.
 */
function counterfactualFrom(ws: readonly Word[], at: number): number {
  for (let k = Math.min(at, ws.length) - 1; k >= 0; k--) {
    const w = ws[k]!;
    if (TURNS.has(w.norm) && ws[k - 1]?.norm === '|') return k + 1;
    if (w.norm === '|' && w.mark === ';') return k + 1;
  }
  return 0;
}

const REFUSALS = phraseIndex(WORDS.storyRefusals.words);
const ARGUED_BEFORE = phraseIndex(WORDS.arguedBefore.words);
const ARGUED_AFTER = phraseIndex(WORDS.arguedAfter.words);
const PROPOSERS = phraseIndex(WORDS.proposers.words);
const PROPOSING = phraseIndex([...WORDS.proposing.words, ...WORDS.reportedSpeech.words]);
const PLANS = phraseIndex(WORDS.plans.words);
const TAKE_UP = phraseIndex(WORDS.takeUp.words);
const TEMPTATION = phraseIndex(WORDS.temptation.words);
const TEMPTED_AFTER = phraseIndex(WORDS.temptedAfter.words);
const COUNTERFACTUAL = phraseIndex(WORDS.counterfactual.words);
const REGRET = phraseIndex(WORDS.regret.words);
const REGRET_MODALS = phraseIndex(WORDS.regretModals.words);
const WEIGHING = phraseIndex(WORDS.weighing.words);
const PAST_HABIT = phraseIndex(WORDS.pastHabit.words);
const HABIT_ENDED = phraseIndex(WORDS.habitEnded.words);
const OWNING_UP = phraseIndex(WORDS.owningUp.words);
const OWNING_UP_AT_END = phraseIndex(WORDS.owningUpAtClauseEnd.words);
const PUSH_BACK = phraseIndex(WORDS.pushBack.words);
const STOPPED = phraseIndex(WORDS.abandon.words);
const NONE_DID = phraseIndex(WORDS.noneDid.words);
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
const FIRST_PERSON = wordSet('firstPersonSubjects');
const BARE_NEGATORS = phraseIndex(WORDS.refusals.words);
/** Clause breaks after which what a counterfactual imagined is over: "but", "so". */
const TURNS: ReadonlySet<string> = new Set(WORDS.clauseBreaks.words.filter((w) => w !== 'then' && w !== 'until' && w !== 'because'));
const PERSONAL_SUBJECTS = wordSet('personalSubjects');
const COLLECTIVES = wordSet('collectives');
/** Refusals that rule out a thing, not a verb ("no runbook", "without a dry run", "rather than paging"): they end with their phrase. */
const THING_REFUSALS: ReadonlySet<string> = new Set([...wordSet('preventers'), 'no']);
/** Words after a "would" of an "'d" or a subject that leave the verb to come: "had", "just", "already". */
const VERB_GROUP = wordSet('negatedAuxiliaries');



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

/** Words that open a condition clause. */
const CONDITION_OPENERS = wordSet('conditionOpeners');

const COORDINATORS = wordSet('coordinators');

/**
 * Word `at` lies in a fronted condition clause that a main clause follows after a comma: "if you don't
 * page anyone, you end up ...", "unless we skip the review, ...". What is done comes after the
 * comma ("if it broke at night, I fixed it alone" tells the fix as done).
 */
function inCondition(ws: readonly Word[], from: number, at: number, to: number): boolean {
  let k = at;
  while (k >= from && !CONDITION_OPENERS.has(ws[k]!.norm)) k--;
  // a fronted condition only: "the rule only works if you don't make exceptions" claims the rule
  const fronted = k === from || ws[k]?.comma === true || (k === from + 1 && COORDINATORS.has(ws[from]!.norm));
  if (k < from || !fronted) return false;
  // the main clause: after a comma, or opening on its own subject ("if it broke at night I fixed it")
  let main = -1;
  for (let j = k + 2; j < to && main < 0; j++) if (ws[j]!.comma || PERSONAL_SUBJECTS.has(ws[j]!.norm) || ws[j]!.norm === 'you') main = j;
  if (main < 0) return false;
  if (at < main) return true;
  // both subjects a generic "you": the sentence states a rule, not an act ("if you don't page
  // anyone, you end up fixing it alone")
  return ws[k + 1]?.norm === 'you' && ws[main]!.norm === 'you';
}

/**
 * Someone else proposed what the text at `at` tells ("the team wanted to skip the dry run", "my
 * manager's idea was a reliability month"), and the candidate did not take it up ("and we did").
 */
function proposedByOthers(ws: readonly Word[], at: number): boolean {
  for (let i = 0; i < at; i++) {
    const person = phraseAt(ws, i, PROPOSERS) || namedProposer(ws, i);
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
    const plan = i > 0 && (OWN.has(ws[i - 1]!.norm) || ownReason(ws, i)) ? 0 : phraseAt(ws, i, PLANS);
    for (let k = i + plan; plan > 0 && proposal < 0 && k <= i + plan + 2 && k < at; k++) {
      if (PLAN_VERBS.has(ws[k]!.norm)) proposal = k + 1;
    }
    // a proposal the candidate has since answered in a clause of their own is not what is read;
    // a later one may be ("when the VP asked, I told him the team wanted to wait")
    if (proposal >= 0 && ownClauseBetween(ws, proposal, at, subordinate(ws, i))) continue;
    if (proposal >= 0) return !tookUp(ws, proposal);
  }
  return false;
}

/**
 * "We didn't add retries while building it, because the plan was a reliability phase later": a
 * plan given as the reason for the candidate's own act is theirs.
 */
function ownReason(ws: readonly Word[], i: number): boolean {
  if (i < 2 || ws[i - 1]!.norm !== 'the' || !REASON_OPENERS.has(ws[i - 2]!.norm)) return false;
  for (let k = i - 3; k >= 0; k--) if (FIRST_PERSON.has(ws[k]!.norm)) return true;
  return false;
}
const REASON_OPENERS = wordSet('reasons');

/**
 * Someone named as a proposer: "Priya suggested", "Ops wanted": a word written with a capital,
 * that is not the candidate, right before a verb of proposal.
 */
function namedProposer(ws: readonly Word[], i: number): number {
  const w = ws[i]!;
  if (w.norm === '|' || SPEAKERS.has(w.norm) || DETERMINERS.has(w.norm) || phraseAt(ws, i + 1, PROPOSING) === 0) return 0;
  return w.cap === true && !OTHERS.has(w.norm) && !NEW_SUBJECTS.has(w.norm) ? 1 : 0;
}

/**
 * Between a proposal and what is read, the candidate starts a clause of their own: "my lead told
 * me I had been the hero - I rebuilt the replica alone", "the plan was to wait, so we closed the
 * tickets". A new "I" or "we" after a clause break (not a colon, nor a quotation: those open the
 * proposer's own words). After a comma it may still be the proposal's ("my lead wanted to wait,
 * we ...") unless the proposal was told in a clause of time, condition or reason (`subordinate`):
 * that clause ends at its comma, and the main clause after it is the candidate's ("when the
 * platform team told us to add retries, I said we would fix the timeout").
 */
function ownClauseBetween(ws: readonly Word[], from: number, at: number, subordinate = false): boolean {
  for (let k = Math.max(1, from); k <= at && k < ws.length; k++) {
    const w = ws[k]!;
    if (!FIRST_PERSON.has(w.norm) || w.quoted) continue;
    const prev = ws[k - 1]!;
    if ((prev.norm === '|' && prev.mark !== ':') || (CLAUSE_BREAKS.has(prev.norm) && ws[k - 2]?.norm === '|')) return true;
    if (subordinate && w.comma === true) return true;
  }
  return false;
}

/** Words that open a clause of time, condition or reason: "when", "after", "if", "because". */
const SUBORDINATORS: ReadonlySet<string> = new Set([...wordSet('times'), ...wordSet('conditions'), ...wordSet('reasons')]);
/** Words at the start of a clause before its subordinator: "and when", "then once". */
const SUBORDINATOR_REACH = 2;

/** The clause that holds word `i` (a proposer) is opened by a subordinator: "when the team told us ...". */
function subordinate(ws: readonly Word[], i: number): boolean {
  const from = clauseStart(ws, i);
  for (let k = from; k < Math.min(i, from + SUBORDINATOR_REACH); k++) if (SUBORDINATORS.has(ws[k]!.norm)) return true;
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
  const at = wordAt(ws, offset);
  const from = clauseStart(ws, at);
  const to = clauseEnd(ws, at);
  if (refusedBefore(ws, from, at, PUSH_BACK)) return true;
  if (anyPhrase(ws, from, at, TEMPTATION) || anyPhrase(ws, counterfactualFrom(ws, at), at + 1, COUNTERFACTUAL)) return false;
  if (anyPhrase(ws, 0, at, ARGUED_BEFORE) || anyPhrase(ws, at, to + 1, ARGUED_AFTER)) return true;
  if (!proposedByOthers(ws, at)) return false;
  // the candidate's answer may follow in the same sentence ("..., I said no") or the next
  const later = [...ws.slice(at + 1), ...words(after.slice(0, REACH)).slice(0, PUSH_BACK_WORDS_AFTER)];
  return pushesBack(later);
}

/** Verbs of omission: a refusal stops at one ("didn't skip the dry run" ran it). */
const OMISSIONS = wordSet('leftOut');

/** Words before a push back in which a negation takes it back: "we did not push back". */
const PUSH_BACK_NEGATED = 2;

/** Some push back in the words, not negated: "I pushed back on it", not "nobody pushed back". */
function pushesBack(ws: readonly Word[]): boolean {
  for (let i = 0; i < ws.length; i++) {
    if (phraseAt(ws, i, PUSH_BACK) === 0) continue;
    let negated = false;
    for (let k = Math.max(0, i - PUSH_BACK_NEGATED); k < i; k++) negated ||= NEGATORS.has(ws[k]!.norm) || phraseAt(ws, k, NONE_DID) > 0;
    if (!negated) return true;
  }
  return false;
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

/** What frames an option before it is told: a plan noun, a verb of proposing, or an option named. */
const OPTION_FRAMES = phraseIndex([...WORDS.plans.words, ...WORDS.proposing.words, ...WORDS.optionFrames.words]);
const REFUSAL_OPENERS = phraseIndex(WORDS.refusalOpeners.words);
const CONTRARY_MOVES = phraseIndex(WORDS.contraryMoves.words);
const WENT_AHEAD = phraseIndex(WORDS.optionWentAhead.words);
/** Words that link a reply to the option before it: "but I declined", ", and I said no". */
const OPENING_LINKS = wordSet('replyLinks');
/** How many words of the next sentence are read for a move against an option. */
const CONTRARY_WORDS = 24;

/** The rest of the reply's sentence tells the option went ahead all the same ("..., but we purged it anyway"). */
function wentAhead(later: readonly Word[]): boolean {
  return anyPhrase(later, 0, sentenceEndFrom(later, later[0]?.norm === '|' ? 1 : 0, CONTRARY_WORDS), WENT_AHEAD);
}
/** Words after a refusal that say what was refused: "I didn't *agree*", "declined *it*", "no, not *that*". */
const REFUSED_OBJECTS: ReadonlySet<string> = new Set([...wordSet('anaphors'), ...wordSet('consentVerbs'), 'not']);

/**
 * The next sentence turns down an option just framed: it opens with a refusal ("Declined.",
 * "I didn't agree"), or the candidate pushes back on it, or moves otherwise ("I argued for a rough
 * model in the first fortnight", "I asked for a few days at the start instead"); not when the
 * option went ahead all the same ("I argued, but we skipped it anyway").
 */
function contraryNext(later: readonly Word[]): boolean {
  const reply = replyHead(later);
  if (!reply) return false;
  const { head, start } = reply;
  // "Declined.", "I didn't agree", "no, not that"; not "I did not hesitate"
  const opener = phraseAt(head, start, REFUSAL_OPENERS);
  if (opener > 0 && (start + opener >= head.length || REFUSED_OBJECTS.has(head[start + opener]!.norm))) return true;
  // "I argued for a model", or "I went and sat with the platform lead instead"
  return speakerMoves(head, start, SPEAKERS, [PUSH_BACK, CONTRARY_MOVES]) || (speakerIn(head, start, SPEAKERS) && head.some((w) => w.norm === 'instead'));
}

/** One of `subjects` opens the reply, within its first three words (past a linking word at `start`). */
function speakerIn(head: readonly Word[], start: number, subjects: ReadonlySet<string>): boolean {
  for (let i = start; i < Math.min(head.length, start + 3); i++) if (subjects.has(head[i]!.norm)) return true;
  return false;
}

/** One of `subjects` opens the reply and one of `moves` follows it within three words: "and I said no", "I flagged it". */
function speakerMoves(head: readonly Word[], start: number, subjects: ReadonlySet<string>, moves: readonly PhraseIndex[]): boolean {
  for (let i = start; i < Math.min(head.length, start + 3); i++) {
    if (!subjects.has(head[i]!.norm)) continue;
    for (let j = i + 1; j <= i + 3 && j < head.length; j++) if (moves.some((m) => phraseAt(head, j, m) > 0)) return true;
  }
  return false;
}

/**
 * The first clause of a reply (the rest of the sentence or the next one), past a linking word
 * ("and", "but") at `start`; none when the reply goes on to say it went ahead all the same.
 */
function replyHead(later: readonly Word[]): { head: readonly Word[]; start: number } | undefined {
  const from = later[0]?.norm === '|' ? 1 : 0;
  const head = later.slice(from, Math.min(clauseEnd(later, from), CONTRARY_WORDS));
  if (head.length === 0 || wentAhead(later)) return undefined;
  return { head, start: OPENING_LINKS.has(head[0]!.norm) ? 1 : 0 };
}

const OBJECTIONS = phraseIndex(WORDS.objections.words);

/**
 * The clause of word `at`, up to it, names the candidate or their team as its subject ("I", "we",
 * "our team"), read back past "and" and adverbs ("I panicked and dropped the keys") to where a
 * subordinate clause or a new subject after a comma opens: "When I joined, the SLO had been
 * copied" and "I inherited a service where the team had left no docs" tell someone else's act.
 */
function speakerInClause(ws: readonly Word[], from: number, at: number): boolean {
  for (let i = at - 1; i >= Math.max(0, from); i--) {
    const w = ws[i]!;
    // "when I joined the team the convention was ...": the subject of a subordinate clause
    // before is not the main clause's
    if (FIRST_PERSON.has(w.norm) || (OWN.has(w.norm) && COLLECTIVES.has(ws[i + 1]?.norm ?? ''))) return !INNER_OPENERS.has(ws[i - 1]?.norm ?? '');
    // "we once restarted it": an opener right after the subject is an adverb of its clause
    if (INNER_OPENERS.has(w.norm) && !FIRST_PERSON.has(ws[i - 1]?.norm ?? '')) return false;
    // "When I joined, the SLO had been copied": past a comma, a new subject's clause began
    if (w.comma === true && !COORDINATORS.has(w.norm)) return false;
  }
  return false;
}

/**
 * The first clause of `later` tells the candidate objecting: "I flagged it to my manager", "and I
 * stopped him", "I raised it with their lead"; not when it went ahead all the same.
 */
function objectedNext(later: readonly Word[]): boolean {
  const reply = replyHead(later);
  if (!reply) return false;
  return speakerMoves(reply.head, reply.start, FIRST_PERSON, [PUSH_BACK, OBJECTIONS]);
}

const LESSON_TIMES = phraseIndex(WORDS.lessonTimes.words);
const UNCHANGED = wordSet('unchanged');
const TIME_AS_REASON = wordSet('timeAsReason');
const NOW_AS_DURATION = wordSet('nowAsDuration');
const PRACTICE_WORDS = phraseIndex(WORDS.practiceWords.words);
const STATE_SUBJECTS = wordSet('stateSubjects');
/** How many words after a time of the present the candidate may be named ("now every backfill I do"). */
const LESSON_SUBJECT_REACH = 4;

/** Word i opens a clause: after a mark, a comma, or a linking word that follows one. */
function opensClause(ws: readonly Word[], i: number): boolean {
  if (i === 0 || ws[i - 1]!.norm === '|' || ws[i]!.comma === true) return true;
  const link = ws[i - 1]!;
  return OPENING_LINKS.has(link.norm) && (i === 1 || ws[i - 2]!.norm === '|' || link.comma === true);
}

/**
 * From word `from` on, the candidate tells the practice they hold now, set against what came
 * before: a clause opened by a time of the present with the candidate in it ("Now I put the numbers
 * on the first page", "since then we page on symptoms only"), not one that goes on unchanged ("now
 * we still page on everything"); "would" with that time ("I'd pull people in far sooner now",
 * "today I'd name the risk"); or "would not ... again" ("I wouldn't split it off like that again").
 */
function lessonIn(ws: readonly Word[], from: number, changed = true): boolean {
  for (let i = Math.max(0, from); i < ws.length; i++) {
    if (lessonAt(ws, i, changed)) return true;
    // "I wouldn't split it off like that again", "given that choice again, I'd push for a longer window"
    if (ws[i]!.norm === 'again' && (wouldNotBefore(ws, i) || wouldAfter(ws, i + 1))) return true;
  }
  return false;
}

/** The sentence tells the practice the candidate keeps now: "Now I put the numbers in the design doc", "that's how I do it now". */
export function tellsLesson(sentence: string): boolean {
  if (!LESSON_CUE.test(sentence)) return false;
  return lessonIn(sentenceWords(sentence).slice(0, LESSON_SENTENCE_WORDS), 0, false);
}
/** Most sentences hold no word a lesson could start with (the first words of the times, "since", "again"): they are not read word by word. */
const LESSON_CUE = new RegExp(`\\b(?:${[...new Set([...WORDS.lessonTimes.words.map((w) => w.split(' ')[0]!), 'since', 'again'])].join('|')})\\b`, 'i');
/** Words of a sentence read for a lesson: a pasted wall of text is not read to its end. */
const LESSON_SENTENCE_WORDS = 200;

/** A time of the present at word i tells the candidate's practice now (see lessonIn). */
function lessonAt(ws: readonly Word[], i: number, changed: boolean): boolean {
  // "then" opens a clause of its own, so "since then" is read across its mark
  // "I've since learned to say what a shortcut risks"
  if (ws[i]!.norm === 'since' && (ws[i - 1]?.norm === 'have' || ws[i - 1]?.norm === 'had') && FIRST_PERSON.has(ws[i - 2]?.norm ?? '')) return true;
  const n = phraseAt(ws, i, LESSON_TIMES) || (ws[i]!.norm === 'since' && ws[i + 1]?.norm === '|' && ws[i + 2]?.norm === 'then' ? 3 : 0);
  if (n === 0 || (i > 0 && ws[i]!.norm === 'now' && NOW_AS_DURATION.has(ws[i - 1]!.norm))) return false;
  const clauseTo = clauseEnd(ws, i + n);
  if (ws.slice(i + n, clauseTo).some((w) => UNCHANGED.has(w.norm))) return false;
  if (opensClause(ws, i)) {
    if (TIME_AS_REASON.has(ws[i + n]?.norm ?? '')) return false;
    // the candidate named soon after ("now every backfill I do gets a dry run"), or a new
    // sentence opened by it after the story ("Now every page has to map to an action")
    const span = ws.slice(i + n, Math.min(clauseTo, i + n + LESSON_SUBJECT_REACH));
    // "now I was stuck", "today I got paged", "since then we've had no pages" tell the story on
    // or how it turned out, not a practice kept
    if (FIRST_PERSON.has(span[0]?.norm ?? '') && (storyPast(span[1]?.norm) || (PERFECT_AUX.has(span[1]?.norm ?? '') && OUTCOME_PERFECTS.has(span[2]?.norm ?? '')))) return false;
    if (span.some((w) => FIRST_PERSON.has(w.norm) || OWN.has(w.norm))) return true;
    // "now the queue was backing up" tells the story on; "now spend is planned" is a rule
    if (span.some((w, k) => storyPast(w.norm) && !PRESENT_BE.has(span[k - 1]?.norm ?? ''))) return false;
    // or a new sentence opened by it after the story ("Now the capacity model happens at
    // scoping"), or a rule kept ("these days a service isn't done until I've written how to run it")
    const sentenceStart = i === 0 || (ws[i - 1]!.norm === '|' && ws[i - 1]!.mark === '.');
    const state = STATE_SUBJECTS.has(ws[i + n]?.norm ?? '');
    if (ws[i]!.norm !== 'today' && !state && (sentenceStart || anyPhrase(ws, i + n, sentenceEndFrom(ws, i + n, PRACTICE_REACH), PRACTICE_WORDS))) return true;
  }
  // "today I'd name the risk", "I'd weigh it up properly now"
  if (wouldAfter(ws, i + n)) return true;
  // told after the candidate as a present practice: "I'd weigh it properly now", "I listen a lot
  // more now", "I've done it differently ever since", "what I do now". Whether a bare present
  // ("That's how I do it now") differs from a red flag told before it, these words do not say:
  // after one, only a "would" or a word of change ("more", "differently") makes it a lesson
  for (let k = i - 1; k >= 0 && ws[k]!.norm !== '|'; k--) {
    if (!FIRST_PERSON.has(ws[k]!.norm)) continue;
    const between = ws.slice(k + 1, i);
    // "I'm just more careful now" plays it down rather than telling a change
    if (between.some((w) => UNCHANGED.has(w.norm))) return false;
    if (between.some((w) => w.norm === 'would')) return true;
    if (changed) return between.some((w) => CHANGE_WORDS.has(w.norm));
    const since = ws[i]!.norm === 'since' || ws[i]!.norm === 'ever' || ws[i]!.norm === 'from';
    return since || !between.some((w) => isPastForm(w.norm));
  }
  return false;
}

/** How many words after a time of the present a word of a rule kept may come ("... is not done *until* ..."). */
const PRACTICE_REACH = 12;

/** The end of the sentence from word `i`, at most `reach` words on: a rule's words may pass its clause marks. */
function sentenceEndFrom(ws: readonly Word[], i: number, reach: number): number {
  let k = i;
  while (k < Math.min(ws.length, i + reach) && !(ws[k]!.norm === '|' && ws[k]!.mark === '.')) k++;
  return k;
}

/**
 * A verb that tells the story on in the past: "was", "knew", "got", "could", or a regular past
 * ("needed"); not one whose past is its base form ("put", "set").
 */
function storyPast(norm: string | undefined): boolean {
  if (norm === undefined || PAST_OR_PRESENT.has(norm)) return false;
  return PAST_TENSES.has(norm) || norm === 'could' || (norm.length > 4 && norm.endsWith('ed'));
}
const PAST_OR_PRESENT = wordSet('pastOrPresent');
/** "have" before a past form makes a perfect: "since then I've stopped" is a practice changed. */
const PERFECT_AUX = wordSet('perfectAuxiliaries');
/** Perfects that tell how things turned out, not a practice: "since then we've had no pages", "we've been fine". */
const OUTCOME_PERFECTS = wordSet('outcomePerfects');
/** Present forms of "be" and "get" before a participle: a rule told in the passive ("spend *is* planned into the quarter"). */
const PRESENT_BE = wordSet('presentPassiveAuxiliaries');
/** Words that say a practice changed: "I listen a lot *more* now", "I've done it *differently* ever since". */
const CHANGE_WORDS = wordSet('changeWords');

/** The candidate's "would" opens what follows word `i` ("today *I'd* name the risk", "again, *we'd* ..."). */
function wouldAfter(ws: readonly Word[], i: number): boolean {
  return FIRST_PERSON.has(ws[i]?.norm ?? '') && ws[i + 1]?.norm === 'would';
}

/** In the clause before "again" at `i`, the candidate says they would not: "I wouldn't run it that way again". */
function wouldNotBefore(ws: readonly Word[], i: number): boolean {
  for (let k = i - 1; k >= 2 && ws[k]!.norm !== '|'; k--) {
    const w = ws[k]!.norm;
    // "I would never have guessed it would break again" imagines, it does not refuse
    if ((w === 'not' || w === 'never') && ws[k + 1]?.norm !== 'have' && (ws[k - 1]!.norm === 'would' || ws[k - 1]!.norm === 'will') && FIRST_PERSON.has(ws[k - 2]!.norm)) return true;
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
  const all = sentenceWords(sentence);
  const ws = all.filter((w) => w.norm !== '|');
  if (anyPhrase(ws, 0, ws.length, OWNING_UP)) return true;
  // "... and I own that." owns up; "any service I own that way" does not
  for (let i = 0; i < all.length; i++) {
    const n = phraseAt(all, i, OWNING_UP_AT_END);
    if (n > 0 && (i + n === all.length || all[i + n]!.norm === '|' || all[i + n]!.comma === true)) return true;
  }
  return false;
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
function negatedBySomeoneElse(ws: readonly Word[], at: number): boolean {
  // only a verb's own negation has a subject to read: "without a dry run" and "no one" do not
  const head = ws[at]?.norm;
  const verbNegation = head === 'not' || head === 'never' || (NEGATED_AUX.has(head ?? '') && (ws[at + 1]?.norm === 'not' || ws[at + 1]?.norm === 'never'));
  return verbNegation && subjectIsSomeoneElse(ws, at);
}

/**
 * The verb group at `at` ("didn't", "had switched", "never paged") has someone or something else
 * as its subject: a pronoun that is not the candidate ("they"), a name ("Priya", "Slack") or a
 * noun phrase ("the alert", "my predecessor"). `things` says whether a thing counts: for an act
 * done, only a person does ("the secondary had switched it off"; "the cache had filled up" is no one's act).
 */
function subjectIsSomeoneElse(ws: readonly Word[], at: number, things = true): boolean {
  if (!things && !someonesAct(ws, at)) return false;
  let i = at - 1;
  while (i >= 0 && NEGATED_AUX.has(ws[i]!.norm)) i--;
  // "won't" reads as "will" and "not" on one span: the subject is before the span
  while (i >= 0 && at < ws.length && ws[i]!.start === ws[at]!.start) i--;
  let before = false;
  if (!things) ({ i, before } = subjectHead(ws, i));
  if (i < 0) return false;
  const w = ws[i]!;
  if (w.norm === '|' || SPEAKERS.has(w.norm) || w.norm === 'there') return false;
  // a collective told as not the candidate's own: "another team", "the team before me"
  if (!things && COLLECTIVES.has(w.norm) && (before || (i >= 1 && OTHER_DETERMINERS.has(ws[i - 1]!.norm)))) return true;
  // a generic "you" ("the rule only works if you don't make exceptions") is the candidate's maxim;
  // "it" is a thing, or no one at all ("it was decided to")
  if (OTHERS.has(w.norm)) return w.norm !== 'you' && (things || (w.norm !== 'it' && w.norm !== 'they'));
  // a name: capitalised, and not where a sentence starts (for a person's act, also there: "Priya turned it off")
  const functionWord = DETERMINERS.has(w.norm) || NEW_SUBJECTS.has(w.norm) || CLAUSE_OPENERS.has(w.norm);
  if (w.cap === true && w.norm !== 'i' && (w.start > 0 || (!things && !functionWord && (i === 0 || ws[i - 1]!.norm === '|')))) return true;
  const det = (i >= 1 && DETERMINERS.has(ws[i - 1]!.norm)) || (i >= 2 && DETERMINERS.has(ws[i - 2]!.norm) && ws[i - 2]!.norm !== 'that');
  if (things) return det;
  // a person by role: "the secondary", "my predecessor", "ops"; not the candidate's own team
  return phraseAt(ws, i, PROPOSERS) > 0 && !COLLECTIVES.has(w.norm);
}

/** Adverbs that may stand between a subject and its verb: "my manager once stayed up". */
const SUBJECT_ADVERBS: ReadonlySet<string> = wordSet('subjectAdverbs');
/** Determiners that set a collective apart from the candidate's own: "another team". */
const OTHER_DETERMINERS: ReadonlySet<string> = wordSet('otherDeterminers');

/**
 * The last word of a subject that ends at word `i`, past an adverb before its verb ("my manager
 * *once* stayed up") and a "before me" after it ("the team before me had"); `before` tells the latter.
 */
function subjectHead(ws: readonly Word[], i: number): { i: number; before: boolean } {
  while (i > 0 && SUBJECT_ADVERBS.has(ws[i]!.norm)) i--;
  if (i >= 2 && (ws[i]!.norm === 'me' || ws[i]!.norm === 'us') && ws[i - 1]!.norm === 'before') return { i: i - 2, before: true };
  return { i, before: false };
}

/** The nearest verb told in the past before word `at` in its clause, or -1. */
function clauseVerb(ws: readonly Word[], from: number, at: number, first = false): number {
  const start = Math.max(0, from);
  for (let k = 0; k < at - start; k++) {
    const i = first ? start + k : at - 1 - k;
    const norm = ws[i]!.norm;
    if (norm === '|') return -1;
    // going back, the candidate named as a subject first governs what is read: "when the API
    // started leaking, *I* restarted every instance"
    if (!first && FIRST_PERSON.has(norm)) return -1;
    if (!isPastForm(norm)) continue;
    // a passive ("being treated as") names no doer; a perfect modal ("should have warned") tells no act
    const prev = ws[i - 1]?.norm ?? '';
    if (PASSIVE_AUX.has(prev) || (prev === 'have' && PERFECT_MODALS.has(ws[i - 2]?.norm ?? ''))) return -1;
    // an infinitive is no past verb: "*to hit* the date we dropped the constraint", "to speed up"
    if (prev === 'to') continue;
    return i;
  }
  return -1;
}
const PASSIVE_AUX = wordSet('passiveAuxiliaries');
const PERFECT_MODALS = wordSet('perfectModals');

/**
 * The past verb that governs word `at` has someone else as its subject: the nearest one before it
 * in its clause, or the clause's first one when no comma stands between it and `at`.
 */
function verbOfSomeoneElse(ws: readonly Word[], from: number, at: number): boolean {
  const nearest = clauseVerb(ws, from, at);
  if (nearest >= 0 && (subjectIsSomeoneElse(ws, nearest, false) || phraseIsSomeoneElse(subjectPhrase(ws, from, nearest)))) return true;
  const first = clauseVerb(ws, from, at, true);
  return first >= 0 && !ws.slice(first, at).some((w) => w.comma) && subjectIsSomeoneElse(ws, first, false);
}

const SUBJECT_PREPOSITIONS = wordSet('subjectPrepositions');
const FINDING = wordSet('discoveryVerbs');
/** How many words a subject phrase may run back from its verb. */
const SUBJECT_PHRASE_REACH = 10;

/**
 * The words of the subject before the verb at `verb`: back past the verb group's auxiliaries and
 * adverbs ("had only", "once"), then to the start of the clause, a verb of finding ("I found *a
 * contractor* had dropped"), "that" or another verb. Empty when there is none.
 */
function subjectPhrase(ws: readonly Word[], from: number, verb: number): readonly Word[] {
  let end = verb - 1;
  while (end >= from && end >= 0 && (NEGATED_AUX.has(ws[end]!.norm) || SUBJECT_ADVERBS.has(ws[end]!.norm))) end--;
  let start = end + 1;
  while (start - 1 >= Math.max(0, from) && end - start < SUBJECT_PHRASE_REACH) {
    const w = ws[start - 1]!;
    if (w.norm === '|' || w.norm === 'that' || FINDING.has(w.norm) || CLAUSE_OPENERS.has(w.norm)) break;
    if (isPastForm(w.norm)) break;
    start--;
  }
  return start <= end ? ws.slice(start, end + 1) : [];
}

/**
 * A subject phrase names someone other than the candidate or their team: its head, the word before
 * any modifier ("my predecessor *on the license server*", "the previous owners *of* the service"),
 * is a person by role, or a collective set apart ("a neighbouring team", "the previous team").
 */
function phraseIsSomeoneElse(np: readonly Word[]): boolean {
  if (np.length < 2) return false;
  let cut = np.length;
  for (let k = 1; k < np.length; k++) {
    if (SUBJECT_PREPOSITIONS.has(np[k]!.norm)) {
      cut = k;
      break;
    }
  }
  const head = np.slice(0, cut);
  // one noun phrase, opened by its determiner: not "after the outage the CTO" (two phrases, no
  // comma between) nor "no customer" (nobody's act)
  const opens = (w: Word) => DETERMINERS.has(w.norm) || OTHER_DETERMINERS.has(w.norm);
  if (!opens(head[0]!) || head.slice(1).some((w) => DETERMINERS.has(w.norm))) return false;
  if (head.some((w) => SPEAKERS.has(w.norm) && w.norm !== 'my' && w.norm !== 'our')) return false;
  const last = head[head.length - 1]!;
  if (COLLECTIVES.has(last.norm)) return head.some((w) => OTHER_DETERMINERS.has(w.norm));
  // "my team" and "our lead" are the candidate's own; "my manager" is someone else
  if (phraseAt(head, head.length - 1, PROPOSERS) === 0) return false;
  return !(head.some((w) => w.norm === 'our') && TEAM_ROLES.has(last.norm));
}
const TEAM_ROLES = wordSet('teamRoles');

/** Words that may open a clause before its subject: "and", "when", "before", "so". */
const CLAUSE_OPENERS: ReadonlySet<string> = new Set([...wordSet('coordinators'), ...wordSet('times'), ...wordSet('conditions'), ...wordSet('reasons')]);
/** Words that open a subordinate clause inside a sentence: a subject before one belongs to another clause. */
const INNER_OPENERS: ReadonlySet<string> = new Set([...wordSet('relatives'), ...wordSet('personRelatives'), 'where', 'whose', ...wordSet('conditions'), ...wordSet('reasons'), 'when', 'whenever', 'while', 'after', 'before', 'until']);
const PAST_FORMS: ReadonlySet<string> = new Set([...PAST_TENSES, ...wordSet('pastOrPresent'), ...wordSet('pastParticiples')]);

/** A verb told in the past: a known past form, or a regular one ("stayed", "treated"). */
function isPastForm(norm: string): boolean {
  return PAST_FORMS.has(norm) || (norm.length > 4 && norm.endsWith('ed'));
}

/** The match starts at a verb told in the past ("stayed up alone", "had pages on everything"). */
function startsAtVerb(ws: readonly Word[], at: number): boolean {
  return isPastForm(ws[at]?.norm ?? '');
}

/**
 * What is read at `at` is a verb told of a subject that opens its clause: "the secondary *had
 * switched* it off", "my predecessor *turned* off the alerts", "before Priya *disabled* it". A
 * match that starts on a noun ("we shipped the Postgres *upgrade*") has no subject of its own.
 */
function someonesAct(ws: readonly Word[], at: number): boolean {
  const verb = ws[at]?.norm ?? '';
  let i = at - 1;
  while (i >= 0 && NEGATED_AUX.has(ws[i]!.norm)) i--;
  if (!PAST_FORMS.has(verb) && !(verb.length > 4 && /(ed|ing)$/.test(verb))) return false;
  ({ i } = subjectHead(ws, i));
  // the subject: one word, after up to two of a noun phrase ("the new secondary", "my predecessor")
  if (i < 0) return false;
  let np = i;
  const det = (w: Word) => DETERMINERS.has(w.norm) || OTHER_DETERMINERS.has(w.norm);
  if (np >= 1 && det(ws[np - 1]!)) np -= 1;
  else if (np >= 2 && det(ws[np - 2]!) && ws[np - 1]!.norm !== '|') np -= 2;
  const before = ws[np - 1];
  return before === undefined || before.norm === '|' || ws[np]!.comma === true || CLAUSE_OPENERS.has(before.norm);
}

/**
 * A refusal from word `i` (`n` words long) reaches word `at` of the same clause: "I didn't restart
 * it or page anyone" refuses both. It does not reach past a new subject after a comma ("the team
 * pushed back, I went over their heads"); a refusal of a thing ("no", "without", "rather than")
 * not past a new person as subject ("without a second thought I wiped the cache"); and someone
 * else's negation not past a comma ("the DB couldn't keep up, and we scaled it").
 */
function refusalReaches(ws: readonly Word[], i: number, n: number, at: number): boolean {
  const phrase = ws.slice(i, i + n).map((w) => w.norm).join(' ');
  // an answer word, not a negation: "No, I paged them"
  if (NEGATORS.has(phrase) && (ws[i + n]?.comma === true || ws[i + n]?.norm === '|')) return false;
  const thing = THING_REFUSALS.has(phrase);
  const others = !thing && NEGATORS.has(phrase) && subjectIsSomeoneElse(ws, i);
  for (let k = i + n; k <= at && k < ws.length; k++) {
    const w = ws[k]!;
    // a negated omission affirms what follows it: "we never skip the load test" runs it
    if (k < at && OMISSIONS.has(w.norm)) return false;
    if (w.comma && NEW_SUBJECTS.has(w.norm)) return false;
    if (w.comma && others) return false;
    if (thing && PERSONAL_SUBJECTS.has(w.norm)) return false;
    // a clause of its own on a noun: "we don't review the stuff I fix myself"; not what a verb of
    // saying or thinking reports ("I never said we should skip it")
    if (PERSONAL_SUBJECTS.has(w.norm) && k > i + n && !REPORTING_BEFORE.has(ws[k - 1]!.norm) && !NEGATED_AUX.has(ws[k - 1]!.norm) && ws[k - 1]!.norm !== '|') return false;
  }
  return true;
}

/** Words after a negated act in which "without" undoes its negation. */
const EXCLUSION_AFTER = 6;

/**
 * When the negation is the act ("never paged anyone", "shipped without a runbook"), a second
 * negation before it undoes it: "we never shipped without a runbook" tells the opposite. The
 * act's own negation is in the first words read, or else the last one before them.
 */
function doubleNegation(ws: readonly Word[], from: number, at: number): boolean {
  // "we never shipped a feature without a runbook": the act's bare negation undone by an
  // exclusion after it ("finished without errors" is a negation of its own, not undone)
  const neg = ws.slice(at, at + 3).findIndex((w) => NEGATORS.has(w.norm));
  if (neg >= 0) {
    for (let k = at + neg + 2; k < Math.min(ws.length, at + neg + EXCLUSION_AFTER) && ws[k]!.norm !== '|' && !ws[k]!.comma; k++) {
      if (ws[k]!.norm === 'without') return true;
    }
  }
  let limit = at;
  if (!ws.slice(at, at + 3).some((w) => NEGATORS.has(w.norm) || THING_REFUSALS.has(w.norm))) {
    let k = at - 1;
    while (k >= from && phraseAt(ws, k, BARE_NEGATORS) === 0) k--;
    if (k < from) return false;
    limit = k;
  }
  return refusedBefore(ws, from, limit, BARE_NEGATORS);
}

/** Words after which a new subject is what is said, thought or asked, not a clause of its own. */
const REPORTING_BEFORE: ReadonlySet<string> = new Set([
  ...wordSet('opinionVerbs'),
  ...wordSet('reportVerbs'),
  ...wordSet('complements'),
  ...wordSet('coordinators'),
  ...[...WORDS.proposing.words, ...WORDS.reportedSpeech.words].filter((w) => !w.includes(' ')),
  ...wordSet('askVerbs'),
]);

/** Some refusal in words [from, at) reaches `at`. */
function refusedBefore(ws: readonly Word[], from: number, at: number, list = REFUSALS): boolean {
  for (let i = Math.max(0, from); i < at; i++) {
    const n = phraseAt(ws, i, list);
    if (n > 0 && refusalReaches(ws, i, n, at)) return true;
  }
  return false;
}

/**
 * Owning up in words [from, to): a phrase of regret, or a "should have" with the candidate or no
 * one named as its subject ("I should have paged", "should have asked"). "Ops should have caught
 * it" blames someone else; "a tuned database should have coped" excuses.
 */
function regretIn(ws: readonly Word[], from: number, to: number): boolean {
  if (anyPhrase(ws, from, to, REGRET)) return true;
  for (let i = Math.max(0, from); i < Math.min(to, ws.length); i++) {
    if (phraseAt(ws, i, REGRET_MODALS) === 0) continue;
    let k = i - 1;
    while (k >= 0 && NEGATED_AUX.has(ws[k]!.norm)) k--;
    const w = ws[k];
    if (!w || w.norm === '|' || w.comma || ws[k + 1]?.comma || SPEAKERS.has(w.norm) || ANAPHORS.has(w.norm)) return true;
  }
  return false;
}

/**
 * The candidate weighed what is read and, unless they say they went with it, did not do it: "I
 * considered purging the backlog, but", "we thought about failing open". The option follows the
 * verb of weighing within a few words of the same clause.
 */
function weighedAt(ws: readonly Word[], from: number, at: number): boolean {
  for (let i = Math.max(from, at - WEIGHED_REACH - 3); i < at; i++) {
    const n = phraseAt(ws, i, WEIGHING);
    if (n === 0 || at - (i + n) > WEIGHED_REACH) continue;
    if (i > 0 && !SPEAKERS.has(ws[i - 1]!.norm) && !NEGATED_AUX.has(ws[i - 1]!.norm)) continue;
    if (ws.slice(i + n, at + 1).some((w, k) => k > 0 && (w.comma || w.norm === 'and' || w.norm === '|'))) continue;
    return true;
  }
  return false;
}
const WEIGHED_REACH = 3;

/**
 * A habit the candidate tells as given up: "I used to silence it at night; I stopped after the
 * outage", "we used to restart it by hand. We don't anymore." The habit comes before what is read
 * in its clause; the giving up after it, in the sentence or the next.
 */
function habitGivenUp(ws: readonly Word[], from: number, at: number, later: readonly Word[]): boolean {
  let habit = false;
  for (let i = Math.max(1, from); i < at && !habit; i++) habit = phraseAt(ws, i, PAST_HABIT) > 0 && SPEAKERS.has(ws[i - 1]!.norm);
  if (!habit) return false;
  const rest = [...ws.slice(at), ...later.slice(0, PUSH_BACK_WORDS_AFTER)];
  for (let i = 0; i < rest.length; i++) {
    if (phraseAt(rest, i, HABIT_ENDED) > 0) return true;
    if (!SPEAKERS.has(rest[i]!.norm)) continue;
    for (let j = i + 1; j <= i + 3 && j < rest.length; j++) if (phraseAt(rest, j, STOPPED) > 0) return true;
  }
  return false;
}

/** The words a contraction may be read as ("won't" is "will not"): they need not be written out. */
const SPELLED_BY_CONTRACTIONS: ReadonlySet<string> = new Set([
  ...Object.values(STANCE_CONTRACTIONS.whole).flat(),
  ...STANCE_CONTRACTIONS.suffixes.map(([, word]) => word),
  // "that's" is "that is"; "I'd been" is "I had been"
  'is',
  'had',
]);

/**
 * The words of each owning-up phrase that a sentence owning up in it must hold as written, once
 * lower-cased and stripped of apostrophes (the words read from "wasn't" or "o'clock" are pieces
 * of "wasnt" and "oclock"): all its words but those a contraction may stand for.
 */
const OWNING_UP_WRITTEN: readonly (readonly string[])[] = [...WORDS.owningUp.words, ...WORDS.owningUpAtClauseEnd.words].map((p) => p.split(' ').filter((w) => !SPELLED_BY_CONTRACTIONS.has(w)));

/**
 * One written word of each owning-up phrase (its longest), all in one pattern: a sentence that
 * holds none of them holds no phrase's written words, and is not searched for each phrase's.
 * Undefined when some phrase has no written word (every sentence may hold it).
 */
const OWNING_UP_KEYS: RegExp | undefined = (() => {
  const keys = OWNING_UP_WRITTEN.map((ws) => ws.reduce<string | undefined>((best, w) => (best === undefined || w.length > best.length ? w : best), undefined));
  if (keys.some((k) => !k || !/^[a-z]+$/.test(k))) return undefined;
  return new RegExp([...new Set(keys)].join('|'));
})();

/** Whether the sentence could hold an owning-up phrase: most sentences are then not read word by word. */
function mayOwnUp(sentence: string): boolean {
  const text = sentence.toLowerCase().replace(/['’]/g, '');
  if (OWNING_UP_KEYS && !OWNING_UP_KEYS.test(text)) return false;
  return OWNING_UP_WRITTEN.some((ws) => ws.length === 0 || ws.every((w) => text.includes(w)));
}

/**
 * An urge named after word `at` in the same sentence and not pointed onward ("..., and I was
 * tempted", not "I was tempted to page the team").
 */
function temptedAfter(ws: readonly Word[], at: number): boolean {
  for (let i = at + 1; i < ws.length; i++) {
    const n = phraseAt(ws, i, TEMPTED_AFTER);
    if (n > 0 && ws[i + n]?.norm !== 'to') return true;
  }
  return false;
}

/**
 * A phrase arguing against what follows it ("the problem with", "I don't believe in") before word
 * `at`. When the negation is the act, a phrase that runs into what is read is the act's own words,
 * not an argument against it: "I don't believe in spending the budget" tells the stance itself.
 */
function arguedBefore(ws: readonly Word[], at: number, negationIsTheAct: boolean): boolean {
  for (let i = 0; i < Math.min(at, ws.length); i++) {
    const n = phraseAt(ws, i, ARGUED_BEFORE);
    if (n > 0 && !(negationIsTheAct && i + n > at)) return true;
  }
  return false;
}

export interface StanceOptions {
  /**
   * What is read is itself a refusal of the right move ("I didn't wake anyone", "we never told
   * support"): a negation before it is the act, not a refusal of it.
   */
  negationIsTheAct?: boolean;
  /**
   * Where what is read ends (a character offset of the sentence): a practice reworked in a clause
   * after it ("..., so I rewrote it") is read from there, never from inside what is read.
   */
  end?: number;
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
  const at = wordAt(ws, offset);
  const from = clauseStart(ws, at);
  const to = clauseEnd(ws, at);
  // a failure to act told of something or someone else ("Slack won't wake anyone") is not the
  // candidate's own refusal of the right move
  if (opts.negationIsTheAct && negatedBySomeoneElse(ws, at)) return 'someone-else';
  // owning up before it in the clause ("I should not have", "the part I'm not proud of") is regret,
  // whatever negation it holds
  if (regretIn(ws, from, at)) return 'regretted';
  // a refusal before it in the clause carries across "or", "and" and commas, as far as it reaches;
  // when the negation is the act, a second one undoes it ("we never shipped without a runbook")
  if (opts.negationIsTheAct ? doubleNegation(ws, from, at) : refusedBefore(ws, from, at)) return 'refused';
  // "if we had waited until after the build, it would have saturated": it did not happen
  if (anyPhrase(ws, counterfactualFrom(ws, at), at + 1, COUNTERFACTUAL)) return 'imagined';
  // a condition is not told as done: "if you don't page anyone, you end up fixing it alone"
  if (inCondition(ws, from, at, to)) return 'imagined';
  if (proposedByOthers(ws, at)) return 'proposed-by-others';
  // someone else's act: "my predecessor turned off the alerts", "the secondary had switched it off"
  if (subjectIsSomeoneElse(ws, at, false) || (startsAtVerb(ws, at) && phraseIsSomeoneElse(subjectPhrase(ws, from, at)))) return 'someone-else';
  // or a match that starts past its clause's verb, on what was done: "my predecessor kept *a
  // separate reliability backlog*", "a colleague tried to fix it *solo overnight*"
  if (!tookUp(ws, at) && verbOfSomeoneElse(ws, from, at)) return 'someone-else';
  // an urge the candidate names ("I had the instinct to dig in alone") or an option they weighed
  // ("I considered purging it") is not done ... unless they followed it ("so that is what I did")
  // or named after the option, in a later clause of the sentence ("the fastest way was to write to
  // both, and I was tempted")
  if (anyPhrase(ws, from, at, TEMPTATION) || weighedAt(ws, from, at) || temptedAfter(ws, at)) {
    return tookUp(ws, at) ? 'endorsed' : 'argued-against';
  }
  // their own act judged in hindsight ("in hindsight, skipping it was the wrong call") is regret
  if (regretIn(ws, 0, ws.length)) return 'regretted';
  if (arguedBefore(ws, at, opts.negationIsTheAct === true) || anyPhrase(ws, at, to + 1, ARGUED_AFTER)) return 'argued-against';
  const later = words(after);
  if (regretIn(later, 0, later.length)) return 'regretted';
  // the candidate's different practice told after it ("Now I put the numbers on the first page",
  // "I wouldn't run it that way again", "I'd pull people in far sooner now") looks back on it
  if (lessonIn(ws, Math.max(at + 1, opts.end !== undefined ? wordAt(ws, opts.end - 1) + 1 : at + 1)) || lessonIn(later, 0)) return 'regretted';
  // a habit told as given up ("I used to ...; I stopped after the outage") is looked back on
  if (habitGivenUp(ws, from, at, later)) return 'regretted';
  // "We had a tradition: a cleanup week every quarter. I stopped doing that." The practice told,
  // then refused by the candidate in the next breath, was not their act
  // or in the clause after it, in the same sentence: "our dashboard paged on every spike, so I
  // rewrote it"
  const endWord = opts.end !== undefined ? Math.max(at, wordAt(ws, opts.end - 1)) : at;
  const last = opts.end !== undefined ? clauseEnd(ws, endWord) : to;
  // what the sentence goes on to say after the match's own part, from its next comma or clause
  // mark: "The quicker option was to skip the keys, and I declined it"
  let next = endWord + 1;
  while (next < Math.min(ws.length, last + 1) && ws[next]!.comma !== true) next++;
  const rest = next < ws.length ? ws.slice(ws[next]!.norm === '|' ? next + 1 : next) : [];
  if (refusedNext(later) || refusedNext(rest)) return 'refused';
  // an option framed, then turned down in the same sentence or the next: "There was pressure to
  // skip the reconciliation. I didn't agree.", "The quicker option was to skip the keys, and I
  // declined it", "Easy option: route our alerts to the infra pager. Declined."
  if (anyPhrase(ws, 0, at, OPTION_FRAMES) && (contraryNext(rest) || contraryNext(later))) return 'refused';
  // someone else's act or plan, answered by the candidate's objection in the next breath: "The other
  // team load tested only the day before launch. I flagged it to my manager"
  if (!speakerInClause(ws, from, at) && (objectedNext(rest) || objectedNext(later))) return 'proposed-by-others';
  return 'endorsed';
}
