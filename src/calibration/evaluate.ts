import type { SignalId } from '../rubric/types.js';
import type { BeatPassage, CorpusAnswer, Fold, Passage, RoundScript } from './corpus.js';
import { foldOf } from './corpus.js';
import { exact, levelAt, mean, pairwiseOrder, qwk, share, within1, type Rated } from './metrics.js';

// The scorer's figures against the settled labels, per fold. Pure: the caller scores the texts
// and plays the rounds, and passes in what the scorer said.

/** What the scorer said about one text on one signal. */
export interface Verdict {
  score: number;
  level: number;
  /** A red flag of this signal was raised. */
  flagged: boolean;
  /** The level was held down as keyword salad. */
  salad: boolean;
  /** At least one of the signal's own beats was earned (no own beat means no signal). */
  ownBeat: boolean;
}

export interface ScoredAnswer {
  answer: CorpusAnswer;
  /** The scorer's verdict on every signal. */
  verdicts: Record<SignalId, Verdict>;
}

export interface PlayedRound {
  round: RoundScript;
  /** The debrief's level per signal. */
  levels: Partial<Record<SignalId, number>>;
  /** The debrief's overall level. */
  overall: number;
}

export interface SignalFigures {
  answers: number;
  qwk: number;
  exact: number;
  within1: number;
  pairwise: number;
}

export interface FoldFigures extends SignalFigures {
  redFlagRecall: number;
  redFlagPrecision: number;
  /** Share of the answers that refuse or argue against a red flag that the scorer flags anyway. */
  refusalFalseFlags: number;
  /** Share of the keyword-salad answers held at level 1 or below on every signal. */
  saladHeld: number;
  /** Mean (scorer level - settled level) over the plain-spoken answers: negative is too low. */
  plainGap: number;
  /** Share of plain-spoken answers settled at 3 or 4 that the scorer puts within one level. */
  plainStrongWithin1: number;
  /** Mean |scorer level - settled level| per labelled signal of the round scripts. */
  roundLevelError: number;
  /** Mixed candidates' rounds that the debrief rates solid or better overall. */
  mixedRatedSolid: number;
  rounds: number;
  perSignal: Record<string, SignalFigures>;
}

const graded = (s: ScoredAnswer): boolean => s.answer.signal !== 'all' && s.answer.consensus !== undefined;

function signalFigures(items: ScoredAnswer[]): SignalFigures {
  const rated: Rated[] = items.map((s) => ({ a: s.verdicts[s.answer.signal as SignalId].level, b: s.answer.consensus! }));
  return {
    answers: items.length,
    qwk: qwk(rated),
    exact: exact(rated),
    within1: within1(rated),
    pairwise: pairwiseOrder(
      items.map((s) => ({ group: s.answer.signal, human: s.answer.consensus!, score: s.verdicts[s.answer.signal as SignalId].score })),
    ),
  };
}

export function foldFigures(scored: ScoredAnswer[], played: PlayedRound[], signals: readonly SignalId[]): FoldFigures {
  const gradedItems = scored.filter(graded);
  const own = (s: ScoredAnswer): Verdict => s.verdicts[s.answer.signal as SignalId];
  const withFlagVerdict = gradedItems.filter((s) => s.answer.flagged !== undefined);
  const truthFlagged = withFlagVerdict.filter((s) => s.answer.flagged);
  const machineFlagged = withFlagVerdict.filter((s) => own(s).flagged);
  const refusals = gradedItems.filter((s) => s.answer.kinds.includes('refusal') && s.answer.flagged !== true);
  const salads = scored.filter((s) => s.answer.kinds.includes('salad'));
  const plain = gradedItems.filter((s) => s.answer.kinds.includes('plain'));
  const plainStrong = plain.filter((s) => s.answer.consensus! >= 3);
  const roundErrors: number[] = [];
  for (const p of played) {
    for (const [id, level] of Object.entries(p.round.consensus) as [SignalId, number][]) {
      const got = p.levels[id];
      if (got !== undefined) roundErrors.push(Math.abs(got - level));
    }
  }
  const perSignal: Record<string, SignalFigures> = {};
  for (const id of signals) perSignal[id] = signalFigures(gradedItems.filter((s) => s.answer.signal === id));
  return {
    ...signalFigures(gradedItems),
    redFlagRecall: share(truthFlagged, (s) => own(s).flagged),
    redFlagPrecision: share(machineFlagged, (s) => s.answer.flagged === true),
    refusalFalseFlags: share(refusals, (s) => own(s).flagged),
    saladHeld: share(salads, (s) => Object.values(s.verdicts).every((v) => v.level <= 1)),
    plainGap: mean(plain.map((s) => own(s).level - s.answer.consensus!)),
    plainStrongWithin1: share(plainStrong, (s) => Math.abs(own(s).level - s.answer.consensus!) <= 1),
    roundLevelError: mean(roundErrors),
    mixedRatedSolid: played.filter((p) => p.round.candidate === 'mixed' && p.overall >= 3).length,
    rounds: played.length,
    perSignal,
  };
}

/** The level a verdict would get under other thresholds, with the scorer's caps kept. */
export function relevel(v: Verdict, thresholds: readonly number[]): number {
  if (!v.ownBeat) return 0;
  const level = levelAt(v.score, thresholds);
  return v.flagged || v.salad ? Math.min(level, 1) : level;
}

function qwkAt(items: readonly { v: Verdict; human: number }[], t: readonly number[]): number {
  const r = qwk(items.map((x) => ({ a: relevel(x.v, t), b: x.human })));
  return Number.isNaN(r) ? -1 : r;
}

/**
 * Level thresholds that maximise QWK on the items: coordinate ascent from `start`, each
 * threshold tried at every score between its neighbours, until no move helps. Ties keep the
 * threshold nearer its start, so the result does not jump between equally good values.
 */
export function chooseThresholds(items: readonly { v: Verdict; human: number }[], start: readonly number[]): number[] {
  const t = [...start];
  let best = qwkAt(items, t);
  for (let pass = 0; pass < 20; pass++) {
    let moved = false;
    for (let i = 0; i < t.length; i++) {
      const lo = i === 0 ? 1 : t[i - 1]! + 1;
      const hi = i === t.length - 1 ? 100 : t[i + 1]! - 1;
      let bestAt = t[i]!;
      for (let x = lo; x <= hi; x++) {
        const trial = [...t];
        trial[i] = x;
        const q = qwkAt(items, trial);
        if (q > best + 1e-12 || (Math.abs(q - best) <= 1e-12 && Math.abs(x - start[i]!) < Math.abs(bestAt - start[i]!))) {
          if (q > best + 1e-12) moved = true;
          best = Math.max(best, q);
          bestAt = x;
        }
      }
      t[i] = bestAt;
    }
    if (!moved) break;
  }
  return t;
}

export interface ThresholdChoice {
  current: number[];
  /** QWK of the current thresholds on the tune fold. */
  currentQwk: number;
  /** Thresholds chosen on the whole tune fold. */
  chosen: number[];
  /** QWK of out-of-fold levels in k-fold cross-validation on the tune fold: what the choice is worth on unseen answers. */
  crossValidatedQwk: number;
  /** The same cross-validation with the current thresholds held fixed, for comparison. */
  folds: number;
}

/** Chooses level thresholds by k-fold cross-validation on the tune fold's graded answers. */
export function crossValidateThresholds(tune: ScoredAnswer[], current: readonly number[], k = 5): ThresholdChoice {
  const items = tune.filter(graded).map((s) => ({ id: s.answer.id, v: s.verdicts[s.answer.signal as SignalId], human: s.answer.consensus! }));
  // a fold of its own per item, by a hash independent of the tune/test split
  const foldIndex = (id: string): number => {
    let h = 0;
    for (const ch of `cv:${id}`) h = (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0;
    return h % k;
  };
  const outOfFold: Rated[] = [];
  for (let f = 0; f < k; f++) {
    const train = items.filter((x) => foldIndex(x.id) !== f);
    const held = items.filter((x) => foldIndex(x.id) === f);
    const t = chooseThresholds(train, current);
    for (const x of held) outOfFold.push({ a: relevel(x.v, t), b: x.human });
  }
  return {
    current: [...current],
    currentQwk: qwkAt(items, current),
    chosen: chooseThresholds(items, current),
    crossValidatedQwk: qwk(outOfFold),
    folds: k,
  };
}

/** What the scorer said about one red-flag passage, on the passage's own red flag. */
export interface PassageReading {
  passage: Passage;
  /** The red flag was raised (regretted or not). */
  raised: boolean;
  /** It was raised as a regret, costing nothing. */
  regretted: boolean;
}

export interface PassageFigures {
  /** Settled passages. */
  passages: number;
  endorsed: number;
  /** Share of the endorsed passages whose red flag is raised, not as a regret. */
  endorsedCaught: number;
  refused: number;
  /** Share of the passages settled as not the red flag (refused, someone else's, advice, the good behaviour) that raise it anyway. */
  refusedFlagged: number;
  regrets: number;
  /** Share of the regrets charged as the behaviour itself (raised, not as a regret). */
  regretsCharged: number;
  /** Per red flag: endorsed caught, of endorsed. */
  perFlag: Record<string, { caught: number; endorsed: number; wrong: number; refused: number }>;
}

export function passageFigures(readings: readonly PassageReading[]): PassageFigures {
  const settled = readings.filter((r) => r.passage.settled !== undefined);
  const endorsed = settled.filter((r) => r.passage.settled === 'endorsed');
  const refused = settled.filter((r) => r.passage.settled === 'no');
  const regrets = settled.filter((r) => r.passage.settled === 'regret');
  const perFlag: PassageFigures['perFlag'] = {};
  for (const r of settled) {
    const f = (perFlag[r.passage.flag] ??= { caught: 0, endorsed: 0, wrong: 0, refused: 0 });
    if (r.passage.settled === 'endorsed') {
      f.endorsed++;
      if (r.raised && !r.regretted) f.caught++;
    } else if (r.passage.settled === 'no') {
      f.refused++;
      if (r.raised) f.wrong++;
    }
  }
  return {
    passages: settled.length,
    endorsed: endorsed.length,
    endorsedCaught: share(endorsed, (r) => r.raised && !r.regretted),
    refused: refused.length,
    refusedFlagged: share(refused, (r) => r.raised),
    regrets: regrets.length,
    regretsCharged: share(regrets, (r) => r.raised && !r.regretted),
    perFlag,
  };
}

/** Agreement between two labellers of passages: the same verdict, of those both judged. */
export function passageAgreement(
  passages: readonly { verdicts: Record<string, string> }[],
  [first, second]: readonly [string, string] = ['x', 'y'],
): { passages: number; agree: number } {
  const both = passages.filter((p) => p.verdicts[first] !== undefined && p.verdicts[second] !== undefined);
  return { passages: both.length, agree: share(both, (p) => p.verdicts[first] === p.verdicts[second]) };
}

export interface BeatPassageFigures {
  /** Settled passages. */
  passages: number;
  shows: number;
  /** Share of the passages settled as showing the beat that earn it. */
  credited: number;
  notShown: number;
  /** Share of the passages settled as not showing it (skipped, wished for, someone else's, the opposite) that earn it anyway. */
  creditedAnyway: number;
  /** Per signal: credited / shows, and credited anyway / not shown. */
  perSignal: Record<string, { credited: number; shows: number; wrong: number; notShown: number }>;
}

export function beatPassageFigures(readings: readonly { passage: BeatPassage; hit: boolean }[]): BeatPassageFigures {
  const settled = readings.filter((r) => r.passage.settled !== undefined);
  const shows = settled.filter((r) => r.passage.settled === 'yes');
  const not = settled.filter((r) => r.passage.settled === 'no');
  const perSignal: BeatPassageFigures['perSignal'] = {};
  for (const r of settled) {
    const f = (perSignal[r.passage.signal] ??= { credited: 0, shows: 0, wrong: 0, notShown: 0 });
    if (r.passage.settled === 'yes') {
      f.shows++;
      if (r.hit) f.credited++;
    } else {
      f.notShown++;
      if (r.hit) f.wrong++;
    }
  }
  return {
    passages: settled.length,
    shows: shows.length,
    credited: share(shows, (r) => r.hit),
    notShown: not.length,
    creditedAnyway: share(not, (r) => r.hit),
    perSignal,
  };
}

export interface HumanFigures {
  answers: number;
  qwk: number;
  exact: number;
  within1: number;
}

/** Labeller a against labeller b on every corpus answer both labelled: the ceiling for the scorer. */
export function humanFigures(answers: readonly CorpusAnswer[], fold?: Fold): HumanFigures {
  const pairs: Rated[] = answers
    .filter((a) => a.origin === 'corpus' && a.signal !== 'all' && (fold === undefined || a.fold === fold))
    .filter((a) => a.labels.a !== undefined && a.labels.b !== undefined)
    .map((a) => ({ a: a.labels.a!, b: a.labels.b! }));
  return { answers: pairs.length, qwk: qwk(pairs), exact: exact(pairs), within1: within1(pairs) };
}

export { foldOf };
