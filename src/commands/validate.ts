import { UserError, formatProblem } from '../errors.js';
import { defaultContentChecks, validateContent, type ContentCheck } from '../content/index.js';

export interface ValidateCommandOptions {
  scenarios?: string;
  /** Whole-set checks to run instead of the defaults (self-tests plug in here). */
  checks?: readonly ContentCheck[];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Problems are the command's output (stdout, like a linter); the summary goes to stderr. */
export async function validateCommand(paths: string[], opts: ValidateCommandOptions): Promise<void> {
  // after the structural checks, every file that loaded cleanly plays and scores its own samples
  const checks = opts.checks ?? [...defaultContentChecks, (await import('../content/selftest.js')).sampleChecks];
  const report = await validateContent(paths, { scenarios: opts.scenarios, checks });
  if (report.problems.length === 0) {
    process.stderr.write(`ok: ${plural(report.rubrics, 'rubric')}, ${plural(report.scenarios, 'scenario')}\n`);
    return;
  }
  process.stdout.write(`${report.problems.map(formatProblem).join('\n')}\n`);
  const files = new Set(report.problems.map((p) => p.file)).size;
  throw new UserError(`${plural(report.problems.length, 'problem')} in ${plural(files, 'file')}`);
}
