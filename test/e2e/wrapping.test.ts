import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/debrief/text.js';
import { BIN, ROOT, exitStatus, hasTmux, sleep, tmuxServer } from './tmux.js';

// A whole round in a real terminal at 60 and at 120 columns, long answers included: every line
// mockloop (and the prompt library it uses) leaves on screen fits the width, starts where it
// means to, and breaks between words, never inside one.

if (!hasTmux) console.warn('wrapping.test.ts: tmux is not installed; skipping the real-terminal wrapping tests');

const server = tmuxServer('wrap');
const homes: string[] = [];
afterAll(() => {
  server.kill();
  for (const h of homes) rmSync(h, { recursive: true, force: true });
});

const answers = [
  'First I acknowledge the page so it stops escalating, then I confirm it is real on the auth-api overview: p95 latency, the error rate and throughput.',
  'Is it us? Show me our process metrics and the payments database, then the queue depth on the Northbridge partner integration.',
  'The partner is slowing down, not failing, so I declare a SEV-2 incident now and page the incident manager and the incident-comms role.',
  "I won't fail open: approvals we give now could be rejected when the partner catches up. I'll rate-limit new authorisations instead, accepting lower throughput.",
  '/skip',
  'In the review I walked through the timeline; my own contribution was that I had reviewed that runbook and never added the slowdown case, and we committed to two action items with owners.',
  '/end',
];

/** Every word mockloop could print here: the scenarios (the menu lists them all), the rubric and what was typed. */
function dictionary(): Set<string> {
  const scenarios = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml'));
  const text = [
    ...scenarios.map((f) => readFileSync(join(ROOT, 'scenarios', f), 'utf8')),
    readFileSync(join(ROOT, 'rubrics', 'backend-signals.yaml'), 'utf8'),
    ...answers,
  ].join('\n');
  return new Set(text.toLowerCase().match(/[a-z]+/g) ?? []);
}

/** Pairs of lines where a word seems cut in two: "exi" / "ts", "authoris" / "ations". */
function brokenWords(lines: string[], words: Set<string>): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const tail = /([A-Za-z]+)$/.exec(lines[i]!)?.[1];
    const head = /^\s*([a-z]+)/.exec(lines[i + 1]!)?.[1];
    if (!tail || !head) continue;
    const joined = `${tail}${head}`.toLowerCase();
    if (words.has(joined) && !(words.has(tail.toLowerCase()) && words.has(head))) out.push(`${lines[i]}⏎${lines[i + 1]}`);
  }
  return out;
}

async function pick(name: string, label: RegExp): Promise<void> {
  for (let i = 0; i < 12; i++) {
    const screen = server.tmux('capture-pane', '-p', '-t', name);
    const current = screen.split('\n').find((l) => l.startsWith('❯'));
    if (current && label.test(current)) {
      server.tmux('send-keys', '-t', name, 'Enter');
      return;
    }
    server.tmux('send-keys', '-t', name, 'Down');
    await sleep(150);
  }
  throw new Error(`no choice matching ${label}`);
}

describe.skipIf(!hasTmux).each([60, 80, 120])('a round at %i columns', (cols) => {
  it('no line over the width, no stray leading space, no word broken in two', async () => {
    const home = mkdtempSync(join(tmpdir(), `mockloop-wrap-${cols}-`));
    homes.push(home);
    const name = `w${cols}`;
    const status = join(home, 'status');
    const cmd = `cd ${JSON.stringify(ROOT)} && env -u FORCE_COLOR -u COLUMNS -u LINES NO_COLOR=1 MOCKLOOP_HOME=${JSON.stringify(home)} node ${JSON.stringify(BIN)}; echo "exit=$?" > ${JSON.stringify(status)}; sleep 60`;
    server.tmux('start-server', ';', 'set-option', '-g', 'history-limit', '20000', ';', 'new-session', '-d', '-s', name, '-x', String(cols), '-y', '40', cmd);

    await server.waitFor(name, /What do you want to practise\?/);
    await pick(name, /Incident/);
    await server.waitFor(name, /Which round\?/);
    await sleep(300);
    // the menu as it stands, its descriptions wrapped under the list
    const menu = server.tmux('capture-pane', '-p', '-J', '-t', name).split('\n').map((l) => l.trimEnd());
    const words = dictionary();
    expect(menu.filter((l) => displayWidth(l) > cols)).toEqual([]);
    expect(menu.filter((l) => /^ \S/.test(l))).toEqual([]);
    expect(brokenWords(menu, words)).toEqual([]);
    await pick(name, /authorisation latency page/);
    let prompts = 1;
    await server.waitFor(name, /› \[40m left · 02:47/);
    for (const answer of answers) {
      await server.type(name, answer);
      if (answer === '/end') break;
      // the next prompt: one more "›" line on screen than before
      prompts += 1;
      const until = Date.now() + 20_000;
      while (Date.now() < until && (server.screen(name).match(/^› \[/gm) ?? []).length < prompts) await sleep(100);
    }
    expect(await exitStatus(status, 30_000)).toBe('exit=0');

    // -J: a line the terminal had to wrap comes back whole, so its real width shows
    const lines = server.screen(name).split('\n').map((l) => l.trimEnd());
    const debriefAt = lines.findIndex((l) => l.startsWith('Debrief: '));
    expect(debriefAt, lines.join('\n')).toBeGreaterThan(0);

    expect(lines.filter((l) => displayWidth(l) > cols)).toEqual([]);
    expect(lines.filter((l) => /^ \S/.test(l))).toEqual([]);
    expect(brokenWords(lines, words)).toEqual([]);
    // the answers stay on screen as sent, whole words, each continuation under the first line
    const screen = lines.join('\n');
    expect(screen.replace(/\n {2}/g, ' ')).toContain(answers[0]!.slice(0, 60));
  }, 120_000);
});

describe.skipIf(!hasTmux)('the menu, once there is history', () => {
  it('offers to practise your weakest signal, and plays a drill of it', async () => {
    const home = homes.at(-1);
    expect(home, 'the rounds above saved into this home').toBeDefined();
    const name = 'weakest';
    const status = join(home!, 'status-menu');
    const cmd = `cd ${JSON.stringify(ROOT)} && env -u FORCE_COLOR NO_COLOR=1 MOCKLOOP_HOME=${JSON.stringify(home)} node ${JSON.stringify(BIN)}; echo "exit=$?" > ${JSON.stringify(status)}; sleep 60`;
    server.tmux('new-session', '-d', '-s', name, '-x', '100', '-y', '40', cmd);
    await server.waitFor(name, /What do you want to practise\?/);
    await server.waitFor(name, /Practise your weakest signal: /);
    await pick(name, /Practise your weakest signal/);
    await server.waitFor(name, /› \[10m left · /);
    await server.type(name, '/end');
    expect(await exitStatus(status, 30_000)).toBe('exit=0');
    expect(server.screen(name)).toMatch(/Debrief: Drill: /);
  }, 60_000);
});
