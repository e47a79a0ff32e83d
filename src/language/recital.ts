import { WORDS } from './words.js';

// A sentence that frames a view and then lists terms ("For me it's about alignment, shared
// ownership, clear interfaces and trust") recites; it tells nothing anyone did. Pure and linear.

const FRAMES = WORDS.framing.words.map((p) => ` ${p} `);
/** Any frame at all, in one pass: most sentences have none, and need not be searched for each. */
const ANY_FRAME = new RegExp(FRAMES.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
/**
 * One word of each frame that the sentence, lower-cased, must hold as it is written: not "am" or
 * "is" (normalised spells them out of "I'm" and "it's") and no apostrophe. A sentence with none
 * of them cannot hold a frame once normalised, and is not normalised at all.
 */
const FRAME_KEYS: RegExp | undefined = (() => {
  const keys = FRAMES.map(
    (f) =>
      f
        .trim()
        .split(' ')
        .filter((w) => w !== 'am' && w !== 'is' && !w.includes("'"))
        // the longest, the last of equals ("the key is": "key")
        .reduce<string | undefined>((best, w) => (best === undefined || w.length >= best.length ? w : best), undefined),
  );
  if (keys.some((k) => !k || !/^[a-z]+$/.test(k))) return undefined;
  return new RegExp([...new Set(keys)].join('|'));
})();
/** Items a recital lists after its frame. */
const MIN_ITEMS = 3;
/** Words per listed item, on average, at most. */
const MAX_ITEM_WORDS = 5;

function normalised(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[’]/g, "'")
    .replace(/\bi'm\b/g, 'i am')
    .replace(/\b(it|that|there|what)'s\b/g, '$1 is')
    .replace(/[^\p{L}\p{N},;:'\s-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `;
}

/** Whether the sentence frames a view and then lists at least three short terms. */
export function isFramedList(sentence: string): boolean {
  if (FRAME_KEYS && !FRAME_KEYS.test(sentence.toLowerCase())) return false;
  const text = normalised(sentence);
  if (!ANY_FRAME.test(text)) return false;
  let at = -1;
  for (const f of FRAMES) {
    const i = text.indexOf(f);
    if (i >= 0 && (at < 0 || i < at)) at = i + f.length;
  }
  if (at < 0) return false;
  const items = text
    .slice(at)
    .split(/\s*(?:[,;:]|\band\b|\bor\b)\s*/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (items.length < MIN_ITEMS) return false;
  const words = items.reduce((n, p) => n + p.split(' ').length, 0);
  return words / items.length <= MAX_ITEM_WORDS;
}
