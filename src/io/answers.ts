import { UserError } from '../errors.js';
import { MAX_TEXT_BYTES, decodeText, readTextInput } from './input.js';

// Non-interactive turns: an answers file (a YAML list of strings) or stdin lines.

/** Parses an answers file: a YAML list of strings, one per turn, slash commands included. */
export async function parseAnswers(text: string, file: string): Promise<string[]> {
  const { parse } = await import('yaml');
  let value: unknown;
  try {
    value = parse(text, { maxAliasCount: 100 });
  } catch (err) {
    const msg = (err as Error).message.split('\n')[0] ?? '';
    if (/alias count/i.test(msg)) throw new UserError(`${file}: too many YAML alias expansions; refusing a possible alias bomb`);
    throw new UserError(`${file}: not valid YAML (${msg})`);
  }
  if (!Array.isArray(value)) {
    throw new UserError(`${file}: expected a YAML list of strings, one per turn (e.g. "- check the dashboards")`);
  }
  value.forEach((entry, i) => {
    if (typeof entry !== 'string') {
      const what = entry === null ? 'empty' : Array.isArray(entry) ? 'a list' : typeof entry === 'object' ? 'a mapping' : `a ${typeof entry}`;
      throw new UserError(`${file}: entry ${i + 1} is ${what}, expected a string (quote it if it contains ": ")`);
    }
  });
  if (value.length === 0) throw new UserError(`${file}: the list is empty; put one answer per turn (e.g. "- check the dashboards")`);
  return value as string[];
}

export async function readAnswersFile(file: string): Promise<string[]> {
  // the same reader as stories: size limit, binary and UTF-8 checks, directories, one-line errors
  const text = await readTextInput(file);
  if (text.trim() === '') throw new UserError(`${file}: file is empty, expected a YAML list of strings, one per turn`);
  return parseAnswers(text, file);
}

/** Each non-empty stdin line is a turn; no input at all is an error, not an empty round. */
export async function readStdinLines(stream: NodeJS.ReadableStream = process.stdin): Promise<string[]> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += b.length;
    if (size > MAX_TEXT_BYTES) throw new UserError(`stdin: input is larger than ${MAX_TEXT_BYTES / 1024 / 1024} MiB`);
    chunks.push(b);
  }
  const lines = decodeText(Buffer.concat(chunks), 'stdin')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  if (lines.length === 0) {
    throw new UserError('no answers on stdin: pipe one turn per line, pass --answers FILE, or run at a terminal to play');
  }
  return lines;
}
