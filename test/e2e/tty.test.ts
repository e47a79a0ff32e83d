import { chmodSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exitStatus, hasTmux, mockloopCommand, sleep, tmuxServer } from './tmux.js';

// The interactive round in a real pseudo-terminal (tmux): prompts, slash commands, a pasted
// multi-line answer, Ctrl-C saving the round and exiting 130.

if (!hasTmux) console.warn('tty.test.ts: tmux is not installed; skipping the pseudo-terminal tests');

const home = mkdtempSync(join(tmpdir(), 'mockloop-tty-'));
const server = tmuxServer('tty');
const { tmux } = server;
const session = 'round';
const waitFor = (pattern: RegExp, timeoutMs?: number) => server.waitFor(session, pattern, timeoutMs);
const type = (text: string) => server.type(session, text);

/** Opens the test's window on `mockloop <args>`; returns where its exit status lands. */
function start(args: string, opts: { home?: string; env?: string; status?: string } = {}): string {
  const status = opts.status ?? join(opts.home ?? home, 'status');
  // exit-empty off: killing the last window must not take the server down under the next test's new-session
  tmux('start-server', ';', 'set-option', '-g', 'exit-empty', 'off', ';', 'new-session', '-d', '-s', session, '-x', '110', '-y', '50', mockloopCommand({ home: opts.home ?? home, args, status, ...(opts.env ? { env: opts.env } : {}) }));
  return status;
}

afterAll(() => server.kill());

describe.skipIf(!hasTmux)('interactive round in a terminal', () => {
  it('plays the 3am page, answers /time and /panels, joins a paste, and saves on Ctrl-C with exit 130', async () => {
    const status = start('run payment-auth-3am');

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
    const after = await waitFor(/saved in\s[\s\S]*carry on/);
    expect(after).not.toMatch(/\n\s+at .*\.js/); // no stack trace
    expect(after).not.toMatch(/ExitPromptError/);

    expect(await exitStatus(status)).toBe('exit=130');

    // the path printed is the saved round: a journal (.jsonl, one event per line) or a record (.json),
    // laid out over lines that break only after a "/"
    const laidOut = /saved in\n([\s\S]*?)\n {2}carry on/.exec(after)![1]!.split('\n');
    for (const l of laidOut.slice(0, -1)) expect(l.endsWith('/')).toBe(true);
    const path = laidOut.join('');
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
    tmux('kill-session', '-t', session);
    const status = start('resume', { status: join(home, 'status-resume') });

    const recap = await waitFor(/── resumed ──\n(?:.*\n)*?› \[/);
    expect(recap).toMatch(/Resuming Incident: .* So far:/);
    expect(recap).toMatch(/> I'd look at how deep the queue to the bank is/);
    // simulated time carries on from the last thing asked (02:52), not from the page
    expect(recap).toMatch(/› \[[^\]]*left · 02:5\d · The page\]/);
    expect(recap).not.toMatch(/› \[60m left/);

    await type('/end');
    await waitFor(/Saved: /);
    expect(await exitStatus(status)).toBe('exit=0');
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
    const status = start(`run payment-auth-design --json > ${JSON.stringify(join(dir, 'out.json'))}`, { home: dir, env: `EDITOR=${JSON.stringify(editor)}` });
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
    expect(await exitStatus(status)).toBe('exit=0');
    const played = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as { transcript: { role: string; text: string }[] };
    expect(played.transcript.filter((e) => e.role === 'candidate').map((e) => e.text)).toEqual(['We cap retries at two.\nAnd shed load at the edge.', '/end']);
  }, 60_000);
});
