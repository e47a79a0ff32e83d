import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limited, mockloop, STACK, UNSAFE, type Ran, type RunOptions } from './cli.js';

// The bad-input catalogue (docs/bad-input.md), one row per case: the real binary, the exit status,
// and the one line that names the file and the problem. No stack traces anywhere.

const BAD = 'test/fixtures/bad';
const tmp = mkdtempSync(join(tmpdir(), 'mockloop-bad-'));
const home = join(tmp, 'home');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const file = (name: string, body: string | Buffer): string => {
  const p = join(tmp, name);
  writeFileSync(p, body);
  return p;
};
const list = (turns: string[]) => turns.map((t) => `- ${JSON.stringify(t)}`).join('\n') + '\n';

// generated inputs: too big to commit, or built from the ones above
const big = file('big.yaml', `id: big\nsummary: "${'x'.repeat(10 * 1024 * 1024)}"\n`);
const dir = join(tmp, 'a-directory');
mkdirSync(dir);
const notList = file('not-a-list.yaml', 'answer: check the dashboards\n');
const nonString = file('non-string.yaml', '- check the dashboards\n- 42\n');
const emptyList = file('empty-list.yaml', '[]\n');
const ok = file('ok.yaml', list(['I would check the queue depth on the partner integration', 'Declare an incident and page the incident manager', '/end']));
const pasted = 'I checked the queue depth on the partner integration and declared an incident '.repeat(13_000);
const megabyte = file('megabyte.yaml', list([pasted, '/end']));
const EVIL = 'I checked the queue depth \u001b[2J\u001b[31mowned\u0007 and declared an incident\r over\u0008written \u202egnp.exe\u202c and paged the incident manager. \u001b]0;title\u0007 \u009b31m done.';
const evil = file('evil.yaml', list([EVIL, '/end']));

type Stream = 'stderr' | 'stdout';
interface Case {
  args: string[];
  opts?: RunOptions;
  code: number;
  /** The line that must appear (stderr unless `on` says stdout, as validate prints problems there). */
  message: RegExp;
  on?: Stream;
}

const P = (name: string) => `${BAD}/${name}`;
const runAnswers = (f: string) => ['run', 'payment-auth-3am', '--answers', f];

const cases: Record<string, Case> = {
  // content files, through validate (problems on stdout) and run <file> (on stderr)
  'validate malformed scenario': { args: ['validate', P('scenario-malformed.yaml')], code: 1, on: 'stdout', message: /scenario-malformed\.yaml:3:8: YAML syntax: missing closing "quote for the value that starts here/ },
  'validate unclosed quote in a list': { args: ['validate', P('scenario-unclosed-in-list.yaml')], code: 1, on: 'stdout', message: /^[^\n]*scenario-unclosed-in-list\.yaml:7:5: YAML syntax: missing closing "quote for the value that starts here\n$/ },
  'validate wrong types': { args: ['validate', P('scenario-wrong-types.yaml')], code: 1, on: 'stdout', message: /scenario-wrong-types\.yaml:4:10: minutes must be a number/ },
  'validate unknown key': { args: ['validate', P('scenario-unknown-key.yaml')], code: 1, on: 'stdout', message: /scenario-unknown-key\.yaml:7:1: unknown key "difficulty" in scenario/ },
  'validate malformed rubric': { args: ['validate', P('rubric-malformed.yaml')], code: 1, on: 'stdout', message: /rubric-malformed\.yaml:13:12: YAML syntax: missing closing "quote for the value that starts here/ },
  'validate rubric wrong types': { args: ['validate', P('rubric-wrong-types.yaml')], code: 1, on: 'stdout', message: /rubric-wrong-types\.yaml:5:23: hypotheticalCredit must be a number/ },
  'validate rubric unknown key': { args: ['validate', P('rubric-unknown-key.yaml')], code: 1, on: 'stdout', message: /rubric-unknown-key\.yaml:8:3: unknown key "curve" in scoring/ },
  'run malformed scenario': { args: ['run', P('scenario-malformed.yaml')], code: 1, message: /scenario-malformed\.yaml:3:8: YAML syntax: missing closing "quote for the value that starts here/ },
  'run wrong types': { args: ['run', P('scenario-wrong-types.yaml')], code: 1, message: /scenario-wrong-types\.yaml:5:10: signals must be a list/ },
  'run unknown key': { args: ['run', P('scenario-unknown-key.yaml')], code: 1, message: /scenario-unknown-key\.yaml:7:1: unknown key "difficulty" in scenario/ },
  'run malformed rubric': { args: ['run', P('rubric-malformed.yaml')], code: 1, message: /rubric-malformed\.yaml:13:12: YAML syntax: missing closing "quote for the value that starts here/ },
  'run a rubric file': { args: ['run', P('rubric-wrong-types.yaml')], code: 1, message: /rubric-wrong-types\.yaml:1:1: this is a rubric \(it has signals and storyBeats\), not a scenario/ },

  // unreadable files, for each command that reads one
  'validate alias bomb': { args: ['validate', P('scenario-alias-bomb.yaml')], code: 1, on: 'stdout', message: /alias-bomb\.yaml:7:8: too many alias expansions/ },
  'run alias bomb': { args: ['run', P('scenario-alias-bomb.yaml')], code: 1, message: /alias-bomb\.yaml:7:8: too many alias expansions/ },
  'answers alias bomb': { args: runAnswers(P('scenario-alias-bomb.yaml')), code: 1, message: /alias-bomb\.yaml: too many YAML alias expansions/ },
  'score alias bomb (it is text)': { args: ['score', P('scenario-alias-bomb.yaml')], code: 0, on: 'stdout', message: /Overall/ },
  'validate 10 MB': { args: ['validate', big], code: 1, on: 'stdout', message: /big\.yaml:1:1: file is too large \(\d+ bytes; the limit is 1 MiB\), not parsed/ },
  'run 10 MB': { args: ['run', big], code: 1, message: /big\.yaml:1:1: file is too large/ },
  'answers 10 MB': { args: runAnswers(big), code: 1, message: /big\.yaml: file is larger than 4 MiB/ },
  'score 10 MB': { args: ['score', big], code: 1, message: /big\.yaml: file is larger than 4 MiB/ },
  'validate binary': { args: ['validate', P('binary.yaml')], code: 1, on: 'stdout', message: /binary\.yaml:1:1: binary file \(contains NUL bytes\), expected YAML text/ },
  'run binary': { args: ['run', P('binary.yaml')], code: 1, message: /binary\.yaml:1:1: binary file/ },
  'answers binary': { args: runAnswers(P('binary.yaml')), code: 1, message: /binary\.yaml: this is a binary file, not text/ },
  'score binary': { args: ['score', P('binary.yaml')], code: 1, message: /binary\.yaml: this is a binary file, not text/ },
  'validate empty': { args: ['validate', P('empty.yaml')], code: 1, on: 'stdout', message: /empty\.yaml:1:1: file is empty/ },
  'run empty': { args: ['run', P('empty.yaml')], code: 1, message: /empty\.yaml:1:1: file is empty/ },
  'answers empty': { args: runAnswers(P('empty.yaml')), code: 1, message: /empty\.yaml: file is empty, expected a YAML list of strings/ },
  'score empty': { args: ['score', P('empty.yaml')], code: 1, message: /empty\.yaml: empty, nothing to score/ },
  'validate directory': { args: ['validate', dir], code: 1, on: 'stdout', message: /a-directory:1:1: no \.yaml or \.yml files in this directory/ },
  'run directory': { args: ['run', dir], code: 1, message: /a-directory:1:1: is a directory, expected a YAML file/ },
  'answers directory': { args: runAnswers(dir), code: 1, message: /a-directory: is a directory, expected a file/ },
  'score directory': { args: ['score', dir], code: 1, message: /a-directory: is a directory, expected a file/ },
  'validate not UTF-8': { args: ['validate', P('not-utf8.yaml')], code: 1, on: 'stdout', message: /not-utf8\.yaml:1:1: file is not valid UTF-8 text/ },
  'run not UTF-8': { args: ['run', P('not-utf8.yaml')], code: 1, message: /not-utf8\.yaml:1:1: file is not valid UTF-8 text/ },
  'answers not UTF-8': { args: runAnswers(P('not-utf8.yaml')), code: 1, message: /not-utf8\.yaml: not valid UTF-8 text/ },
  'score not UTF-8': { args: ['score', P('not-utf8.yaml')], code: 1, message: /not-utf8\.yaml: not valid UTF-8 text/ },

  // answers files
  'answers not a list': { args: runAnswers(notList), code: 1, message: /not-a-list\.yaml: expected a YAML list of strings, one per turn/ },
  'answers non-string entry': { args: runAnswers(nonString), code: 1, message: /non-string\.yaml: entry 2 is a number, expected a string/ },
  'answers empty list': { args: runAnswers(emptyList), code: 1, message: /empty-list\.yaml: the list is empty/ },

  // ids, options
  'unknown scenario id': { args: ['run', 'payment-auth-3pm'], code: 1, message: /^error: no such file or scenario "payment-auth-3pm"\nclosest ids: payment-auth-3am/ },
  'score --signal unknown': { args: ['score', '--signal', 'incident-judgment', P('../stories/salad-1.md')], code: 1, message: /unknown signal "incident-judgment"/ },
  'drill --signal unknown': { args: ['drill', '--signal', 'incident-judgment'], code: 1, message: /unknown signal "incident-judgment"; did you mean "incident-judgement"/ },
  'history --signal unknown': { args: ['history', '--signal', 'nope'], code: 1, message: /unknown signal "nope"/ },
  'score --format unknown': { args: ['score', '--format', 'xml', P('../stories/salad-1.md')], code: 1, message: /^error: option '--format <format>' argument 'xml' is invalid\. Allowed choices are text, md, json\.\nsee mockloop score --help/ },
  'debrief --format unknown': { args: ['debrief', 'x', '--format', 'xml'], code: 1, message: /argument 'xml' is invalid/ },
  '--minutes 0': { args: ['run', 'payment-auth-3am', '--minutes', '0'], code: 1, message: /--minutes: expected a number of minutes between 1 and 600, got "0"/ },
  '--minutes -5': { args: ['run', 'payment-auth-3am', '--minutes=-5'], code: 1, message: /--minutes: expected a number of minutes between 1 and 600, got "-5"/ },
  '--minutes abc': { args: ['run', 'payment-auth-3am', '--minutes', 'abc'], code: 1, message: /--minutes: expected a number of minutes between 1 and 600, got "abc"/ },
  '--minutes with --untimed': { args: ['run', 'payment-auth-3am', '--minutes', '5', '--untimed'], code: 1, message: /--minutes and --untimed cannot be used together/ },
  'drill --minutes 0': { args: ['drill', '--minutes', '0'], code: 1, message: /--minutes: expected a number/ },
  'unknown option': { args: ['run', 'payment-auth-3am', '--bogus'], code: 1, message: /^error: unknown option '--bogus'\nsee mockloop run --help/ },
  'unknown command': { args: ['frobnicate'], code: 1, message: /unknown command "frobnicate"/ },

  // no terminal, no input
  'menu without a terminal': { args: [], code: 1, message: /the menu needs a terminal; use `mockloop run <id>`/ },
  'run with stdin /dev/null': { args: ['run', 'payment-auth-3am'], code: 1, message: /no answers on stdin/ },
};

const results = new Map<string, Ran>();

beforeAll(async () => {
  const names = Object.keys(cases);
  const ran = await limited(names.map((n) => () => mockloop(cases[n]!.args, { env: { MOCKLOOP_HOME: home }, ...cases[n]!.opts })));
  names.forEach((n, i) => results.set(n, ran[i]!));
}, 240_000);

describe('bad input: exit status and one clear line', () => {
  it.each(Object.keys(cases))('%s', (name) => {
    const c = cases[name]!;
    const r = results.get(name)!;
    expect({ code: r.code, [c.on ?? 'stderr']: r[c.on ?? 'stderr'] }).toMatchObject({ code: c.code, [c.on ?? 'stderr']: expect.stringMatching(c.message) });
    expect(STACK.test(r.stdout + r.stderr)).toBe(false);
    expect(r.stderr).not.toMatch(/internal error/);
    if (c.code !== 0 && (c.on ?? 'stderr') === 'stderr') {
      // `error: …` and at most one line saying what to do, maybe after a blank line; a content
      // file may list one line per problem
      const lines = r.stderr.trim().split('\n');
      if (!/:\d+:\d+: /.test(lines[0]!) && !/interrupted/i.test(lines[0]!)) {
        expect(lines[0]).toMatch(/^error: /);
        expect(lines.length).toBeLessThanOrEqual(2);
      }
    }
  });
});

describe('a 1 MB answer in one turn', () => {
  let viaFile: Ran;
  let viaPipe: Ran;
  let json: Ran;
  beforeAll(async () => {
    const rs = await limited([
      () => mockloop([...runAnswers(megabyte), '--full'], { env: { MOCKLOOP_HOME: home } }),
      () => mockloop(['run', 'payment-auth-3am', '--no-save', '--full'], { input: `${pasted}\n/end\n` }),
      () => mockloop([...runAnswers(megabyte), '--json', '--no-save']),
    ]);
    [viaFile, viaPipe, json] = [rs[0]!, rs[1]!, rs[2]!];
  }, 180_000);

  it('is accepted and scored, from a file and from a pipe', () => {
    for (const r of [viaFile, viaPipe]) {
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Debrief/);
      expect(r.stdout).toMatch(/✓ Declared the incident/);
    }
  });

  it('the transcript echo and the debrief quote are clipped, not the whole megabyte', () => {
    for (const r of [viaFile, viaPipe]) {
      expect(r.stdout.length).toBeLessThan(100_000);
      expect(r.stdout).toMatch(/… \[[\d,]+ more characters\]/);
    }
  });

  it('the JSON keeps the answer as typed', () => {
    const out = JSON.parse(json.stdout) as { transcript: { role: string; text: string }[] };
    expect(out.transcript.find((e) => e.role === 'candidate')!.text).toBe(pasted);
  });

  it('debrief <id> re-prints it clipped as well', async () => {
    const id = /mockloop debrief (\S+?)\)?$/m.exec(viaFile.stderr)![1]!;
    const [text, md] = await limited([() => mockloop(['debrief', id], { env: { MOCKLOOP_HOME: home } }), () => mockloop(['debrief', id, '--format', 'md'], { env: { MOCKLOOP_HOME: home } })]);
    for (const r of [text!, md!]) {
      expect(r.code).toBe(0);
      expect(r.stdout.length).toBeLessThan(50_000);
    }
  });
});

describe('control characters and escape sequences in an answer', () => {
  const evilHome = join(tmp, 'evil-home');
  let live: Ran;
  let json: Ran;
  let reprints: Ran[];
  beforeAll(async () => {
    const rs = await limited([
      () => mockloop([...runAnswers(evil), '--full'], { env: { MOCKLOOP_HOME: evilHome } }),
      () => mockloop([...runAnswers(evil), '--json', '--no-save']),
    ]);
    [live, json] = [rs[0]!, rs[1]!];
    const id = /mockloop debrief (\S+?)\)?$/m.exec(live.stderr)![1]!;
    reprints = await limited(['text', 'md', 'json'].map((f) => () => mockloop(['debrief', id, '--format', f], { env: { MOCKLOOP_HOME: evilHome } })));
  }, 120_000);

  it('are stripped from the live transcript and the debrief', () => {
    expect(live.code).toBe(0);
    expect(live.stdout).toMatch(/> I checked the queue depth owned and declared an incident/);
    expect(live.stdout).toMatch(/“I checked the queue depth owned/);
    expect(UNSAFE.test(live.stdout)).toBe(false);
  });

  it('are stripped from debrief <id> re-prints in text and Markdown; the JSON escapes them', () => {
    for (const r of reprints) {
      expect(r.code).toBe(0);
      expect(UNSAFE.test(r.stdout)).toBe(false);
    }
  });

  it('the JSON keeps the text as typed, JSON-escaped', () => {
    expect(json.code).toBe(0);
    expect(UNSAFE.test(json.stdout)).toBe(false);
    expect(json.stdout).toContain('\\u001b[2J');
    expect(json.stdout).toContain('\\u202e');
    const out = JSON.parse(json.stdout) as { transcript: { role: string; text: string }[] };
    expect(out.transcript.find((e) => e.role === 'candidate')!.text).toBe(EVIL);
  });
});

describe('saving', () => {
  it('a data directory that cannot be written: says so once, plays on, exit 0', async () => {
    const blocker = file('a-file', 'x');
    const r = await mockloop(runAnswers(ok), { env: { MOCKLOOP_HOME: join(blocker, 'home') } });
    expect(r.code).toBe(0);
    expect(r.stderr.match(/cannot save rounds/g)).toHaveLength(1);
    expect(r.stderr).toMatch(/ENOTDIR|not a directory/i);
    expect(r.stdout).toMatch(/Debrief/);
  });

  // under /proc a directory can exist while nothing can be made in it; a naive mkdir -p spins there
  it.skipIf(!existsSync('/proc/self'))('a data directory under /proc: says so, plays on, and every command ends', async () => {
    const env = { MOCKLOOP_HOME: '/proc/mockloop-nope' };
    const r = await mockloop(runAnswers(ok), { env, timeoutMs: 20_000 });
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/cannot save rounds in \/proc\/mockloop-nope\/sessions: ENOENT/);
    const list = await mockloop(['list'], { env, timeoutMs: 20_000 });
    expect([list.signal, list.code]).toEqual([null, 0]);
    const made = await mockloop(['new', 'x', '--kind', 'incident', '--dir', '/proc/mockloop-nope/a'], { timeoutMs: 20_000 });
    expect([made.signal, made.code]).toEqual([null, 1]);
    expect(made.stderr).toMatch(/cannot create \/proc\/mockloop-nope\/a/);
  });

  it('two rounds saving at the same time: both saved, readable, and listed', async () => {
    const shared = join(tmp, 'shared-home');
    const both = await Promise.all([0, 1].map(() => mockloop([...runAnswers(ok), '--seed', '7'], { env: { MOCKLOOP_HOME: shared } })));
    expect(both.map((r) => r.code)).toEqual([0, 0]);
    // "Saved" names each round by the short ref history shows
    const refs = both.map((r) => /mockloop debrief (\S+?)\)?$/m.exec(r.stderr)![1]!);
    const files = readdirSync(join(shared, 'sessions'));
    const ids = refs.map((ref) => files.find((f) => f.endsWith(`-${ref}.json`))!.replace(/\.json$/, ''));
    expect(new Set(ids).size).toBe(2);
    for (const id of ids) {
      expect(files).toEqual(expect.arrayContaining([`${id}.json`, `${id}.jsonl`]));
      for (const l of readFileSync(join(shared, 'sessions', `${id}.jsonl`), 'utf8').trim().split('\n')) expect(() => JSON.parse(l)).not.toThrow();
    }
    const [history, ...debriefs] = await limited([() => mockloop(['history', '--json'], { env: { MOCKLOOP_HOME: shared } }), ...ids.map((id) => () => mockloop(['debrief', id, '--format', 'json'], { env: { MOCKLOOP_HOME: shared } }))]);
    expect((JSON.parse(history!.stdout) as { sessions: { id: string }[] }).sessions.map((s) => s.id).sort()).toEqual([...ids].sort());
    for (const d of debriefs) expect(d.code).toBe(0);
  }, 60_000);

  it('stdout closed early (| head): no stack trace, and the round is still saved', async () => {
    const pipeHome = join(tmp, 'pipe-home');
    const { spawn } = await import('node:child_process');
    const { BIN } = await import('./cli.js');
    const child = spawn(process.execPath, [BIN, ...runAnswers(ok)], { env: { ...process.env, NO_COLOR: '1', MOCKLOOP_HOME: pipeHome } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += String(d)));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(STACK.test(stderr)).toBe(false);
    expect(code).toBe(0);
    expect(readdirSync(join(pipeHome, 'sessions')).filter((f) => f.endsWith('.json'))).toHaveLength(1);
  });
});

describe('a corrupt journal, for debrief and history', () => {
  const jHome = join(tmp, 'journal-home');
  let good: string[];
  let id: string;
  beforeAll(async () => {
    const r = await mockloop(runAnswers(ok), { env: { MOCKLOOP_HOME: jHome } });
    id = basename(/^Saved: (\S+)\.json$/m.exec(r.stderr)![1]!);
    rmSync(join(jHome, 'sessions', `${id}.json`)); // an interrupted round: only the journal
    good = readFileSync(join(jHome, 'sessions', `${id}.jsonl`), 'utf8').trim().split('\n');
  }, 60_000);

  const journals: [string, () => string | Buffer, number, RegExp][] = [
    ['a garbage middle line', () => [...good.slice(0, 2), '{garbage', ...good.slice(2)].join('\n') + '\n', 0, /:3: not valid JSON; skipped/],
    ['a torn last line', () => good.join('\n').slice(0, -15), 0, /rebuilt by replaying the journal/],
    ['an empty file', () => '', 1, /not a mockloop journal \(no start event\)/],
    ['a binary file', () => Buffer.from([0, 1, 2, 0xff, 0xfe, 10, 0x89]), 1, /not a mockloop journal/],
  ];

  it.each(journals)('%s', async (_name, body, debriefCode, message) => {
    writeFileSync(join(jHome, 'sessions', `${id}.jsonl`), body());
    const [debrief, history, historyJson] = await limited([
      () => mockloop(['debrief', id], { env: { MOCKLOOP_HOME: jHome } }),
      () => mockloop(['history'], { env: { MOCKLOOP_HOME: jHome } }),
      () => mockloop(['history', '--json'], { env: { MOCKLOOP_HOME: jHome } }),
    ]);
    expect(debrief!.code).toBe(debriefCode);
    expect(debrief!.stderr).toMatch(message);
    if (debriefCode === 0) expect(debrief!.stdout).toMatch(/Debrief|interrupted/);
    expect(history!.code).toBe(0);
    expect(historyJson!.code).toBe(0);
    expect(() => JSON.parse(historyJson!.stdout)).not.toThrow();
    for (const r of [debrief!, history!, historyJson!]) expect(STACK.test(r.stdout + r.stderr)).toBe(false);
  }, 60_000);
});

describe('stdin is a pipe with nothing on it', () => {
  it('run does not hang or prompt', async () => {
    const r = await mockloop(['run', 'payment-auth-3am', '--no-save'], { input: '', timeoutMs: 30_000 });
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
    // the opening plays, the input ends, the interviewer wraps up: no prompt was shown
    expect(r.stdout).toMatch(/That's the round/);
    expect(r.stdout).not.toMatch(/^\? /m);
  });
});
