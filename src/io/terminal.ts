import { PassThrough } from 'node:stream';
import { formatDuration } from '../round/simclock.js';
import { sanitize, stripControls } from '../debrief/sanitize.js';
import { displayWidth, truncate, wrap } from '../debrief/text.js';
import { write } from './output.js';
import { Interrupted, PASTE_MARK, type PromptInfo, type TurnSource } from './play.js';

// Every prompt mockloop shows goes through this module: one place that owns the terminal's
// input, turns Ctrl-C (inquirer's ExitPromptError) into Interrupted, and gathers a pasted
// multi-line answer into one turn.

/** Lines that arrive within this many ms of each other are one paste, hence one answer. */
export const PASTE_GAP_MS = 30;
const MARK_CHAR = PASTE_MARK;

type Inquirer = typeof import('@inquirer/prompts');
let inquirer: Inquirer | undefined;
async function prompts(): Promise<Inquirer> {
  inquirer ??= await import('@inquirer/prompts');
  return inquirer;
}

function isExitPrompt(err: unknown): boolean {
  return (err as { name?: string })?.name === 'ExitPromptError';
}

/**
 * A TTY-looking stream between the real stdin and inquirer. A newline that ends a burst of
 * input is held for PASTE_GAP_MS: if more input follows at once it was part of a paste and
 * becomes a visible mark, otherwise it is the Enter key. Escape sequences pass untouched.
 */
class PasteJoiner {
  readonly stream: PassThrough & { isTTY: boolean; setRawMode(mode: boolean): void };
  private held: NodeJS.Timeout | undefined;
  private attached = false;
  private readonly onData = (chunk: Buffer | string) => this.feed(chunk.toString());

  constructor(private readonly stdin: NodeJS.ReadStream) {
    const stream = new PassThrough() as PasteJoiner['stream'];
    stream.isTTY = true;
    stream.setRawMode = () => {
      // the real stdin stays in raw mode while attached
    };
    this.stream = stream;
  }

  attach(): void {
    if (this.attached) return;
    this.attached = true;
    if (this.stdin.isTTY) this.stdin.setRawMode(true);
    this.stdin.on('data', this.onData);
    this.stdin.resume();
  }

  /** Gives the real terminal back (for $EDITOR, or on exit). */
  detach(): void {
    if (!this.attached) return;
    this.attached = false;
    this.flush();
    this.stdin.off('data', this.onData);
    if (this.stdin.isTTY) this.stdin.setRawMode(false);
    this.stdin.pause();
  }

  private flush(): void {
    if (this.held) {
      clearTimeout(this.held);
      this.held = undefined;
      this.stream.write('\r');
    }
  }

  private feed(data: string): void {
    if (this.held) {
      // more input right after a newline: the newline was inside a paste
      clearTimeout(this.held);
      this.held = undefined;
      this.stream.write(MARK_CHAR);
    }
    // newlines inside one chunk are a paste; \r\n counts once
    let text = data.replace(/\r\n/g, '\n');
    const trailing = /[\r\n]$/.test(text) && text.length > 0;
    if (trailing) text = text.slice(0, -1);
    if (text.length > 0 && !text.startsWith('\x1b')) text = text.replace(/[\r\n]/g, MARK_CHAR);
    if (text.length > 0) this.stream.write(text);
    if (trailing) {
      this.held = setTimeout(() => {
        this.held = undefined;
        this.stream.write('\r');
      }, PASTE_GAP_MS);
    }
  }
}

let joiner: PasteJoiner | undefined;
function terminalInput(): PasteJoiner {
  joiner ??= new PasteJoiner(process.stdin);
  joiner.attach();
  return joiner;
}

/** Releases the terminal: call before printing the debrief or exiting. */
export function releaseTerminal(): void {
  joiner?.detach();
}

/** Runs one inquirer prompt with mockloop's input; Ctrl-C becomes Interrupted('SIGINT'). */
async function run<T>(open: (p: Inquirer, input: NodeJS.ReadableStream) => Promise<T>): Promise<T> {
  const p = await prompts();
  const input = terminalInput().stream;
  try {
    return await open(p, input);
  } catch (err) {
    if (isExitPrompt(err)) throw new Interrupted('SIGINT');
    throw err;
  }
}

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
}

/** Choices drawn by inquirer: titles and summaries from scenario packs, cleaned of controls and escapes. */
function safeChoices<C extends Choice<unknown>>(choices: C[]): C[] {
  return choices.map((c) => ({ ...c, name: sanitize(c.name), ...(c.description !== undefined ? { description: sanitize(c.description) } : {}) }));
}

/** The columns inquirer lays its prompts out in (it wraps whatever is wider, mid-word). */
function columnsOf(output: NodeJS.WritableStream): number {
  const columns = (output as NodeJS.WriteStream).columns;
  return columns && columns > 0 ? columns : 80;
}

/**
 * A menu's choices laid out before inquirer sees them: a long name wraps under itself (after the
 * two columns of the pointer), a description under the list, both at word boundaries; the line
 * shown once chosen is the name cut to one line.
 */
export function fitChoices<T>(message: string, choices: Choice<T>[], width: number): (Choice<T> & { short: string })[] {
  const room = Math.max(20, width - 2);
  return choices.map((ch) => {
    const fitted: Choice<T> & { short: string } = {
      ...ch,
      name: wrap(ch.name, room).join('\n  '),
      short: truncate(ch.name, Math.max(10, width - displayWidth(`✔ ${message} `))),
    };
    if (ch.description !== undefined) fitted.description = wrap(ch.description, Math.max(20, width)).join('\n');
    return fitted;
  });
}

/** A menu choice (inquirer select). */
export async function choose<T>(message: string, choices: Choice<T>[]): Promise<T> {
  try {
    const fitted = fitChoices(sanitize(message), safeChoices(choices), columnsOf(process.stdout));
    return await run((p, input) => p.select<T>({ message: sanitize(message), choices: fitted, pageSize: 12 }, { input }));
  } finally {
    releaseTerminal();
  }
}

/**
 * The answer as it stays on screen once sent, wrapped at word boundaries to the terminal: the
 * first line after the prompt, the rest indented under it. Inquirer would otherwise wrap it
 * mid-word, with the breaking space at the start of the next line.
 */
export function fitAnswer(promptLine: string, answer: string, width: number): string {
  const first = displayWidth(`${promptLine} `);
  const lines: string[] = [];
  const words = answer.split(/\s+/).filter(Boolean);
  let line = '';
  let room = width - first;
  for (const word of words) {
    if (line !== '' && displayWidth(`${line} ${word}`) > room) {
      lines.push(line);
      line = word;
      room = width - 2;
      continue;
    }
    if (line === '' && lines.length === 0 && displayWidth(word) > room) {
      // not even the first word fits beside the prompt: start under it
      lines.push('');
      room = width - 2;
    }
    line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines.join('\n  ');
}

/** Several choices at once (inquirer checkbox): space toggles, Enter confirms. */
export async function chooseMany<T>(
  message: string,
  choices: (Choice<T> & { checked?: boolean })[],
  output: NodeJS.WritableStream = process.stdout,
): Promise<T[]> {
  try {
    return await run((p, input) => p.checkbox<T>({ message: sanitize(message), choices: safeChoices(choices), pageSize: Math.min(20, Math.max(5, choices.length)), loop: false }, { input, output }));
  } finally {
    releaseTerminal();
  }
}

/** A long answer in $EDITOR. The terminal is handed to the editor while it runs. */
export async function editAnswer(message: string, question?: string, output: NodeJS.WritableStream = process.stdout): Promise<string> {
  const p = await prompts();
  releaseTerminal();
  try {
    const text = await p.editor(
      { message, waitForUserInput: false, postfix: '.md', default: editorPreamble(question), theme: { prefix: { idle: '›', done: '›' } } },
      // with --json the round talks on stderr: the editor's status line must not land in the JSON
      { input: new PassThrough(), output },
    );
    return withoutPreamble(text);
  } catch (err) {
    if (isExitPrompt(err)) throw new Interrupted('SIGINT');
    throw err;
  }
}

const PREAMBLE_END = '-->';

/** The question being answered, at the top of the editor's file, in a comment that is not sent. */
export function editorPreamble(question?: string): string {
  const asked = question ? `The interviewer asked:\n${stripControls(question).replace(/-->/g, '—>')}\n\n` : '';
  return `<!--\n${asked}Write your answer below this comment, then save and close the editor.\nThis comment is not sent. Close without writing anything to go back to the prompt.\n${PREAMBLE_END}\n\n`;
}

/** The answer written in the editor, without the preamble (wherever it was left). */
export function withoutPreamble(text: string): string {
  return text.replace(/<!--[\s\S]*?-->/g, '').trim();
}

export const TERMINAL_HELP = [
  'Type what you would say or do, in your own words, and press Enter.',
  'A pasted multi-line answer is sent as one turn (its line breaks show as ↵).',
  'Commands:',
  '  /time    time left in the round and in this part',
  '  /hint    a nudge towards what this question is after',
  '  /panels  the dashboards you have asked for, and the ones that exist',
  '  /edit    write a long answer in $EDITOR',
  '  /skip    move on to the next part of the round',
  '  /end     end the round now and see the debrief',
  '  /help    this list',
  'Ctrl-C saves every answer you have sent (not a line still being typed) and exits; mockloop resume carries on.',
].join('\n');

export function promptMessage(info: PromptInfo): string {
  const parts: string[] = [];
  if (info.remainingMs !== null) parts.push(`${formatDuration(info.remainingMs)} left`);
  if (info.clock) parts.push(info.clock);
  parts.push(info.phaseTitle);
  // inquirer draws the prompt itself: what came from a scenario pack is cleaned here
  return sanitize(`[${parts.join(' · ')}]`);
}

interface LiveConfig {
  /** The prompt's message, read again at every redraw so the countdown moves. */
  message: () => string;
  /** Text put back on the line when the prompt opens. */
  draft: string;
  /** Wake (resolve with the line as typed) after this many ms; none when undefined. */
  wakeInMs?: number;
  /** The terminal's columns: the sent answer is laid out to them. */
  width: number;
}

type LiveAnswer = { line: string; woke: boolean };
type LivePrompt = (config: LiveConfig, context: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream; signal: AbortSignal }) => Promise<LiveAnswer>;

let livePrompt: LivePrompt | undefined;
/** A one-line input whose countdown redraws every second and that wakes with the line being typed. */
async function live(): Promise<LivePrompt> {
  if (livePrompt) return livePrompt;
  const { createPrompt, useState, useEffect, useKeypress, isEnterKey } = await import('@inquirer/core');
  livePrompt = createPrompt<LiveAnswer, LiveConfig>((config, done) => {
    const [value, setValue] = useState(config.draft);
    const [status, setStatus] = useState<'idle' | 'done' | 'woke'>('idle');
    const [, redraw] = useState(0);
    useEffect((rl) => {
      if (config.draft) rl.write(config.draft);
      const deadline = config.wakeInMs === undefined ? undefined : Date.now() + config.wakeInMs;
      const timer = setInterval(() => {
        if (deadline !== undefined && Date.now() >= deadline) {
          clearInterval(timer);
          setStatus('woke');
          done({ line: rl.line, woke: true });
          return;
        }
        redraw(Date.now());
      }, 250);
      return () => clearInterval(timer);
    }, []);
    useKeypress((key, rl) => {
      if (status !== 'idle') return;
      if (isEnterKey(key)) {
        setStatus('done');
        done({ line: value, woke: false });
      } else setValue(rl.line);
    });
    // woken, the line leaves no trace: it comes back in the next prompt, after the notice
    if (status === 'woke') return '';
    const head = `› ${config.message()}`;
    // once sent, the answer stays on screen wrapped at word boundaries; while typing, inquirer
    // keeps the cursor on the line it draws
    return `${head} ${status === 'done' ? fitAnswer(head, value, config.width) : value}`;
  }) as unknown as LivePrompt;
  return livePrompt;
}

/** Turns typed at the terminal: a live prompt per turn, its countdown running while the candidate thinks. */
export function terminalSource(output: NodeJS.WritableStream = process.stdout): TurnSource {
  return {
    interactive: true,
    live: true,
    async next(info, signal) {
      const shownAt = Date.now();
      const message = () =>
        promptMessage(info.remainingMs === null ? info : { ...info, remainingMs: Math.max(0, info.remainingMs - (Date.now() - shownAt)) });
      const prompt = await live();
      const config: LiveConfig = { message, draft: info.draft ?? '', width: columnsOf(output) };
      if (info.wakeInMs !== undefined) config.wakeInMs = info.wakeInMs;
      let answer: LiveAnswer;
      try {
        answer = await prompt(config, { input: terminalInput().stream, output, signal });
      } catch (err) {
        if (isExitPrompt(err)) throw new Interrupted('SIGINT');
        throw err;
      }
      if (answer.woke) return { woke: true, draft: answer.line };
      const text = answer.line.split(MARK_CHAR).join('\n');
      if (text.trim() === '/edit') {
        const asked = [...info.state.transcript].reverse().find((e) => e.role === 'interviewer' && e.kind !== 'notice');
        const long = await editAnswer('Answer in the editor (/edit)', asked?.text, output);
        terminalInput();
        // show what was written, since the editor's screen is gone
        if (long) write(output, `${long.split('\n').map((l) => `  ${l}`).join('\n')}\n`);
        else write(output, '  Nothing was written; back to the question.\n');
        return long;
      }
      return text;
    },
  };
}
