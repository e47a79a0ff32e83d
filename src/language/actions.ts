import type { Clause } from './clauses.js';
import { ACTION_CLASSES, LIGHT_VERBS, NOT_OBJECT, OFF_VALUES, ON_VALUES, type ActionClass } from './words.js';

// A clause read as an action: a verb (and what kinds of change it can make), the object it acts
// on, and the value it gives ("set max_new_rps to 800", "cap new authorisations at 800/s").

export interface ActionValue {
  /** As typed: "800", "1,000", "unlimited". */
  text: string;
  number?: number;
  /** A value that switches off or removes a limit ("unlimited", "false", "off"). */
  off?: boolean;
  on?: boolean;
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

function parseValue(norms: readonly string[], from: number): { value?: ActionValue; at: number } {
  for (let i = from; i < norms.length; i++) {
    const w = norms[i]!;
    const prev = norms[i - 1];
    const num = /^(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\/s|rps|qps|k)?%?$/.exec(w);
    if (num && !/^\d{1,2}:\d{2}$/.test(w)) {
      const n = Number(num[1]!.replace(/,/g, '')) * (w.endsWith('k') ? 1000 : 1);
      return { value: { text: w.replace(/(?:\/s|rps|qps)$/, ''), number: n }, at: i };
    }
    if ((prev === 'to' || prev === 'at' || prev === '=') && (OFF.has(w) || ON.has(w))) {
      return { value: OFF.has(w) ? { text: w, off: true } : { text: w, on: true }, at: i };
    }
  }
  return { at: -1 };
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
  const objectWords = tail.filter((w, k) => k + verbAt + best.length !== at && !NOT_OBJECT_SET.has(w) && !/^\d/.test(w));
  const reading: ActionReading = { verb: best.verb, classes: best.classes, object: objectWords };
  if (value) reading.value = value;
  if (value?.off && best.classes.includes('set')) reading.classes = ['disable'];
  return reading;
}
