import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// `list` answers from a cache of scenario summaries while nothing on the search path changes.

const hooks = `import { writeSync } from 'node:fs';
  export async function resolve(specifier, context, next) { writeSync(2, '[resolve] ' + specifier + '\\n'); return next(specifier, context); }`;
const register = `import { register } from 'node:module';
  register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`;
const nodeArgs = ['--import', `data:text/javascript,${encodeURIComponent(register)}`];

const home = mkdtempSync(join(tmpdir(), 'mockloop-list-'));
const pack = join(home, 'pack');
cpSync('test/fixtures/valid/pack', pack, { recursive: true });
afterAll(() => rmSync(home, { recursive: true, force: true }));

function list(): { status: number | null; stdout: string; loaded: string[] } {
  const r = spawnSync(process.execPath, [...nodeArgs, 'bin/mockloop.js', 'list', '--json'], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', MOCKLOOP_HOME: home, MOCKLOOP_SCENARIOS: pack },
    timeout: 20000,
  });
  const loaded = r.stderr.split('\n').filter((l) => l.startsWith('[resolve] ')).map((l) => l.slice(10));
  return { status: r.status, stdout: r.stdout, loaded };
}

const heavy = (specifiers: string[]) => specifiers.filter((s) => /^(ajv|yaml)(\/|$)/.test(s));

describe('list cache', () => {
  it('the first list validates everything; the second answers from the cache without yaml or ajv', () => {
    const first = list();
    expect(first.status).toBe(0);
    expect(heavy(first.loaded)).toEqual(expect.arrayContaining(['yaml', 'ajv']));
    const second = list();
    expect(second.status).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(heavy(second.loaded)).toEqual([]);
  });

  it('a changed file is read again and shows at once', () => {
    const file = join(pack, 'pack-design.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/^title: .*$/m, 'title: Pack design, renamed'));
    const r = list();
    expect(heavy(r.loaded).length).toBeGreaterThan(0);
    expect((JSON.parse(r.stdout) as { id: string; title: string }[]).find((s) => s.id === 'pack-design')?.title).toBe('Pack design, renamed');
  });

  it('a broken file is reported, not hidden behind the cache', () => {
    writeFileSync(join(pack, 'broken.yaml'), 'id: [unclosed\n');
    const r = list();
    expect(r.status).toBe(1);
  });
});
