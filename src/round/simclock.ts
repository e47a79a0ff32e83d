/** Simulated wall clock of an incident round, as minutes since midnight ("02:47" → 167). */

export function parseClock(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!m) throw new Error(`not a clock time: ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Minutes since midnight (may run past 24h) → "HH:MM". */
export function formatClock(minutes: number): string {
  const m = ((Math.round(minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/**
 * Minutes for a "HH:MM" given the round's start, so a round that starts at 23:50 and
 * names 00:10 means twenty minutes later, not earlier.
 */
export function clockAfterStart(hhmm: string, startMinutes: number): number {
  let t = parseClock(hhmm);
  const startOfDay = startMinutes % 1440;
  const base = startMinutes - startOfDay;
  t += base;
  if (t < startMinutes - 12 * 60) t += 1440;
  return t;
}

/** "12m 30s" style remaining time for prompts and notices. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  if (m === 0) return `${s}s`;
  return s === 0 ? `${m}m` : `${m}m ${String(s).padStart(2, '0')}s`;
}

/** A small seeded PRNG (mulberry32) so prompt choices are reproducible from a seed. */
export function seededIndex(seed: number, salt: string, length: number): number {
  if (length <= 0) return 0;
  let h = seed >>> 0;
  for (let i = 0; i < salt.length; i++) h = Math.imul(h ^ salt.charCodeAt(i), 2654435761) >>> 0;
  let t = (h + 0x6d2b79f5) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  const r = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  return Math.floor(r * length);
}

// A number on a board that moves with the simulated clock: "{ramp 8700 +350/min from 03:00}" is
// 8,700 at 03:00 and 15,700 at 03:20; "min" and "max" bound it ("{ramp 91 +0.5/min from 02:55 max 99}").
const RAMP_RE = /\{ramp (-?[\d,]+(?:\.\d+)?) ([+-]\d+(?:\.\d+)?)\/min from (\d{1,2}:\d{2})(?: min (-?\d+(?:\.\d+)?))?(?: max (-?\d+(?:\.\d+)?))?\}/g;

function formatLike(value: number, start: string): string {
  const decimals = start.split('.')[1]?.length ?? 0;
  const fixed = value.toFixed(decimals);
  if (!start.includes(',') && Math.abs(value) < 10_000) return fixed;
  const [int, frac] = fixed.split('.');
  return `${int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac ? `.${frac}` : ''}`;
}

/** A board's text at a simulated time: each ramp replaced by its value then. */
export function renderRamps(text: string, now: number, startAt: number): string {
  return text.replace(RAMP_RE, (_m, start: string, rate: string, from: string, min?: string, max?: string) => {
    const minutes = Math.max(0, now - clockAfterStart(from, startAt));
    let value = Number(start.replace(/,/g, '')) + Number(rate) * minutes;
    if (min !== undefined) value = Math.max(Number(min), value);
    if (max !== undefined) value = Math.min(Number(max), value);
    return formatLike(value, start);
  });
}

/** A board's text for a reader who sees every view at once (the facilitator): each ramp at its start. */
export function describeRamps(text: string): string {
  return text.replace(RAMP_RE, (_m, start: string) => start);
}
