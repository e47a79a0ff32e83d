import { existsSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../errors.js';
import { writeFileDurably } from '../io/durable-write.js';
import { makeDirs } from '../io/home.js';
import { SCENARIO_KINDS, type ScenarioKind } from '../scenario/types.js';
import { writeErr, writeOut } from '../io/output.js';

export interface NewOptions {
  kind?: string;
  dir?: string;
  force?: boolean;
}

const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCHEMA_IN_PACKAGE = path.join('schemas', 'scenario.schema.json');
const SCHEMA_IN_NODE_MODULES = path.join('node_modules', 'mockloop', SCHEMA_IN_PACKAGE);
const ID = /^[a-z0-9][a-z0-9-]*$/;

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Where the modeline points, seen from the directory the scenario is written to: this package's
 * own schema when writing inside it (its `scenarios/`), else the nearest installed
 * node_modules/mockloop, else the absolute path of the running package's schema.
 */
export function schemaRef(dir: string, packageRoot: string, exists: (file: string) => boolean = existsSync): string {
  const relative = (to: string): string => {
    const rel = toPosix(path.relative(dir, to));
    return rel.startsWith('.') ? rel : `./${rel}`;
  };
  const own = path.join(packageRoot, SCHEMA_IN_PACKAGE);
  if (isInside(dir, packageRoot) && !isInside(dir, path.join(packageRoot, 'node_modules'))) return relative(own);
  for (let at = dir; ; at = path.dirname(at)) {
    const installed = path.join(at, SCHEMA_IN_NODE_MODULES);
    if (exists(installed)) return relative(installed);
    if (path.dirname(at) === at) break;
  }
  return own;
}

function parseKind(kind: string | undefined): ScenarioKind {
  if (kind === undefined) throw new UserError(`--kind is required: one of ${SCENARIO_KINDS.join(', ')}`);
  if (!(SCENARIO_KINDS as readonly string[]).includes(kind)) {
    throw new UserError(`--kind: expected one of ${SCENARIO_KINDS.join(', ')}, got "${kind}"`);
  }
  return kind as ScenarioKind;
}

function shown(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

function writeProblem(err: unknown, file: string): UserError {
  const code = (err as { code?: string }).code;
  if (code === 'EEXIST') return new UserError(`${shown(file)} already exists (use --force to overwrite it)`);
  if (code === 'EISDIR') return new UserError(`cannot write ${shown(file)}: it is a directory`);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new UserError(`cannot write ${shown(file)}: permission denied`);
  return new UserError(`cannot write ${shown(file)}: ${(err as Error).message}`);
}

async function ensureDir(dir: string): Promise<void> {
  try {
    makeDirs(dir);
    if (!statSync(dir).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') throw new UserError(`cannot write into ${shown(dir)}: not a directory`);
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new UserError(`cannot create ${shown(dir)}: permission denied`);
    throw new UserError(`cannot create ${shown(dir)}: ${(err as Error).message}`);
  }
}

/** Writes <dir>/<id>.yaml from the kind's template: a small playable round to edit. */
export async function newCommand(id: string, opts: NewOptions): Promise<void> {
  if (!ID.test(id)) {
    throw new UserError(`invalid scenario id "${id}": use lower-case letters, digits and hyphens, starting with a letter or digit`);
  }
  const kind = parseKind(opts.kind);
  const dir = path.resolve(opts.dir ?? '.');
  const builtinDir = path.join(PACKAGE_ROOT, 'scenarios');
  if (dir !== path.resolve(builtinDir) && existsSync(path.join(builtinDir, `${id}.yaml`))) {
    // list and validate would report the second scenario with this id as a duplicate
    throw new UserError(`"${id}" is already a built-in scenario id; pick another`);
  }

  const file = path.join(dir, `${id}.yaml`);
  const template = await readFile(path.join(PACKAGE_ROOT, 'templates', `${kind}.yaml`), 'utf8');
  const text = `# yaml-language-server: $schema=${schemaRef(dir, PACKAGE_ROOT)}\n${template.replaceAll('__ID__', id)}`;

  await ensureDir(dir);
  try {
    // --force replaces the file by renaming a new one over it: a symlink at that name is replaced,
    // never followed out of the directory
    if (opts.force) writeFileDurably(file, text, { mode: 0o644 });
    else await writeFile(file, text, { flag: 'wx' });
  } catch (err) {
    throw writeProblem(err, file);
  }

  const where = shown(file);
  writeOut(`${where}\n`);
  writeErr(
    [
      `wrote ${where}: a small ${kind} round that plays as written`,
      'next:',
      '  1. edit it: every field has a comment saying what it is for',
      `  2. mockloop validate ${where}`,
      `  3. mockloop run ${where}`,
      '',
    ].join('\n'),
  );
}
