import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as data from '../../src/language/words.js';
import type { WordList } from '../../src/language/words.js';

// Word lists live in one data module, src/language/words.ts: the scorer, the clause and stance
// readers and the round engine keep none of their own, and no two lists say the same thing.

const SRC = join(import.meta.dirname, '..', '..', 'src');
const WORDS_FILE = join(SRC, 'language', 'words.ts');
/** Modules that read language: a word Set of their own belongs in words.ts. */
const READERS = ['scoring', 'round', 'language'].map((d) => join(SRC, d));

const isList = (v: unknown): v is WordList =>
  typeof v === 'object' && v !== null && typeof (v as WordList).source === 'string' && Array.isArray((v as WordList).words);

/** Every list in words.ts, by a readable name: WORDS.negations, ACTION_CLASSES.limit, LIGHT_VERBS. */
function allLists(): [string, WordList][] {
  const out: [string, WordList][] = [];
  for (const [name, value] of Object.entries(data)) {
    if (isList(value)) out.push([name, value]);
    else if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) if (isList(inner)) out.push([`${name}.${key}`, inner]);
    }
  }
  return out;
}

const key = (words: Iterable<string>) => [...new Set(words)].sort().join('|');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/**
 * `new Set([...string literals])` and `new Set('a b c'.split(' '))` in a source file; a Set
 * declared over a type of its own (`ReadonlySet<Stance>`) holds values of that type, not words.
 */
function wordSets(file: string): { at: string; words: string[] }[] {
  const text = readFileSync(file, 'utf8');
  const out: { at: string; words: string[] }[] = [];
  const line = (i: number) => text.slice(0, i).split('\n').length;
  const typed = (i: number) => {
    const decl = /Set<(\w+)>[^\n]*$/.exec(text.slice(text.lastIndexOf('\n', i) + 1, i));
    return decl !== null && decl[1] !== 'string';
  };
  for (const m of text.matchAll(/new Set(?:<[^>]*>)?\(\s*\[((?:\s*'[^']*'\s*,?)+)\s*\]/g)) {
    if (typed(m.index!)) continue;
    out.push({ at: `${relative(SRC, file)}:${line(m.index!)}`, words: [...m[1]!.matchAll(/'([^']*)'/g)].map((w) => w[1]!) });
  }
  for (const m of text.matchAll(/new Set(?:<[^>]*>)?\(\s*'([^']*)'\.split\(/g)) {
    out.push({ at: `${relative(SRC, file)}:${line(m.index!)}`, words: m[1]!.split(/\s+/).filter(Boolean) });
  }
  return out;
}

const isWords = (words: readonly string[]) => words.length > 0 && words.every((w) => /^[a-z][a-z' .-]*$/.test(w));

describe('word lists', () => {
  it('finds the lists', () => {
    const names = allLists().map(([n]) => n);
    expect(names).toContain('WORDS.negations');
    expect(names).toContain('WORDS.agents');
    expect(names).toContain('ACTION_CLASSES.limit');
    expect(names.length).toBeGreaterThan(60);
  });

  it('no two lists in words.ts hold the same words', () => {
    const seen = new Map<string, string>();
    const dupes: string[] = [];
    for (const [name, l] of allLists()) {
      const k = key(l.words);
      const other = seen.get(k);
      if (other) dupes.push(`${name} repeats ${other}`);
      else seen.set(k, name);
    }
    expect(dupes).toEqual([]);
  });

  it('every list says where its words come from, and repeats none of them', () => {
    for (const [name, l] of allLists()) {
      expect(l.source.trim(), name).not.toBe('');
      expect(new Set(l.words).size, `${name} repeats a word`).toBe(l.words.length);
    }
  });

  it('the scorer, the readers and the round engine define no word Sets of their own', () => {
    const own = READERS.flatMap(sourceFiles)
      .filter((f) => f !== WORDS_FILE)
      .flatMap(wordSets)
      .filter((s) => isWords(s.words));
    expect(own.map((s) => `${s.at}: ${s.words.slice(0, 4).join(' ')} …`)).toEqual([]);
  });

  it('no word Set anywhere in src/ repeats a list of words.ts or another such Set', () => {
    const known = new Map<string, string>(allLists().map(([name, l]) => [key(l.words), `words.ts ${name}`] as const));
    const dupes: string[] = [];
    for (const s of sourceFiles(SRC).filter((f) => f !== WORDS_FILE).flatMap(wordSets)) {
      if (!isWords(s.words)) continue;
      const other = known.get(key(s.words));
      if (other) dupes.push(`${s.at} repeats ${other}`);
      else known.set(key(s.words), s.at);
    }
    expect(dupes).toEqual([]);
  });

  it('the scan sees a word Set when there is one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mockloop-words-'));
    try {
      const file = join(dir, 'probe.ts');
      writeFileSync(
        file,
        "const A = new Set(['not', 'no', 'never']);\nconst B = new Set('a b c'.split(' '));\nconst C: ReadonlySet<Stance> = new Set(['refused']);\n",
      );
      expect(wordSets(file).map((s) => s.words)).toEqual([['not', 'no', 'never'], ['a', 'b', 'c']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
