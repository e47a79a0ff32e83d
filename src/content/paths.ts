import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Where content lives. Kept free of the YAML parser and the schema validator so that
// commands answering from a cache (list) start fast.

/** Where the built-in content lives: beside dist/ (or src/) in the package root. */
export const BUILTIN_RUBRIC = fileURLToPath(new URL('../../rubrics/backend-signals.yaml', import.meta.url));
export const BUILTIN_SCENARIOS = fileURLToPath(new URL('../../scenarios/', import.meta.url));

export interface SearchPathOptions {
  /** Extra scenario directories from --scenarios, separated like PATH (":" on POSIX). */
  scenarios?: string | undefined;
  /** Where MOCKLOOP_SCENARIOS is read from (default process.env). */
  env?: Record<string, string | undefined>;
}

function splitDirs(list: string | undefined): string[] {
  return (list ?? '').split(path.delimiter).filter((d) => d.trim() !== '');
}

/** The scenario search path: built-in first, then --scenarios, then MOCKLOOP_SCENARIOS. */
export function scenarioDirs(opts: SearchPathOptions = {}): { dir: string; builtin: boolean }[] {
  const env = opts.env ?? process.env;
  return [
    { dir: BUILTIN_SCENARIOS, builtin: true },
    ...[...splitDirs(opts.scenarios), ...splitDirs(env.MOCKLOOP_SCENARIOS)].map((dir) => ({ dir: path.resolve(dir), builtin: false })),
  ];
}

export function isContentFile(name: string): boolean {
  return /\.ya?ml$/i.test(name);
}

/** The *.yaml / *.yml files directly inside a directory, sorted by name. */
export async function contentFilesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => !e.isDirectory() && isContentFile(e.name))
    .map((e) => path.join(dir, e.name))
    .sort();
}

