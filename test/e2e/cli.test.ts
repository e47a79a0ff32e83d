import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Drives the built binary as a user would; `npm test` builds first. Its data and cache go to a
// temporary home, never the real one.

const home = mkdtempSync(join(tmpdir(), 'mockloop-cli-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function mockloop(args: string[], opts: { env?: Record<string, string>; nodeArgs?: string[] } = {}): Run {
  const r = spawnSync(process.execPath, [...(opts.nodeArgs ?? []), 'bin/mockloop.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', MOCKLOOP_SCENARIOS: '', MOCKLOOP_HOME: home, XDG_CACHE_HOME: join(home, 'xdg-cache'), ...opts.env },
    timeout: 20000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const STACK_LINE = /^\s+at .+\(.*:\d+:\d+\)$|^\s+at file:/m;
const VALID = 'test/fixtures/valid';
const RUBRIC = `${VALID}/rubric.yaml`;
const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

describe('mockloop basics', () => {
  it('--help lists the commands', () => {
    const r = mockloop(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Usage: mockloop/);
    expect(r.stdout).toMatch(/^\s+list\b/m);
    expect(r.stdout).toMatch(/^\s+validate\b/m);
  });

  it('--version prints the package version', () => {
    const r = mockloop(['--version']);
    expect(r).toMatchObject({ status: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('--version loads none of ajv, yaml, @inquirer/prompts', () => {
    // a resolve hook, registered before the binary runs, writes every specifier to stderr
    const hooks = `import { writeSync } from 'node:fs';
      export async function resolve(specifier, context, next) { writeSync(2, '[resolve] ' + specifier + '\\n'); return next(specifier, context); }`;
    const register = `import { register } from 'node:module';
      register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`;
    const nodeArgs = ['--import', `data:text/javascript,${encodeURIComponent(register)}`];
    const r = mockloop(['--version'], { nodeArgs });
    expect(r.status).toBe(0);
    const resolved = r.stderr.split('\n').filter((l) => l.startsWith('[resolve] ')).map((l) => l.slice(10));
    expect(resolved.some((s) => s.endsWith('dist/cli.js'))).toBe(true); // the hook did see the program load
    expect(resolved.filter((s) => /^(ajv|yaml|@inquirer\/prompts|commander)(\/|$)/.test(s))).toEqual([]);

    // and the same hook does see them where they are needed
    const v = mockloop(['validate', VALID], { nodeArgs });
    const loaded = v.stderr.split('\n').filter((l) => l.startsWith('[resolve] ')).map((l) => l.slice(10));
    expect(loaded).toEqual(expect.arrayContaining(['ajv', 'yaml']));
  });
});

describe('every command\'s --help', () => {
  const commands = ['run', 'drill', 'list', 'validate', 'new', 'score', 'debrief', 'resume', 'history'];
  it.each(commands)('mockloop %s --help ends with two or three examples', (cmd) => {
    const r = mockloop([cmd, '--help']);
    expect(r.status).toBe(0);
    const tail = r.stdout.slice(r.stdout.lastIndexOf('Examples:'));
    expect(tail.startsWith('Examples:')).toBe(true);
    const lines = tail.trim().split('\n').slice(1);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.length).toBeLessThanOrEqual(3);
    for (const l of lines) expect(l).toMatch(new RegExp(`^  (\\S+ \\| )?mockloop ${cmd}\\b`));
  });
});

describe('mockloop list', () => {
  const PACK = `${VALID}/pack`;
  const env = { MOCKLOOP_SCENARIOS: PACK };
  const fixtures = (rows: { id: string }[]): { id: string }[] => rows.filter((r) => r.id.startsWith('pack-'));

  it('--json prints every scenario with id, kind, title, minutes, signals', () => {
    const r = mockloop(['list', '--json'], { env });
    expect(STACK_LINE.test(r.stderr)).toBe(false);
    expect(r).toMatchObject({ status: 0, stderr: '' });
    const rows = JSON.parse(r.stdout) as { id: string }[];
    expect(fixtures(rows)).toEqual([
      { id: 'pack-incident', kind: 'incident', title: 'Pack incident', minutes: 20, signals: ['incident-judgement', 'cross-team'] },
      { id: 'pack-design', kind: 'design', title: 'Pack design', minutes: 30, signals: ['capacity-planning'] },
      { id: 'pack-behavioral', kind: 'behavioral', title: 'Pack behavioral', minutes: 15, signals: ['cross-team', 'pager-empathy'] },
    ]);
  });

  it('--kind keeps one kind; the text table has a header and a row per scenario', () => {
    const json = JSON.parse(mockloop(['list', '--kind', 'design', '--json'], { env }).stdout) as { kind: string; id: string }[];
    expect(json.length).toBeGreaterThan(0);
    expect(json.every((r) => r.kind === 'design')).toBe(true);
    expect(json.map((r) => r.id)).toContain('pack-design');

    const text = mockloop(['list', '--kind', 'design', '--scenarios', PACK]);
    const lines = text.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+KIND\s+MIN\s+TITLE\s+SIGNALS$/);
    expect(lines).toContainEqual(expect.stringMatching(/^pack-design\s+design\s+30\s+Pack design\s+capacity-planning$/));
    expect(lines).toHaveLength(json.length + 1);
  });

  it('lists the good scenarios of a broken pack, reports the rest on stderr, and fails', () => {
    const r = mockloop(['list', '--json', '--scenarios', 'test/fixtures/broken/duplicate-scenario-id']);
    expect(r.status).toBe(1);
    const ids = (JSON.parse(r.stdout) as { id: string }[]).map((x) => x.id);
    expect(ids.filter((id) => id === 'same-id')).toHaveLength(1);
    expect(r.stderr).toBe(
      'test/fixtures/broken/duplicate-scenario-id/second.yaml:2:5: scenario id "same-id" is already defined in test/fixtures/broken/duplicate-scenario-id/first.yaml\n',
    );
  });

  it('rejects an unknown kind', () => {
    const r = mockloop(['list', '--kind', 'trivia']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/trivia/);
  });
});

describe('mockloop validate', () => {
  it('a valid fixture directory passes', () => {
    const r = mockloop(['validate', VALID]);
    expect(r).toMatchObject({ status: 0, stdout: '', stderr: 'ok: 1 rubric, 3 scenarios\n' });
  });

  const broken = readdirSync('test/fixtures/broken').filter((f) => /\.ya?ml$/.test(f)).sort();
  it.each(broken)('broken/%s fails with positioned problems and no stack', (name) => {
    const file = `test/fixtures/broken/${name}`;
    const r = mockloop(['validate', RUBRIC, file]);
    expect(r.status).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(new RegExp(`^${file.replace(/[.]/g, '\\.')}:\\d+:\\d+: \\S`));
    expect(r.stderr).toMatch(/^\d+ problems? in 1 file\n$/);
    expect(STACK_LINE.test(r.stdout + r.stderr)).toBe(false);
  });

  it('a missing path is a problem, not a crash', () => {
    const r = mockloop(['validate', 'no/such/file.yaml']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('no/such/file.yaml:1:1: no such file or directory\n');
  });

  it('the built-in rubric and scenarios are valid', () => {
    const r = mockloop(['validate']);
    expect(r.stdout).toBe('');
    // the samples are played, and it says so
    expect(r.stderr).toMatch(/^ok: 1 rubric, \d+ scenarios; \d+ sample answers played and scored at their expected level\n$/);
    expect(r.status).toBe(0);
  });
});
