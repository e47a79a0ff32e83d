import type { Debrief } from './types.js';

/** The Debrief object as it is (PRODUCT.md contract); JSON escapes any control characters. */
export function renderJson(debrief: Debrief): string {
  return `${JSON.stringify(debrief, null, 2)}\n`;
}
