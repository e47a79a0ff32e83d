import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { schemaRef } from '../../src/commands/new.js';

// `mockloop new` as a user runs it: write a template, validate it, play its samples.

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

const home = mkdtempSync(path.join(tmpdir(), 'mockloop-new-home-'));
const work = mkdtempSync(path.join(tmpdir(), 'mockloop-new-'));
afterAll(() => {
  rmSync(home, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

function mockloop(args: string[], cwd = process.cwd()): Run {
  const r = spawnSync(process.execPath, [path.resolve('bin/mockloop.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', MOCKLOOP_SCENARIOS: '', MOCKLOOP_HOME: home },
    timeout: 30000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const STACK_LINE = /^\s+at .+\(.*:\d+:\d+\)$|^\s+at file:/m;
const REPO_SCHEMA = path.resolve('schemas/scenario.schema.json');

interface Sample {
  id: string;
  answers: string[];
  expect: Record<string, number | [number, number]>;
}

interface Played {
  transcript: { role: string; text: string }[];
  debrief: { signals: { id: string; level: number }[] };
}

describe.each(['incident', 'design', 'behavioral'])('mockloop new --kind %s', (kind) => {
  const dir = path.join(work, kind);
  const id = `our-${kind}-round`;
  const file = path.join(dir, `${id}.yaml`);
  const written = mockloop(['new', id, '--kind', kind, '--dir', dir]);

  it('writes <dir>/<id>.yaml, prints its path on stdout and the next steps on stderr', () => {
    expect(written.status).toBe(0);
    expect(written.stdout).toBe(`${file}\n`);
    expect(written.stderr).toContain(`mockloop validate ${file}`);
    expect(written.stderr).toContain(`mockloop run ${file}`);
  });

  it('starts with the schema modeline and carries the id, with comments throughout', () => {
    const text = readFileSync(file, 'utf8');
    // a temp dir is outside this package and has no node_modules/mockloop: the absolute path
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=${REPO_SCHEMA}`);
    expect(text).not.toContain('__ID__');
    const doc = parse(text) as { id: string; kind: string; samples: Sample[] };
    expect(doc).toMatchObject({ id, kind });
    expect(text.split('\n').filter((l) => /^\s*#/.test(l)).length).toBeGreaterThan(25);
  });

  it('passes mockloop validate as written', () => {
    const r = mockloop(['validate', file]);
    expect(r.stdout).toBe('');
    expect(r.status).toBe(0);
  });

  const samples = (parse(readFileSync(path.join('templates', `${kind}.yaml`), 'utf8')) as { samples: Sample[] }).samples;

  it('has a strong and a weak sample', () => {
    expect(samples.map((s) => s.id)).toEqual(expect.arrayContaining(['strong', 'weak']));
  });

  it.each(samples.map((s) => [s.id, s] as const))('plays sample %s with mockloop run and lands where it expects', (sampleId, sample) => {
    const answers = path.join(dir, `${sampleId}.answers.yaml`);
    writeFileSync(answers, stringify(sample.answers));
    const r = mockloop(['run', file, '--answers', answers, '--json', '--no-save']);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.status).toBe(0);
    const played = JSON.parse(r.stdout) as Played;
    const typed = played.transcript.filter((t) => t.role === 'candidate').map((t) => t.text);
    expect(typed.length).toBeGreaterThan(0);
    for (const [signal, want] of Object.entries(sample.expect)) {
      const [lo, hi] = typeof want === 'number' ? [want, want] : want;
      const got = played.debrief.signals.find((s) => s.id === signal)?.level;
      expect({ signal, level: got }).toEqual({ signal, level: expect.toSatisfy((l: number) => l >= lo && l <= hi) });
    }
  });
});

describe('mockloop new: problems', () => {
  const cases: [name: string, args: string[], stderr: RegExp][] = [
    ['an id with capitals', ['new', 'Bad_Id', '--kind', 'incident'], /^error: invalid scenario id "Bad_Id"/],
    ['an id starting with a hyphen', ['new', '-x', '--kind', 'design'], /./],
    ['an unknown kind', ['new', 'fine-id', '--kind', 'quiz'], /quiz/],
    ['no kind', ['new', 'fine-id'], /--kind/],
    ['a built-in scenario id', ['new', 'payment-auth-3am', '--kind', 'incident'], /already a built-in scenario id/],
  ];
  it.each(cases)('%s: exit 1, a one-line message, no file', (_name, args, stderr) => {
    const cwd = mkdtempSync(path.join(work, 'bad-'));
    const r = mockloop(args, cwd);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(stderr);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.stdout).toBe('');
    expect(spawnSync('ls', ['-A', cwd], { encoding: 'utf8' }).stdout).toBe('');
  });

  it('an invalid id is reported on one line', () => {
    const r = mockloop(['new', 'Bad_Id', '--kind', 'incident'], work);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('an existing file: refused without --force (naming it), replaced with --force', () => {
    const dir = mkdtempSync(path.join(work, 'exists-'));
    const file = path.join(dir, 'mine.yaml');
    writeFileSync(file, 'my own work\n');
    const refused = mockloop(['new', 'mine', '--kind', 'behavioral', '--dir', dir]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(file);
    expect(refused.stderr).toMatch(/already exists.*--force/);
    expect(readFileSync(file, 'utf8')).toBe('my own work\n');

    const forced = mockloop(['new', 'mine', '--kind', 'behavioral', '--dir', dir, '--force']);
    expect(forced.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^# yaml-language-server/);
  });

  it('the path is shown relative when writing under the current directory', () => {
    const cwd = mkdtempSync(path.join(work, 'rel-'));
    const r = mockloop(['new', 'here', '--kind', 'design', '--dir', 'packs'], cwd);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${path.join('packs', 'here.yaml')}\n`);
  });

  it('a --dir that is a file: exit 1, says why', () => {
    const notDir = path.join(work, 'plain-file');
    writeFileSync(notDir, 'x');
    const r = mockloop(['new', 'x', '--kind', 'incident', '--dir', notDir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/not a directory/);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it.skipIf(process.getuid?.() === 0)('an unwritable directory: exit 1, permission denied', () => {
    const dir = mkdtempSync(path.join(work, 'ro-'));
    chmodSync(dir, 0o555);
    try {
      const r = mockloop(['new', 'x', '--kind', 'incident', '--dir', dir]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/permission denied/);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    } finally {
      chmodSync(dir, 0o755);
    }
  });
});

describe('schemaRef: where the modeline points', () => {
  const pkg = path.resolve('/repo/mockloop');
  const installed = (root: string) => (f: string) => f === path.join(root, 'node_modules', 'mockloop', 'schemas', 'scenario.schema.json');
  const cases: [where: string, dir: string, exists: (f: string) => boolean, want: string][] = [
    ["this package's scenarios/", path.join(pkg, 'scenarios'), () => false, '../schemas/scenario.schema.json'],
    ['deeper inside this package', path.join(pkg, 'test', 'fixtures'), () => false, '../../schemas/scenario.schema.json'],
    ['a project with mockloop installed', '/team/drills', installed('/team/drills'), './node_modules/mockloop/schemas/scenario.schema.json'],
    ['a folder below that project', '/team/drills/incidents', installed('/team/drills'), '../node_modules/mockloop/schemas/scenario.schema.json'],
    ['anywhere else', '/tmp/somewhere', () => false, path.join(pkg, 'schemas', 'scenario.schema.json')],
  ];
  it.each(cases)('%s', (_where, dir, exists, want) => {
    expect(schemaRef(path.resolve(dir), pkg, exists)).toBe(want);
  });

  it('a real directory with node_modules/mockloop: the written file points there', () => {
    const project = mkdtempSync(path.join(work, 'project-'));
    const schemaDir = path.join(project, 'node_modules', 'mockloop', 'schemas');
    mkdirSync(schemaDir, { recursive: true });
    writeFileSync(path.join(schemaDir, 'scenario.schema.json'), '{}');
    const r = mockloop(['new', 'drill-one', '--kind', 'incident'], project);
    expect(r.status).toBe(0);
    expect(readFileSync(path.join(project, 'drill-one.yaml'), 'utf8').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=./node_modules/mockloop/schemas/scenario.schema.json',
    );
  });
});
