import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { ContentError, formatProblem, UserError, type Problem } from '../errors.js';
import type { ScenarioKind } from '../scenario/types.js';
import { displayPath, readContentDocument } from './document.js';
import {
  checkBuiltinRubric,
  checkRubricFile,
  checkScenarioFile,
  contentKindOf,
  loadScenarioFile,
  scenarioFromDocument,
  type Checked,
  type LoadedRubric,
  type LoadedScenario,
} from './load.js';
import { editDistance, nearest } from './suggest.js';
import { contentFilesIn, isContentFile, scenarioDirs, type SearchPathOptions } from './paths.js';

export { contentFilesIn, isContentFile, scenarioDirs } from './paths.js';

export interface CatalogueOptions extends SearchPathOptions {
  /** The rubric file scenarios are checked against (default: the built-in rubric). */
  rubric?: string;
}

export interface Catalogue {
  /** Valid scenarios, in search-path order; a duplicate id keeps the first. */
  scenarios: LoadedScenario[];
  problems: Problem[];
}

/** A directory of the search path that cannot be read, as one problem. */
export async function dirProblem(dir: string): Promise<Problem | undefined> {
  const file = displayPath(dir);
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) return { file, line: 1, col: 1, message: 'is not a directory, expected a scenario directory' };
    return undefined;
  } catch {
    return { file, line: 1, col: 1, message: 'scenario directory not found' };
  }
}

/**
 * Keep the first scenario of each id; each later one is a problem at its `id`, naming the
 * file that defined it first.
 */
export function firstOfEachId(scenarios: readonly LoadedScenario[]): { unique: LoadedScenario[]; problems: Problem[] } {
  const byId = new Map<string, LoadedScenario>();
  const problems: Problem[] = [];
  for (const s of scenarios) {
    const first = byId.get(s.scenario.id);
    if (!first) {
      byId.set(s.scenario.id, s);
      continue;
    }
    const { line, col } = s.locate(['id']);
    problems.push({ file: s.file, line, col, message: `scenario id "${s.scenario.id}" is already defined in ${first.file}` });
  }
  return { unique: [...byId.values()], problems };
}

/** Every scenario on the search path. Broken files become problems; the rest still load. */
export async function loadCatalogue(opts: CatalogueOptions = {}): Promise<Catalogue> {
  const problems: Problem[] = [];
  const rubric = await rubricFor(opts);
  problems.push(...rubric.problems);
  const loaded: LoadedScenario[] = [];
  for (const { dir } of scenarioDirs(opts)) {
    const bad = await dirProblem(dir);
    if (bad) {
      problems.push(bad);
      continue;
    }
    for (const file of await contentFilesIn(dir)) {
      const doc = await readContentDocument(file);
      // a pack may keep a rubric beside its scenarios; it is not a scenario
      if (contentKindOf(doc.value) === 'rubric') continue;
      const checked = scenarioFromDocument(doc, rubric.loaded?.rubric);
      problems.push(...checked.problems);
      if (checked.loaded) loaded.push(checked.loaded);
    }
  }
  const { unique, problems: duplicates } = firstOfEachId(loaded);
  return { scenarios: unique, problems: [...problems, ...duplicates] };
}

/** Scenarios of one kind (or all), sorted as `list` shows them: by kind, then id. */
export function sortScenarios(scenarios: readonly LoadedScenario[], kindOrder: readonly ScenarioKind[]): LoadedScenario[] {
  return [...scenarios].sort(
    (a, b) =>
      kindOrder.indexOf(a.scenario.kind) - kindOrder.indexOf(b.scenario.kind) || a.scenario.id.localeCompare(b.scenario.id),
  );
}

function rubricFor(opts: CatalogueOptions): Promise<Checked<LoadedRubric>> {
  return opts.rubric === undefined ? checkBuiltinRubric() : checkRubricFile(opts.rubric);
}

/**
 * Scenarios are usually saved as <id>.yaml: try that first so a round starts without
 * parsing the whole search path. Anything unexpected falls back to the full catalogue.
 */
async function byFileName(id: string, opts: CatalogueOptions): Promise<LoadedScenario | undefined> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) return undefined;
  const rubric = await rubricFor(opts);
  if (!rubric.loaded) return undefined;
  for (const { dir } of scenarioDirs(opts)) {
    for (const ext of ['.yaml', '.yml']) {
      const file = path.join(dir, `${id}${ext}`);
      const exists = await stat(file).then((i) => i.isFile(), () => false);
      if (!exists) continue;
      const checked = await checkScenarioFile(file, rubric.loaded.rubric);
      if (checked.loaded?.scenario.id === id) return checked.loaded;
      if (checked.problems.length > 0) throw new ContentError(checked.problems);
      return undefined;
    }
  }
  return undefined;
}

function looksLikeFile(idOrFile: string): boolean {
  return isContentFile(idOrFile) || idOrFile.includes('/') || idOrFile.includes(path.sep);
}

/**
 * A scenario by id (searched on the catalogue path) or by file. An unknown id is a UserError
 * that suggests the nearest ids.
 */
export async function resolveScenario(idOrFile: string, opts: CatalogueOptions = {}): Promise<LoadedScenario> {
  const missingFile = looksLikeFile(idOrFile) && !existsSync(idOrFile);
  if (looksLikeFile(idOrFile) && !missingFile) return loadScenarioFile(idOrFile, opts.rubric);
  const direct = missingFile ? undefined : await byFileName(idOrFile, opts);
  if (direct) return direct;
  const { scenarios, problems } = await loadCatalogue(opts);
  const found = scenarios.find((s) => s.scenario.id === idOrFile);
  if (found) return found;
  const rubricBroken = (await rubricFor(opts)).loaded === undefined;
  if (rubricBroken) throw new ContentError(problems);
  const ids = scenarios.map((s) => s.scenario.id);
  // "nosuch.yaml" or "./packs/nosuch.yml": compare the name without its folder and extension
  const word = path.basename(idOrFile).replace(/\.ya?ml$/i, '');
  const near = nearest(word, ids);
  const closest = near.length > 0 ? near : [...ids].sort((a, b) => editDistance(word, a) - editDistance(word, b) || a.localeCompare(b)).slice(0, 3);
  let message = `no such file or scenario "${idOrFile}"`;
  if (problems.length > 0) {
    message += `\nsome scenario files could not be loaded:\n${problems.map(formatProblem).join('\n')}`;
  }
  const hint = closest.length > 0 ? `closest ids: ${closest.join(', ')} (mockloop list shows all ${ids.length})` : 'mockloop list shows the scenarios found';
  throw new UserError(message, 1, hint);
}
