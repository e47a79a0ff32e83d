// Contractions expanded into the words they stand for ("won't" → "will not", "I'd" → "i would",
// "I'd been" → "i had been").
// One mechanism; each reader says which rules it reads by (the tables live in words.ts).

export interface ContractionRules {
  /** Whole words with an expansion of their own ("won't", "cannot"). */
  whole: Readonly<Record<string, readonly string[]>>;
  /** Endings and the word each stands for ("n't" → "not"). */
  suffixes: readonly (readonly [string, string])[];
  /** Words after which "'s" is "is" rather than a possessive ("it's", "that's"). */
  sIs?: ReadonlySet<string>;
}

/** One surface word as its normalised pieces: lower case, contractions expanded, possessives dropped. */
export function expandContraction(surface: string, rules: ContractionRules): string[] {
  const w = surface.toLowerCase().replace(/’/g, "'");
  // an own key only: "constructor" or "toString" is a word, not a contraction on Object.prototype
  const whole = Object.hasOwn(rules.whole, w) ? rules.whole[w] : undefined;
  if (whole) return [...whole];
  if (!w.includes("'")) return [w];
  for (const [suffix, word] of rules.suffixes) if (w.endsWith(suffix) && w.length > suffix.length) return [w.slice(0, -suffix.length), word];
  if (w.endsWith("'s")) {
    const base = w.slice(0, -2);
    return rules.sIs?.has(base) ? [base, 'is'] : [base];
  }
  return [w.replace(/'/g, '')];
}

/** What decides whether an "'d" is "had": the participles it may come before, and the adverbs that may stand between. */
export interface PerfectRules {
  participles: ReadonlySet<string>;
  adverbs: ReadonlySet<string>;
}

/**
 * "'d" before a past participle is "had", not "would": "I'd been up all night", "we'd already
 * paged them" tell what happened; "I'd page them" what one would do. `norms` are the words read,
 * `fromD` says which of them is the "would" of an "'d"; each such word that a participle follows
 * (past the adverbs that may stand between) is made "had", in place.
 */
export function perfectForD(norms: string[], fromD: readonly boolean[], rules: PerfectRules): void {
  for (let i = 0; i < norms.length; i++) {
    if (!fromD[i] || norms[i] !== 'would') continue;
    let j = i + 1;
    while (j < norms.length && rules.adverbs.has(norms[j]!)) j++;
    const next = norms[j] ?? '';
    if (rules.participles.has(next) || (next.length >= 4 && next.endsWith('ed') && !next.endsWith('eed'))) norms[i] = 'had';
  }
}
