import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The interactive round in a real pseudo-terminal (tmux): prompts, slash commands, a pasted
// multi-line answer, Ctrl-C saving the round and exiting 130.

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
if (!hasTmux) console.warn('tty.test.ts: tmux is not installed; skipping the pseudo-terminal tests');

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'mockloop.js');
const home = mkdtempSync(join(tmpdir(), 'mockloop-tty-'));
const socket = `mockloop-test-${process.pid}`;
const session = 'round';

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function screen(): string {
  return tmux('capture-pane', '-p', '-J', '-S', '-200', '-t', session);
}

async function waitFor(pattern: RegExp, timeoutMs = 20_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < until) {
    last = screen();
    if (pattern.test(last)) return last;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${pattern}; screen:\n${last}`);
}

async function type(text: string): Promise<void> {
  tmux('send-keys', '-t', session, '-l', text);
  await sleep(80);
  tmux('send-keys', '-t', session, 'Enter');
}

afterAll(() => {
  if (hasTmux) spawnSync('tmux', ['-L', socket, 'kill-server']);
});

describe.skipIf(!hasTmux)('interactive round in a terminal', () => {
  it('plays the 3am page, answers /time and /panels, joins a paste, and saves on Ctrl-C with exit 130', async () => {
    const status = join(home, 'status');
    const cmd = `cd ${JSON.stringify(root)} && MOCKLOOP_HOME=${JSON.stringify(home)} NO_COLOR=1 node ${JSON.stringify(bin)} run payment-auth-3am; echo "exit=$?" > ${JSON.stringify(status)}; sleep 30`;
    tmux('new-session', '-d', '-s', session, '-x', '110', '-y', '50', cmd);

    await waitFor(/02:47 Saturday/);
    await waitFor(/left · 02:47/);

    await type("I'd look at how deep the queue to the bank is");
    await waitFor(/Northbridge integration/);
    await waitFor(/left · 02:52/);

    await type('/time');
    await waitFor(/left in the round\. Phase 1 of/);

    await type('/panels');
    await waitFor(/Asked for so far:\n.*02:47 .*Northbridge/);

    // a paste: two lines arriving at once are one answer
    tmux('set-buffer', '-b', 'paste', 'Check the database board.\nAnd the logs.\n');
    tmux('paste-buffer', '-b', 'paste', '-t', session);
    await waitFor(/payments-db/);
    await waitFor(/auth-api logs/);

    await sleep(200);
    tmux('send-keys', '-t', session, 'C-c');
    const after = await waitFor(/saved in /);
    expect(after).not.toMatch(/\n\s+at .*\.js/); // no stack trace
    expect(after).not.toMatch(/ExitPromptError/);

    const until = Date.now() + 5000;
    while (!existsSync(status) && Date.now() < until) await sleep(100);
    expect(readFileSync(status, 'utf8').trim()).toBe('exit=130');

    // the path printed is the saved round: a journal (.jsonl, one event per line) or a record (.json)
    const path = /saved in (\S+)/.exec(after)![1]!;
    expect(path.startsWith(join(home, 'sessions'))).toBe(true);
    const text = readFileSync(path, 'utf8');
    const entries: { role: string; text: string }[] = path.endsWith('.jsonl')
      ? text
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as { type: string; entry?: { role: string; text: string } })
          .flatMap((e) => (e.type === 'effect' && e.entry ? [e.entry] : []))
      : (JSON.parse(text) as { transcript: { role: string; text: string }[] }).transcript;
    const turns = entries.filter((e) => e.role === 'candidate').map((e) => e.text);
    expect(turns).toEqual(["I'd look at how deep the queue to the bank is", '/time', '/panels', 'Check the database board.\nAnd the logs.']);
  }, 60_000);

  it('mockloop resume shows the round so far, carries on with the clock where it stopped, and finishes it', async () => {
    const status = join(home, 'status-resume');
    tmux('kill-session', '-t', session);
    const cmd = `cd ${JSON.stringify(root)} && MOCKLOOP_HOME=${JSON.stringify(home)} NO_COLOR=1 node ${JSON.stringify(bin)} resume; echo "exit=$?" > ${JSON.stringify(status)}; sleep 30`;
    tmux('new-session', '-d', '-s', session, '-x', '110', '-y', '50', cmd);

    const recap = await waitFor(/── resumed ──\n(?:.*\n)*?› \[/);
    expect(recap).toMatch(/Resuming Incident: .* So far:/);
    expect(recap).toMatch(/> I'd look at how deep the queue to the bank is/);
    // simulated time carries on from the last thing asked (02:52), not from the page
    expect(recap).toMatch(/› \[[^\]]*left · 02:5\d · The page\]/);
    expect(recap).not.toMatch(/› \[60m left/);

    await type('/end');
    await waitFor(/Saved: /);
    const until = Date.now() + 10_000;
    while (!existsSync(status) && Date.now() < until) await sleep(100);
    expect(readFileSync(status, 'utf8').trim()).toBe('exit=0');
    const record = readdirSync(join(home, 'sessions')).filter((f) => f.endsWith('.json'));
    expect(record).toHaveLength(1);
    const saved = JSON.parse(readFileSync(join(home, 'sessions', record[0]!), 'utf8')) as { transcript: { role: string; text: string }[] };
    expect(saved.transcript.filter((e) => e.role === 'candidate').map((e) => e.text)).toEqual([
      "I'd look at how deep the queue to the bank is",
      '/time',
      '/panels',
      'Check the database board.\nAnd the logs.',
      '/end',
    ]);
  }, 60_000);

  it('/edit opens $EDITOR on the question, sends only what was written, and says so when nothing was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mockloop-edit-'));
    const editor = join(dir, 'editor.sh');
    // first call: keep a copy of what the editor was given, then write an answer; later calls write nothing
    writeFileSync(
      editor,
      `#!/bin/sh\nif [ ! -e ${JSON.stringify(join(dir, 'seen.md'))} ]; then cp "$1" ${JSON.stringify(join(dir, 'seen.md'))}; printf 'We cap retries at two.\\nAnd shed load at the edge.\\n' >> "$1"; fi\n`,
    );
    chmodSync(editor, 0o755);
    tmux('kill-session', '-t', session);
    const cmd = `cd ${JSON.stringify(root)} && EDITOR=${JSON.stringify(editor)} MOCKLOOP_HOME=${JSON.stringify(dir)} NO_COLOR=1 node ${JSON.stringify(bin)} run payment-auth-design --json > ${JSON.stringify(join(dir, 'out.json'))}; sleep 30`;
    tmux('new-session', '-d', '-s', session, '-x', '110', '-y', '50', cmd);
    await waitFor(/Design a service that handles payment authorisation/);
    await waitFor(/› \[60m left/);

    await type('/edit');
    await waitFor(/ {2}We cap retries at two\.\n {2}And shed load at the edge\./);
    const seen = readFileSync(join(dir, 'seen.md'), 'utf8');
    expect(seen).toMatch(/^<!--\nThe interviewer asked:\nDesign a service that handles payment authorisation/);
    expect(seen).toMatch(/This comment is not sent\./);

    await type('/edit');
    await waitFor(/Nothing was written; back to the question\./);
    await type('/end');
    const until = Date.now() + 15_000;
    let out = '';
    while (Date.now() < until && !out.trim().endsWith('}')) {
      await sleep(200);
      out = existsSync(join(dir, 'out.json')) ? readFileSync(join(dir, 'out.json'), 'utf8') : '';
    }
    const played = JSON.parse(out) as { transcript: { role: string; text: string }[] };
    expect(played.transcript.filter((e) => e.role === 'candidate').map((e) => e.text)).toEqual(['We cap retries at two.\nAnd shed load at the edge.', '/end']);
  }, 60_000);
});
