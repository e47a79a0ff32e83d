import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readCorpus, type Passage } from '../../src/calibration/corpus.js';
import { beatPassageFigures, passageAgreement, passageFigures } from '../../src/calibration/evaluate.js';
import type { BeatPassage } from '../../src/calibration/corpus.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function corpusDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mockloop-passages-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'phrasings', 'labels'), { recursive: true });
  mkdirSync(join(dir, 'phrasings', 'beats', 'labels'), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const WRITER = `writer: w1
fold: test
passages:
  - { id: w1-1, flag: heroic-solo, kind: endorsed, text: "I kept everyone else out of it." }
  - { id: w1-2, flag: heroic-solo, kind: near-miss, sub: refused, text: "They asked me to go it alone; I paged the lead." }
  - { id: w1-3, flag: heroic-solo, kind: regret, text: "I went it alone and should not have." }
`;

describe('red-flag passages', () => {
  it('reads each writer in its own fold and settles verdicts by agreement or majority', () => {
    const dir = corpusDir({
      'phrasings/w1.yaml': WRITER,
      'phrasings/labels/x.yaml': 'labeller: x\npassages:\n  - { id: w1-1, verdict: "endorsed" }\n  - { id: w1-2, verdict: "no" }\n  - { id: w1-3, verdict: "regret" }\n',
      'phrasings/labels/y.yaml': 'labeller: y\npassages:\n  - { id: w1-1, verdict: "endorsed" }\n  - { id: w1-2, verdict: "regret" }\n  - { id: w1-3, verdict: "regret" }\n',
      'phrasings/labels/z.yaml': 'labeller: z\npassages:\n  - { id: w1-2, verdict: "no" }\n',
    });
    const { passages } = readCorpus(dir);
    expect(passages.map((p) => [p.id, p.fold, p.settled])).toEqual([
      ['w1-1', 'test', 'endorsed'],
      ['w1-2', 'test', 'no'],
      ['w1-3', 'test', 'regret'],
    ]);
    expect(passages[1]!.sub).toBe('refused');
    expect(passageAgreement(passages)).toEqual({ passages: 3, agree: 2 / 3 });
  });

  it('leaves a two-way disagreement unsettled', () => {
    const dir = corpusDir({
      'phrasings/w1.yaml': WRITER,
      'phrasings/labels/x.yaml': 'labeller: x\npassages:\n  - { id: w1-1, verdict: "endorsed" }\n',
      'phrasings/labels/y.yaml': 'labeller: y\npassages:\n  - { id: w1-1, verdict: "no" }\n',
    });
    expect(readCorpus(dir).passages[0]!.settled).toBeUndefined();
  });

  it.each([
    ['a file without a fold', { 'phrasings/w1.yaml': WRITER.replace('fold: test\n', '') }, /fold must be tune or test/],
    ['a verdict for an unknown passage', { 'phrasings/w1.yaml': WRITER, 'phrasings/labels/x.yaml': 'labeller: x\npassages:\n  - { id: nope, verdict: "no" }\n' }, /unknown passage nope/],
    ['a verdict outside the three', { 'phrasings/w1.yaml': WRITER, 'phrasings/labels/x.yaml': 'labeller: x\npassages:\n  - { id: w1-1, verdict: false }\n' }, /verdict must be endorsed, regret or no/],
    ['an id used twice', { 'phrasings/w1.yaml': WRITER, 'phrasings/w2.yaml': WRITER.replace('writer: w1', 'writer: w2') }, /w1-1 is used twice/],
  ])('rejects %s', (_name, files, message) => {
    expect(() => readCorpus(corpusDir(files))).toThrow(message);
  });

  it('counts endorsed passages caught, other passages raised and regrets charged', () => {
    const p = (id: string, settled: Passage['settled'], flag = 'heroic-solo'): Passage => ({ id, flag, kind: 'x', text: '', fold: 'test', verdicts: {}, settled });
    const f = passageFigures([
      { passage: p('1', 'endorsed'), raised: true, regretted: false },
      { passage: p('2', 'endorsed'), raised: true, regretted: true },
      { passage: p('3', 'endorsed', 'no-tradeoff'), raised: false, regretted: false },
      { passage: p('4', 'no'), raised: true, regretted: true },
      { passage: p('5', 'no'), raised: false, regretted: false },
      { passage: p('6', 'regret'), raised: true, regretted: false },
      { passage: p('7', 'regret'), raised: true, regretted: true },
      { passage: p('8', undefined), raised: true, regretted: false },
    ]);
    expect(f).toMatchObject({ passages: 7, endorsed: 3, endorsedCaught: 1 / 3, refused: 2, refusedFlagged: 0.5, regrets: 2, regretsCharged: 0.5 });
    expect(f.perFlag).toEqual({
      'heroic-solo': { caught: 1, endorsed: 2, wrong: 1, refused: 2 },
      'no-tradeoff': { caught: 0, endorsed: 1, wrong: 0, refused: 0 },
    });
  });
});

describe('beat passages', () => {
  it('reads them beside the red-flag passages, with yes or no verdicts', () => {
    const dir = corpusDir({
      'phrasings/beats/w5.yaml':
        'writer: w5\nfold: tune\npassages:\n  - { id: w5-1, signal: reliability-practice, beat: pre-mortem, kind: shows, text: "We listed how it could break first." }\n',
      'phrasings/beats/labels/u.yaml': 'labeller: u\npassages:\n  - { id: w5-1, verdict: "yes" }\n',
      'phrasings/beats/labels/v.yaml': 'labeller: v\npassages:\n  - { id: w5-1, verdict: "yes" }\n',
    });
    const { beatPassages, passages } = readCorpus(dir);
    expect(passages).toEqual([]);
    expect(beatPassages.map((p) => [p.id, p.signal, p.beat, p.fold, p.settled])).toEqual([['w5-1', 'reliability-practice', 'pre-mortem', 'tune', 'yes']]);
    expect(passageAgreement(beatPassages, ['u', 'v'])).toEqual({ passages: 1, agree: 1 });
  });

  it.each([
    ['an unknown signal', 'signal: nope, beat: pre-mortem', 'labeller: u\npassages: []\n', /unknown signal nope/],
    ['a red-flag verdict', 'signal: reliability-practice, beat: pre-mortem', 'labeller: u\npassages:\n  - { id: w5-1, verdict: "endorsed" }\n', /verdict must be yes or no/],
  ])('rejects %s', (_name, fields, label, message) => {
    const dir = corpusDir({
      'phrasings/beats/w5.yaml': `writer: w5\nfold: tune\npassages:\n  - { id: w5-1, ${fields}, kind: shows, text: "x" }\n`,
      'phrasings/beats/labels/u.yaml': label,
    });
    expect(() => readCorpus(dir)).toThrow(message);
  });

  it('counts passages showing a beat that earn it, and the others that earn it anyway', () => {
    const p = (id: string, settled: BeatPassage['settled'], signal: BeatPassage['signal'] = 'cross-team'): BeatPassage => ({
      id,
      signal,
      beat: 'coordinated',
      kind: 'shows',
      text: '',
      fold: 'test',
      verdicts: {},
      settled,
    });
    const f = beatPassageFigures([
      { passage: p('1', 'yes'), hit: true },
      { passage: p('2', 'yes', 'pager-empathy'), hit: false },
      { passage: p('3', 'no'), hit: true },
      { passage: p('4', 'no'), hit: false },
      { passage: p('5', undefined), hit: true },
    ]);
    expect(f).toMatchObject({ passages: 4, shows: 2, credited: 0.5, notShown: 2, creditedAnyway: 0.5 });
    expect(f.perSignal).toEqual({
      'cross-team': { credited: 1, shows: 1, wrong: 1, notShown: 2 },
      'pager-empathy': { credited: 0, shows: 1, wrong: 0, notShown: 0 },
    });
  });
});
