// Reading a window of a sentence without reading the sentence again for every match in it.
// Pure; the one cache is the texts read whole lately, a bounded number of them.

/** A word with where it starts and ends in the text read (every piece of one word shares them). */
export interface Spanned {
  start: number;
  end: number;
}

export interface WindowReader<W extends Spanned> {
  /** The words of a whole text, read once while the same text is asked about. */
  whole(text: string): W[];
  /**
   * The words of `text.slice(lo, hi)`, exactly as the reader reads that slice, with offsets into
   * the text: the text's own words that lie wholly inside, and the cut words at either edge read
   * afresh. A word that starts with a space (" - ") may read differently once cut, so the shared
   * words start at the first that does not.
   */
  window(text: string, lo: number, hi: number): W[];
}

/** How many texts a reader keeps read: a long answer's sentences, but not an unbounded number. */
const REMEMBERED = 512;
/** And not more text than this, counted in characters. */
const REMEMBERED_CHARS = 1 << 20;

/** A window reader over `read`, which gives a text's words with offsets from `base`. */
export function windowReader<W extends Spanned>(read: (text: string, base: number) => W[]): WindowReader<W> {
  // the texts read lately: the matches of one pattern after another walk the same sentences in turn
  const seen = new Map<string, W[]>();
  let chars = 0;
  const whole = (text: string): W[] => {
    let ws = seen.get(text);
    if (ws === undefined) {
      if (seen.size >= REMEMBERED || chars > REMEMBERED_CHARS) {
        seen.clear();
        chars = 0;
      }
      chars += text.length;
      ws = read(text, 0);
      seen.set(text, ws);
    }
    return ws;
  };
  const window = (text: string, lo: number, hi: number): W[] => {
    hi = Math.min(hi, text.length);
    const all = whole(text);
    if (lo <= 0 && hi >= text.length) return all;
    let a = 0;
    let b = all.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (all[mid]!.start < lo) a = mid + 1;
      else b = mid;
    }
    while (a < all.length && /\s/.test(text[all[a]!.start]!)) a++;
    b = a;
    while (b < all.length && all[b]!.end <= hi) b++;
    if (a === b) return read(text.slice(lo, hi), lo);
    const from = all[a]!.start;
    const to = all[b - 1]!.end;
    return [...read(text.slice(lo, from), lo), ...all.slice(a, b), ...read(text.slice(to, hi), to)];
  };
  return { whole, window };
}
