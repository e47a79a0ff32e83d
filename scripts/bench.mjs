#!/usr/bin/env node
// Prints speed and memory figures for mockloop on this machine. Figures, not pass/fail:
// start-up is reported as a ratio against bare `node -e 0` measured in the same run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'mockloop.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function timeCommand(args, opts = {}) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', ...opts });
    times.push(performance.now() - t0);
    if (r.status !== 0 && !opts.allowFail) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  return median(times);
}

function row(name, value, target) {
  console.log(`${name.padEnd(44)} ${String(value).padStart(14)}   ${target ?? ''}`);
}

console.log(`mockloop bench: node ${process.version}, ${RUNS} runs per start-up figure (median)\n`);
console.log(`${'measure'.padEnd(44)} ${'figure'.padStart(14)}   target`);

// start-up
const bare = timeCommand(['-e', '0']);
row('bare node -e 0', `${bare.toFixed(1)} ms`);
const version = timeCommand([bin, '--version']);
row('mockloop --version', `${version.toFixed(1)} ms ${(version / bare).toFixed(2)}x`, '<= 1.5x bare node');
const list = timeCommand([bin, 'list']);
row('mockloop list', `${list.toFixed(1)} ms ${(list / bare).toFixed(2)}x`, '<= 2.5x bare node');

// scoring answers against the whole rubric: many different answers, not one text repeated. Each
// answer is the story fixtures (test/fixtures/stories, never the calibration corpus's sealed
// fold) in a different seeded order, cut to the length wanted at a word boundary.
const { loadRubric } = await import(join(root, 'dist/content/index.js'));
const { compileRubric, scoreText, analyze } = await import(join(root, 'dist/scoring/index.js'));
const rubric = compileRubric((await loadRubric()).rubric);
const storyDir = join(root, 'test/fixtures/stories');
const stories = readdirSync(storyDir)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => readFileSync(join(storyDir, f), 'utf8').trim());
let seed = 12345;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
/** `count` answers of `words` words each, every one the stories in its own order. */
function answers(count, words) {
  return Array.from({ length: count }, () => {
    const order = stories.map((s) => [random(), s]).sort((x, y) => x[0] - y[0]).map(([, s]) => s);
    let pieces = [];
    while (pieces.length < words) pieces = pieces.concat(order.join('\n\n').split(/(?<=\s)/));
    return pieces.slice(0, words).join('').trim();
  });
}
function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
}
/** Times to score each answer, `rounds` times over, after one warm-up round. */
function scoreTimes(texts, rounds) {
  for (const t of texts) scoreText(t, rubric);
  const out = [];
  for (let r = 0; r < rounds; r++) {
    for (const t of texts) {
      const t0 = performance.now();
      scoreText(t, rubric);
      out.push(performance.now() - t0);
    }
  }
  return out;
}
const SCORE_ROUNDS = Number(process.env.BENCH_SCORE_ROUNDS ?? 5);
const typical = answers(40, 1500);
const times = scoreTimes(typical, SCORE_ROUNDS);
const meanWords = Math.round(typical.reduce((n, t) => n + analyze(t).words, 0) / typical.length);
const scoreMs = median(times);
row(`scoring ${typical.length} different ${meanWords}-word answers`, `${scoreMs.toFixed(2)} ms`, `median < 3 ms: ${scoreMs < 3 ? 'ok' : 'OVER BUDGET'}`);
row('  p95', `${percentile(times, 0.95).toFixed(2)} ms`);
row('  fastest', `${Math.min(...times).toFixed(2)} ms`, '(least disturbed by other load)');
row('scoring throughput', `${Math.round(meanWords / (scoreMs / 1000)).toLocaleString('en')} words/s`);
// linear growth: the time per word stays about the same from 500 to 6,000 words
{
  const perWord = [];
  for (const [count, words] of [[40, 500], [20, 1500], [10, 6000]]) {
    const texts = answers(count, words);
    const t = median(scoreTimes(texts, SCORE_ROUNDS));
    const w = texts.reduce((n, x) => n + analyze(x).words, 0) / texts.length;
    perWord.push((1000 * t) / w);
    row(`  time per word at ${words.toLocaleString('en')} words`, `${((1000 * t) / w).toFixed(2)} us`, `median ${t.toFixed(2)} ms`);
  }
  const spread = Math.max(...perWord) / Math.min(...perWord);
  row('  linearity (largest / smallest per word)', `${spread.toFixed(2)}x`, `< 2x: ${spread < 2 ? 'ok' : 'NOT LINEAR'}`);
}

// validating 1,000 generated scenario files: `mockloop new` writes an incident round, copied
// under 1,000 ids without its samples (structure, schema, references and patterns are what
// scale with the number of files); playing samples is measured on the built-in content below.
const dir = mkdtempSync(join(tmpdir(), 'mockloop-bench-'));
try {
  const made = spawnSync(process.execPath, [bin, 'new', 'bench-base', '--kind', 'incident', '--dir', dir], { cwd: root, encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`mockloop new failed: ${made.stderr}`);
  const base = readFileSync(join(dir, 'bench-base.yaml'), 'utf8').replace(/\nsamples:[\s\S]*$/, '\n');
  rmSync(join(dir, 'bench-base.yaml'));
  for (let i = 0; i < 1000; i++) {
    writeFileSync(join(dir, `generated-${i}.yaml`), base.replace(/^id: .*$/m, `id: generated-${i}`));
  }
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [bin, 'validate', dir], { cwd: root, encoding: 'utf8' });
  const ms = performance.now() - t0;
  row('validating 1,000 scenario files', r.status === 0 ? `${(ms / 1000).toFixed(2)} s` : `failed (${r.status})`, 'under 3 s');
  if (r.status !== 0) console.log((r.stdout + r.stderr).split('\n').slice(0, 3).join('\n'));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
{
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [bin, 'validate'], { cwd: root, encoding: 'utf8' });
  const ms = performance.now() - t0;
  row('validate built-in content, samples played', r.status === 0 ? `${(ms / 1000).toFixed(2)} s` : `failed (${r.status})`);
}

// peak memory of a full scripted round
const scenarioText = readFileSync(join(root, 'scenarios/payment-auth-3am.yaml'), 'utf8');
const rss = "process.on('exit',()=>process.stderr.write('MAXRSS '+process.resourceUsage().maxRSS+'\\n'))";
const answersDir = mkdtempSync(join(tmpdir(), 'mockloop-bench-'));
try {
  const { parse } = await import('yaml');
  const doc = parse(scenarioText);
  const sample = doc.samples?.[0]?.id;
  const turns = doc.samples?.[0]?.answers ?? [];
  const answersFile = join(answersDir, 'answers.yaml');
  writeFileSync(answersFile, JSON.stringify(turns));
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    [`--import=data:text/javascript,${encodeURIComponent(rss)}`, bin, 'run', 'payment-auth-3am', '--answers', answersFile, '--json', '--no-save'],
    { cwd: root, encoding: 'utf8', env: { ...process.env, MOCKLOOP_HOME: answersDir } },
  );
  const ms = performance.now() - t0;
  const kb = Number(/MAXRSS (\d+)/.exec(r.stderr ?? '')?.[1] ?? NaN);
  if (r.status === 0 && Number.isFinite(kb)) {
    row(`full scripted round (${sample ?? 'sample'}, ${turns.length} turns)`, `${(kb / 1024).toFixed(1)} MiB peak`, 'reported');
    row('  its wall time', `${ms.toFixed(0)} ms`);
  } else {
    row('full scripted round', `failed (${r.status})`, (r.stderr ?? '').split('\n')[0]);
  }
} finally {
  rmSync(answersDir, { recursive: true, force: true });
}

// adversarial inputs: text built to be slow. Each is scored at two sizes; 4x the text should cost
// about 4x (linear), and the larger one stays inside its budget.
{
  const head = 'we paged the incident manager and declared an incident and rolled back the deploy and wrote a runbook and ';
  const noPunctuation = stories.join(' ').replace(/[.!?;:,()\n—–-]/g, ' ');
  const gens = {
    '40 KB of spaces': [(n) => ' '.repeat(n), 500],
    '40 KB of spaces inside a long sentence': [(n) => `${head}${' '.repeat(n / 2)};${' '.repeat(n / 2)}and we load tested at twice the peak.`, 1000],
    'a long run of spaces between sentences': [(n) => 'We paged the team.' + ' '.repeat(n) + 'It recovered.', 500],
    'a long run of spaces inside a list': [(n) => 'runbook,' + ' '.repeat(n) + 'x, SLO, burn rate', 500],
    '96 KB sentence: red flags every few words': [(n) => 'I fixed it alone and kept it to myself and '.repeat(Math.ceil(n / 43)), 2000],
    '96 KB sentence: refused proposals': [(n) => 'the team wanted to skip the dry run and I said no and '.repeat(Math.ceil(n / 53)), 2000],
    '96 KB sentence: pattern-start words': [(n) => 'we load tested the capacity of the queue and paged and rolled back and '.repeat(Math.ceil(n / 72)), 2000],
    '"I " x n + "by default."': [(n) => 'I '.repeat(n / 2) + 'by default.', 2000],
    'one word repeated': [(n) => 'alert '.repeat(Math.ceil(n / 6)), 1000],
    '"not " x n': [(n) => 'not '.repeat(n / 4) + 'failing open.', 1000],
    '"I would " x n': [(n) => 'I would '.repeat(n / 8) + 'fail open.', 2000],
    'no punctuation (the stories run together)': [(n) => noPunctuation.repeat(Math.ceil(n / noPunctuation.length)).slice(0, n), 2000],
    'numbers': [(n) => Array.from({ length: Math.ceil(n / 6) }, (_, i) => i).join(' '), 1000],
    'clock times': [(n) => '12:30 '.repeat(n / 6), 1000],
    'hyphenated words': [(n) => 'on-call-'.repeat(n / 8), 1000],
  };
  console.log('\nadversarial inputs (scoring against the whole rubric)');
  console.log(`${'input'.padEnd(44)} ${'figure'.padStart(14)}   budget`);
  for (const [name, [gen, budgetMs]] of Object.entries(gens)) {
    const size = name.startsWith('40 KB') ? 40_000 : 96_000;
    const small = gen(size / 4);
    const large = gen(size);
    const time = (text) => {
      const t0 = performance.now();
      scoreText(text, rubric);
      return performance.now() - t0;
    };
    time(small);
    const a = Math.min(time(small), time(small));
    const b = Math.min(time(large), time(large));
    const verdict = b <= budgetMs ? 'ok' : 'OVER BUDGET';
    row(`  ${name}`, `${b.toFixed(0)} ms ${(b / a).toFixed(1)}x`, `${(large.length / 1024).toFixed(0)} KB in < ${budgetMs} ms, ~4x the 1/4 size: ${verdict}`);
  }
}

// a round fed slash commands until the turn cap: the cost of a step stays flat
{
  const { prepareRound, createRound, step, MAX_INPUTS } = await import(join(root, 'dist/round/engine.js'));
  const { resolveScenario } = await import(join(root, 'dist/content/index.js'));
  const { scenario } = await resolveScenario('payment-auth-3am', {});
  const ctx = prepareRound(scenario, rubric);
  let state = step(ctx, createRound(ctx, { seed: 1, untimed: true }), { type: 'start' }, 0).state;
  const per = [];
  for (let i = 1; i <= MAX_INPUTS; i++) {
    const t0 = performance.now();
    state = step(ctx, state, { type: 'command', command: 'time' }, i * 1000).state;
    per.push(performance.now() - t0);
  }
  const first = median(per.slice(0, 100));
  const last = median(per.slice(-100));
  row(`/time x ${MAX_INPUTS}: a step, first 100 vs last 100`, `${first.toFixed(3)} / ${last.toFixed(3)} ms`, `flat (last <= 3x first): ${last <= 3 * first ? 'ok' : 'NOT FLAT'}`);
}

// Ctrl-C while a long answer is scored: from the signal to the exit
{
  const { spawn } = await import('node:child_process');
  const home = mkdtempSync(join(tmpdir(), 'mockloop-bench-'));
  try {
    const child = spawn(process.execPath, [bin, 'run', 'payment-auth-design'], { cwd: root, env: { ...process.env, MOCKLOOP_HOME: home, NO_COLOR: '1' } });
    child.stdout.resume();
    child.stderr.resume();
    child.stdin.write(`${'I '.repeat(1_500_000)}by default.\n`);
    const sessions = join(home, 'sessions');
    const { existsSync, statSync } = await import('node:fs');
    const journaled = () => existsSync(sessions) && readdirSync(sessions).some((f) => f.endsWith('.jsonl') && statSync(join(sessions, f)).size > 3_000_000);
    while (!journaled()) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 200));
    const t0 = performance.now();
    child.kill('SIGINT');
    const code = await new Promise((r) => child.on('close', r));
    const ms = performance.now() - t0;
    row('Ctrl-C mid-scoring of a 3 MB answer', `${ms.toFixed(0)} ms (exit ${code})`, `< 1000 ms: ${ms < 1000 && code === 130 ? 'ok' : 'SLOW'}`);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
