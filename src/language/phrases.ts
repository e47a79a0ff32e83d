// Phrase look-up shared by the readers: a word list's phrases indexed by first word, longest
// first, so finding a phrase at a word is one map look-up, not a scan of the list.

/** A list of phrases, indexed by first word, longest first. */
export type PhraseIndex = ReadonlyMap<string, readonly string[][]>;

/** Index a word list's phrases ("pushed back", "refused") by their first word. */
export function phraseIndex(list: readonly string[]): PhraseIndex {
  const out = new Map<string, string[][]>();
  for (const p of list) {
    const words = p.split(' ');
    const l = out.get(words[0]!);
    if (l) l.push(words);
    else out.set(words[0]!, [words]);
  }
  for (const l of out.values()) l.sort((a, b) => b.length - a.length);
  return out;
}

/** The length of the longest phrase of the list that starts at word i, or 0. */
export function phraseAt(ws: readonly { norm: string }[], i: number, list: PhraseIndex): number {
  const candidates = i < ws.length ? list.get(ws[i]!.norm) : undefined;
  if (!candidates) return 0;
  for (const p of candidates) {
    if (i + p.length > ws.length) continue;
    let k = 1;
    while (k < p.length && ws[i + k]!.norm === p[k]) k++;
    if (k === p.length) return p.length;
  }
  return 0;
}

/** Some phrase of the list starts at a word in [from, to). */
export function anyPhrase(ws: readonly { norm: string }[], from: number, to: number, list: PhraseIndex): boolean {
  for (let i = Math.max(0, from); i < Math.min(to, ws.length); i++) if (phraseAt(ws, i, list) > 0) return true;
  return false;
}
