import type { Clause } from './clauses.js';
import { ACTION_CLASSES, FIRST_WORDS, LIGHT_VERBS, NOT_OBJECT, NUMBER_VALUES, OFF_VALUES, ON_VALUES, VALUE_FROMS, VALUE_LEADS, VALUE_UNITS, type ActionClass, type ValueUnitId } from './words.js';

// A clause read as an action: a verb (and what kinds of change it can make), the object it acts
// on, and the value it gives ("set max_new_rps to 800", "cap new authorisations at 800/s").

export interface ActionValue {
  /** As typed: "800", "1,000", "unlimited". */
  text: string;
  number?: number;
  /** A value that switches off or removes a limit ("unlimited", "false", "off"). */
  off?: boolean;
  on?: boolean;
  /** The unit typed with the number, by its id ("hours" for "24 hours", "per-second" for "800/s"). */
  unit?: ValueUnitId;
  /** Led by "to" or "at": the value the setting is given, not one said in passing. */
  led?: boolean;
}

export interface ActionReading {
  /** The verb as normalised words ("roll back"). */
  verb: string;
  classes: ActionClass[];
  /** The object's words, function words left out. */
  object: string[];
  value?: ActionValue;
}

const CLASS_PHRASES: { phrase: string[]; cls: ActionClass }[] = Object.entries(ACTION_CLASSES).flatMap(([cls, l]) =>
  l.words.map((w) => ({ phrase: w.split(' '), cls: cls as ActionClass })),
);
const NOT_OBJECT_SET = new Set(NOT_OBJECT.words);
const LIGHT = new Set(LIGHT_VERBS.words);
const OFF = new Set(OFF_VALUES.words);
const ON = new Set(ON_VALUES.words);

/** The verb an inflected word comes from, for the few shapes the action verbs take. */
export function baseVerb(w: string): string[] {
  const out = [w];
  if (w.endsWith('ing') && w.length > 5) {
    const stem = w.slice(0, -3);
    out.push(stem, `${stem}e`);
    if (/(.)\1$/.test(stem)) out.push(stem.slice(0, -1));
  }
  if (w.endsWith('ed') && w.length > 4) {
    const stem = w.slice(0, -2);
    out.push(stem, `${stem}e`, w.slice(0, -1));
    if (/(.)\1$/.test(stem)) out.push(stem.slice(0, -1));
  }
  if (w.endsWith('s') && w.length > 3) out.push(w.slice(0, -1));
  return out;
}

const UNIT_PHRASES: { phrase: string[]; unit: ValueUnitId }[] = Object.entries(VALUE_UNITS)
  .flatMap(([id, u]) => u.words.map((w) => ({ phrase: w.split(' '), unit: id as ValueUnitId })))
  .sort((a, b) => b.phrase.length - a.phrase.length);
const UNIT_SUFFIX: ReadonlyMap<string, ValueUnitId> = new Map(UNIT_PHRASES.filter((p) => p.phrase.length === 1).map((p) => [p.phrase[0]!, p.unit]));
const LEADS = VALUE_LEADS.words.map((w) => w.split(' '));
const FROMS = new Set(VALUE_FROMS.words);
const NUMBERS: ReadonlyMap<string, number> = NUMBER_VALUES.values;

/** The unit named at norms[at] ("hours", "per second"), with how many words it takes. */
function unitAt(norms: readonly string[], at: number): { unit: ValueUnitId; length: number } | undefined {
  for (const { phrase, unit } of UNIT_PHRASES) {
    if (phrase.every((w, k) => norms[at + k] === w)) return { unit, length: phrase.length };
  }
  return undefined;
}

/** Whether a value lead ("to", "down to") ends just before norms[i]. */
function ledAt(norms: readonly string[], i: number): boolean {
  return LEADS.some((p) => p.length <= i && p.every((w, k) => norms[i - p.length + k] === w));
}

/** A number (with its unit, when one is typed) at norms[i]: "24 hours", "800/s", "2d", "two days", "a day". */
function numberAt(norms: readonly string[], i: number): ActionValue | undefined {
  const w = norms[i]!;
  if (/^\d{1,2}:\d{2}$/.test(w)) return undefined;
  const num = /^(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(k)?([a-z/%]+)?$/.exec(w);
  if (num) {
    const n = Number(num[1]!.replace(/,/g, '')) * (num[2] ? 1000 : 1);
    const suffix = num[3];
    if (suffix !== undefined && !UNIT_SUFFIX.has(suffix)) return undefined;
    const value: ActionValue = { text: w.replace(/(?:\/s|rps|qps)$/, ''), number: n };
    const unit = suffix !== undefined ? UNIT_SUFFIX.get(suffix) : unitAt(norms, i + 1)?.unit;
    if (unit) value.unit = unit;
    return value;
  }
  // a number word counts only with its unit: "two days", "an hour"
  const word = NUMBERS.get(w);
  const after = word !== undefined ? unitAt(norms, i + 1) : undefined;
  if (word !== undefined && after) return { text: `${w} ${norms.slice(i + 1, i + 1 + after.length).join(' ')}`, number: word, unit: after.unit };
  return undefined;
}

/**
 * The value a clause gives, read after its verb: the number led by "to" or "at" when there is one
 * ("from 7 days to 24 hours" gives 24 hours), else the first not led by "from" or "was"; or a
 * literal that switches a setting on or off ("to unlimited").
 */
function parseValue(norms: readonly string[], from: number): { value?: ActionValue; at: number } {
  let first: { value: ActionValue; at: number } | undefined;
  for (let i = from; i < norms.length; i++) {
    const w = norms[i]!;
    const led = ledAt(norms, i);
    const value = numberAt(norms, i);
    if (value) {
      if (led) return { value: { ...value, led: true }, at: i };
      if (!first && !FROMS.has(norms[i - 1] ?? '')) first = { value, at: i };
      continue;
    }
    if (led && (OFF.has(w) || ON.has(w))) {
      return { value: OFF.has(w) ? { text: w, off: true, led: true } : { text: w, on: true, led: true }, at: i };
    }
  }
  return first ?? { at: -1 };
}

/** A value written on its own, as a scenario gives its default ("2 days", "800/s"). */
export function readValue(text: string): ActionValue | undefined {
  const norms = text.toLowerCase().trim().split(/\s+/).filter(Boolean);
  return norms.length > 0 ? numberAt(norms, 0) : undefined;
}

/**
 * The action verb at norms[at], with its particle: contiguous ("roll back the deploy") or after a
 * short object ("roll flag-service back", "let everyone know").
 */
function verbPhrase(norms: readonly string[], at: number): { length: number; classes: ActionClass[]; verb: string } | undefined {
  let best: { length: number; classes: ActionClass[]; verb: string; score: number } | undefined;
  for (const base of baseVerb(norms[at]!)) {
    const rest = [base, ...norms.slice(at + 1)];
    for (const { phrase, cls } of CLASS_PHRASES) {
      const contiguous = phrase.length <= rest.length && phrase.every((w, k) => rest[k] === w);
      const split = !contiguous && phrase.length === 2 && phrase[0] === base && rest.slice(2, 5).includes(phrase[1]!);
      if (!contiguous && !split) continue;
      const length = contiguous ? phrase.length : 1;
      const score = phrase.length;
      if (!best || score > best.score) best = { length, classes: [cls], verb: phrase.join(' '), score };
      else if (score === best.score && !best.classes.includes(cls)) best.classes.push(cls);
    }
    if (best) break;
  }
  return best && { length: best.length, classes: best.classes, verb: best.verb };
}

/** Reads a clause as an action, when it is led by an action verb. */
export function readAction(clause: Clause): ActionReading | undefined {
  const norms = clause.words.map((w) => w.norm);
  let verbAt = clause.verb === undefined ? -1 : norms.indexOf(clause.verb);
  if (verbAt < 0) return undefined;
  let best = verbPhrase(norms, verbAt);
  // "do a rolling restart", "run the reconciliation": the action is the noun after a light verb
  if (LIGHT.has(norms[verbAt]!)) {
    for (let k = verbAt + 1; k < Math.min(norms.length, verbAt + 4); k++) {
      const noun = verbPhrase(norms, k);
      if (noun) {
        best = noun;
        verbAt = k;
        break;
      }
    }
  }
  // "turn fail-open off", "switch the limiter on": a particle later on decides the direction
  const turn = /^(turn|switch|flip)(ing|ed)?$/.test(norms[verbAt]!);
  const after = norms.slice(verbAt + 1);
  if (turn && (after.includes('off') || after.includes('on'))) best = { length: 1, classes: [after.includes('off') ? 'disable' : 'enable'], verb: norms[verbAt]! };
  if (!best) return undefined;
  const tail = norms.slice(verbAt + best.length);
  const { value, at } = parseValue(norms, verbAt + best.length);
  // the value and the unit typed after it are not what the action acts on: "24 hours" is no object
  const unitLength = at >= 0 && value?.unit && /^[a-z]/.test(norms[at]!) === false && !/[a-z/%]$/.test(norms[at]!) ? (unitAt(norms, at + 1)?.length ?? 0) : 0;
  const wordUnit = at >= 0 && value?.unit && /^[a-z]/.test(norms[at]!) ? (unitAt(norms, at + 1)?.length ?? 0) : 0;
  const valueEnd = at + Math.max(unitLength, wordUnit);
  const objectWords = tail.filter((w, k) => {
    const i = k + verbAt + best.length;
    return (i < at || i > valueEnd) && !NOT_OBJECT_SET.has(w) && !/^\d/.test(w);
  });
  const reading: ActionReading = { verb: best.verb, classes: best.classes, object: objectWords };
  if (value) reading.value = value;
  if (value?.off && best.classes.includes('set')) reading.classes = ['disable'];
  return reading;
}

const FIRST = FIRST_WORDS.words.map((w) => w.split(' '));

/** Whether a clause puts its act ahead of the others in its turn: "but I will roll back first". */
export function comesFirst(clause: Clause): boolean {
  const norms = clause.words.map((w) => w.norm);
  return norms.some((_, i) => FIRST.some((p) => p.every((w, k) => norms[i + k] === w)));
}
