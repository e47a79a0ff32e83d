import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/errors.js';
import { validateContent } from '../../src/content/index.js';

const BROKEN = 'test/fixtures/broken';
const RUBRIC = 'test/fixtures/valid/rubric.yaml';

// Each broken fixture and the exact diagnostics it must produce (checked against the fixture rubric).
const cases: [string, string[]][] = [
  ['yaml-syntax.yaml', ['4:1: YAML syntax: flow sequence in block collection must be sufficiently indented and end with a ]']],
  ['duplicate-keys.yaml', ['4:1: duplicate key "title"', '13:5: duplicate key "minutes"']],
  ['unknown-key.yaml', ['11:5: unknown key "promt" in phase; did you mean "prompt"?']],
  [
    'missing-required.yaml',
    ['14:9: unknown key "sya" in probe; did you mean "say"?', '15:9: missing required key "say" in probe'],
  ],
  [
    'bad-enum.yaml',
    [
      '2:7: kind must be one of design, incident, behavioral, not "incdent"; did you mean "incident"?',
      '12:11: mode must be one of answer, investigate, not "investigatte"; did you mean "investigate"?',
    ],
  ],
  [
    'bad-values.yaml',
    [
      '1:5: "Bad Values" is not a valid id: use lower-case letters, digits and hyphens',
      '3:8: title must not be empty',
      '4:10: minutes must be > 0, not 0',
      '5:23: signals lists "cross-team" more than once',
      '10:14: minutes must be a number',
      '12:19: maxFollowUps must be <= 5, not 9',
    ],
  ],
  ['bad-clock.yaml', ['14:10: "02:7" is not a clock time HH:MM', '23:26: "3:15" is not a clock time HH:MM']],
  [
    'bad-patterns.yaml',
    [
      '23:13: unknown key "mach" in pattern; did you mean "match"?',
      '24:11: ask[2] must be a non-empty string or a mapping with "match", not 42',
      '25:11: ask[3] must not be empty',
      '26:35: order must be one of fixed, any, not "sideways"',
    ],
  ],
  [
    'bad-check-rule.yaml',
    [
      '38:13: rule must have exactly one of lookedFirst, revealedBefore, actedWithin, did, didNot, but has "dd"; did you mean "did"?',
      '44:13: rule must have exactly one of lookedFirst, revealedBefore, actedWithin, did, didNot, but has "did", "didNot"',
      '50:54: minutes must be > 0, not -1',
    ],
  ],
  [
    'unresolved-refs.yaml',
    [
      '13:44: unknown signal "incident-judgment" in beat reference "incident-judgment/owned-it"; did you mean "incident-judgement"?',
      '13:72: unknown beat "numbrs" in "story" (beat reference "story/numbrs"); did you mean "numbers"?',
      '14:22: unknown action "declar"; did you mean "declare"?',
      '14:42: unknown panel "queue"',
      '23:13: unknown concept "{escalte}" in pattern "{escalte}"; did you mean "escalate"?',
      '23:26: unknown word class "#foo" in pattern "#foo rate" (use #num, #time or #name)',
      '25:28: unknown state key "partnr": not in the initial state nor set by any action or event; did you mean "partner"?',
      '42:50: unknown panel "latency"',
      '42:68: unknown panel or action "mitigate"',
    ],
  ],
  // one pass: the dangling references are reported beside the schema problem, not after it is fixed
  [
    'schema-and-refs.yaml',
    [
      '12:5: unknown key "promt" in phase; did you mean "prompt"?',
      '13:44: unknown beat "no-such-beat" in "incident-judgement" (beat reference "incident-judgement/no-such-beat")',
      '17:23: unknown action "no-such-action" (the scenario has no actions)',
      '28:13: unknown concept "{no-such-concept}" in pattern "{no-such-concept} dashboard"',
    ],
  ],
  ['duplicate-ids.yaml', ['15:13: duplicate probe id "ops" (first at line 13)', '17:9: duplicate phase id "design" (first at line 8)']],
  [
    'incident-without-investigate.yaml',
    ['7:1: an incident scenario needs a phase with "mode: investigate"', '8:5: phase "review" needs a "prompt" or "fromBank"'],
  ],
  [
    'rubric-signals.yaml',
    [
      '2:94: scoring.roundLevelThresholds must rise from level 1 to level 4 (got [10, 35, 30, 80])',
      '6:54: concept phrases cannot contain {concepts} or alternatives: "page|call" in concept {page}',
      '14:1: the rubric must list all eight signals; missing reliability-practice, incident-judgement, capacity-planning, data-integrity, slo-tradeoffs, pager-empathy, post-incident-review',
      '23:20: unknown concept "{pages}" in pattern "{pages}"; did you mean "page"?',
      '26:13: duplicate beat id "aligned" (first at line 20)',
      '29:28: unknown concept "{pagez}" in the partner (with) of pattern "agreed"; did you mean "page"?',
      '33:9: signal "cross-team" is listed more than once (first at line 15)',
    ],
  ],
  [
    'rubric-bare-concepts.yaml',
    ['9:3: concept "escalate" lists bare phrases; give each group of phrases its source: "- source: guide" then "phrases: [...]"'],
  ],
  [
    'bad-samples.yaml',
    [
      '8:3: concept name "Escalation" must be lower-case letters, digits and hyphens, starting with a letter',
      '14:15: "cross-tem" is not one of reliability-practice, incident-judgement, capacity-planning, data-integrity, slo-tradeoffs, pager-empathy, cross-team, post-incident-review; did you mean "cross-team"?',
      '14:48: pager-empathy[1] must be <= 4, not 9',
      '14:64: cross-team must be a whole number 0-4 or a [min, max] pair, not "high"',
    ],
  ],
  ['alias-bomb.yaml', ['7:8: too many alias expansions (more than 100); refusing a possible alias bomb']],
  ['top-level-list.yaml', ['1:1: expected a mapping (key: value) at the top of the scenario file']],
  ['empty.yaml', ['1:1: file is empty']],
  ['binary.yaml', ['1:1: binary file (contains NUL bytes), expected YAML text']],
  ['invalid-utf8.yaml', ['1:1: file is not valid UTF-8 text']],
];

describe('broken fixtures', () => {
  it.each(cases)('%s', async (name, expected) => {
    const file = `${BROKEN}/${name}`;
    const report = await validateContent([RUBRIC, file]);
    expect(report.problems.map(formatProblem)).toEqual(expected.map((e) => `${file}:${e}`));
  });

  it('reports a scenario id defined twice at the second file, naming the first', async () => {
    const report = await validateContent([RUBRIC, `${BROKEN}/duplicate-scenario-id`]);
    expect(report.problems.map(formatProblem)).toEqual([
      `${BROKEN}/duplicate-scenario-id/second.yaml:2:5: scenario id "same-id" is already defined in ${BROKEN}/duplicate-scenario-id/first.yaml`,
    ]);
    expect(report.scenarios).toBe(2);
  });

  it('the valid fixtures have no problems', async () => {
    const report = await validateContent(['test/fixtures/valid']);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ rubrics: 1, scenarios: 3 });
  });
});

describe('files that cannot be read', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'mockloop-content-'));

  it('refuses a file over 1 MiB without parsing it', async () => {
    const big = path.join(dir, 'big.yaml');
    writeFileSync(big, `id: big\nsummary: "${'x'.repeat(1024 * 1024)}"\n`);
    const { problems } = await validateContent([RUBRIC, big]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 1, col: 1 });
    expect(problems[0]!.message).toMatch(/^file is too large \(\d+ bytes; the limit is 1 MiB\), not parsed$/);
  });

  it('reports a missing path', async () => {
    const missing = path.join(dir, 'nope.yaml');
    const { problems } = await validateContent([RUBRIC, missing]);
    expect(problems).toEqual([{ file: missing, line: 1, col: 1, message: 'no such file or directory' }]);
  });

  it('reports a directory with no content files', async () => {
    const empty = path.join(dir, 'empty-dir');
    mkdirSync(empty);
    const { problems } = await validateContent([RUBRIC, empty]);
    expect(problems).toEqual([{ file: empty, line: 1, col: 1, message: 'no .yaml or .yml files in this directory' }]);
  });
});
