import type { ActionValueSpec, ValueCase } from '../scenario/types.js';
import { VALUE_UNITS, readValue, type ActionValue, type ValueUnitId } from '../language/index.js';

// An action's value: the one the candidate names is the one applied, in the scenario's unit, and
// the scenario's case for it decides what follows. What the cases do not cover is refused with what
// the round does model, never swapped for the runbook's value. The scenario holds the content (which
// values lead where); this holds only the mechanism.

export type Resolved =
  | { ok: true; amount: number; shown: string; case: ValueCase; named: boolean }
  | { ok: false; shown: string; why: string; next: string };

const unitOf = (id: string) => VALUE_UNITS[id as ValueUnitId] as (typeof VALUE_UNITS)[ValueUnitId] | undefined;

function show(n: number, unitId: string): string {
  const u = unitOf(unitId);
  const num = Number.isInteger(n) ? n.toLocaleString('en-GB') : String(Math.round(n * 100) / 100);
  if (!u) return num;
  return /^[/%]/.test(u.short) ? `${num}${u.short}` : `${num} ${u.short}`;
}

const inCase = (c: ValueCase, v: number): boolean =>
  (c.atLeast === undefined || v >= c.atLeast) && (c.atMost === undefined || v <= c.atMost) && (c.below === undefined || v < c.below);

/** The values the cases cover, in words: "800/s, or 1,150/s and over". */
export function modelled(spec: ActionValueSpec): string {
  const s = (n: number) => show(n, spec.unit);
  const parts = spec.cases.map((c) => {
    const lo = c.atLeast;
    const hi = c.atMost ?? c.below;
    if (lo !== undefined && c.atMost !== undefined && lo === c.atMost) return s(lo);
    if (lo !== undefined && hi !== undefined) return `${s(lo)} to ${c.atMost !== undefined ? s(hi) : `under ${s(hi)}`}`;
    if (lo !== undefined) return `${s(lo)} and over`;
    if (hi !== undefined) return c.atMost !== undefined ? `up to ${s(hi)}` : `under ${s(hi)}`;
    return 'any value';
  });
  return parts.length <= 1 ? (parts[0] ?? 'no value') : `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}`;
}

/**
 * The value an action applies: the one named (converted to the scenario's unit; a bare number is
 * taken in it), else the scenario's default; with the case that holds for it.
 */
export function resolveValue(spec: ActionValueSpec, named: ActionValue | undefined): Resolved {
  const typed = named?.number !== undefined ? named : undefined;
  const value = typed ?? readValue(spec.default);
  const target = unitOf(spec.unit);
  if (!value || value.number === undefined || !target) return { ok: false, shown: spec.default, why: `this round cannot read ${spec.default}`, next: 'Name a value with its unit to go ahead.' };
  const from = value.unit ? unitOf(value.unit) : target;
  const shown = show(value.number, value.unit ?? spec.unit);
  if (!from || from.measure !== target.measure) {
    return { ok: false, shown, why: `${spec.name} is a ${target.measure}, and ${shown} is not`, next: `Name it as a ${target.measure} to go ahead.` };
  }
  const amount = (value.number * from.factor) / target.factor;
  const c = spec.cases.find((x) => inCase(x, amount));
  if (!c) return { ok: false, shown, why: `this round models ${spec.name} at ${modelled(spec)}`, next: 'Name a value it models to go ahead.' };
  return { ok: true, amount, shown, case: c, named: typed !== undefined };
}

/** The text with {value} as the value applied. */
export function withShown(text: string, shown: string): string {
  return text.replace(/\{value\}/g, shown);
}

/** Panel, event and interviewer text with {value ACTION} as the value that action last applied (its default before). */
export function fillValues(text: string, applied: Record<string, string> | undefined, specs: ReadonlyMap<string, ActionValueSpec>): string {
  if (!text.includes('{value ')) return text;
  return text.replace(/\{value ([a-z0-9][a-z0-9-]*)\}/g, (all, id: string) => {
    const got = applied?.[id];
    if (got !== undefined) return got;
    const spec = specs.get(id);
    if (!spec) return all;
    const r = resolveValue(spec, undefined);
    return r.shown;
  });
}
