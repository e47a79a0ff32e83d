import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRubric } from '../../src/content/index.js';
import { analyze, compileRubric, scoreText } from '../../src/scoring/index.js';
import { compilePattern, compileLexicon, findMatches } from '../../src/scoring/pattern.js';
import { mockloop, ROOT } from './cli.js';

// Inputs built to be slow: a word repeated a hundred thousand times before the rest of a pattern,
// long runs of spaces, a 200 KB sample answer in a pack. Each once took a minute or more; each is
// now scored in time linear in its length (the figures are in `npm run bench`). These tests only
// ask that they finish, far inside the time the old code needed, and give the same answers.

const tmp = mkdtempSync(join(tmpdir(), 'mockloop-linear-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const env = { MOCKLOOP_HOME: join(tmp, 'home') };
const file = (name: string, body: string) => {
  const p = join(tmp, name);
  writeFileSync(p, body);
  return p;
};

describe('any-order matching', () => {
  const lexicon = compileLexicon({});
  const anyOrder = compilePattern({ match: 'default by', order: 'any' }, lexicon);

  it.each([
    ['the terms far apart', 'default ' + 'I '.repeat(1000) + 'by.', 0],
    ['the terms together after a long run of another word', 'I '.repeat(1000) + 'by default.', 1],
    ['the terms together after a long run of one of them', 'by '.repeat(1000) + 'default.', 1],
    ['both terms repeated', 'default by '.repeat(1000), 1],
    ['in two sentences', 'By default we page. '.repeat(3) + 'I '.repeat(500) + 'default by.', 4],
  ])('finds the same matches as before: %s', (_name, text, count) => {
    expect(findMatches(analyze(text), anyOrder)).toHaveLength(count);
  });

  it('"I " × 100,000 + "by default." is scored (it took 63 s)', () => {
    const rubric = compileRubric(rubricSpec);
    const report = scoreText(`${'I '.repeat(100_000)}by default.`, rubric);
    expect(report.signals).toHaveLength(8);
  }, 30_000);
});

let rubricSpec: Parameters<typeof compileRubric>[0];
await loadRubric().then((r) => (rubricSpec = r.rubric));

describe('long runs of spaces', () => {
  it('an answer with a megabyte of spaces in the middle plays and scores', async () => {
    const answers = file('spaces.yaml', `- "I checked the queue${' '.repeat(1_000_000)}depth and paged the incident manager"\n- /end\n`);
    const r = await mockloop(['run', 'payment-auth-3am', '--answers', answers, '--no-save'], { env, timeoutMs: 60_000 });
    expect(r.signal).toBeNull();
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Debrief/);
  }, 60_000);
});

describe('a 200 KB sample answer in a pack', () => {
  it('validate plays it (it took 143 s)', async () => {
    const dir = join(tmp, 'pack');
    mkdirSync(dir);
    const base = readFileSync(join(ROOT, 'scenarios', 'payment-auth-design.yaml'), 'utf8').replace('id: payment-auth-design', 'id: big-sample-design');
    const at = base.indexOf('    answers:\n', base.indexOf('samples:')) + '    answers:\n'.length;
    writeFileSync(join(dir, 'big-sample.yaml'), `${base.slice(0, at)}      - "${'I '.repeat(100_000)}by default."\n${base.slice(at)}`);
    const r = await mockloop(['validate', dir], { env, timeoutMs: 60_000 });
    expect(r.signal).toBeNull();
    expect(r.stderr).toMatch(/3 sample answers played/);
  }, 60_000);
});
