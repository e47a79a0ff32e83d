import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { SIGNAL_IDS, type SignalId } from '../rubric/types.js';
import { median } from './metrics.js';

// The calibration corpus (calibration/ at the project root, described in docs/calibration.md):
// answers written by people who never read the rubric, each labelled by independent labellers,
// the older calibration stories, and full-round answer scripts. This module reads it and
// settles the labels; it never scores anything.

export type Fold = 'tune' | 'test';

/** Share of ids hashed into the tune fold, in percent. */
export const TUNE_PERCENT = 60;

/** The fold an id belongs to, fixed by a hash of the id alone (so adding answers moves no other). */
export function foldOf(id: string): Fold {
  const h = createHash('sha256').update(id, 'utf8').digest();
  return h.readUInt32BE(0) % 100 < TUNE_PERCENT ? 'tune' : 'test';
}

export interface CorpusAnswer {
  id: string;
  /** The signal the answer is judged on; 'all' for keyword salad judged on every signal. */
  signal: SignalId | 'all';
  prompt?: string;
  text: string;
  /** The writer's description of the answer (red-flag, refusal, plain, salad, ...). Never a label. */
  kinds: string[];
  domain?: string;
  /** For a red-flag answer, the guide's red flag the writer meant it to carry. */
  redFlagIntended?: string;
  /** Where it came from: the independent corpus, or the older calibration stories. */
  origin: 'corpus' | 'story';
  fold: Fold;
  /** Labels by labeller ("a", "b", "c"), level 0..4. */
  labels: Record<string, number>;
  /** Labellers' verdicts on whether the answer carries the signal's red flag as the candidate's own act. */
  flagVotes: Record<string, boolean>;
  /** The settled level, or undefined while labels are missing. */
  consensus?: number;
  /** The settled red-flag verdict. */
  flagged?: boolean;
}

export interface RoundScript {
  id: string;
  scenario: string;
  candidate: 'strong' | 'mixed' | 'weak';
  turns: string[];
  fold: Fold;
  /** Labels by labeller: level per signal. */
  labels: Record<string, Partial<Record<SignalId, number>>>;
  /** Settled level per labelled signal. */
  consensus: Partial<Record<SignalId, number>>;
}

export type PassageVerdict = 'endorsed' | 'regret' | 'no';

/** What a set of passages has in common: the writer's fold, the labellers' verdicts, the settled one. */
interface Labelled<V extends string> {
  id: string;
  /** What the writer meant (a description, never a label). */
  kind: string;
  text: string;
  fold: Fold;
  /** Verdicts by labeller. */
  verdicts: Record<string, V>;
  /** The settled verdict: two that agree, or the majority of three; undefined otherwise. */
  settled?: V;
}

/**
 * A short passage written to tell one red flag's behaviour, or a near miss of it (refused,
 * someone else's, advice, the good behaviour on the same topic), or a regret of it: `kind` is
 * endorsed, near-miss (with `sub`) or regret.
 */
export interface Passage extends Labelled<PassageVerdict> {
  flag: string;
  sub?: string;
}

/** A short passage written to show one beat of a signal (`kind` shows), or a near miss of it. */
export interface BeatPassage extends Labelled<'yes' | 'no'> {
  signal: SignalId;
  beat: string;
}

export interface Corpus {
  answers: CorpusAnswer[];
  rounds: RoundScript[];
  passages: Passage[];
  beatPassages: BeatPassage[];
}

const SIGNALS = new Set<string>(SIGNAL_IDS);

function fail(file: string, msg: string): never {
  throw new Error(`${file}: ${msg}`);
}

function yamlFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}

function isLevel(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 4;
}

/**
 * The settled level from independent labels: two that agree stand; otherwise the third
 * labeller's label settles it as the median of the three. Undefined while that label is missing.
 */
export function settle(levels: readonly number[]): number | undefined {
  if (levels.length === 0) return undefined;
  if (levels.length === 1) return levels[0];
  const [a, b] = levels as [number, number];
  if (levels.length === 2) return a === b ? a : undefined;
  return median(levels.slice(0, 3));
}

function readWriterAnswers(dir: string): CorpusAnswer[] {
  const out: CorpusAnswer[] = [];
  for (const file of yamlFiles(join(dir, 'answers'))) {
    const docs = parse(readFileSync(file, 'utf8')) as unknown;
    if (!Array.isArray(docs)) fail(file, 'expected a list of answers');
    for (const [i, raw] of docs.entries()) {
      const a = raw as Record<string, unknown>;
      const where = `answer ${i + 1}`;
      if (typeof a.id !== 'string' || a.id === '') fail(file, `${where}: no id`);
      if (typeof a.signal !== 'string' || !SIGNALS.has(a.signal)) fail(file, `${a.id}: unknown signal ${String(a.signal)}`);
      if (typeof a.text !== 'string' || a.text.trim() === '') fail(file, `${a.id}: no text`);
      const kinds = Array.isArray(a.kinds) ? a.kinds.map(String) : [];
      const answer: CorpusAnswer = {
        id: a.id,
        signal: a.signal as SignalId,
        text: a.text,
        kinds,
        origin: 'corpus',
        fold: foldOf(a.id),
        labels: {},
        flagVotes: {},
      };
      if (typeof a.prompt === 'string') answer.prompt = a.prompt;
      if (typeof a.domain === 'string') answer.domain = a.domain;
      if (typeof a.redFlag === 'string' && a.redFlag !== '') answer.redFlagIntended = a.redFlag;
      out.push(answer);
    }
  }
  return out;
}

interface StoryEntry {
  file: string;
  signal: string;
  level: number | [number, number];
  flags?: string[];
}

/**
 * The older calibration stories (test/fixtures/stories, with a manifest per directory). They were
 * read while the rubric was tuned, so they all belong to the tune fold; each has one label, an
 * interviewer's level (a range is settled at its lower end).
 */
function readStories(storiesDir: string): CorpusAnswer[] {
  const out: CorpusAnswer[] = [];
  for (const sub of ['', 'holdout']) {
    const base = join(storiesDir, sub);
    let manifest: StoryEntry[];
    try {
      manifest = parse(readFileSync(join(base, 'manifest.yaml'), 'utf8')) as StoryEntry[];
    } catch {
      continue;
    }
    for (const e of manifest) {
      const level = Array.isArray(e.level) ? e.level[0] : e.level;
      const redflag = e.file.startsWith('redflag-') || (e.flags ?? []).length > 0;
      const salad = e.signal === 'all';
      const id = `story:${sub ? `${sub}/` : ''}${basename(e.file, '.md')}`;
      out.push({
        id,
        signal: salad ? 'all' : (e.signal as SignalId),
        text: readFileSync(join(base, e.file), 'utf8'),
        kinds: [...(redflag ? ['red-flag'] : []), ...(salad ? ['salad'] : [])],
        origin: 'story',
        fold: 'tune',
        labels: { interviewer: level },
        flagVotes: { interviewer: redflag },
        consensus: level,
        flagged: redflag,
      });
    }
  }
  return out;
}

interface LabelFile {
  labeller: string;
  answers?: { id: string; level: number; redFlag?: boolean }[];
  rounds?: { id: string; levels: Record<string, number> }[];
}

function readRounds(dir: string): RoundScript[] {
  return yamlFiles(join(dir, 'rounds')).map((file) => {
    const r = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const id = basename(file, '.yaml');
    if (typeof r.scenario !== 'string') fail(file, 'no scenario');
    if (!['strong', 'mixed', 'weak'].includes(String(r.candidate))) fail(file, 'candidate must be strong, mixed or weak');
    if (!Array.isArray(r.turns) || !r.turns.every((t) => typeof t === 'string')) fail(file, 'turns must be a list of strings');
    return {
      id,
      scenario: r.scenario,
      candidate: r.candidate as RoundScript['candidate'],
      turns: r.turns as string[],
      fold: foldOf(`round:${id}`),
      labels: {},
      consensus: {},
    };
  });
}

/**
 * A set of passages under `sub`: one file per writer, holding the writer's fold (a writer's
 * passages stay together, so a fold never holds a sentence of a writer read while tuning), and
 * the labellers' verdicts under `sub/labels/`. `make` checks and builds one passage.
 */
function readPassageSet<V extends string, P extends Labelled<V>>(
  dir: string,
  verdictNames: readonly V[],
  make: (p: Record<string, unknown>, file: string, base: Labelled<V>) => P,
): P[] {
  const out: P[] = [];
  const byId = new Map<string, P>();
  for (const file of yamlFiles(dir)) {
    const doc = parse(readFileSync(file, 'utf8')) as { fold?: unknown; passages?: unknown };
    if (doc?.fold !== 'tune' && doc?.fold !== 'test') fail(file, 'fold must be tune or test');
    if (!Array.isArray(doc.passages)) fail(file, 'expected passages: a list');
    for (const raw of doc.passages) {
      const p = raw as Record<string, unknown>;
      if (typeof p.id !== 'string' || p.id === '') fail(file, 'a passage has no id');
      if (byId.has(p.id)) fail(file, `passage id ${p.id} is used twice`);
      if (typeof p.kind !== 'string' || typeof p.text !== 'string') fail(file, `${p.id}: needs kind and text`);
      const passage = make(p, file, { id: p.id, kind: p.kind, text: p.text, fold: doc.fold, verdicts: {} });
      byId.set(p.id, passage);
      out.push(passage);
    }
  }
  const names = new Set<string>(verdictNames);
  for (const file of yamlFiles(join(dir, 'labels'))) {
    const l = parse(readFileSync(file, 'utf8')) as { labeller?: unknown; passages?: { id: string; verdict: string }[] };
    if (typeof l?.labeller !== 'string') fail(file, 'no labeller');
    for (const x of l.passages ?? []) {
      const p = byId.get(x.id);
      if (!p) fail(file, `verdict for unknown passage ${x.id}`);
      if (!names.has(x.verdict)) fail(file, `${x.id}: verdict must be ${verdictNames.join(', ').replace(/, (\w+)$/, ' or $1')}`);
      if (p.verdicts[l.labeller] !== undefined) fail(file, `${x.id}: judged twice by ${l.labeller}`);
      p.verdicts[l.labeller] = x.verdict as V;
    }
  }
  for (const p of out) {
    const votes = Object.keys(p.verdicts)
      .sort()
      .map((n) => p.verdicts[n]!);
    const top = [...new Set(votes)].find((v) => votes.filter((x) => x === v).length * 2 > votes.length);
    if (votes.length >= 2 && top !== undefined) p.settled = top;
  }
  return out;
}

/** The red-flag passages, under `phrasings/`. */
function readPassages(dir: string): Passage[] {
  return readPassageSet(join(dir, 'phrasings'), ['endorsed', 'regret', 'no'] as const, (p, file, base) => {
    if (typeof p.flag !== 'string') fail(file, `${base.id}: needs flag`);
    return { ...base, flag: p.flag, ...(typeof p.sub === 'string' ? { sub: p.sub } : {}) };
  });
}

/** The beat passages, under `phrasings/beats/`. */
function readBeatPassages(dir: string): BeatPassage[] {
  return readPassageSet(join(dir, 'phrasings', 'beats'), ['yes', 'no'] as const, (p, file, base) => {
    if (typeof p.signal !== 'string' || !SIGNALS.has(p.signal)) fail(file, `${base.id}: unknown signal ${String(p.signal)}`);
    if (typeof p.beat !== 'string') fail(file, `${base.id}: needs beat`);
    return { ...base, signal: p.signal as SignalId, beat: p.beat };
  });
}

/**
 * Reads the whole corpus under `dir` (and the older stories under `storiesDir`, when given) and
 * settles every label that can be settled.
 */
export function readCorpus(dir: string, storiesDir?: string): Corpus {
  const answers = [...(storiesDir ? readStories(storiesDir) : []), ...readWriterAnswers(dir)];
  const rounds = readRounds(dir);
  const byId = new Map(answers.map((a) => [a.id, a]));
  const roundById = new Map(rounds.map((r) => [r.id, r]));
  if (byId.size !== answers.length) {
    const seen = new Set<string>();
    const dup = answers.find((a) => (seen.has(a.id) ? true : (seen.add(a.id), false)));
    throw new Error(`calibration: answer id ${dup?.id} is used twice`);
  }
  for (const file of yamlFiles(join(dir, 'labels'))) {
    const l = parse(readFileSync(file, 'utf8')) as LabelFile;
    if (typeof l?.labeller !== 'string') fail(file, 'no labeller');
    for (const x of l.answers ?? []) {
      const a = byId.get(x.id);
      if (!a) fail(file, `label for unknown answer ${x.id}`);
      if (!isLevel(x.level)) fail(file, `${x.id}: level must be 0..4`);
      if (a.labels[l.labeller] !== undefined) fail(file, `${x.id}: labelled twice by ${l.labeller}`);
      a.labels[l.labeller] = x.level;
      a.flagVotes[l.labeller] = x.redFlag === true;
    }
    for (const x of l.rounds ?? []) {
      const r = roundById.get(x.id);
      if (!r) fail(file, `label for unknown round ${x.id}`);
      const levels: Partial<Record<SignalId, number>> = {};
      for (const [s, v] of Object.entries(x.levels ?? {})) {
        if (!SIGNALS.has(s)) fail(file, `${x.id}: unknown signal ${s}`);
        if (!isLevel(v)) fail(file, `${x.id}/${s}: level must be 0..4`);
        levels[s as SignalId] = v;
      }
      r.labels[l.labeller] = levels;
    }
  }
  for (const a of answers) {
    if (a.origin === 'story') continue;
    const names = Object.keys(a.labels).sort();
    a.consensus = settle(names.map((n) => a.labels[n]!));
    const votes = names.map((n) => a.flagVotes[n] === true);
    // the majority of the labellers' verdicts (a tie is no red flag)
    if (votes.length >= 2) a.flagged = votes.filter(Boolean).length * 2 > votes.length;
  }
  for (const r of rounds) {
    const names = Object.keys(r.labels).sort();
    const signals = new Set(names.flatMap((n) => Object.keys(r.labels[n]!))) as Set<SignalId>;
    for (const s of signals) {
      const levels = names.map((n) => r.labels[n]![s]).filter((v): v is number => v !== undefined);
      const settled = settle(levels);
      if (settled !== undefined) r.consensus[s] = settled;
    }
  }
  return { answers, rounds, passages: readPassages(dir), beatPassages: readBeatPassages(dir) };
}
