import { Chalk, type ChalkInstance } from 'chalk';
import type { TranscriptEntry } from '../round/transcript.js';
import { clipQuote, stripControls } from '../debrief/sanitize.js';
import { displayWidth, withoutOrphan } from '../debrief/text.js';

// The transcript as it plays: interviewer lines, the system's panels in a box, notices dimmed.
// A pure formatter; the caller decides where it goes and whether it has colour.

export interface LiveStyle {
  colour: boolean;
  width: number;
  /** Print candidate turns (scripted play); at a terminal the prompt already shows them. */
  echoCandidate: boolean;
}

/** Longest candidate turn echoed in scripted play: a pasted megabyte is scored, not reprinted. */
export const MAX_ECHO_CHARS = 2000;

/** Strips escape sequences, controls and bidi overrides (keeps newlines and tabs) so text cannot drive the terminal. */
function clean(text: string): string {
  return stripControls(text);
}

function wrapLine(line: string, width: number, orphans = false): string[] {
  if (displayWidth(line) <= width) return [line];
  const indent = /^\s*/.exec(line)![0];
  const out: string[] = [];
  let cur = '';
  for (const word of line.trim().split(/\s+/)) {
    if (cur && displayWidth(indent + cur + ' ' + word) > width) {
      out.push(indent + cur);
      cur = word;
    } else cur = cur ? `${cur} ${word}` : word;
  }
  if (cur) out.push(indent + cur);
  // a panel line just over the width would leave one word alone on the next line
  return orphans ? out : withoutOrphan(out, width, indent);
}

/** `orphans`: a lone last word is fine (a heading whose last line the clock joins). */
function wrap(text: string, width: number, orphans = false): string[] {
  return clean(text)
    .trimEnd()
    .split('\n')
    .flatMap((l) => wrapLine(l, Math.max(20, width), orphans));
}

/** A box's heading, wrapped under its first line; `tail` (the clock) stays whole on the last line. */
function heading(c: ChalkInstance, head: string, width: number, tail = ''): string[] {
  const lines = wrap(head, width - 5, tail !== '');
  const last = lines.length - 1;
  if (tail && (lines[last]! + tail).length > width - 5) lines.push(tail.trimStart());
  else if (tail) lines[last] = lines[last]! + tail;
  const tailAt = tail ? lines.length - 1 : -1;
  return lines.map((l, i) => {
    const text = i === tailAt ? c.bold(l.slice(0, l.length - tail.trimStart().length)) + c.dim(tail.trimStart()) : c.bold(l);
    return `${i === 0 ? c.bold('  ┌─ ') : '     '}${text}`;
  });
}

function box(c: ChalkInstance, head: string | string[], body: string, width: number): string {
  const inner = width - 4;
  const lines = Array.isArray(head) ? [...head] : [c.bold(`  ┌─ ${head}`)];
  // telemetry keeps its columns: long lines are wrapped but never re-flowed
  for (const l of wrap(body, inner)) lines.push(`  ${c.dim('│')} ${l}`);
  lines.push(`  ${c.dim('└─')}`);
  return lines.join('\n');
}

export function formatEntry(e: TranscriptEntry, style: LiveStyle): string | undefined {
  const c = new Chalk({ level: style.colour ? 1 : 0 });
  const w = style.width;
  const at = e.clock ? `${e.clock}  ` : '';
  switch (e.role) {
    case 'candidate':
      if (!style.echoCandidate) return undefined;
      return wrap(clipQuote(stripControls(e.text), MAX_ECHO_CHARS), w - 2)
        .map((l, i) => `${i === 0 ? c.green('> ') : '  '}${l}`)
        .join('\n');
    case 'interviewer': {
      if (e.kind === 'notice') return wrap(`Hint: ${e.text}`, w - 2).map((l) => c.yellow(`  ${l}`)).join('\n');
      const label = e.kind === 'wrapup' ? 'Interviewer' : 'Interviewer';
      const [first = '', ...rest] = wrap(e.text, w - 13);
      return [`${c.cyan.bold(`${label}:`)} ${first}`, ...rest.map((l) => `             ${l}`)].join('\n');
    }
    case 'system':
      switch (e.kind) {
        case 'page': {
          const [head = '', ...body] = e.text.split('\n');
          return box(c, heading(c.red, head, w), body.join('\n'), w);
        }
        case 'panel':
          return box(c, heading(c, e.title ?? e.ref ?? 'panel', w, e.clock ? `  · ${e.clock}` : ''), e.text, w);
        case 'notice':
          // one bullet per line of the notice; a line that wraps continues under its text
          return clean(e.text)
            .trimEnd()
            .split('\n')
            .flatMap((line) => wrapLine(line, Math.max(20, w - 4)).map((l, i) => c.dim(`${i === 0 ? '  · ' : '    '}${l}`)))
            .join('\n');
        default: {
          const tag = e.kind === 'event' ? c.magenta('event') : e.kind === 'action' ? c.blue(e.title ?? 'action') : c.dim('system');
          const lines = wrap(e.text, w - 6);
          return [`  ${c.dim(at)}${tag}`, ...lines.map((l) => `    ${l}`)].join('\n');
        }
      }
  }
}
