/**
 * Rule tables, in the style of ESLint's RuleTester: for every beat and red flag, sentences that
 * must raise it (`invalid`, with the sentence quoted as evidence) and near-misses that must not
 * (`valid`: refused, argued against, someone else's proposal stopped, regretted, imagined, or
 * merely sharing words). They were written from the guide and the behaviours' names alone, never
 * from the rubric's patterns, so they measure reading rather than recall of a phrasing.
 *
 * Every beat and red flag must have a table. How many entries the scorer reads right is held by
 * floors that can only rise: the scorer does not yet read all of them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { RubricSpec } from '../../src/rubric/types.js';
import { analyze, compileRubric, hitBeats, scoreDoc } from '../../src/scoring/index.js';

interface Case {
  text: string;
  evidence?: string;
}
interface Table {
  signal: string;
  kind: 'beat' | 'red-flag';
  id: string;
  invalid: Case[];
  valid: Case[];
}

const DIR = fileURLToPath(new URL('./rules/', import.meta.url));
const tables: Table[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .flatMap((f) => parse(readFileSync(`${DIR}${f}`, 'utf8')) as Table[]);
const spec = parse(readFileSync(fileURLToPath(new URL('../../rubrics/backend-signals.yaml', import.meta.url)), 'utf8')) as RubricSpec;
const rubric = compileRubric(spec);

/** The sentence quoted as evidence for the table's beat or red flag, or undefined when it is not raised. */
function raised(t: Table, text: string): string | undefined {
  const doc = analyze(text);
  if (t.kind === 'beat') {
    if (!hitBeats(doc, rubric).has(`${t.signal}/${t.id}`)) return undefined;
    const report = scoreDoc(doc, rubric);
    const beat = t.signal === 'story' ? report.signals.flatMap((s) => s.beats).find((b) => b.story && b.id === t.id && b.hit) : report.signals.find((s) => s.id === t.signal)?.beats.find((b) => b.id === t.id);
    // a story beat is quoted only beside a signal's own beat; its hit alone is enough here
    return beat?.evidence ?? text;
  }
  const flag = scoreDoc(doc, rubric)
    .signals.find((s) => s.id === t.signal)
    ?.redFlags.find((f) => f.id === t.id && !f.regretted);
  // a red flag looked back on with regret is not raised: it costs less and is reported as such
  return flag?.evidence;
}

/** Floors: entries the scorer reads right today. Raise them as it learns; never lower them. */
const FLOORS = {
  beat: { invalid: 475, valid: 333 },
  'red-flag': { invalid: 437, valid: 329 },
};

describe('rule tables', () => {
  it('cover every beat and red flag of the rubric, with enough cases', () => {
    const key = (signal: string, kind: string, id: string): string => `${signal}/${kind}/${id}`;
    const have = new Map(tables.map((t) => [key(t.signal, t.kind, t.id), t]));
    const want = [
      ...spec.storyBeats.map((b) => key('story', 'beat', b.id)),
      ...spec.signals.flatMap((s) => [...s.beats.map((b) => key(s.id, 'beat', b.id)), ...(s.redFlags ?? []).map((f) => key(s.id, 'red-flag', f.id))]),
    ];
    expect([...have.keys()].sort()).toEqual([...want].sort());
    for (const t of tables) {
      const [minInvalid, minValid] = t.kind === 'red-flag' ? [3, 5] : [3, 3];
      expect(t.invalid.length, `${t.signal}/${t.id} invalid`).toBeGreaterThanOrEqual(minInvalid);
      expect(t.valid.length, `${t.signal}/${t.id} valid`).toBeGreaterThanOrEqual(minValid);
      for (const c of t.invalid) expect(c.evidence && c.text.includes(c.evidence), `${t.id}: evidence is part of its text`).toBe(true);
    }
  });

  it('are read right at least as often as the floors say', () => {
    const right = { beat: { invalid: 0, valid: 0 }, 'red-flag': { invalid: 0, valid: 0 } };
    const total = { beat: { invalid: 0, valid: 0 }, 'red-flag': { invalid: 0, valid: 0 } };
    for (const t of tables) {
      for (const c of t.invalid) {
        total[t.kind].invalid++;
        const ev = raised(t, c.text);
        // the quote must be the sentence that carries it, not another one in the text
        if (ev !== undefined && (t.kind === 'beat' ? true : ev.replace(/\s+/g, ' ') === c.evidence!.replace(/\s+/g, ' '))) right[t.kind].invalid++;
      }
      for (const c of t.valid) {
        total[t.kind].valid++;
        if (raised(t, c.text) === undefined) right[t.kind].valid++;
      }
    }
    console.log(
      `rule tables: beats earned ${right.beat.invalid}/${total.beat.invalid}, near-misses left ${right.beat.valid}/${total.beat.valid}; ` +
        `red flags raised ${right['red-flag'].invalid}/${total['red-flag'].invalid}, near-misses left ${right['red-flag'].valid}/${total['red-flag'].valid}`,
    );
    for (const kind of ['beat', 'red-flag'] as const) {
      expect(right[kind].invalid, `${kind}: must-raise cases read right`).toBeGreaterThanOrEqual(FLOORS[kind].invalid);
      expect(right[kind].valid, `${kind}: near-misses left alone`).toBeGreaterThanOrEqual(FLOORS[kind].valid);
    }
  });
});
