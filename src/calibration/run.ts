import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { stringify } from 'yaml';
import { SIGNAL_IDS, type RubricSpec, type SignalId } from '../rubric/types.js';
import { analyze, compileRubric, scoreDoc } from '../scoring/index.js';
import type { ScoreReport } from '../scoring/types.js';
import { readCorpus, type Corpus, type Fold, type RoundScript } from './corpus.js';
import {
  crossValidateThresholds,
  foldFigures,
  humanFigures,
  beatPassageFigures,
  passageAgreement,
  passageFigures,
  type BeatPassageFigures,
  type FoldFigures,
  type PassageFigures,
  type PassageReading,
  type HumanFigures,
  type PlayedRound,
  type ScoredAnswer,
  type ThresholdChoice,
  type Verdict,
} from './evaluate.js';
import { leakedPhrases, patternUse, rubricPhrases } from './patterns.js';

// `npm run calibrate`: scores the corpus, plays the round scripts through the real binary, and
// reports the scorer's agreement with the labellers. The test fold is only ever reported in
// aggregate.

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CORPUS_DIR = join(ROOT, 'calibration');
export const STORIES_DIR = join(ROOT, 'test', 'fixtures', 'stories');

export interface SingleTextPattern {
  owner: string;
  source: string;
  text: string;
}

export interface CalibrationReport {
  corpus: { answers: number; rounds: number; doubleLabelled: number };
  human: HumanFigures;
  tune: FoldFigures;
  test: FoldFigures;
  thresholds: ThresholdChoice;
  /** The red-flag passages, per fold, and the labellers' agreement on them. */
  passages: { tune: PassageFigures; test: PassageFigures; agreement: { passages: number; agree: number } };
  /** The beat passages, per fold, and the labellers' agreement on them. */
  beatPassages: { tune: BeatPassageFigures; test: BeatPassageFigures; agreement: { passages: number; agree: number } };
  singleTextPatterns: SingleTextPattern[];
  /** Rubric phrases, added since the corpus was written, found only in sealed texts: must be empty. */
  leaks: string[];
  /** Answers and rounds still waiting for labels. */
  unlabelled: number;
  /** Tune-fold answers the scorer misreads: two levels or more off, or a red flag wrongly raised or missed. */
  tuneMisses: TuneMiss[];
  /** Tune-fold rounds, signal by signal, where the debrief is a level or more off. */
  tuneRoundMisses: { round: string; signal: SignalId; settled: number; scorer: number }[];
}

export interface TuneMiss {
  id: string;
  signal: SignalId;
  kinds: string[];
  settled: number;
  scorer: number;
  flaggedBy: 'labellers' | 'scorer' | 'both' | 'neither';
}

function verdicts(report: ScoreReport): Record<SignalId, Verdict> {
  const out = {} as Record<SignalId, Verdict>;
  for (const s of report.signals) {
    out[s.id] = {
      score: s.score,
      level: s.level,
      flagged: s.redFlags.some((f) => !f.regretted),
      salad: s.salad === true,
      ownBeat: s.beats.some((b) => b.hit && !b.story),
    };
  }
  return out;
}

const run = promisify(execFile);

/** Plays one round script through the binary, as `run ID --answers FILE --json` would for a user. */
async function playRound(round: RoundScript, dir: string): Promise<PlayedRound> {
  const answers = join(dir, `${round.id}.yaml`);
  writeFileSync(answers, stringify(round.turns));
  const bin = join(ROOT, 'bin', 'mockloop.js');
  const { stdout } = await run(process.execPath, [bin, 'run', round.scenario, '--answers', answers, '--json', '--no-save', '--untimed'], {
    env: { ...process.env, MOCKLOOP_HOME: join(dir, 'home'), NO_COLOR: '1' },
    maxBuffer: 64 << 20,
  }).catch((err: { stdout?: string; stderr?: string; message: string }) => {
    if (err.stdout) return { stdout: err.stdout };
    throw new Error(`round ${round.id}: ${(err.stderr || err.message).split('\n')[0]}`);
  });
  const out = JSON.parse(stdout) as { debrief: { signals: { id: SignalId; level: number }[]; overall: { level: number } } };
  const levels: Partial<Record<SignalId, number>> = {};
  for (const s of out.debrief.signals) levels[s.id] = s.level;
  return { round, levels, overall: out.debrief.overall.level };
}

async function playAll(rounds: RoundScript[]): Promise<PlayedRound[]> {
  const dir = mkdtempSync(join(tmpdir(), 'mockloop-calibrate-'));
  try {
    const out: PlayedRound[] = new Array(rounds.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < rounds.length) {
        const i = next++;
        out[i] = await playRound(rounds[i]!, dir);
      }
    };
    await Promise.all([worker(), worker()]);
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface CalibrateOptions {
  corpusDir?: string;
  /** The older calibration stories; they join the tune fold. */
  storiesDir?: string;
  rubric: RubricSpec;
  /** Play the round scripts (they need the built binary). Default true. */
  rounds?: boolean;
}

/**
 * Rubric phrases as they stood before a set of texts was written (one per line; # comments): they
 * cannot have been copied from those texts, so the leakage check leaves them out for them.
 */
function phrasesBefore(file: string): Set<string> {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return new Set();
  }
  return new Set(
    text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#')),
  );
}

export async function calibrate(opts: CalibrateOptions): Promise<CalibrationReport> {
  const corpus: Corpus = readCorpus(opts.corpusDir ?? CORPUS_DIR, opts.storiesDir ?? STORIES_DIR);
  const rubric = compileRubric(opts.rubric);
  const docs = corpus.answers.map((a) => ({ a, doc: analyze(a.text) }));
  const scored: ScoredAnswer[] = docs.map(({ a, doc }) => ({ answer: a, verdicts: verdicts(scoreDoc(doc, rubric)) }));
  const labelledRounds = corpus.rounds.filter((r) => Object.keys(r.consensus).length > 0);
  const played = opts.rounds === false ? [] : await playAll(labelledRounds);
  const inFold = (f: Fold) => ({
    answers: scored.filter((s) => s.answer.fold === f),
    rounds: played.filter((p) => p.round.fold === f),
  });
  const tune = inFold('tune');
  const test = inFold('test');
  const signalOfFlag = new Map<string, SignalId>();
  for (const sig of opts.rubric.signals) for (const f of sig.redFlags ?? []) signalOfFlag.set(f.id, sig.id);
  const readings: PassageReading[] = corpus.passages.map((passage) => {
    const signal = signalOfFlag.get(passage.flag);
    if (!signal) throw new Error(`calibration: passage ${passage.id} names an unknown red flag ${passage.flag}`);
    const hit = scoreDoc(analyze(passage.text), rubric)
      .signals.find((s) => s.id === signal)
      ?.redFlags.find((f) => f.id === passage.flag);
    return { passage, raised: hit !== undefined, regretted: hit?.regretted === true };
  });
  const beatReadings = corpus.beatPassages.map((passage) => ({
    passage,
    hit:
      scoreDoc(analyze(passage.text), rubric)
        .signals.find((s) => s.id === passage.signal)
        ?.beats.find((b) => b.id === passage.beat)?.hit === true,
  }));
  const uses = patternUse(
    rubric,
    docs.map(({ a, doc }) => ({ id: a.id, doc })),
  );
  const foldById = new Map(corpus.answers.map((a) => [a.id, a.fold]));
  const singleTextPatterns = uses
    .filter((u) => u.texts.length === 1 && foldById.get(u.texts[0]!) === 'tune')
    .map((u) => ({ owner: u.owner, source: u.source, text: u.texts[0]! }));
  const dir = opts.corpusDir ?? CORPUS_DIR;
  const phrases = rubricPhrases(opts.rubric);
  const beforeCorpus = phrasesBefore(join(dir, 'phrases-before-corpus.txt'));
  const beforePassages = phrasesBefore(join(dir, 'phrasings', 'phrases-before.txt'));
  const open = [
    ...corpus.answers.filter((a) => a.fold === 'tune').map((a) => a.text),
    ...[...corpus.passages, ...corpus.beatPassages].filter((p) => p.fold === 'tune').map((p) => p.text),
  ];
  const sealedAnswers = corpus.answers.filter((a) => a.fold === 'test').map((a) => a.text);
  const sealedPassages = [...corpus.passages, ...corpus.beatPassages].filter((p) => p.fold === 'test').map((p) => p.text);
  const leaks = new Set([
    ...leakedPhrases(
      phrases.filter((p) => !beforeCorpus.has(p)),
      open,
      sealedAnswers,
    ),
    ...leakedPhrases(
      phrases.filter((p) => !beforeCorpus.has(p) && !beforePassages.has(p)),
      open,
      sealedPassages,
    ),
  ]);
  return {
    corpus: {
      answers: corpus.answers.length,
      rounds: corpus.rounds.length,
      doubleLabelled: corpus.answers.filter((a) => a.labels.a !== undefined && a.labels.b !== undefined).length,
    },
    human: humanFigures(corpus.answers),
    tune: foldFigures(tune.answers, tune.rounds, SIGNAL_IDS),
    test: foldFigures(test.answers, test.rounds, SIGNAL_IDS),
    thresholds: crossValidateThresholds(tune.answers, opts.rubric.scoring.levelThresholds),
    passages: {
      tune: passageFigures(readings.filter((r) => r.passage.fold === 'tune')),
      test: passageFigures(readings.filter((r) => r.passage.fold === 'test')),
      agreement: passageAgreement(corpus.passages),
    },
    beatPassages: {
      tune: beatPassageFigures(beatReadings.filter((r) => r.passage.fold === 'tune')),
      test: beatPassageFigures(beatReadings.filter((r) => r.passage.fold === 'test')),
      agreement: passageAgreement(corpus.beatPassages, ['u', 'v']),
    },
    singleTextPatterns,
    leaks: [...leaks].sort(),
    tuneMisses: tune.answers.flatMap((s): TuneMiss[] => {
      const a = s.answer;
      if (a.signal === 'all' || a.consensus === undefined) return [];
      const v = s.verdicts[a.signal];
      const flaggedBy = a.flagged && v.flagged ? 'both' : a.flagged ? 'labellers' : v.flagged ? 'scorer' : 'neither';
      const off = Math.abs(v.level - a.consensus) >= 2 || flaggedBy === 'labellers' || flaggedBy === 'scorer';
      return off ? [{ id: a.id, signal: a.signal, kinds: a.kinds, settled: a.consensus, scorer: v.level, flaggedBy }] : [];
    }),
    tuneRoundMisses: tune.rounds.flatMap((p) =>
      (Object.entries(p.round.consensus) as [SignalId, number][])
        .filter(([id, level]) => p.levels[id] !== undefined && Math.abs(p.levels[id]! - level) >= 1)
        .map(([id, level]) => ({ round: p.round.id, signal: id, settled: level, scorer: p.levels[id]! })),
    ),
    unlabelled:
      corpus.answers.filter((a) => a.consensus === undefined).length + corpus.rounds.filter((r) => Object.keys(r.consensus).length === 0).length,
  };
}

// ---- the printed report ----

const f2 = (x: number): string => (Number.isNaN(x) ? '  -  ' : x.toFixed(2).padStart(5));
const pct = (x: number): string => (Number.isNaN(x) ? '   - ' : `${(100 * x).toFixed(0)}%`.padStart(5));
const signed = (x: number): string => (Number.isNaN(x) ? '   - ' : `${x >= 0 ? '+' : ''}${x.toFixed(2)}`.padStart(5));

/** The JSON contract: the figures only (docs/calibration.md). */
export function reportJson(r: CalibrationReport): unknown {
  const fold = (f: FoldFigures) => ({
    qwk: f.qwk,
    exact: f.exact,
    within1: f.within1,
    pairwise: f.pairwise,
    redFlagRecall: f.redFlagRecall,
    redFlagPrecision: f.redFlagPrecision,
    refusalFalseFlags: f.refusalFalseFlags,
    saladHeld: f.saladHeld,
    plainGap: f.plainGap,
    roundLevelError: f.roundLevelError,
  });
  const passages = (p: PassageFigures) => ({
    passages: p.passages,
    endorsedCaught: p.endorsedCaught,
    refusedFlagged: p.refusedFlagged,
    regretsCharged: p.regretsCharged,
  });
  const beats = (b: BeatPassageFigures) => ({ passages: b.passages, credited: b.credited, creditedAnyway: b.creditedAnyway });
  return {
    corpus: r.corpus,
    human: { qwk: r.human.qwk, exact: r.human.exact, within1: r.human.within1 },
    tune: fold(r.tune),
    test: fold(r.test),
    passages: { tune: passages(r.passages.tune), test: passages(r.passages.test), labellersAgree: r.passages.agreement.agree },
    beatPassages: {
      tune: beats(r.beatPassages.tune),
      test: beats(r.beatPassages.test),
      labellersAgree: r.beatPassages.agreement.agree,
    },
  };
}

/** The tune fold's misreadings, one line each: what to study when tuning. Never the test fold. */
export function tuneMissesText(r: CalibrationReport): string {
  const lines = [`tune-fold answers the scorer misreads (two levels off, or a red flag wrong): ${r.tuneMisses.length}`];
  for (const m of r.tuneMisses) {
    const flag = m.flaggedBy === 'labellers' ? '  red flag missed' : m.flaggedBy === 'scorer' ? '  red flag raised wrongly' : '';
    lines.push(`  ${m.id.padEnd(44)} ${m.signal.padEnd(22)} settled ${m.settled}, scorer ${m.scorer}${flag}  [${m.kinds.join(' ')}]`);
  }
  lines.push('', `tune-fold rounds, signals a level or more off: ${r.tuneRoundMisses.length}`);
  for (const m of r.tuneRoundMisses) lines.push(`  ${m.round.padEnd(44)} ${m.signal.padEnd(22)} settled ${m.settled}, scorer ${m.scorer}`);
  return lines.join('\n');
}

export function reportText(r: CalibrationReport): string {
  const lines: string[] = [];
  const { corpus, human } = r;
  lines.push(`mockloop calibration: ${corpus.answers} answers (${corpus.doubleLabelled} double-labelled), ${corpus.rounds} round scripts`);
  if (r.unlabelled > 0) lines.push(`  ${r.unlabelled} answers or rounds are not yet settled and are left out`);
  lines.push('');
  lines.push(`human-human (labeller a vs b, ${human.answers} answers): QWK ${f2(human.qwk)}  exact ${pct(human.exact)}  within one ${pct(human.within1)}`);
  lines.push('');
  lines.push(`${'measure'.padEnd(40)}${'tune'.padStart(8)}${'test'.padStart(8)}`);
  const row = (name: string, a: string, b: string): void => {
    lines.push(`${name.padEnd(40)}${a.padStart(8)}${b.padStart(8)}`);
  };
  const { tune, test } = r;
  row('answers graded', String(tune.answers), String(test.answers));
  row('QWK against the consensus', f2(tune.qwk), f2(test.qwk));
  row('exact agreement', pct(tune.exact), pct(test.exact));
  row('within one level', pct(tune.within1), pct(test.within1));
  row('pairwise order within a signal', pct(tune.pairwise), pct(test.pairwise));
  row('red-flag recall', pct(tune.redFlagRecall), pct(test.redFlagRecall));
  row('red-flag precision', pct(tune.redFlagPrecision), pct(test.redFlagPrecision));
  row('refusal answers flagged', pct(tune.refusalFalseFlags), pct(test.refusalFalseFlags));
  row('salad held at level 1 or below', pct(tune.saladHeld), pct(test.saladHeld));
  row('plain-spoken: mean level gap', signed(tune.plainGap), signed(test.plainGap));
  row('plain-spoken strong within one level', pct(tune.plainStrongWithin1), pct(test.plainStrongWithin1));
  row('round scripts: level error per signal', f2(tune.roundLevelError), f2(test.roundLevelError));
  row('round scripts: mixed rated solid+', `${tune.mixedRatedSolid}/${tune.rounds}`, `${test.mixedRatedSolid}/${test.rounds}`);
  lines.push('');
  lines.push(`per signal (QWK / within one / pairwise)${''.padStart(4)}${'tune'.padStart(20)}${'test'.padStart(20)}`);
  for (const id of SIGNAL_IDS) {
    const a = tune.perSignal[id]!;
    const b = test.perSignal[id]!;
    const cell = (s: typeof a): string => `${f2(s.qwk)} ${pct(s.within1)} ${pct(s.pairwise)}`;
    lines.push(`  ${id.padEnd(42)}${cell(a).padStart(20)}${cell(b).padStart(20)}`);
  }
  const p = r.passages;
  if (p.tune.passages + p.test.passages > 0) {
    lines.push('');
    lines.push(
      `red-flag passages (short tellings of one red flag; labellers agree on ${pct(p.agreement.agree).trim()} of ${p.agreement.passages})`,
    );
    row('passages settled', String(p.tune.passages), String(p.test.passages));
    row('endorsed: red flag raised', pct(p.tune.endorsedCaught), pct(p.test.endorsedCaught));
    row('not the red flag: raised anyway', pct(p.tune.refusedFlagged), pct(p.test.refusedFlagged));
    row('regrets charged in full', pct(p.tune.regretsCharged), pct(p.test.regretsCharged));
    const flags = [...new Set([...Object.keys(p.tune.perFlag), ...Object.keys(p.test.perFlag)])].sort();
    const cell = (f?: { caught: number; endorsed: number; wrong: number; refused: number }): string =>
      f ? `${f.caught}/${f.endorsed} ${f.wrong}/${f.refused}` : '-';
    lines.push(`  per red flag (endorsed raised, others raised)`);
    for (const id of flags) lines.push(`  ${id.padEnd(38)}${cell(p.tune.perFlag[id]).padStart(12)}${cell(p.test.perFlag[id]).padStart(12)}`);
  }
  const b = r.beatPassages;
  if (b.tune.passages + b.test.passages > 0) {
    lines.push('');
    lines.push(`beat passages (short tellings of one beat; labellers agree on ${pct(b.agreement.agree).trim()} of ${b.agreement.passages})`);
    row('passages settled', String(b.tune.passages), String(b.test.passages));
    row('showing the beat: credited', pct(b.tune.credited), pct(b.test.credited));
    row('not showing it: credited anyway', pct(b.tune.creditedAnyway), pct(b.test.creditedAnyway));
    const cell = (f?: { credited: number; shows: number; wrong: number; notShown: number }): string =>
      f ? `${f.credited}/${f.shows} ${f.wrong}/${f.notShown}` : '-';
    lines.push(`  per signal (credited, credited anyway)`);
    for (const id of SIGNAL_IDS) lines.push(`  ${id.padEnd(38)}${cell(b.tune.perSignal[id]).padStart(12)}${cell(b.test.perSignal[id]).padStart(12)}`);
  }
  lines.push('');
  const t = r.thresholds;
  lines.push(
    `level thresholds: current [${t.current.join(', ')}] give tune QWK ${f2(t.currentQwk)}; ` +
      `${t.folds}-fold cross-validation on the tune fold chooses [${t.chosen.join(', ')}] (out-of-fold QWK ${f2(t.crossValidatedQwk)})`,
  );
  lines.push('');
  lines.push(`single-text patterns (match exactly one tune text and no other): ${r.singleTextPatterns.length}`);
  for (const p of r.singleTextPatterns) lines.push(`  ${p.owner}: "${p.source}"  (${p.text})`);
  lines.push('');
  lines.push(r.leaks.length === 0 ? 'leakage: no rubric phrase appears only in sealed texts' : `LEAKAGE: rubric phrases found only in sealed texts: ${r.leaks.length}`);
  return lines.join('\n');
}
