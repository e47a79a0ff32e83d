import type { Debrief } from './types.js';

// JSON.stringify escapes C0 controls but passes DEL, C1 controls (0x9b is an 8-bit CSI), bidi
// overrides and line separators through raw; they only ever occur inside strings, so escaping
// them keeps the text exactly as typed while `cat`ting the JSON cannot drive the terminal.
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/** Pretty JSON for stdout, one object and a newline, with terminal-unsafe characters escaped. */
export function jsonOutput(value: unknown): string {
  const json = JSON.stringify(value, null, 2).replace(UNSAFE_IN_JSON, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `${json}\n`;
}

/** The Debrief object as it is (PRODUCT.md contract); JSON escapes any control characters. */
export function renderJson(debrief: Debrief): string {
  return jsonOutput(debrief);
}
