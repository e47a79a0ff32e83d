import { fstatSync } from 'node:fs';
import { UserError } from '../errors.js';
import { MAX_TEXT_BYTES, decodeText, readLimited, readTextInput } from './input.js';
import type { TurnSource } from './play.js';

// Non-interactive turns: an answers file (a YAML list of strings) or stdin lines.

const ANSWERS_HINT = 'an answers file is a YAML list of strings, one per turn, e.g.  - "check the dashboards"';

/** Parses an answers file: a YAML list of strings, one per turn, slash commands included. */
export async function parseAnswers(text: string, file: string): Promise<string[]> {
  const { LineCounter, parseDocument } = await import('yaml');
  let value: unknown;
  try {
    // logLevel 'error': a warning (an unknown tag) is reported below in one line, not by Node
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, logLevel: 'error' });
    const first = doc.errors[0] ?? doc.warnings[0];
    if (first) {
      const { line, col } = lines.linePos(first.pos[0]);
      // the parser's first line, without its own "at line 3, column 1:" (the position leads instead)
      const msg = (first.message.split('\n')[0] ?? '').replace(/\s*at line \d+, column \d+:?\s*$/, '');
      throw new UserError(`${file}:${line}:${col}: ${first.code === 'TAG_RESOLVE_FAILED' ? msg.replace(/^Unresolved tag/, 'unknown YAML tag') : `not valid YAML: ${msg}`}`, 1, ANSWERS_HINT);
    }
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    if (err instanceof UserError) throw err;
    const msg = ((err as Error).message.split('\n')[0] ?? '').replace(/\s*at line \d+, column \d+:?\s*$/, '');
    if (/alias count/i.test(msg)) throw new UserError(`${file}: too many YAML alias expansions; refusing a possible alias bomb`);
    throw new UserError(`${file}: not valid YAML: ${msg}`, 1, ANSWERS_HINT);
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
  const lines = decodeText(await readLimited(stream, 'stdin'), 'stdin')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  if (lines.length === 0) {
    throw new UserError('no answers on stdin: pipe one turn per line, pass --answers FILE, or run at a terminal to play');
  }
  return lines;
}

type StdinLike = NodeJS.ReadableStream & { ref?(): unknown; unref?(): unknown; destroy?(): unknown };

/** Settles with `p`, or rejects with the signal's reason as soon as it aborts. */
function unlessAborted<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return p;
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e as Error);
      },
    );
  });
}

/** Non-empty lines of a byte stream as they arrive, each checked as UTF-8 text. */
function lineReader(stream: StdinLike): (signal?: AbortSignal) => Promise<string | null> {
  const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const parts: Buffer[] = [];
  let partBytes = 0;
  const ready: Buffer[] = [];
  let ended = false;
  let lineNo = 0;
  return async function next(signal?: AbortSignal): Promise<string | null> {
    for (;;) {
      let raw = ready.shift();
      if (raw === undefined && ended && partBytes > 0) {
        raw = Buffer.concat(parts.splice(0));
        partBytes = 0;
      }
      if (raw !== undefined) {
        lineNo += 1;
        const line = decodeText(raw, `stdin line ${lineNo}`).replace(/\r$/, '');
        if (line.trim() !== '') return line;
        continue;
      }
      if (ended) return null;
      // only hold the process open while a line is awaited: a finished round exits even if the pipe stays open
      stream.ref?.();
      let chunk: IteratorResult<Buffer | string>;
      try {
        chunk = await unlessAborted(chunks.next(), signal);
      } catch (err) {
        stream.destroy?.();
        throw err;
      } finally {
        stream.unref?.();
      }
      if (chunk.done) {
        ended = true;
        continue;
      }
      let b = Buffer.isBuffer(chunk.value) ? chunk.value : Buffer.from(chunk.value);
      for (let nl = b.indexOf(0x0a); nl >= 0; nl = b.indexOf(0x0a)) {
        ready.push(Buffer.concat([...parts.splice(0), b.subarray(0, nl)]));
        partBytes = 0;
        b = b.subarray(nl + 1);
      }
      parts.push(b);
      partBytes += b.length;
      if (partBytes > MAX_TEXT_BYTES) throw new UserError(`stdin line ${lineNo + ready.length + 1}: longer than ${MAX_TEXT_BYTES / 1024 / 1024} MiB`);
    }
  };
}

/** True when fd 0 is a pipe or socket: a driver may still be writing, waiting for each prompt. */
function stdinIsPipe(): boolean {
  try {
    const info = fstatSync(0);
    return info.isFIFO() || info.isSocket();
  } catch {
    return true;
  }
}

/**
 * Non-interactive stdin as turns. From a pipe, each line plays as it arrives (never waiting for the
 * end of input, which a driver answering prompt by prompt would not send), so a round fed by a
 * pipe that stays open plays and journals as it goes and Ctrl-C keeps what was played. From a
 * file or /dev/null the input is all there is, and none at all is an error.
 */
export async function stdinTurns(stream: StdinLike = process.stdin, piped = stream === process.stdin ? stdinIsPipe() : true): Promise<TurnSource> {
  if (!piped) {
    const lines = await readStdinLines(stream);
    return { interactive: false, next: async () => lines.shift() ?? null };
  }
  const next = lineReader(stream);
  return { interactive: false, next: (_prompt, signal) => next(signal) };
}
