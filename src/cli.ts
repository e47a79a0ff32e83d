import { readFileSync } from 'node:fs';

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
  const e = err as { name?: string; message?: string; exitCode?: number; code?: string; stack?: string };
  if (e && (e.name === 'UserError' || e.name === 'ContentError')) {
    process.stderr.write(`${e.message}\n`);
    return e.exitCode ?? 1;
  }
  if (e && e.name === 'ExitPromptError') {
    return 130;
  }
  if (e && typeof e.code === 'string' && e.code.startsWith('commander.')) {
    // commander has already printed its own message
    return e.exitCode ?? 1;
  }
  process.stderr.write(`mockloop: internal error: ${e?.message ?? String(err)}\n`);
  if (process.env.MOCKLOOP_DEBUG) process.stderr.write(`${e?.stack ?? ''}\n`);
  else process.stderr.write('This is a bug in mockloop. Run again with MOCKLOOP_DEBUG=1 for details.\n');
  return 2;
}

// `mockloop score story.md | head`: once the reader has gone, stop writing but finish the work,
// so a round still saves; the closed pipe is not an error worth a stack trace.
function quietWhenClosed(stream: NodeJS.WriteStream): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    stream.write = (() => true) as typeof stream.write;
    if (err.code !== 'EPIPE') process.exitCode = 2;
  });
}
quietWhenClosed(process.stdout);
quietWhenClosed(process.stderr);

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.exitCode = report(err);
  },
);
