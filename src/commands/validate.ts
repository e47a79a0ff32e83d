import { formatProblem } from '../errors.js';
import { defaultContentChecks, validateContent, type ContentCheck } from '../content/index.js';
import { writeErr, writeOut } from '../io/output.js';

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
  let samples = 0;
  let checks = opts.checks;
  if (!checks) {
    const { sampleChecks } = await import('../content/selftest.js');
    const played: ContentCheck = (ctx) => {
      samples += ctx.scenarios.reduce((n, s) => n + (s.scenario.samples?.length ?? 0), 0);
      samples += ctx.rubrics.reduce((n, r) => n + r.rubric.signals.reduce((m, sig) => m + (sig.samples?.length ?? 0), 0), 0);
      return sampleChecks(ctx);
    };
    checks = [...defaultContentChecks, played];
  }
  const report = await validateContent(paths, { scenarios: opts.scenarios, checks });
  if (report.problems.length === 0) {
    const played = samples > 0 ? `; ${plural(samples, 'sample answer')} played and scored at ${samples === 1 ? 'its' : 'their'} expected level` : '';
    const what = [report.rubrics > 0 ? plural(report.rubrics, 'rubric') : '', report.scenarios > 0 || report.rubrics === 0 ? plural(report.scenarios, 'scenario') : ''];
    writeErr(`ok: ${what.filter(Boolean).join(', ')}${played}\n`);
    return;
  }
  writeOut(`${report.problems.map(formatProblem).join('\n')}\n`);
  const files = new Set(report.problems.map((p) => p.file)).size;
  // problems found is the command's answer, not an error in running it: exit 1, like a linter
  writeErr(`${plural(report.problems.length, 'problem')} in ${plural(files, 'file')}\n`);
  process.exitCode = 1;
}
