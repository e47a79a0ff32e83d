// Candidate-derived text (evidence, transcript lines) is echoed back to the terminal. Anything that
// could move the cursor, change colours, set the window title or reorder text is removed first.

// CSI (ESC [ or 8-bit 0x9B) params + final byte; OSC/DCS/PM/APC/SOS strings up to BEL or ST;
// any other two-byte ESC sequence.
export const ESCAPES =
  /(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?|(?:\u001b[\]PX^_]|[\u0090\u009d\u009e\u009f\u0098])[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[\u0020-\u007e]?/g;
// C0 and C1 controls except tab/newline/carriage return, DEL, and the bidi overrides/isolates
// that can make text render in an order different from its bytes.
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export interface SanitizeOptions {
  /** Keep line breaks (transcripts); otherwise all whitespace runs become one space (evidence). */
  multiline?: boolean;
}

/** Removes escape sequences and controls but keeps the layout (tabs, line breaks; a lone CR becomes a line break). */
export function stripControls(text: string): string {
  return text.replace(ESCAPES, '').replace(/\r\n?/g, '\n').replace(CONTROLS, '');
}

/**
 * A line without its trailing spaces. A loop, not `/[ ]+$/gm`: that regex tries every space of a
 * long run inside a line and backtracks over the rest of the run each time (40 KB took seconds).
 */
function trimLineEnd(line: string): string {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\u00a0')) end--;
  return end === line.length ? line : line.slice(0, end);
}

export function sanitize(text: string, options: SanitizeOptions = {}): string {
  let out = text.replace(ESCAPES, '').replace(CONTROLS, '');
  if (options.multiline) {
    out = out.replace(/\r\n?/g, '\n').replace(/\t/g, '  ');
    return out.split('\n').map(trimLineEnd).join('\n').replace(/\n{3,}/g, '\n\n').trim();
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** Longest quote a debrief shows: evidence is a sentence, and a pasted wall of text is not one. */
export const MAX_QUOTE_CHARS = 280;

/** Cuts an over-long quote at a word boundary, saying how much was left out. */
export function clipQuote(text: string, max = MAX_QUOTE_CHARS): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max);
  // never split a surrogate pair
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  const space = cut.lastIndexOf(' ');
  if (space > max * 0.6) cut = cut.slice(0, space);
  const left = text.length - cut.length;
  return `${cut.trimEnd()} … [${left.toLocaleString('en-US')} more characters]`;
}
