import { ContentError, type Problem } from '../errors.js';
import type { RubricSpec } from '../rubric/types.js';
import type { Scenario } from '../scenario/types.js';
import { readContentDocument, type ContentDocument, type Position, type YamlPath } from './document.js';
import { rubricReferenceProblems, scenarioReferenceProblems } from './references.js';
import { schemaProblems, type ContentKind } from './schema.js';

import { BUILTIN_RUBRIC } from './paths.js';

export { BUILTIN_RUBRIC, BUILTIN_SCENARIOS } from './paths.js';

export interface LoadedRubric {
  rubric: RubricSpec;
  /** The file as shown in problems (relative to the working directory when inside it). */
  file: string;
  /** Line and column where the value at a YAML path is written, e.g. ['signals', 2, 'samples', 0]. */
  locate(path: YamlPath): Position;
}

export interface LoadedScenario {
  scenario: Scenario;
  /** The file as shown in problems (relative to the working directory when inside it). */
  file: string;
  /** Line and column where the value at a YAML path is written, e.g. ['samples', 0, 'answers', 2]. */
  locate(path: YamlPath): Position;
}

export interface Checked<T> {
  /** Present only when the file has no problems. */
  loaded?: T;
  problems: Problem[];
}

/** A file is a rubric when its top level has both `signals` and `storyBeats`; otherwise a scenario. */
export function contentKindOf(value: unknown): ContentKind {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && 'signals' in value && 'storyBeats' in value) {
    return 'rubric';
  }
  return 'scenario';
}

/** A reference to something that does not exist: worth reporting even beside schema problems. */
const DANGLING = /\bunknown (signal|beat|panel|action|state key|concept|word class)\b/;

/**
 * Reference checks on a file that also breaks the schema, so one pass reports both: the dangling
 * references (unknown beats, actions, concepts) in what can be read. Other reference problems
 * there are often the schema problem seen again ("needs a prompt" beside "unknown key promt"),
 * and a part too malformed to read is left to its schema problem.
 */
function referencesAsFarAsReadable(check: () => Problem[]): Problem[] {
  try {
    return check().filter((p) => DANGLING.test(p.message));
  } catch {
    return [];
  }
}

export function rubricFromDocument(doc: ContentDocument): Checked<LoadedRubric> {
  if (doc.value === undefined || doc.problems.length > 0) return { problems: doc.problems };
  const schema = schemaProblems('rubric', doc);
  const rubric = doc.value as RubricSpec;
  const problems = [...schema, ...(schema.length > 0 ? referencesAsFarAsReadable(() => rubricReferenceProblems(doc, rubric)) : rubricReferenceProblems(doc, rubric))];
  if (problems.length > 0) return { problems };
  return { loaded: { rubric, file: doc.file, locate: doc.locate }, problems: [] };
}

/** Without a rubric, beat references and concept names are not checked. */
export function scenarioFromDocument(doc: ContentDocument, rubric: RubricSpec | undefined): Checked<LoadedScenario> {
  if (doc.value === undefined || doc.problems.length > 0) return { problems: doc.problems };
  // `mockloop run rubric.yaml`: one clear line rather than every rubric key as a scenario problem
  if (contentKindOf(doc.value) === 'rubric') {
    return { problems: [{ file: doc.file, line: 1, col: 1, message: 'this is a rubric (it has signals and storyBeats), not a scenario; check it with mockloop validate' }] };
  }
  const schema = schemaProblems('scenario', doc);
  const scenario = doc.value as Scenario;
  const references = () => scenarioReferenceProblems(doc, scenario, rubric);
  const problems = [...schema, ...(schema.length > 0 ? referencesAsFarAsReadable(references) : references())];
  if (problems.length > 0) return { problems };
  return { loaded: { scenario, file: doc.file, locate: doc.locate }, problems: [] };
}

export async function checkRubricFile(filePath: string): Promise<Checked<LoadedRubric>> {
  return rubricFromDocument(await readContentDocument(filePath));
}

export async function checkScenarioFile(filePath: string, rubric: RubricSpec | undefined): Promise<Checked<LoadedScenario>> {
  return scenarioFromDocument(await readContentDocument(filePath), rubric);
}

let builtinRubric: Promise<Checked<LoadedRubric>> | undefined;

/** The built-in rubric, checked once per process. */
export function checkBuiltinRubric(): Promise<Checked<LoadedRubric>> {
  builtinRubric ??= checkRubricFile(BUILTIN_RUBRIC);
  return builtinRubric;
}

/** The built-in rubric, validated; throws ContentError listing its problems. */
export async function loadRubric(): Promise<LoadedRubric> {
  const { loaded, problems } = await checkBuiltinRubric();
  if (!loaded) throw new ContentError(problems);
  return loaded;
}

/** One scenario file, validated against the built-in rubric (or the given one); throws ContentError. */
export async function loadScenarioFile(filePath: string, rubricFile?: string): Promise<LoadedScenario> {
  const rubric = rubricFile === undefined ? await checkBuiltinRubric() : await checkRubricFile(rubricFile);
  if (!rubric.loaded) throw new ContentError(rubric.problems);
  const { loaded, problems } = await checkScenarioFile(filePath, rubric.loaded.rubric);
  if (!loaded) throw new ContentError(problems);
  return loaded;
}
