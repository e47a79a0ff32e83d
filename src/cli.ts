import { readFileSync } from 'node:fs';
import { errorText } from './errors.js';
import { writeErr } from './io/output.js';

// The one place that maps errors to exit codes and calls process.exit.
// Kept free of heavy imports so `mockloop --version` starts about as fast as node itself.

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

async function main(argv: string[]): Promise<number> {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    process.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  const { buildProgram } = await import('./program.js');
  const program = buildProgram(packageVersion());
  await program.parseAsync(argv, { from: 'user' });
  return Number(process.exitCode ?? 0);
}

function report(err: unknown): number {
  const e = err as { name?: string; message?: string; exitCode?: number; code?: string; stack?: string; hint?: string };
  if (e && (e.name === 'UserError' || e.name === 'ContentError')) {
    writeErr(errorText(e));
    return e.exitCode ?? 1;
  }
  if (e && e.name === 'ExitPromptError') {
    return 130;
  }
  if (e && typeof e.code === 'string' && e.code.startsWith('commander.')) {
    // commander has already printed its own message
    return e.exitCode ?? 1;
  }
  writeErr(`error: internal error: ${e?.message ?? String(err)}\n`);
  if (process.env.MOCKLOOP_DEBUG) writeErr(`${e?.stack ?? ''}\n`);
  else process.stderr.write('This is a bug in mockloop. Run again with MOCKLOOP_DEBUG=1 for details.\n');
  return 2;
}

// `mockloop score story.md | head`: once the reader has gone, stop writing but finish the work,
// so a round still saves; the closed pipe is not an error worth a stack trace. Any other failure to
// write (stdout on a full device) is the environment's, not a bug: one line, exit 1.
function quietWhenClosed(stream: NodeJS.WriteStream, name: string): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    stream.write = (() => true) as typeof stream.write;
    if (err.code === 'EPIPE') return;
    if (stream !== process.stderr) process.stderr.write(`mockloop: cannot write to ${name} (${err.code ?? err.message})\n`);
    failedOutput = true;
  });
}
let failedOutput = false;
// a write fails after the command has returned: the status is settled on the way out
process.on('exit', () => {
  if (failedOutput && !process.exitCode) process.exitCode = 1;
});
quietWhenClosed(process.stdout, 'stdout');
quietWhenClosed(process.stderr, 'stderr');

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.exitCode = report(err);
  },
);
