import type { Clause } from './clauses.js';
import { ACTION_CLASSES, NOT_OBJECT, OFF_VALUES, ON_VALUES, type ActionClass } from './words.js';

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

/** Reads a clause as an action, when it is led by an action verb. */
export function readAction(clause: Clause): ActionReading | undefined {
  const norms = clause.words.map((w) => w.norm);
  const verbAt = clause.verb === undefined ? -1 : norms.indexOf(clause.verb);
  if (verbAt < 0) return undefined;
  let best: { length: number; classes: ActionClass[]; verb: string } | undefined;
  for (const base of baseVerb(norms[verbAt]!)) {
    const rest = [base, ...norms.slice(verbAt + 1)];
    for (const { phrase, cls } of CLASS_PHRASES) {
      if (phrase.length > rest.length || !phrase.every((w, k) => rest[k] === w || (w === 'rate-limit' && rest[k] === 'rate-limit'))) continue;
      if (!best || phrase.length > best.length) best = { length: phrase.length, classes: [cls], verb: phrase.join(' ') };
      else if (phrase.length === best.length && !best.classes.includes(cls)) best.classes.push(cls);
    }
    if (best) break;
  }
  if (!best) return undefined;
  // "turn fail-open off", "switch the limiter on": a particle at the end decides the direction
  const tail = norms.slice(verbAt + best.length);
  if ((best.verb === 'turn' || best.verb === 'switch' || best.verb === 'flip') && tail.includes('off')) best.classes = ['disable'];
  else if ((best.verb === 'turn' || best.verb === 'switch' || best.verb === 'flip') && tail.includes('on')) best.classes = ['enable'];
  const { value, at } = parseValue(norms, verbAt + best.length);
  const objectWords = (at >= 0 ? norms.slice(verbAt + best.length, at) : tail).filter((w) => !NOT_OBJECT_SET.has(w) && !/^\d/.test(w));
  const reading: ActionReading = { verb: best.verb, classes: best.classes, object: objectWords };
  if (value) reading.value = value;
  if (value?.off && best.classes.includes('set')) reading.classes = ['disable'];
  return reading;
}
