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
