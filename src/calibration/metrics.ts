// Agreement figures between two raters on the 0..4 level scale. Pure functions over plain numbers.

export const LEVELS = 5;

/** A pair of ratings of the same item: `a` and `b` are levels 0..4. */
export interface Rated {
  a: number;
  b: number;
}

/**
 * Quadratic weighted kappa (Cohen 1968) between two raters on levels 0..k-1: 1 is perfect
 * agreement, 0 what chance would give with the raters' own marginals. Undefined (NaN) when
 * there are no items or when both raters give one and the same level to everything.
 */
export function qwk(items: readonly Rated[], k = LEVELS): number {
  const n = items.length;
  if (n === 0) return Number.NaN;
  const observed = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const ha = new Array<number>(k).fill(0);
  const hb = new Array<number>(k).fill(0);
  for (const { a, b } of items) {
    observed[a]![b]! += 1;
    ha[a]! += 1;
    hb[b]! += 1;
  }
  let num = 0;
  let den = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const w = ((i - j) * (i - j)) / ((k - 1) * (k - 1));
      num += w * observed[i]![j]!;
      den += (w * ha[i]! * hb[j]!) / n;
    }
  }
  if (den === 0) return num === 0 ? 1 : Number.NaN;
  return 1 - num / den;
}

export const exact = (items: readonly Rated[]): number => share(items, (r) => r.a === r.b);
export const within1 = (items: readonly Rated[]): number => share(items, (r) => Math.abs(r.a - r.b) <= 1);

export function share<T>(items: readonly T[], pred: (x: T) => boolean): number {
  if (items.length === 0) return Number.NaN;
  return items.filter(pred).length / items.length;
}

export function mean(xs: readonly number[]): number {
  return xs.length === 0 ? Number.NaN : xs.reduce((s, x) => s + x, 0) / xs.length;
}

/** Median of three or more numbers; of two, their mean. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((x, y) => x - y);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Pairwise order within groups: over every pair of items in the same group whose human levels
 * differ, the share the machine's scores put in the same order (a tie in score counts half).
 */
export function pairwiseOrder(items: readonly { group: string; human: number; score: number }[]): number {
  let pairs = 0;
  let agree = 0;
  const groups = new Map<string, { human: number; score: number }[]>();
  for (const it of items) {
    const g = groups.get(it.group) ?? [];
    g.push(it);
    groups.set(it.group, g);
  }
  for (const g of groups.values()) {
    for (let i = 0; i < g.length; i++) {
      for (let j = i + 1; j < g.length; j++) {
        const x = g[i]!;
        const y = g[j]!;
        if (x.human === y.human) continue;
        pairs++;
        const hd = Math.sign(x.human - y.human);
        const sd = Math.sign(x.score - y.score);
        if (sd === 0) agree += 0.5;
        else if (sd === hd) agree += 1;
      }
    }
  }
  return pairs === 0 ? Number.NaN : agree / pairs;
}

/** Level from a score and four ascending thresholds: the number of thresholds the score reaches. */
export function levelAt(score: number, thresholds: readonly number[]): number {
  let level = 0;
  for (const t of thresholds) if (score >= t) level++;
  return level;
}
