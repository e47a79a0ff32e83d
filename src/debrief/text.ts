// Plain-text layout helpers shared by the renderers. They work on uncoloured text: colour is
// applied after wrapping, so widths are measured on what the reader sees.

/** Display width, counting wide East Asian and emoji code points as two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || (cp >= 0x300 && cp <= 0x36f) || cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f)) continue;
    w += isWide(cp) ? 2 : 1;
  }
  return w;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

export function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

export function padStart(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(s))) + s;
}

/**
 * Word-wraps one paragraph. The first line starts with `first` (e.g. "  ✓ "), later lines with
 * `rest` (spaces of the same width, usually). Words longer than a line are split.
 */
export function wrap(text: string, width: number, first = '', rest = ' '.repeat(displayWidth(first))): string[] {
  const lines: string[] = [];
  let line = first;
  let lineHasWord = false;
  const room = (prefix: string) => Math.max(10, width - displayWidth(prefix));
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let w = word;
    const sep = lineHasWord ? ' ' : '';
    if (displayWidth(line) + sep.length + displayWidth(w) <= width || (!lineHasWord && displayWidth(w) <= room(line))) {
      line += sep + w;
      lineHasWord = true;
      continue;
    }
    if (lineHasWord) {
      lines.push(line);
      line = rest;
      lineHasWord = false;
    }
    // a word longer than a whole line is cut into line-sized pieces
    while (displayWidth(w) > room(line)) {
      const cut = sliceToWidth(w, room(line));
      lines.push(line + cut);
      w = w.slice(cut.length);
      line = rest;
    }
    line += w;
    lineHasWord = w.length > 0;
  }
  if (lineHasWord || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

function sliceToWidth(s: string, width: number): string {
  let out = '';
  for (const ch of s) {
    if (displayWidth(out + ch) > width) break;
    out += ch;
  }
  return out || [...s][0]!;
}

/** Cuts to at most `width` columns, ending with an ellipsis when cut. */
export function truncate(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  return sliceToWidth(s, Math.max(1, width - 1)).trimEnd() + '…';
}

/** "m:ss" for a duration. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

const BAR_CELLS = 10;

/** A ten-cell bar for a 0–100 score. */
export function scoreBar(score: number): { filled: string; empty: string } {
  const n = Math.max(0, Math.min(BAR_CELLS, Math.round(score / (100 / BAR_CELLS))));
  return { filled: '█'.repeat(n), empty: '░'.repeat(BAR_CELLS - n) };
}

/**
 * A file path laid out to fit: broken only after a "/", never inside a name (a name longer than
 * the whole width stays whole). The first line starts with `first`; later lines start at column 0,
 * so each piece can be selected as it is.
 */
export function wrapPath(path: string, width: number, first = ''): string[] {
  const pieces = path.split(/(?<=\/)/);
  const lines: string[] = [];
  let line = first;
  for (const piece of pieces) {
    if (line !== first && line !== '' && displayWidth(line + piece) > width) {
      lines.push(line);
      line = '';
    }
    line += piece;
  }
  lines.push(line);
  return lines;
}

/**
 * Lines of a wrapped paragraph with no one-word last line: when the last line would hold a lone
 * word, the line before gives it its own last word, if that still fits the width.
 */
export function withoutOrphan(lines: string[], width: number, indent = ''): string[] {
  if (lines.length < 2) return lines;
  const last = lines[lines.length - 1]!;
  const before = lines[lines.length - 2]!;
  const lastWords = last.trim().split(/\s+/);
  const beforeWords = before.trim().split(/\s+/);
  if (lastWords.length !== 1 || beforeWords.length < 3) return lines;
  const moved = before.slice(before.trimEnd().lastIndexOf(' ') + 1).trimEnd();
  const kept = before.trimEnd().slice(0, before.trimEnd().lastIndexOf(' ')).trimEnd();
  const joined = `${indent}${moved} ${last.trim()}`;
  if (displayWidth(joined) > width) return lines;
  return [...lines.slice(0, -2), kept, joined];
}
