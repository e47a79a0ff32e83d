#!/usr/bin/env node
// Thin stub over the build. A clone run before `npm ci` gets a sentence, not a stack trace.
const cli = new URL('../dist/cli.js', import.meta.url);
try {
  await import(cli.href);
} catch (err) {
  const { existsSync } = await import('node:fs');
  if (err?.code !== 'ERR_MODULE_NOT_FOUND' || existsSync(cli)) throw err;
  process.stderr.write('mockloop is not built: run npm ci (or npm run build) first\n');
  process.exitCode = 1;
}
