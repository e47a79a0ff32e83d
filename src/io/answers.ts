import { readFile } from 'node:fs/promises';
import { UserError } from '../errors.js';

// Non-interactive turns: an answers file (a YAML list of strings) or stdin lines.

/** Parses an answers file: a YAML list of strings, one per turn, slash commands included. */
export async function parseAnswers(text: string, file: string): Promise<string[]> {
  const { parse } = await import('yaml');
  let value: unknown;
  try {
    value = parse(text);
  } catch (err) {
    const msg = (err as Error).message.split('\n')[0];
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
  return value as string[];
}

export async function readAnswersFile(file: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError(`${file}: no such file`);
    if (code === 'EISDIR') throw new UserError(`${file}: is a directory, expected a YAML file`);
    throw new UserError(`${file}: cannot read (${code ?? (err as Error).message})`);
  }
  return parseAnswers(text, file);
}

/** Each non-empty stdin line is a turn. */
export async function readStdinLines(stream: NodeJS.ReadableStream = process.stdin): Promise<string[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
}
