// The content API: YAML rubric and scenarios, loaded with positions and validated.
export type { Position, YamlPath, ContentDocument } from './document.js';
export { displayPath, readContentDocument, parseContent, MAX_ALIAS_COUNT, MAX_CONTENT_BYTES } from './document.js';
export type { LoadedRubric, LoadedScenario, Checked } from './load.js';
export { BUILTIN_RUBRIC, BUILTIN_SCENARIOS, contentKindOf, loadRubric, loadScenarioFile, checkRubricFile, checkScenarioFile } from './load.js';
export type { Catalogue, CatalogueOptions } from './catalogue.js';
export { loadCatalogue, resolveScenario, scenarioDirs, sortScenarios } from './catalogue.js';
export type { ContentCheck, ValidateOptions, ValidationContext, ValidationReport } from './validate.js';
export { defaultContentChecks, uniqueScenarioIds, sortProblems, validateContent, validatePaths } from './validate.js';
export { didYouMean, editDistance, nearest } from './suggest.js';
