import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mockloop, ROOT, STACK } from './cli.js';

// Files that are not what they seem: an empty journal, a symlink where a scenario is written, a
// pack file that links out of its pack, a tag in an answers file.

const tmp = mkdtempSync(join(tmpdir(), 'mockloop-foreign-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('a 0-byte journal left by a full disk', () => {
  it('does not stop resume from finding an older interrupted round', async () => {
    const home = join(tmp, 'home-empty');
    const env = { MOCKLOOP_HOME: home };
    // an interrupted round: its journal, no record
    await mockloop(['run', 'payment-auth-3am'], { input: 'I would check the queue depth on the partner integration\n', env });
    const sessions = join(home, 'sessions');
    const record = readdirSync(sessions).find((f) => f.endsWith('.json'))!;
    rmSync(join(sessions, record));
    const older = record.replace(/\.json$/, '');
    // a later round that could not write a byte
    writeFileSync(join(sessions, '2999-01-01T00-00-00-payment-auth-3am-ffff.jsonl'), '');
    const r = await mockloop(['resume'], { input: '/end\n', env });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(sessions, `${older}.json`))).toBe(true);
  }, 60_000);
});

describe('new --force', () => {
  it('replaces a symlink at D/X.yaml rather than writing through it out of D', async () => {
    const dir = join(tmp, 'pack-new');
    mkdirSync(dir);
    const outside = join(tmp, 'outside.txt');
    writeFileSync(outside, 'precious\n');
    symlinkSync(outside, join(dir, 'x.yaml'));
    const plain = await mockloop(['new', 'x', '--kind', 'incident', '--dir', dir]);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toMatch(/already exists/);
    const r = await mockloop(['new', 'x', '--kind', 'incident', '--dir', dir, '--force']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(outside, 'utf8')).toBe('precious\n');
    expect(lstatSync(join(dir, 'x.yaml')).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(dir, 'x.yaml'), 'utf8')).toMatch(/^id: x$/m);
  });
});

describe('a pack file that is a symlink out of its pack', () => {
  const pack = join(tmp, 'pack-link');
  const secret = join(tmp, 'secret.yaml');
  mkdirSync(pack);
  writeFileSync(secret, 'password: hunter2-do-not-print\n');
  symlinkSync(secret, join(pack, 'leak.yaml'));
  // a link inside the pack is fine
  writeFileSync(join(pack, 'real.txt'), readFileSync(join(ROOT, 'scenarios', 'payment-auth-3am.yaml'), 'utf8').replace('id: payment-auth-3am', 'id: linked-3am'));
  symlinkSync('real.txt', join(pack, 'linked.yaml'));

  it.each([
    ['validate', ['validate', pack]],
    ['list', ['list', '--scenarios', pack]],
  ])('%s refuses it and never prints its lines', async (_name, args) => {
    const r = await mockloop(args, { input: '/end\n' });
    const out = r.stdout + r.stderr;
    expect(out).toMatch(/leak\.yaml:1:1: is a symbolic link to a file outside its directory; not read/);
    expect(out).not.toMatch(/hunter2/);
    expect(out).not.toMatch(STACK);
  });

  it('a link to a file inside the pack is read', async () => {
    const r = await mockloop(['run', 'linked-3am', '--scenarios', pack, '--no-save'], { input: '/end\n' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).not.toMatch(/hunter2/);
  });
});

describe('YAML warnings in an answers file', () => {
  it('an unknown tag is one line naming the place, not a Node warning', async () => {
    const answers = join(tmp, 'tagged.yaml');
    writeFileSync(answers, '- !foo check the dashboards\n- /end\n');
    const r = await mockloop(['run', 'payment-auth-3am', '--answers', answers, '--no-save']);
    expect(r.code).toBe(1);
    // the error, then the one line saying what an answers file looks like
    const [first, hint, ...rest] = r.stderr.trim().split('\n');
    expect(first).toBe(`error: ${answers}:1:3: unknown YAML tag: !foo`);
    expect(hint).toMatch(/YAML list of strings/);
    expect(rest).toEqual([]);
  });
});
