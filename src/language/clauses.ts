import { expandContraction, perfectForD, type PerfectRules } from './contractions.js';
import { CLAUSE_CONTRACTIONS, PAST_TENSES, WORDS, type WordListId } from './words.js';

// Text → clauses, each with a frame: who does it (agent), whether it is done or ruled out
// (polarity), how real it is (modality), and what it is for (mood: an ask, an act, or an
// explanation). Pure and linear in the text; every word list lives in words.ts.

export type Mood = 'ask' | 'act' | 'explain';
export type Polarity = 'done' | 'refused' | 'argued-against' | 'prevented';
export type Modality = 'did' | 'would' | 'planned' | 'should-have' | 'conditional' | 'possible';
export type Agent = 'speaker' | 'team' | 'other' | 'none';

export interface Word {
  /** Lower case, contractions expanded ("won't" gives "will" then "not", both on the same span). */
  norm: string;
  /** Character offsets of the surface word in the text read. */
  start: number;
  end: number;
}

export interface Clause {
  /** Character offsets of the clause in the text read. */
  start: number;
  end: number;
  text: string;
  sentence: number;
  words: Word[];
  /** The word that opened it, when a conjunction or subordinator did ("because", "if", "rather than"). */
  opener?: string;
  /** The verb that leads it, when one does ("set", "check", "roll"). */
  verb?: string;
  agent: Agent;
  polarity: Polarity;
  modality: Modality;
  mood: Mood;
  /** Part of a sentence that asks (a question mark, or a question's word order). */
  question: boolean;
}

const phrases = (id: WordListId): string[][] => WORDS[id].words.map((w) => w.split(' '));
const set = (id: WordListId): ReadonlySet<string> => new Set(WORDS[id].words);

const P = {
  coordinators: set('coordinators'),
  reasons: phrases('reasons'),
  conditions: phrases('conditions'),
  times: phrases('times'),
  preventers: phrases('preventers'),
  complements: set('complements'),
  questionWords: set('questionWords'),
  questionAux: set('questionAuxiliaries'),
  askPhrases: phrases('askPhrases'),
  askVerbs: set('askVerbs'),
  opinionVerbs: set('opinionVerbs'),
  reportVerbs: set('reportVerbs'),
  evaluations: phrases('evaluations'),
  refusals: set('refusals'),
  holds: phrases('holds'),
  speaker: set('speaker'),
  team: set('team'),
  others: set('others'),
  possible: set('possible'),
  planned: set('planned'),
  would: set('would'),
  shouldHave: phrases('shouldHave'),
  fillers: set('fillers'),
  actionVerbs: set('actionVerbs'),
  pastVerbs: PAST_TENSES,
  statementVerbs: set('statementVerbs'),
  notGerunds: set('notGerunds'),
  determiners: set('determiners'),
  afterVerb: set('afterVerb'),
  judging: set('judging'),
  copulas: set('copulas'),
  dummyIt: phrases('dummyIt'),
  impersonalDecisions: set('impersonalDecisions'),
  participles: set('pastParticiples'),
};

/** "'d" before a past participle is "had": "I'd been up all night", "we'd already paged them". */
const PERFECT: PerfectRules = { participles: P.participles, adverbs: set('perfectAdverbs') };

const pieces = (surface: string): string[] => expandContraction(surface, CLAUSE_CONTRACTIONS);

// A word keeps its inner dots, underscores, slashes, colons and digit commas: a flag name
// (auth.partner.max_new_rps), a clock (03:25), a rate (800/s), a number (1,150).
const TOKEN_RE = /[\p{L}\p{N}_]+(?:(?:['’.\-_/:]|,(?=\d{3}\b))[\p{L}\p{N}_]+)*%?|[,;:()?!—–]|\s-\s|\.(?=\s|$)|\n\s*\n/gu;

interface Piece {
  norm: string;
  start: number;
  end: number;
  /** A punctuation mark, not a word. */
  mark?: string;
}

function tokenize(text: string): Piece[] {
  const out: Piece[] = [];
  const fromD: boolean[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m !== null; m = TOKEN_RE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!/[\p{L}\p{N}]/u.test(m[0])) {
      const mark = m[0].trim() === '' ? '\n' : m[0].trim();
      out.push({ norm: mark, start, end, mark });
      continue;
    }
    for (const norm of pieces(m[0])) out.push({ norm, start, end });
    if (/['’]d$/i.test(m[0])) fromD[out.length - 1] = true;
  }
  if (fromD.length > 0) {
    const norms = out.map((p) => p.norm);
    perfectForD(norms, fromD, PERFECT);
    norms.forEach((n, k) => (out[k]!.norm = n));
  }
  return out;
}

/** Length of the phrase from `list` that starts at words[i], or 0. */
function phraseAt(norms: readonly string[], i: number, list: readonly string[][]): number {
  let best = 0;
  for (const p of list) {
    if (p.length <= best || i + p.length > norms.length) continue;
    if (p.every((w, k) => norms[i + k] === w)) best = p.length;
  }
  return best;
}

function hasPhrase(norms: readonly string[], list: readonly string[][]): boolean {
  for (let i = 0; i < norms.length; i++) if (phraseAt(norms, i, list) > 0) return true;
  return false;
}

type OpenerKind = 'coordinator' | 'reason' | 'condition' | 'time' | 'preventer' | 'complement';

function openerAt(norms: readonly string[], i: number, atStart: boolean): { kind: OpenerKind; length: number } | undefined {
  const w = norms[i]!;
  const next = norms[i + 1];
  // a question word or "if" followed by an auxiliary and a subject opens a question, not a clause
  if (P.questionWords.has(w) && next && P.questionAux.has(next) && atStart) return undefined;
  for (const [kind, list] of [
    ['preventer', P.preventers],
    ['reason', P.reasons],
    ['condition', P.conditions],
    ['time', P.times],
  ] as const) {
    const n = phraseAt(norms, i, list);
    if (n > 0) return { kind, length: n };
  }
  if (P.coordinators.has(w)) return { kind: 'coordinator', length: 1 };
  if (!atStart && P.complements.has(w)) return { kind: 'complement', length: 1 };
  return undefined;
}

interface RawClause {
  pieces: Piece[];
  opener?: string;
  openerPieces?: Piece[];
  openerKind?: OpenerKind;
  sentence: number;
  question: boolean;
}

/** Sentences at terminal punctuation and blank lines; clauses at marks, conjunctions and subordinators. */
function split(text: string): RawClause[] {
  const all = tokenize(text);
  const out: RawClause[] = [];
  let sentence = 0;
  let sentenceStart = out.length;
  let cur: RawClause = { pieces: [], sentence, question: false };
  const close = () => {
    if (cur.pieces.length > 0 || cur.opener) out.push(cur);
    cur = { pieces: [], sentence, question: false };
  };
  const endSentence = (question: boolean) => {
    close();
    // a sentence of openers only ("since when?") is read as plain words
    const own = out.slice(sentenceStart);
    if (own.length > 0 && own.every((c) => c.pieces.length === 0)) {
      out.splice(sentenceStart, own.length, { pieces: own.flatMap((c) => c.openerPieces ?? []), sentence, question: false });
    }
    for (let k = sentenceStart; k < out.length; k++) out[k]!.question = question;
    sentence++;
    sentenceStart = out.length;
    cur = { pieces: [], sentence, question: false };
  };
  const norms = all.map((p) => p.norm);
  for (let i = 0; i < all.length; i++) {
    const p = all[i]!;
    if (p.mark) {
      if (p.mark === '?' || p.mark === '!' || p.mark === '.' || p.mark === '\n') endSentence(p.mark === '?');
      else close();
      continue;
    }
    const atStart = out.length === sentenceStart && cur.pieces.length === 0;
    let opener = openerAt(norms, i, atStart);
    // "let billing and inventory know": the people told are one object, not two clauses
    const lets = cur.pieces[0]?.norm === 'let' && cur.pieces[1] !== undefined && cur.pieces[1].norm !== 'us' && cur.pieces[1].norm !== 'me';
    if (opener?.kind === 'coordinator' && lets && !cur.pieces.some((q) => q.norm === 'know')) opener = undefined;
    if (opener && !(opener.kind === 'coordinator' && cur.pieces.length === 0 && cur.opener)) {
      close();
      cur.opener = norms.slice(i, i + opener.length).join(' ');
      cur.openerPieces = all.slice(i, i + opener.length);
      cur.openerKind = opener.kind;
      i += opener.length - 1;
      continue;
    }
    // A new first-person subject starts a new clause: "before touching anything I'd confirm the page"
    const prev = cur.pieces[cur.pieces.length - 1];
    if ((p.norm === 'i' || p.norm === 'we') && prev && cur.pieces.length >= 2 && prev.norm !== 'let' && !P.complements.has(prev.norm)) close();
    cur.pieces.push(p);
  }
  endSentence(/\?\s*$/.test(text));
  return out;
}

/** Index of the first word that is not a filler, from `from`. */
function skipFillers(norms: readonly string[], from: number): number {
  let i = from;
  while (i < norms.length && P.fillers.has(norms[i]!)) i++;
  return i;
}

interface Head {
  agent: Agent;
  /** Index of the main verb, after the subject and auxiliaries. */
  verbAt: number;
  /** Auxiliaries between subject and verb. */
  aux: string[];
  /** A subject that is a thing, not a person: "the bottleneck is the partner". */
  thingSubject: boolean;
}

const AUX = set('auxiliaries');

function readHead(norms: readonly string[], verbs: ReadonlySet<string>): Head {
  let i = skipFillers(norms, 0);
  const w = norms[i];
  let agent: Agent = 'none';
  if (w === 'let' && norms[i + 1] === 'us') {
    return { agent: 'team', verbAt: skipAux(norms, i + 2), aux: ['let us'], thingSubject: false };
  }
  if (w === 'let' && norms[i + 1] === 'me') {
    return { agent: 'speaker', verbAt: skipAux(norms, i + 2), aux: ['let me'], thingSubject: false };
  }
  // "it turned out", "it was decided to": an "it" that stands for no one
  if (w === 'it') {
    const n = phraseAt(norms, i + 1, P.dummyIt);
    if (n > 0) {
      // a decision with no one named is the candidate's side deciding: "it was decided to roll back"
      if (P.impersonalDecisions.has(norms[i + n]!) && norms[i + n + 1] === 'to') {
        const verbAt = skipAux(norms, i + n + 2);
        return { agent: 'team', verbAt, aux: [], thingSubject: false };
      }
      return { agent: 'none', verbAt: i + 1, aux: [], thingSubject: true };
    }
  }
  // "my hypothesis is", "our pool is": a possessive opens a thing, not a person acting
  const possessive = w === 'my' || w === 'our';
  if (w !== undefined && possessive) agent = 'none';
  else if (w !== undefined && P.speaker.has(w)) agent = 'speaker';
  else if (w !== undefined && P.team.has(w)) agent = 'team';
  else if (w !== undefined && P.others.has(w)) agent = 'other';
  if (agent !== 'none') {
    const verbAt = skipAux(norms, i + 1);
    return { agent, verbAt, aux: norms.slice(i + 1, verbAt), thingSubject: false };
  }
  // no pronoun: an imperative ("set the flag"), a fragment ("queue depth"), or a thing as subject
  // "don't restart", "never fail open": an imperative refused
  if ((w === 'do' && norms[i + 1] === 'not') || w === 'never') {
    const from = w === 'never' ? i + 1 : i + 2;
    const rest = readHead(norms.slice(from), verbs);
    return { ...rest, verbAt: rest.verbAt >= 0 ? rest.verbAt + from : -1, aux: ['not', ...rest.aux], agent: rest.agent === 'none' ? 'speaker' : rest.agent };
  }
  // "maybe we revert", "perhaps roll back": the rest of the clause, weighed rather than meant
  if (w !== undefined && P.possible.has(w) && i + 1 < norms.length) {
    const rest = readHead(norms.slice(i + 1), verbs);
    return { ...rest, verbAt: rest.verbAt >= 0 ? rest.verbAt + i + 1 : -1, aux: [w, ...rest.aux], agent: rest.agent === 'none' ? 'speaker' : rest.agent };
  }
  // "rollback is the safer default", "restart would drop the in-flight calls": an action word as a subject
  if (w !== undefined && P.actionVerbs.has(w) && P.copulas.has(norms[i + 1] ?? '')) {
    return { agent: 'none', verbAt: i + 1, aux: [], thingSubject: true };
  }
  if (w !== undefined && (P.actionVerbs.has(w) || P.askVerbs.has(w) || verbs.has(w))) {
    // a gerund or verb used as a subject: "rolling back wouldn't help", "scale out is pointless"
    return { agent: 'speaker', verbAt: i, aux: [], thingSubject: false };
  }
  if (w !== undefined && /ing$/.test(w) && w.length > 5 && !P.notGerunds.has(w)) return { agent: 'speaker', verbAt: i, aux: [], thingSubject: false };
  let statementAt = norms.findIndex((n, k) => k > i && P.statementVerbs.has(n));
  // "a bigger pool just feeds the leak": a determiner, a noun phrase, then a verb the lists do not know
  if (statementAt < 0 && w !== undefined && P.determiners.has(w) && norms.length - i >= 4) {
    statementAt = norms.findIndex(
      (n, k) => k > i + 1 && k < norms.length - 1 && /[^s]s$|ed$/.test(n) && !P.determiners.has(norms[k - 1]!) && P.afterVerb.has(norms[k + 1]!),
    );
  }
  return { agent: 'none', verbAt: statementAt >= 0 ? statementAt : -1, aux: [], thingSubject: statementAt > i };
}

function skipAux(norms: readonly string[], from: number): number {
  let i = from;
  while (i < norms.length && AUX.has(norms[i]!)) i++;
  // "I want the logs", "we need the queue depth": wanting a thing is asking for it
  if (i > from && (norms[i - 1] === 'want' || norms[i - 1] === 'need') && P.determiners.has(norms[i] ?? '')) return i - 1;
  return i;
}

function modalityOf(norms: readonly string[], head: Head): Modality {
  if (hasPhrase(norms, P.shouldHave) || (norms.includes('have') && /ed$/.test(norms[head.verbAt] ?? '') && head.aux.some((a) => P.would.has(a) || a === 'should' || a === 'could'))) {
    return 'should-have';
  }
  if (head.aux.some((a) => P.possible.has(a)) || norms.slice(0, Math.max(1, head.verbAt)).some((n) => P.possible.has(n))) return 'possible';
  if (head.aux.some((a) => P.would.has(a))) return 'would';
  const verb = norms[head.verbAt];
  const past = verb !== undefined && (P.pastVerbs.has(verb) || (/ed$/.test(verb) && verb.length > 4));
  if (head.agent !== 'none' && head.aux.length === 0 && past) return 'did';
  // a past perfect tells what was done: "we had dropped the writes", "I'd been up all night"
  if (head.agent !== 'none' && head.aux[0] === 'had' && head.aux.every((a) => !P.planned.has(a)) && verb !== undefined && (past || P.participles.has(verb))) return 'did';
  return 'planned';
}

/** Whether the clause reads as a question by its word order: "is the db ok", "what's the approval rate". */
function interrogative(norms: readonly string[]): boolean {
  const i = skipFillers(norms, 0);
  const w = norms[i];
  if (!w) return false;
  if (P.questionWords.has(w)) return true;
  if (P.questionAux.has(w) && w !== 'any') {
    const next = norms[i + 1];
    // "do a rolling restart" is an imperative; "do we have", "is the db ok" ask
    if ((w === 'do' || w === 'have') && next !== undefined && P.determiners.has(next)) return false;
    return next !== undefined && next !== 'not';
  }
  return false;
}

function polarityOf(norms: readonly string[], head: Head, evaluative: boolean): Polarity {
  if (hasPhrase(norms, P.holds)) return 'prevented';
  const before = head.verbAt >= 0 ? norms.slice(0, head.verbAt + 1) : norms;
  const negated = before.some((n) => P.refusals.has(n)) || (head.verbAt < 0 && norms.some((n) => P.refusals.has(n)));
  if (evaluative) return negated || norms.some((n) => P.refusals.has(n)) ? 'argued-against' : 'done';
  // "no rollback", "not failing open": a fragment led by a refusal
  if (negated) return 'refused';
  return 'done';
}

function frame(
  raw: RawClause,
  text: string,
  prev: Clause | undefined,
  sentenceState: { conditional: boolean; reported: boolean; reason?: boolean },
  verbs: ReadonlySet<string>,
): Clause {
  const words: Word[] = raw.pieces.map(({ norm, start, end }) => ({ norm, start, end }));
  const norms = words.map((w) => w.norm);
  const start = words[0]?.start ?? 0;
  const end = words[words.length - 1]?.end ?? start;
  const head = readHead(norms, verbs);
  const evaluative = hasPhrase(norms, P.evaluations);
  let polarity = polarityOf(norms, head, evaluative);
  let modality = modalityOf(norms, head);
  let agent = head.agent;
  const verb = head.verbAt >= 0 ? norms[head.verbAt] : undefined;
  const sameSentence = prev !== undefined && prev.sentence === raw.sentence;
  const kind = raw.openerKind;

  // a coordinated clause with no subject of its own shares the one before: "I'd declare and page the IM"
  const inherits = sameSentence && (kind === 'coordinator' || kind === undefined) && head.agent === 'none' && verb === undefined;
  const sharesSubject = sameSentence && kind === 'coordinator' && head.agent !== 'none' && norms[skipFillers(norms, 0)] !== 'i' && norms[skipFillers(norms, 0)] !== 'we';
  if (sharesSubject && prev) {
    agent = prev.agent;
    if (modality === 'planned' && prev.modality !== 'planned') modality = prev.modality;
  }
  // "if" or "whether" after an ask is what is asked ("check if the db is ok"), not a condition
  const complementOfAsk = sameSentence && prev?.mood === 'ask' && (kind === 'complement' || kind === 'condition' || kind === undefined);

  let mood: Mood;
  if (complementOfAsk && kind !== undefined) mood = 'ask';
  else if ((sentenceState.reported && !(kind === 'coordinator' && head.agent !== 'none')) || norms.some((n) => P.reportVerbs.has(n))) {
    sentenceState.reported = true;
    mood = 'explain';
  } else if ((kind === 'time' || kind === 'condition') && verb !== undefined && P.askVerbs.has(verb) && (head.agent === 'speaker' || head.agent === 'team')) {
    // "once I have seen the logs", "after checking the queue": a look the candidate means to take
    mood = 'ask';
  } else if (kind === 'reason' || kind === 'time' || evaluative) {
    mood = 'explain';
    if (kind === 'reason') sentenceState.reason = true;
  } else if (sentenceState.reason && (raw.opener === 'and' || raw.opener === 'or')) {
    // "because each team owns its own and I'd rather tell them": the reason goes on
    mood = 'explain';
  }
  else if (kind === 'condition') {
    sentenceState.conditional = true;
    modality = 'conditional';
    mood = raw.question ? 'ask' : 'explain';
  } else if (kind === 'preventer') {
    polarity = 'prevented';
    mood = 'act';
  } else if (hasPhrase(norms, P.askPhrases) || interrogative(norms)) mood = 'ask';
  else if (raw.question) mood = 'ask';
  else if (verb !== undefined && head.agent !== 'none' && P.opinionVerbs.has(verb) && !P.askVerbs.has(verb)) mood = 'explain';
  else if (verb !== undefined && P.askVerbs.has(verb) && !(verb === 'open' && !nextIsView(norms, head.verbAt))) mood = 'ask';
  else if (head.thingSubject) mood = sameSentence && kind === 'coordinator' && prev?.mood === 'ask' ? 'ask' : 'explain';
  else if (sameSentence && prev?.mood === 'explain' && (raw.opener === 'and' || raw.opener === 'or') && head.agent === 'speaker' && /(ing|ed)$/.test(verb ?? '')) {
    // "the pods are idle and waiting on Northbridge": a participle that goes on describing
    mood = 'explain';
  }
  else if (verb !== undefined && /ing$/.test(verb) && head.verbAt === skipFillers(norms, 0) && norms.slice(head.verbAt + 1).some((n) => P.would.has(n) || n === 'will' || n === 'means' || n === 'is')) {
    // "restarting auth-api would drop the in-flight requests": the gerund is the subject of a judgement
    mood = 'explain';
  }
  else if (inherits && prev) {
    mood = prev.mood;
    agent = prev.agent;
    polarity = polarity === 'done' ? prev.polarity : polarity;
    modality = prev.modality;
  } else if (verb === undefined && head.agent === 'none') mood = 'ask';
  else if (head.agent === 'other') mood = 'explain';
  else if (verb !== undefined && head.aux.some((a) => COPULAS.has(a)) && !head.aux.some((a) => INTENT.has(a)) && !/(ing|ed)$/.test(verb) && !P.actionVerbs.has(verb) && !verbs.has(verb)) {
    // "we're fine", "I'm on it": a state described, not a decision
    mood = 'explain';
  }
  else mood = 'act';

  // the consequence of a condition is as imagined as the condition: "if we failed open, we'd tell merchants yes"
  if (sentenceState.conditional && kind !== 'condition' && mood === 'act' && (modality === 'would' || modality === 'planned') && kind !== 'coordinator') {
    modality = 'conditional';
  }
  if (sentenceState.conditional && kind === 'coordinator' && raw.opener !== 'so' && raw.opener !== 'but' && prev?.modality === 'conditional') modality = 'conditional';
  if (mood === 'act' && agent === 'none') agent = 'speaker';

  const clause: Clause = { start, end, text: text.slice(start, end), sentence: raw.sentence, words, agent, polarity, modality, mood, question: raw.question };
  if (raw.opener) clause.opener = raw.opener;
  if (verb !== undefined) clause.verb = verb;
  return clause;
}

/** Whether "open" is followed by something to look at ("open the dashboard") rather than to start ("open an incident"). */
function nextIsView(norms: readonly string[], verbAt: number): boolean {
  return norms.slice(verbAt + 1, verbAt + 5).some((n) => /^(dashboard|board|grafana|logs?|runbook|playbook|wiki|docs?|trace|traces|graph|graphs|panel|console|metrics|status|page)s?$/.test(n));
}

export interface ReadOptions {
  /** More verbs that can lead an imperative, from the vocabulary of what is being read about. */
  verbs?: ReadonlySet<string>;
}

const NO_VERBS: ReadonlySet<string> = new Set();

/** Reads a text into clauses with their frames. */
export function readClauses(text: string, opts: ReadOptions = {}): Clause[] {
  const raws = split(text);
  const out: Clause[] = [];
  let state: { conditional: boolean; reported: boolean; reason?: boolean } = { conditional: false, reported: false };
  let sentence = -1;
  for (const raw of raws) {
    if (raw.sentence !== sentence) {
      sentence = raw.sentence;
      state = { conditional: false, reported: false };
    }
    if (raw.pieces.length === 0) continue;
    out.push(frame(raw, text, out[out.length - 1], state, opts.verbs ?? NO_VERBS));
  }
  judgedGerunds(out);
  deferred(out, raws);
  return out;
}

/**
 * "Growing the volume takes six minutes", "turning fail-open off before reconciling would be
 * fine": a sentence led by a gerund and judged later on talks about the action, it does not take it.
 */
function judgedGerunds(clauses: Clause[]): void {
  // each sentence's clauses in order, and where its first clause starts: read once, so a text of
  // many sentences stays linear
  const bySentence = new Map<number, Clause[]>();
  const firstStart = new Map<number, number>();
  for (const o of clauses) {
    const list = bySentence.get(o.sentence);
    if (list) list.push(o);
    else bySentence.set(o.sentence, [o]);
    firstStart.set(o.sentence, Math.min(firstStart.get(o.sentence) ?? Infinity, o.start));
  }
  for (const c of clauses) {
    if (c.mood !== 'act' || c.opener !== undefined || !c.verb || !/ing$/.test(c.verb) || c.words[0]?.norm !== c.verb) continue;
    if (firstStart.get(c.sentence)! < c.start) continue;
    const rest = bySentence.get(c.sentence)!.filter((o) => o.start >= c.start);
    const stop = rest.findIndex((o) => o !== c && (o.opener === 'but' || o.opener === 'so'));
    // a modal or a verb of judgement anywhere; a bare "is" only near the start of a clause
    const judged = (stop < 0 ? rest : rest.slice(0, stop)).some((o) =>
      o.words.some((w, k) => P.judging.has(w.norm) && (k < 6 || !P.copulas.has(w.norm) || P.would.has(w.norm) || w.norm === 'seems')),
    );
    if (judged) c.mood = 'explain';
  }
}

const COPULAS = set('be');
/** Auxiliaries of intent: "I'm going to", "we are about to" make a decision of what follows. */
const INTENT = set('intent');

const DEFERRING = set('deferring');

/** "I'd freeze deploys after the rollback", "roll back once the logs are in": a decision for later, not now. */
function deferred(clauses: Clause[], raws: RawClause[]): void {
  // the opener of the first raw clause starting at each offset, looked up once (not once per clause)
  const openerKindAt = new Map<number, RawClause['openerKind']>();
  for (const r of raws) {
    const start = r.pieces[0]?.start;
    if (start !== undefined && !openerKindAt.has(start)) openerKindAt.set(start, r.openerKind);
  }
  for (let k = 0; k < clauses.length - 1; k++) {
    const c = clauses[k]!;
    const next = clauses[k + 1]!;
    if (c.mood !== 'act' || next.sentence !== c.sentence) continue;
    const kind = openerKindAt.get(next.start);
    if ((kind === 'time' || kind === 'condition') && next.opener !== undefined && DEFERRING.has(next.opener)) c.modality = 'conditional';
  }
}

/**
 * Where the clauses of a text begin (character offsets, ascending): each at its opening
 * conjunction or subordinator when it has one. Only the split is read, not the frames, so it
 * costs a fraction of readClauses.
 */
export function clauseStarts(text: string): number[] {
  const out: number[] = [];
  for (const raw of split(text)) {
    const start = raw.openerPieces?.[0]?.start ?? raw.pieces[0]?.start;
    if (start !== undefined) out.push(start);
  }
  return out;
}

/** Whether a clause performs what it names: an act, meant now, not ruled out. */
export function performs(c: Clause): boolean {
  return c.mood === 'act' && c.polarity === 'done' && (c.modality === 'planned' || c.modality === 'would' || c.modality === 'did');
}

/** The clause that holds a character offset. */
export function clauseAt(clauses: readonly Clause[], offset: number): Clause | undefined {
  return clauses.find((c) => offset >= c.start && offset < c.end) ?? clauses.find((c) => offset >= c.start && offset <= c.end);
}
