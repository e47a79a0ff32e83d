import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsyaml from 'js-yaml';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseContent } from '../../src/content/document.js';
import { ROOT } from './cli.js';

// Content is read by two YAML parsers: js-yaml for clean files (fast) and `yaml` for positions and
// errors. Wherever they could disagree, the file is refused; everywhere else they must agree.

const fast = (text: string): unknown => jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA, json: false });
const positioned = (text: string): unknown => {
  const doc = parseDocument(text, { uniqueKeys: true, logLevel: 'silent' });
  if (doc.errors.length > 0) throw new Error(doc.errors[0]!.message);
  return doc.toJS({ maxAliasCount: 100 });
};

const builtin = ['scenarios', 'rubrics', 'templates'].flatMap((d) =>
  readdirSync(join(ROOT, d))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => join(d, f)),
);

describe('every built-in file', () => {
  it.each(builtin)('%s reads the same with both parsers, with no problems', (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    expect(positioned(text)).toEqual(fast(text));
    const doc = parseContent(file, text);
    if (!file.startsWith('templates')) expect(doc.problems).toEqual([]);
    expect(doc.value).toEqual(fast(text));
  });
});

// what the parsers once read differently, and neighbours of each
const tricky: [string, string, RegExp | null][] = [
  ['a %YAML 1.1 directive (yes is true in one, a string in the other)', '%YAML 1.1\n---\na: yes\nb: on\n', /1:1: YAML directives \(%YAML\) are not supported/],
  ['a %TAG directive', '%TAG !e! tag:example.com,2000:\n---\na: !e!foo x\n', /YAML directives \(%TAG\) are not supported/],
  ['an empty explicit key (read as a mapping key by one parser, an error by the other)', '? : v\n', /mapping used as a key is not supported/],
  ['a list as an explicit key', '? [a, b]\n: c\n', /a list or mapping used as a key is not supported/],
  ['a mapping as a key', '{a: 1}: x\n', /a list or mapping used as a key is not supported/],
  ['a list as a key', '[a]: x\n', /a list or mapping used as a key is not supported/],
  ['a null key', 'null: d\nb: 1\n', /1:1: an empty or null mapping key is not supported/],
  ['a ~ key', '~: d\n', /empty or null mapping key/],
  ['an empty key', ': d\n', /./],
  ['a local tag', 'a: !foo bar\n', /1:4: unknown YAML tag/],
  ['!!binary', 'a: !!binary aGVsbG8=\n', /YAML tag "!!binary" is not supported/],
  ['!!set', 'a: !!set {x, y}\n', /YAML tag "!!set" is not supported/],
  ['!!omap', 'a: !!omap [x: 1]\n', /YAML tag "!!omap" is not supported/],
  ['!!timestamp', 'a: !!timestamp 2001-12-14\n', /YAML tag "!!timestamp" is not supported/],
  ['a core tag', 'a: !!str 123\n', null],
  ['an explicit plain key', '? a\n: b\n', null],
  ['booleans in YAML 1.2', 'a: yes\nb: No\nc: ON\nd: true\n', null],
  ['octal and hex', 'a: 0o14\nb: 014\nc: 0x1F\n', null],
  ['special floats', 'a: .inf\nb: -.Inf\nc: .NaN\nd: 1e3\ne: 1_000\n', null],
  ['a merge key', 'a: {<<: {x: 1}}\n', null],
  ['dates stay strings', 'a: 2001-12-14\n', null],
  ['numeric and boolean keys', '1: a\n2.5: b\ntrue: c\n', null],
  ['a question in prose', 'probe: What now ? Do you fail open?\n', null],
  ['an exclamation in prose', 'text: Great ! Next\n', null],
  ['escapes', 'a: "x\\ty\\u001b[31m"\nb: \'it\'\'s\'\n', null],
  ['block scalars', 'a: |\n  x\n  y\nb: >-\n  p\n  q\n', null],
];

describe('tricky documents: refused, or read the same by both parsers', () => {
  it.each(tricky)('%s', (_name, text, refused) => {
    const doc = parseContent('t.yaml', text);
    const said = doc.problems.map((p) => `${p.line}:${p.col}: ${p.message}`).join('\n');
    if (refused) {
      expect(said).toMatch(refused);
      expect(doc.value).toBeUndefined();
      return;
    }
    expect(said).toBe('');
    // both parsers, whichever one parseContent used
    expect(positioned(text)).toEqual(fast(text));
    expect(doc.value).toEqual(fast(text));
  });
});
