import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeDirs } from '../../src/io/home.js';

const tmp = mkdtempSync(join(tmpdir(), 'mockloop-home-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const err = (code: string) => Object.assign(new Error(code), { code });

describe('makeDirs', () => {
  it('makes every missing level and accepts one that exists', () => {
    const dir = join(tmp, 'a', 'b', 'c');
    makeDirs(dir, { mode: 0o700 });
    makeDirs(dir);
    expect(statSync(dir).isDirectory()).toBe(true);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('ends with the error where the parent exists but the child can never be made (as under /proc)', () => {
    const calls: string[] = [];
    const mkdir = (d: string) => {
      calls.push(d);
      throw err(d === '/proc' ? 'EEXIST' : 'ENOENT');
    };
    expect(() => makeDirs('/proc/nope/sessions', { mkdir })).toThrow(/ENOENT/);
    // each level tried at most twice: no loop
    expect(calls.length).toBeLessThanOrEqual(6);
  });

  it.each(['EACCES', 'EROFS', 'ENOTDIR'])('passes %s straight through', (code) => {
    expect(() => makeDirs('/x/y', { mkdir: () => { throw err(code); } })).toThrow(code);
  });
});
