/** An expected failure caused by the user's input; printed as one line, never with a stack. */
export class UserError extends Error {
  readonly exitCode: number;
  /** One line saying what to do about it, printed under the message. */
  readonly hint: string | undefined;
  constructor(message: string, exitCode = 1, hint?: string) {
    super(message);
    this.name = 'UserError';
    this.exitCode = exitCode;
    this.hint = hint;
  }
}

/** The error as printed: `error: …` (a stop by Ctrl-C is said as is), then what to do. */
export function errorText(e: { name?: string; message?: string; exitCode?: number; hint?: string | undefined }): string {
  const message = e.message ?? '';
  const interrupted = e.exitCode === 130 || e.exitCode === 143;
  const head = interrupted || e.name === 'ContentError' ? message : `error: ${message.replace(/^mockloop: /, '')}`;
  return `${head}\n${e.hint ? `${e.hint}\n` : ''}`;
}

/** A problem found in a content file, positioned like a compiler diagnostic. */
export interface Problem {
  file: string;
  line: number;
  col: number;
  message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.col}: ${p.message}`;
}

/** Content files that failed to load or validate: one Problem per finding. */
export class ContentError extends UserError {
  readonly problems: Problem[];
  constructor(problems: Problem[], hint?: string) {
    super(problems.map(formatProblem).join('\n'), 1, hint);
    this.name = 'ContentError';
    this.problems = problems;
  }
}
