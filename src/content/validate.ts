import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from '../errors.js';
import { firstOfEachId, contentFilesIn, dirProblem, scenarioDirs, type CatalogueOptions } from './catalogue.js';
import { displayPath, readContentDocuments, type ContentDocument } from './document.js';
import {
  BUILTIN_RUBRIC,
  checkBuiltinRubric,
  checkRubricFile,
  contentKindOf,
  rubricFromDocument,
  scenarioFromDocument,
  type LoadedRubric,
  type LoadedScenario,
} from './load.js';

/** What a content check sees: everything that loaded cleanly, and the rubric scenarios are read against. */
export interface ValidationContext {
  /** The rubric used for scenario references (a given rubric file, else the built-in one). */
  rubric?: LoadedRubric;
  rubrics: readonly LoadedRubric[];
  scenarios: readonly LoadedScenario[];
}

/**
 * A check over the whole validated set, run after every file has loaded: cross-file rules and
 * self-tests (e.g. playing each scenario's samples through the engine) plug in here.
 */
export type ContentCheck = (ctx: ValidationContext) => Problem[] | Promise<Problem[]>;

/** The same scenario id in two files: reported at the second file's `id`. */
export const uniqueScenarioIds: ContentCheck = (ctx) => firstOfEachId(ctx.scenarios).problems;

/** The checks `validate` runs by default; extend with `[...defaultContentChecks, yourCheck]`. */
export const defaultContentChecks: readonly ContentCheck[] = [uniqueScenarioIds];

export interface ValidateOptions extends CatalogueOptions {
  /** Whole-set checks to run after loading (default: defaultContentChecks). */
  checks?: readonly ContentCheck[];
}

export interface ValidationReport {
  problems: Problem[];
  /** Every file looked at, as shown in problems. */
  files: string[];
  rubrics: number;
  scenarios: number;
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.col - b.col || a.message.localeCompare(b.message),
  );
}

/** The files to check: given files and directories, or by default the rubric and the search path. */
async function collectFiles(paths: readonly string[], opts: CatalogueOptions): Promise<{ files: string[]; problems: Problem[] }> {
  const files: string[] = [];
  const problems: Problem[] = [];
  if (paths.length === 0) {
    files.push(BUILTIN_RUBRIC);
    for (const { dir } of scenarioDirs(opts)) {
      const bad = await dirProblem(dir);
      if (bad) problems.push(bad);
      else files.push(...(await contentFilesIn(dir)));
    }
    return { files, problems };
  }
  for (const p of paths) {
    const info = await stat(p).catch(() => undefined);
    if (info?.isDirectory()) {
      const inside = await contentFilesIn(p);
      if (inside.length === 0) problems.push({ file: displayPath(p), line: 1, col: 1, message: 'no .yaml or .yml files in this directory' });
      files.push(...inside);
    } else {
      files.push(p); // a missing or unreadable file is reported when it is read
    }
  }
  return { files: [...new Set(files.map((f) => path.resolve(f)))], problems };
}

/** Check content files: YAML, schema, references, then the whole-set checks. */
export async function validateContent(paths: readonly string[], opts: ValidateOptions = {}): Promise<ValidationReport> {
  const { files, problems } = await collectFiles(paths, opts);
  const docs: ContentDocument[] = await readContentDocuments(files);

  const rubrics: LoadedRubric[] = [];
  const scenarioDocs: ContentDocument[] = [];
  // the built-in rubric is a rubric even when it cannot be read
  const isRubric = (doc: ContentDocument): boolean => contentKindOf(doc.value) === 'rubric' || doc.file === displayPath(BUILTIN_RUBRIC);
  for (const doc of docs) {
    if (isRubric(doc)) {
      const checked = rubricFromDocument(doc);
      problems.push(...checked.problems);
      if (checked.loaded) rubrics.push(checked.loaded);
    } else {
      scenarioDocs.push(doc);
    }
  }

  let rubric = rubrics[0];
  const rubricGiven = docs.some(isRubric);
  if (!rubricGiven && scenarioDocs.some((d) => d.value !== undefined)) {
    // scenarios alone are checked against the built-in rubric; if it is broken, say so once
    const builtin = opts.rubric === undefined ? await checkBuiltinRubric() : await checkRubricFile(opts.rubric);
    rubric = builtin.loaded;
    problems.push(...builtin.problems);
  }

  const scenarios: LoadedScenario[] = [];
  for (const doc of scenarioDocs) {
    const checked = scenarioFromDocument(doc, rubric?.rubric);
    problems.push(...checked.problems);
    if (checked.loaded) scenarios.push(checked.loaded);
  }

  const ctx: ValidationContext = { rubric, rubrics, scenarios };
  for (const check of opts.checks ?? defaultContentChecks) problems.push(...(await check(ctx)));

  return {
    problems: sortProblems(dedupeProblems(problems)),
    files: docs.map((d) => d.file),
    rubrics: rubrics.length,
    scenarios: scenarios.length,
  };
}

function dedupeProblems(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.file}:${p.line}:${p.col}:${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The problems `mockloop validate` prints for these paths (all content when none). */
export async function validatePaths(paths: readonly string[], opts: ValidateOptions = {}): Promise<Problem[]> {
  return (await validateContent(paths, opts)).problems;
}
