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

// scoring a 1,500-word answer against the whole rubric
const { loadRubric } = await import(join(root, 'dist/content/index.js'));
const { compileRubric, scoreText, analyze } = await import(join(root, 'dist/scoring/index.js'));
const rubric = compileRubric((await loadRubric()).rubric);
const storyDir = join(root, 'test/fixtures/stories');
let corpus = readdirSync(storyDir)
  .filter((f) => f.endsWith('.md') && /-[34]-/.test(f))
  .map((f) => readFileSync(join(storyDir, f), 'utf8'))
  .join('\n\n');
const words = corpus.split(/\s+/);
const answer = words.slice(0, 1500).join(' ');
const wordCount = analyze(answer).words;
for (let i = 0; i < 20; i++) scoreText(answer, rubric);
const scoreTimes = [];
for (let i = 0; i < 200; i++) {
  const t0 = performance.now();
  scoreText(answer, rubric);
  scoreTimes.push(performance.now() - t0);
}
const scoreMs = median(scoreTimes);
row(`scoring a ${wordCount}-word answer`, `${scoreMs.toFixed(2)} ms`, 'median < 5 ms');
row('  fastest of those runs', `${Math.min(...scoreTimes).toFixed(2)} ms`, '(less disturbed by other load)');
row('scoring throughput', `${Math.round(wordCount / (scoreMs / 1000)).toLocaleString('en')} words/s`);
// linear growth: 4x the text should cost about 4x
const long = Array.from({ length: 4 }, () => answer).join('\n\n');
const longTimes = [];
for (let i = 0; i < 50; i++) {
  const t0 = performance.now();
  scoreText(long, rubric);
  longTimes.push(performance.now() - t0);
}
row('scoring 4x that answer', `${median(longTimes).toFixed(2)} ms ${(median(longTimes) / scoreMs).toFixed(1)}x`, '~4x (linear)');

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
  const budgetMs = 3000;
  const gens = {
    '"I " x n + "by default."': (n) => 'I '.repeat(n) + 'by default.',
    'a long run of spaces': (n) => 'We paged the team.' + ' '.repeat(n * 2) + 'It recovered.',
    'a long run of spaces inside a list': (n) => 'runbook,' + ' '.repeat(n * 2) + 'x, SLO, burn rate',
    'numbers': (n) => Array.from({ length: n }, (_, i) => i).join(' '),
    'clock times': (n) => '12:30 '.repeat(n),
    '"not " x n': (n) => 'not '.repeat(n) + 'failing open.',
    '"I would " x n': (n) => 'I would '.repeat(n) + 'fail open.',
    'hyphenated words': (n) => 'on-call-'.repeat(n),
    'one endless sentence of red flags': (n) => 'I fixed it alone and kept it to myself and '.repeat(Math.ceil(n / 10)),
    'one endless sentence of prose': (n) => 'we rate limited the partner queue and paged the incident manager and '.repeat(Math.ceil(n / 12)),
  };
  console.log('\nadversarial inputs (scoring against the whole rubric)');
  for (const [name, gen] of Object.entries(gens)) {
    const small = gen(25_000);
    const large = gen(100_000);
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
