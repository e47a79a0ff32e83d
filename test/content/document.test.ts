import { describe, expect, it } from 'vitest';
import { parseContent, type YamlPath } from '../../src/content/document.js';

const source = [
  'id: positions', // 1
  'phases:', // 2
  '  - id: first', // 3
  '    prompt: Go.', // 4
  '    targets: [a/b, c/d]', // 5
  '  - { id: second, prompt: "Flow." }', // 6
  'incident:', // 7
  '  empty:', // 8
  '  state: &s { partner: slow }', // 9
  '  again: *s', // 10
].join('\n');

describe('parseContent positions', () => {
  const doc = parseContent('f.yaml', source);

  const values: [YamlPath, number, number][] = [
    [['id'], 1, 5],
    [['phases'], 3, 3],
    [['phases', 0], 3, 5],
    [['phases', 0, 'prompt'], 4, 13],
    [['phases', 0, 'targets', 1], 5, 20],
    [['phases', 1], 6, 5],
    [['phases', 1, 'prompt'], 6, 27],
    // an empty value has no position of its own: its key stands in
    [['incident', 'empty'], 8, 3],
    // through an alias to the anchored node
    [['incident', 'again', 'partner'], 9, 24],
    // a missing key falls back to the nearest node that exists
    [['phases', 0, 'nope'], 3, 5],
    [['phases', 7], 3, 3],
    [[], 1, 1],
  ];
  it.each(values)('locate %j is %i:%i', (p, line, col) => {
    expect(doc.locate(p)).toEqual({ line, col });
  });

  const keys: [YamlPath, number, number][] = [
    [['phases', 0, 'prompt'], 4, 5],
    [['phases', 1, 'prompt'], 6, 19],
    [['incident', 'state'], 9, 3],
    // list items have no key: the item itself
    [['phases', 1], 6, 5],
  ];
  it.each(keys)('locateKey %j is %i:%i', (p, line, col) => {
    expect(doc.locateKey(p)).toEqual({ line, col });
  });

  it('keeps the plain value', () => {
    expect(doc.problems).toEqual([]);
    expect((doc.value as { phases: unknown[] }).phases).toHaveLength(2);
  });
});

describe('parseContent problems', () => {
  const cases: [string, string | Uint8Array, string[]][] = [
    ['empty', '', ['1:1: file is empty']],
    ['only comments', '# nothing here\n', ['1:1: file is empty']],
    ['NUL bytes', new Uint8Array([0x61, 0x3a, 0x00]), ['1:1: binary file (contains NUL bytes), expected YAML text']],
    ['invalid UTF-8', new Uint8Array([0x61, 0x3a, 0x20, 0xe9, 0x0a]), ['1:1: file is not valid UTF-8 text']],
    ['two documents', 'a: 1\n---\nb: 2\n', ['2:1: more than one YAML document in the file; expected one']],
    ['three duplicate keys', 'a: 1\na: 2\nb:\n  c: 1\n  c: 2\n  c: 3\n', ['2:1: duplicate key "a"', '5:3: duplicate key "c"', '6:3: duplicate key "c"']],
    ['a colon in a plain value', 'probe: Can you put numbers on it: how big?\n', ['1:8: YAML syntax: a plain value cannot contain ": " (it starts a nested mapping); quote the value']],
    ['unknown tag', 'a: !foo 1\n', ['1:4: unknown YAML tag: !foo']],
    // an unclosed quote runs on to wherever the parser gives up (often the end of the file): the
    // problem is where the quote opens, reported once
    ['unclosed quote in a value', 'id: x\ntitle: "An unclosed quote\nminutes: 15\n', ['2:8: YAML syntax: missing closing "quote for the value that starts here']],
    [
      'unclosed quote in a block list',
      'id: x\nsignals:\n  - incident-judgement\n  - "data-integrity\n  - cross-team\nsummary: s\nphases: []\n',
      ['4:5: YAML syntax: missing closing "quote for the value that starts here'],
    ],
    [
      'unclosed single quote in a block list',
      "signals:\n  - a\n  - 'b\nsummary: s\n",
      ["3:5: YAML syntax: missing closing 'quote for the value that starts here"],
    ],
    [
      'unclosed quote in a flow list, not also a flow-list problem',
      'id: x\nsignals: [incident-judgement, "data-integrity, cross-team]\nsummary: s\n',
      ['2:31: YAML syntax: missing closing "quote for the value that starts here'],
    ],
    [
      'unclosed quote in a list with more of the file after it',
      'signals:\n  - reliability-practice\n  - "capacity-planning\n  - data-integrity\nsummary: >-\n  A "quoted" word.\n',
      ['3:5: YAML syntax: missing closing "quote for the value that starts here'],
    ],
  ];
  it.each(cases)('%s', (_, input, expected) => {
    const doc = parseContent('f.yaml', input);
    expect(doc.problems.map((p) => `${p.line}:${p.col}: ${p.message}`)).toEqual(expected);
  });

  it('a UTF-8 byte-order mark is not a problem', () => {
    const doc = parseContent('f.yaml', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('a: 1\n')]));
    expect(doc.problems).toEqual([]);
    expect(doc.value).toEqual({ a: 1 });
  });

  it('a few aliases are fine; an alias bomb is one problem at the first alias', () => {
    expect(parseContent('f.yaml', 'a: &x [1]\nb: *x\nc: *x\n').problems).toEqual([]);
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (const [name, prev] of [['b', 'a'], ['c', 'b'], ['d', 'c']] as const) {
      levels.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    }
    const doc = parseContent('bomb.yaml', levels.join('\n'));
    expect(doc.problems.map((p) => `${p.line}:${p.col}: ${p.message}`)).toEqual([
      '2:8: too many alias expansions (more than 100); refusing a possible alias bomb',
    ]);
    expect(doc.value).toBeUndefined();
  });
});
