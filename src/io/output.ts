import { ESCAPES } from '../debrief/sanitize.js';
import { colourEnabled } from './colour.js';

// The one place mockloop's own output reaches stdout and stderr. Whatever a string came from (a
// scenario pack, a saved round, a file name, a key in a problem message), it is made safe here:
// no escape sequence but the colours mockloop itself asked for, no control characters but tab and
// newline, no C1 controls and no bidi overrides. Prompts (inquirer draws them) are cleaned where
// they are built, in io/terminal.ts.

/** C0 controls but tab and newline, DEL, C1 controls, and the bidi overrides and isolates. */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const SGR = /^\u001b\[[0-9;]*m$/;
// a whole escape sequence first, so a kept colour's ESC is not taken for a lone control
const UNSAFE = new RegExp(`${ESCAPES.source}|${CONTROLS.source}`, 'g');

/** Text that cannot drive a terminal; colour sequences are kept only when colour is on. */
export function terminalSafe(text: string, keepColour: boolean): string {
  return text.replace(/\r\n/g, '\n').replace(UNSAFE, (seq) => (keepColour && SGR.test(seq) ? seq : ''));
}

function colourFor(stream: NodeJS.WritableStream): boolean {
  return colourEnabled({ env: process.env, isTTY: (stream as { isTTY?: boolean }).isTTY === true });
}

/** Writes text to a stream (stdout, stderr, or the round's live stream), made safe. */
export function write(stream: NodeJS.WritableStream, text: string): void {
  stream.write(terminalSafe(text, colourFor(stream)));
}

export const writeOut = (text: string): void => write(process.stdout, text);
export const writeErr = (text: string): void => write(process.stderr, text);
