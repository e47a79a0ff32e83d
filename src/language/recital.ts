import { WORDS } from './words.js';

// A sentence that frames a view and then lists terms ("For me it's about alignment, shared
// ownership, clear interfaces and trust") recites; it tells nothing anyone did. Pure and linear.

const FRAMES = WORDS.framing.words.map((p) => ` ${p} `);
/** Any frame at all, in one pass: most sentences have none, and need not be searched for each. */
const ANY_FRAME = new RegExp(FRAMES.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
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
