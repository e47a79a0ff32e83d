// Contractions expanded into the words they stand for ("won't" → "will not", "I'd" → "i would").
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
