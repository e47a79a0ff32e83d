import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';

// The package as a user gets it: npm pack, install the tarball into an empty project, run the
// installed binary. One install for the whole file; slow, so generous timeouts.

const repo = process.cwd();
const work = mkdtempSync(path.join(tmpdir(), 'mockloop-pack-'));
const project = path.join(work, 'project');
const home = path.join(work, 'home');
let files: string[] = [];
let installError = '';

function sh(cmd: string, args: string[], cwd: string, timeout = 150_000): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    timeout,
    env: { ...process.env, NO_COLOR: '1', MOCKLOOP_HOME: home, MOCKLOOP_SCENARIOS: '', npm_config_loglevel: 'error', npm_config_fund: 'false', npm_config_audit: 'false' },
  });
}

const NETWORK = /ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|network|socket hang up/i;

beforeAll(() => {
  const packed = sh('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], repo);
  if (packed.status !== 0) throw new Error(`npm pack failed:\n${packed.stderr}`);
  const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
  files = info!.files.map((f) => f.path);
  const tarball = path.join(work, path.basename(info!.filename));

  mkdirSync(project, { recursive: true });
  mkdirSync(home, { recursive: true });
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'drills', version: '1.0.0', private: true }));
  const installed = sh('npm', ['install', '--no-save', tarball], project);
  if (installed.status !== 0) {
    installError = NETWORK.test(installed.stderr)
      ? `npm install of the packed tarball failed for a network reason (is the registry reachable?):\n${installed.stderr}`
      : `npm install of the packed tarball failed:\n${installed.stderr}`;
  }
}, 180_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

function npx(args: string[]): SpawnSyncReturns<string> {
  return sh('npx', ['--no-install', 'mockloop', ...args], project, 60_000);
}

describe('npm pack', () => {
  it('ships bin, dist, scenarios, rubrics, schemas, templates and nothing else', () => {
    const top = [...new Set(files.map((f) => f.split('/')[0] ?? f))].sort();
    const extras = ['README.md', 'LICENSE', 'package.json'];
    expect(top.filter((t) => !extras.includes(t))).toEqual(['bin', 'dist', 'rubrics', 'scenarios', 'schemas', 'templates']);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => /(^|\/)(src|test)\//.test(f) || f.endsWith('.ts'))).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(['bin/mockloop.js', 'dist/cli.js', 'templates/incident.yaml', 'schemas/scenario.schema.json']));
  });

  it('every built-in scenario in the repository is in the package', () => {
    const scenarios = readdirSync(path.join(repo, 'scenarios')).filter((f) => f.endsWith('.yaml'));
    expect(files).toEqual(expect.arrayContaining(scenarios.map((f) => `scenarios/${f}`)));
  });
});

describe('the installed package', { timeout: 90_000 }, () => {
  it('installs', () => {
    expect(installError).toBe('');
    expect(existsSync(path.join(project, 'node_modules', '.bin', 'mockloop'))).toBe(true);
  });

  it('npx mockloop list shows the built-in scenarios', () => {
    if (installError) throw new Error(installError);
    const r = npx(['list']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const id of ['payment-auth-3am', 'payment-auth-design', 'hiring-manager-backend']) expect(r.stdout).toMatch(new RegExp(`^${id}\\b`, 'm'));
  });

  it('npx mockloop run payment-auth-3am --answers plays to a debrief', () => {
    if (installError) throw new Error(installError);
    const scenario = parse(readFileSync(path.join(repo, 'scenarios', 'payment-auth-3am.yaml'), 'utf8')) as { samples: { id: string; answers: string[] }[] };
    const answers = path.join(work, 'answers.yaml');
    writeFileSync(answers, stringify(scenario.samples[0]!.answers));
    const r = npx(['run', 'payment-auth-3am', '--answers', answers, '--json', '--no-save']);
    expect(r.status).toBe(0);
    const played = JSON.parse(r.stdout) as { transcript: { role: string }[]; debrief: { signals: { id: string }[] } };
    expect(played.transcript.some((t) => t.role === 'system')).toBe(true);
    expect(played.debrief.signals.map((s) => s.id)).toContain('incident-judgement');
  });

  it('npx mockloop new writes a template whose modeline points into node_modules, and it validates', () => {
    if (installError) throw new Error(installError);
    const r = npx(['new', 'team-drill', '--kind', 'incident']);
    expect(r.status).toBe(0);
    const text = readFileSync(path.join(project, 'team-drill.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./node_modules/mockloop/schemas/scenario.schema.json');
    const v = npx(['validate', 'team-drill.yaml']);
    expect(v.stdout).toBe('');
    expect(v.status).toBe(0);
  });
});
