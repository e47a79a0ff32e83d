import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { displayWidth as textWidth } from '../../src/debrief/text.js';
import { BIN as bin, ROOT as root, exitStatus as statusOf, hasTmux, sleep, tmuxServer } from './tmux.js';

// The whole tool as a new user meets it, in a real 80x40 terminal (tmux): `mockloop` with no
// arguments, the menu driven with the arrow keys, two turns typed in plain words, /end, the
// debrief. Everything mockloop printed must fit 80 columns, and NO_COLOR must mean no colour.
//
// Two views of the output are checked:
// - the raw byte stream the program wrote (tmux pipe-pane), where colour would be an SGR
//   sequence `ESC [ ... m`. With NO_COLOR, inquirer still writes cursor movement (`ESC [1A`,
//   `ESC [2K`, `ESC [G`, `ESC [?25l`), which is not colour and is allowed; it writes no SGR at
//   all, not even a reset, so the assertion is simply "no SGR";
// - the screen as tmux rendered it, scrollback included (capture-pane -S -), with -J so a line
//   that tmux had to wrap comes back as one over-long line, and with -e so any colour or text
//   attribute on screen shows as SGR.

if (!hasTmux) console.warn('terminal80.test.ts: tmux is not installed; skipping the 80-column terminal tests');

const server = tmuxServer('t80');
const { tmux } = server;
const COLS = 80;
const ROWS = 40;

const SGR = /\x1b\[[0-9;:]*m/g;
const COLOUR_SGR = /\x1b\[(?:[0-9;]*;)?(?:3[0-79]|4[0-79]|9[0-7]|10[0-7]|38;[25];[0-9;]+)m/;
const ANY_ESCAPE = /\x1b/;

/** Display width in terminal columns, measured the way the renderers measure it, colour codes aside. */
function displayWidth(line: string): number {
  return textWidth(line.replace(SGR, ''));
}

/**
 * Lines wider than the terminal. A saved file's path is printed whole on a line of its own
 * ("Saved: /very/long/path.json") so it can be copied; that one line may wrap.
 */
function overWide(lines: string[]): string[] {
  return lines.filter((l) => displayWidth(l) > COLS && !/^Saved: \S+$/.test(l.replace(SGR, '')));
}

interface Round {
  name: string;
  home: string;
  raw: string;
  status: string;
}

/** Starts `mockloop` in an 80x40 tmux window, recording its raw output before it writes anything. */
async function start(name: string, env: Record<string, string>): Promise<Round> {
  const home = mkdtempSync(join(tmpdir(), 'mockloop-t80-'));
  const raw = join(home, 'raw.out');
  const status = join(home, 'status');
  const ready = join(home, 'ready');
  const assign = Object.entries({ MOCKLOOP_HOME: home, ...env })
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(' ');
  // a clean environment for colour and width: only what this case sets
  const cmd = [
    `cd ${JSON.stringify(root)}`,
    `while [ ! -e ${JSON.stringify(ready)} ]; do sleep 0.05; done`,
    `env -u NO_COLOR -u FORCE_COLOR -u COLUMNS -u LINES -u CI ${assign} node ${JSON.stringify(bin)}`,
  ].join(' && ');
  const wrapped = `${cmd}; echo "exit=$?" > ${JSON.stringify(status)}; sleep 120`;
  tmux('start-server', ';', 'set-option', '-g', 'history-limit', '20000', ';', 'new-session', '-d', '-s', name, '-x', String(COLS), '-y', String(ROWS), wrapped);
  tmux('pipe-pane', '-o', '-t', name, `cat > ${JSON.stringify(raw)}`);
  writeFileSync(ready, '');
  return { name, home, raw, status };
}

function visible(r: Round): string {
  return tmux('capture-pane', '-p', '-t', r.name);
}

/** The whole scrollback, wrapped lines joined; with escapes = true, attributes as SGR. */
const scrollback = (r: Round, escapes = false) => server.screen(r.name, escapes);
const waitFor = (r: Round, pattern: RegExp, timeoutMs = 25_000) => server.waitFor(r.name, pattern, timeoutMs);

/** In an inquirer select on screen, moves the ❯ with the Down key to the choice matching `label`, then Enter. */
async function pick(r: Round, label: RegExp): Promise<void> {
  for (let i = 0; i < 12; i++) {
    const current = visible(r)
      .split('\n')
      .find((l) => l.startsWith('❯'));
    if (current && label.test(current)) {
      tmux('send-keys', '-t', r.name, 'Enter');
      return;
    }
    tmux('send-keys', '-t', r.name, 'Down');
    const until = Date.now() + 3000;
    while (Date.now() < until && visible(r).split('\n').find((l) => l.startsWith('❯')) === current) await sleep(50);
  }
  throw new Error(`no choice matching ${label}; screen:\n${visible(r)}`);
}

const type = (r: Round, text: string) => server.type(r.name, text);
const exitStatus = (r: Round, timeoutMs = 25_000) => statusOf(r.status, timeoutMs);

/** From the menu to the first prompt of the 3am page. */
async function openPaymentAuth3am(r: Round): Promise<void> {
  await waitFor(r, /What do you want to practise\?/);
  await pick(r, /Incident/);
  await waitFor(r, /Which round\?/);
  await pick(r, /authorisation latency page/);
  await waitFor(r, /› \[40m left · 02:47 · The page\]/);
}

afterAll(() => server.kill());

describe('displayWidth', () => {
  it.each([
    ['plain', 'abc', 3],
    ['box drawing counts 1', '┌─ 02:47 │ └─', 13],
    ['bar blocks and marks count 1', '█░░ ✓ ✗ ⚑ ↵ · “q”', 17],
    ['SGR is not width', '\x1b[31mred\x1b[39m', 3],
    ['wide CJK counts 2', '日本', 4],
  ])('%s', (_name, text, width) => {
    expect(displayWidth(text)).toBe(width);
  });
});

describe('score output fits 80 columns', () => {
  const stories = join(root, 'test', 'fixtures', 'stories');
  const run = (...args: string[]) => {
    const env: NodeJS.ProcessEnv = { ...process.env, COLUMNS: String(COLS), NO_COLOR: '1' };
    delete env.FORCE_COLOR;
    return spawnSync(process.execPath, [bin, 'score', ...args], { encoding: 'utf8', env });
  };
  it.each([
    // a story bank with gaps: the closing "No solid story yet for: ..." lists several signals
    ['a story bank', ['pager-empathy-4-encode-the-throttle.md', 'cross-team-0-time-management.md', 'data-integrity-1-backups.md'], /No solid story yet for:/],
    // one story strong on several signals: "This story can be framed for N signals: ..."
    ['one story framed for several signals', ['incident-judgement-4-storage-sev1.md'], /framed for \d+ signals/],
  ])('%s', (_name, files, expected) => {
    const r = run(...files.map((f) => join(stories, f)));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(expected);
    expect(overWide(r.stdout.split('\n'))).toEqual([]);
  });
});

describe.skipIf(!hasTmux)('mockloop in an 80x40 terminal', () => {
  const turns = ['what does p95 latency look like right now?', 'check the queue depth on the partner integration'];

  it('with NO_COLOR: menu, two turns, /end, debrief; nothing wider than 80 columns, no colour, exit 0, round saved', async () => {
    const r = await start('nocolour', { NO_COLOR: '1' });
    await openPaymentAuth3am(r);

    await type(r, turns[0]!);
    await waitFor(r, /Grafana: auth-api overview/);
    await waitFor(r, /› \[[^\]]*left · 02:52 · The page\]/);
    await type(r, turns[1]!);
    await waitFor(r, /Northbridge integration/);
    await waitFor(r, /› \[[^\]]*left · 02:57 · The page\]/);
    await type(r, '/end');

    expect(await exitStatus(r)).toBe('exit=0');
    const text = scrollback(r);
    const lines = text.split('\n');

    // the debrief printed, and it is the debrief of this round
    const debriefAt = lines.findIndex((l) => l.startsWith('Debrief: Incident: the 3am authorisation latency page'));
    expect(debriefAt, text).toBeGreaterThan(0);
    const debrief = lines.slice(debriefAt);
    expect(debrief.join('\n')).toMatch(/^Overall /m);
    expect(debrief.join('\n')).toMatch(/^  Incident judgement under pressure .*[█░]{10}$/m);
    // the summary, with the commands that show every beat and the investigation
    expect(debrief.join('\n')).toMatch(/^More: mockloop debrief [0-9a-f]{4} --full/m);
    expect(debrief.join('\n')).toMatch(/^ {6}mockloop debrief [0-9a-f]{4} --timeline/m);
    expect(debrief.length).toBeGreaterThan(15);

    // everything fits: the menu, the page, the panels, the prompts, the debrief
    expect(overWide(lines)).toEqual([]);
    expect(overWide(debrief)).toEqual([]);
    // the one line allowed to wrap holds only the path
    expect(lines.filter((l) => l.startsWith('Saved: '))).toHaveLength(1);

    // no colour: not in the raw stream (cursor movement only), not on screen
    const raw = readFileSync(r.raw, 'utf8');
    expect(raw).toMatch(/\x1b\[(?:2K|1A|\?25l)/); // the recording worked: inquirer redraws its prompts
    expect(raw.match(SGR) ?? []).toEqual([]);
    expect(ANY_ESCAPE.test(scrollback(r, true))).toBe(false);

    // saved: one finished record holding the turns as typed
    const dir = join(r.home, 'sessions');
    const records = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(records).toHaveLength(1);
    expect(records[0]).toMatch(/payment-auth-3am/);
    const record = JSON.parse(readFileSync(join(dir, records[0]!), 'utf8')) as { transcript: { role: string; text: string }[] };
    expect(record.transcript.filter((e) => e.role === 'candidate').map((e) => e.text)).toEqual([...turns, '/end']);
  }, 90_000);

  it('with FORCE_COLOR=1 colour does appear (so the NO_COLOR check can fail), and still fits 80 columns', async () => {
    const r = await start('colour', { FORCE_COLOR: '1' });
    await openPaymentAuth3am(r);
    await type(r, turns[1]!);
    await waitFor(r, /Northbridge integration/);
    await waitFor(r, /› \[[^\]]*left · 02:52 · The page\]/);
    await type(r, '/end');

    expect(await exitStatus(r)).toBe('exit=0');
    const raw = readFileSync(r.raw, 'utf8');
    expect(raw).toMatch(COLOUR_SGR);
    const coloured = scrollback(r, true);
    expect(coloured).toMatch(COLOUR_SGR);
    // the debrief itself is coloured, not only inquirer's prompts
    const debriefStart = coloured.indexOf('Debrief:');
    expect(debriefStart).toBeGreaterThan(0);
    expect(coloured.slice(debriefStart)).toMatch(COLOUR_SGR);
    // colour codes do not throw the wrapping off
    expect(overWide(coloured.split('\n'))).toEqual([]);
  }, 90_000);
});
