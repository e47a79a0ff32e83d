import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { terminalSafe } from '../../src/io/output.js';
import { promptMessage } from '../../src/io/terminal.js';
import { mockloop, ROOT, UNSAFE, type Ran } from './cli.js';

// A scenario pack whose every prose string opens with a cursor-position query (ESC[6n, which made a
// terminal type its answer into the prompt), an OSC 52 clipboard write, an 8-bit CSI, bidi
// overrides, NUL and CR, played through every command. Nothing that could drive a terminal comes
// out: output is made safe where it is written, whatever the string came from.

const EVIL = '\u001b[6n\u001b]52;c;ZXZpbA==\u0007\u009b31m\u202eX\u202c\u2066\u0000\r';
const PROSE = new Set(
  'title summary prompt say text note says again otherwise fallbacks label tip why what expected redHerrings commonMistakes notes wrapUp day source severity answers'.split(' '),
);
function poison(v: unknown, key = ''): unknown {
  if (typeof v === 'string') return PROSE.has(key) ? EVIL + v : v;
  if (Array.isArray(v)) return v.map((x) => poison(x, key));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, poison(x, k)]));
  return v;
}

const tmp = mkdtempSync(join(tmpdir(), 'mockloop-output-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const pack = join(tmp, 'pack');
const broken = join(tmp, 'broken');
const home = join(tmp, 'home');
const env = { MOCKLOOP_HOME: home, MOCKLOOP_SCENARIOS: pack };
const answers = join(tmp, 'answers.yaml');
let id = '';

beforeAll(async () => {
  mkdirSync(pack);
  for (const [file, newId] of [['payment-auth-3am.yaml', 'evil-3am'], ['payment-auth-design.yaml', 'evil-design'], ['hiring-manager-backend.yaml', 'evil-behavioral']] as const) {
    const doc = poison(parse(readFileSync(join(ROOT, 'scenarios', file), 'utf8'))) as Record<string, unknown>;
    doc.id = newId;
    writeFileSync(join(pack, `${newId}.yaml`), stringify(doc));
  }
  // problems that quote a key name and a file name holding the same controls
  mkdirSync(broken);
  writeFileSync(join(broken, `evil\u001b[6n\u202e.yaml`), `id: evil-broken\n"${EVIL.replace(/[\u0000\r]/g, '')}key": 1\n`);
  writeFileSync(answers, stringify([`${EVIL}I would check the queue depth on the partner integration`, 'Declare an incident and page the incident manager', '/panels', '/hint', '/time', '/end']));
  const r = await mockloop(['run', 'evil-3am', '--answers', answers], { env });
  expect(r.code, r.stderr).toBe(0);
  id = readdirSync(join(home, 'sessions')).find((f) => f.endsWith('.json'))!.replace(/\.json$/, '');
}, 120_000);

const clean = (r: Ran) => {
  expect(r.stdout).not.toMatch(UNSAFE);
  expect(r.stderr).not.toMatch(UNSAFE);
};

describe('a pack full of escapes, through every command', () => {
  it.each([
    ['list', ['list']],
    ['list --json', ['list', '--json']],
    ['list --kind incident', ['list', '--kind', 'incident']],
    ['validate the pack', ['validate', 'PACK']],
    ['validate a broken file (key and file names in problems)', ['validate', 'BROKEN']],
    ['run a broken file', ['run', 'BROKEN_FILE']],
    ['run incident', ['run', 'evil-3am', '--answers', 'ANSWERS', '--no-save']],
    ['run incident --json', ['run', 'evil-3am', '--answers', 'ANSWERS', '--json', '--no-save']],
    ['run design', ['run', 'evil-design', '--answers', 'ANSWERS', '--no-save']],
    ['run behavioral', ['run', 'evil-behavioral', '--answers', 'ANSWERS', '--no-save']],
    ['run --facilitator', ['run', 'evil-3am', '--answers', 'ANSWERS', '--facilitator', '--no-save']],
    ['debrief', ['debrief', 'ID']],
    ['debrief --format md', ['debrief', 'ID', '--format', 'md']],
    ['debrief --format json', ['debrief', 'ID', '--format', 'json']],
    ['debrief --full', ['debrief', 'ID', '--full']],
    ['history', ['history']],
    ['history --json', ['history', '--json']],
    ['score a story full of escapes', ['score', 'ANSWERS']],
  ])('%s', async (_name, args) => {
    const brokenFile = join(broken, readdirSync(broken)[0]!);
    const real = args.map((a) => ({ PACK: pack, BROKEN: broken, BROKEN_FILE: brokenFile, ANSWERS: answers, ID: id })[a] ?? a);
    const r = await mockloop(real, { env });
    expect(r.code === 0 || r.code === 1, r.stderr).toBe(true);
    clean(r);
    if (args[0] === 'validate' && args[1] === 'BROKEN') expect(r.stdout).toMatch(/evil\.yaml:2:1: unknown key "Xkey" in scenario/);
  }, 60_000);
});

describe('the prompt', () => {
  it("shows a phase title without its controls (inquirer draws it, so it is cleaned where it is built)", () => {
    const message = promptMessage({ state: {} as never, remainingMs: 60_000, phaseTitle: `${EVIL}Triage`, clock: '02:47' });
    expect(message).not.toMatch(UNSAFE);
    expect(message).toContain('Triage');
  });
});

describe('terminalSafe', () => {
  it('keeps colour only when asked, and nothing else that drives a terminal', () => {
    const text = `\u001b[31mred\u001b[39m ${EVIL} plain\ttab\nline`;
    expect(terminalSafe(text, false)).toBe('red X plain\ttab\nline');
    expect(terminalSafe(text, true)).toBe('\u001b[31mred\u001b[39m X plain\ttab\nline');
  });
});
