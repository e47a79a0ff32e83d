import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { Problem } from '../errors.js';
import type { ContentDocument, YamlPath } from './document.js';
import { didYouMean } from './suggest.js';

export type ContentKind = 'rubric' | 'scenario';

const SCHEMA_FILES: Record<ContentKind, string> = {
  rubric: 'rubric.schema.json',
  scenario: 'scenario.schema.json',
};

const validators: Partial<Record<ContentKind, ValidateFunction>> = {};
let ajv: Ajv | undefined;

/**
 * Each schema is compiled once per process, on first use. Compiling costs about 50 ms per
 * schema (ajv's code optimiser is off: it doubled that and these validators run a handful of
 * times per process); precompiled standalone validators could remove the cost entirely.
 */
function getValidator(kind: ContentKind): ValidateFunction {
  let validate = validators[kind];
  if (!validate) {
    // verbose keeps each error's schema and value, which the messages below are built from
    ajv ??= new Ajv({ allErrors: true, verbose: true, allowUnionTypes: true, code: { optimize: false } });
    const schema = JSON.parse(readFileSync(new URL(`../../schemas/${SCHEMA_FILES[kind]}`, import.meta.url), 'utf8')) as object;
    validate = ajv.compile(schema);
    validators[kind] = validate;
  }
  return validate;
}

/** Check a parsed document against its schema; each problem points at the offending YAML node. */
export function schemaProblems(kind: ContentKind, doc: ContentDocument): Problem[] {
  const validate = getValidator(kind);
  if (validate(doc.value)) return [];
  const problems: Problem[] = [];
  for (const finding of readableErrors(validate.errors ?? [], kind)) {
    const pos = finding.atKey ? doc.locateKey(finding.path) : doc.locate(finding.path);
    problems.push({ file: doc.file, line: pos.line, col: pos.col, message: finding.message });
  }
  return problems;
}

export interface SchemaFinding {
  path: YamlPath;
  /** Point at the key of the last path segment rather than its value. */
  atKey: boolean;
  message: string;
}

function pointerToPath(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

const NOUNS: Record<string, string> = {
  phases: 'phase',
  probes: 'probe',
  followUps: 'follow-up',
  panels: 'panel',
  views: 'panel view',
  actions: 'action',
  events: 'event',
  checks: 'check',
  samples: 'sample',
  signals: 'signal',
  beats: 'beat',
  storyBeats: 'story beat',
  redFlags: 'red flag',
  timeline: 'timeline entry',
  ask: 'pattern',
  do: 'pattern',
  patterns: 'pattern',
  when: 'condition',
  endWhen: 'condition',
  rule: 'check rule',
};

/** What the object at `path` is, in the content's own words ("phase", "probe", "incident"). */
function nounFor(path: readonly string[], kind: ContentKind): string {
  if (path.length === 0) return kind;
  const last = path[path.length - 1]!;
  const owner = /^\d+$/.test(last) ? path[path.length - 2] ?? '' : last;
  return NOUNS[owner] ?? owner;
}

/** How a value is named in a message: its key, or list[index] for a list item. */
function subjectFor(path: readonly string[]): string {
  if (path.length === 0) return 'the file';
  const last = path[path.length - 1]!;
  if (/^\d+$/.test(last)) return `${path[path.length - 2] ?? ''}[${last}]`;
  return last;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping (key: value)',
  array: 'a list',
  null: 'empty',
};

function typeWords(type: unknown): string {
  const types = Array.isArray(type) ? type : [type];
  return types.map((t) => TYPE_WORDS[String(t)] ?? String(t)).join(' or ');
}

function show(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'a mapping';
  const s = JSON.stringify(value);
  return s === undefined ? String(value) : s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

/** Named pattern keywords in the schemas, explained instead of printing the regex. */
function patternMessage(value: unknown, pattern: string, subject: string): string {
  if (pattern.includes('2[0-3]')) return `${show(value)} is not a clock time HH:MM`;
  if (pattern.includes('/')) return `${show(value)} is not a beat reference (signal-id/beat-id or story/beat-id)`;
  if (pattern.startsWith('^[a-z][a-z0-9-]*')) return `${show(value)} is not a valid name: use lower-case letters, digits and hyphens, starting with a letter`;
  if (pattern.startsWith('^[a-z0-9]')) return `${show(value)} is not a valid id: use lower-case letters, digits and hyphens`;
  return `${subject} ${show(value)} does not match ${pattern}`;
}

function describeBranch(branch: Record<string, unknown>): string {
  if (branch.type === 'object' && Array.isArray(branch.required) && branch.required.length > 0) {
    return `a mapping with ${(branch.required as string[]).map((k) => `"${k}"`).join(', ')}`;
  }
  if (branch.type === 'string' && branch.minLength) return 'a non-empty string';
  if (branch.type === 'array' && branch.minItems === 2 && branch.maxItems === 2) return 'a [min, max] pair';
  const range =
    typeof branch.minimum === 'number' && typeof branch.maximum === 'number' ? ` ${branch.minimum}-${branch.maximum}` : '';
  return `${typeWords(branch.type)}${range}`;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeMatches(branchType: unknown, value: unknown): boolean {
  if (branchType === undefined) return true;
  const actual = jsonType(value);
  const types = Array.isArray(branchType) ? branchType : [branchType];
  return types.some((t) => t === actual || (t === 'number' && actual === 'integer'));
}

function branchIndex(e: ErrorObject, oneOfPath: string): number | undefined {
  const m = e.schemaPath.slice(oneOfPath.length).match(/^\/(\d+)\//);
  return m ? Number(m[1]) : undefined;
}

/**
 * Collapse a failed oneOf into what the author meant: pick the branch whose type (and, for
 * mappings, whose required key) fits the value and keep only its errors; when none fits, one
 * message that lists the alternatives.
 */
function collapseOneOf(oneOf: ErrorObject, inner: ErrorObject[], kind: ContentKind): SchemaFinding[] {
  const path = pointerToPath(oneOf.instancePath);
  const branches = (Array.isArray(oneOf.schema) ? oneOf.schema : []) as Record<string, unknown>[];
  const value = oneOf.data;
  let fitting = branches.map((_, i) => i).filter((i) => typeMatches(branches[i]!.type, value));
  if (fitting.length > 1 && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    fitting = fitting.filter((i) => ((branches[i]!.required as string[] | undefined) ?? []).every((k) => k in value));
  }
  if (fitting.length === 1) {
    const chosen = fitting[0]!;
    const oneOfPath = oneOf.schemaPath.replace(/\/oneOf$/, '') + '/oneOf';
    const kept = inner.filter((e) => {
      if (e.instancePath !== oneOf.instancePath) return true;
      const i = branchIndex(e, oneOfPath);
      return i === undefined || i === chosen;
    });
    return toFindings(kept, kind);
  }
  const subject = subjectFor(path);
  const allMappings = branches.length > 1 && branches.every((b) => b.type === 'object' && Array.isArray(b.required));
  if (allMappings && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const keys = branches.flatMap((b) => b.required as string[]);
    const given = Object.keys(value);
    const hint = given.length === 1 && !keys.includes(given[0]!) ? didYouMean(given[0]!, keys) : '';
    const what = given.length === 0 ? 'is empty' : `has ${given.map((k) => `"${k}"`).join(', ')}`;
    return [{ path, atKey: false, message: `${subject} must have exactly one of ${keys.join(', ')}, but ${what}${hint}` }];
  }
  const alternatives = [...new Set(branches.map(describeBranch))];
  return [{ path, atKey: false, message: `${subject} must be ${alternatives.join(' or ')}, not ${show(value)}` }];
}

function toFindings(errors: ErrorObject[], kind: ContentKind): SchemaFinding[] {
  const findings: SchemaFinding[] = [];
  for (const e of errors) {
    const f = describe(e, kind);
    if (f) findings.push(f);
  }
  return findings;
}

/**
 * Turn ajv's errors into one readable finding per real problem. ajv reports a oneOf's branch
 * errors just before the oneOf error itself, so they are gathered back and collapsed there.
 */
export function readableErrors(errors: readonly ErrorObject[], kind: ContentKind): SchemaFinding[] {
  const pending: ErrorObject[] = [];
  const findings: SchemaFinding[] = [];
  const bare = kind === 'rubric' ? bareConceptLists(errors) : { findings: [], rest: errors };
  findings.push(...bare.findings);
  for (const e of bare.rest) {
    if (e.keyword === 'oneOf') {
      const inner: ErrorObject[] = [];
      while (pending.length > 0) {
        const last = pending[pending.length - 1]!;
        const under = last.instancePath === e.instancePath || last.instancePath.startsWith(`${e.instancePath}/`);
        if (!under) break;
        inner.unshift(pending.pop()!);
      }
      findings.push(...toFindings(pending.splice(0), kind), ...collapseOneOf(e, inner, kind));
    } else {
      pending.push(e);
    }
  }
  findings.push(...toFindings(pending, kind));
  return mergeMisspelledRequired(dedupe(findings));
}

/**
 * A rubric concept written the old way, as a list of bare phrases, would give one "must be a
 * mapping" per phrase; one line per concept says what to write instead.
 */
function bareConceptLists(errors: readonly ErrorObject[]): { findings: SchemaFinding[]; rest: ErrorObject[] } {
  const named = new Set<string>();
  const rest = errors.filter((e) => {
    const path = pointerToPath(e.instancePath);
    const bare = path.length === 3 && path[0] === 'concepts' && e.keyword === 'type' && typeof e.data === 'string';
    if (bare) named.add(path[1]!);
    return !bare;
  });
  const findings = [...named].map<SchemaFinding>((name) => ({
    path: ['concepts', name],
    atKey: true,
    message: `concept "${name}" lists bare phrases; give each group of phrases its source: "- source: guide" then "phrases: [...]"`,
  }));
  return { findings, rest };
}

function dedupe(findings: SchemaFinding[]): SchemaFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const k = `${f.path.join('\u0000')}|${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** "unknown key promt; did you mean prompt?" already says what "missing key prompt" would. */
function mergeMisspelledRequired(findings: SchemaFinding[]): SchemaFinding[] {
  const suggested = new Set<string>();
  for (const f of findings) {
    const m = f.message.match(/did you mean "([^"]+)"\?$/);
    if (m && f.message.startsWith('unknown key')) suggested.add(`${f.path.slice(0, -1).join('\u0000')}|${m[1]}`);
  }
  return findings.filter((f) => {
    const m = f.message.match(/^missing required key "([^"]+)"/);
    return !(m && suggested.has(`${f.path.join('\u0000')}|${m[1]}`));
  });
}

function describe(e: ErrorObject, kind: ContentKind): SchemaFinding | undefined {
  const path = pointerToPath(e.instancePath);
  const subject = subjectFor(path);
  const params = e.params as Record<string, unknown>;
  const value = e.data;
  const propertyName = (e as { propertyName?: string }).propertyName;

  // errors about a mapping's key names point at the key itself
  if (propertyName !== undefined) {
    const keyPath = [...path, propertyName];
    if (e.keyword === 'enum') {
      const allowed = (params.allowedValues as unknown[]).map(String);
      return {
        path: keyPath,
        atKey: true,
        message: `"${propertyName}" is not one of ${allowed.join(', ')}${didYouMean(propertyName, allowed)}`,
      };
    }
    if (e.keyword === 'pattern') {
      if (path[path.length - 1] === 'concepts') {
        return { path: keyPath, atKey: true, message: `concept name "${propertyName}" must be lower-case letters, digits and hyphens, starting with a letter` };
      }
      return { path: keyPath, atKey: true, message: `key ${patternMessage(propertyName, String(params.pattern), subject)}` };
    }
    return { path: keyPath, atKey: true, message: `key "${propertyName}" ${e.message ?? 'is not valid'}` };
  }

  switch (e.keyword) {
    case 'propertyNames':
    case 'if':
      return undefined; // the inner error says it better
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const known = Object.keys(((e.parentSchema as { properties?: object } | undefined)?.properties ?? {}) as object).filter(
        (k) => k !== '$schema',
      );
      return {
        path: [...path, key],
        atKey: true,
        message: `unknown key "${key}" in ${nounFor(path, kind)}${didYouMean(key, known)}`,
      };
    }
    case 'required':
      return { path, atKey: false, message: `missing required key "${String(params.missingProperty)}" in ${nounFor(path, kind)}` };
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const hint = typeof value === 'string' ? didYouMean(value, allowed) : '';
      return { path, atKey: false, message: `${subject} must be one of ${allowed.join(', ')}, not ${show(value)}${hint}` };
    }
    case 'const':
      return { path, atKey: false, message: `${subject} must be ${show(params.allowedValue)}` };
    case 'type':
      if (path.length === 0) return { path, atKey: false, message: `expected a mapping (key: value) at the top of the ${kind} file` };
      return { path, atKey: false, message: `${subject} must be ${typeWords(params.type)}` };
    case 'pattern':
      return { path, atKey: false, message: patternMessage(value, String(params.pattern), subject) };
    case 'minLength':
      return { path, atKey: false, message: params.limit === 1 ? `${subject} must not be empty` : `${subject} must have at least ${String(params.limit)} characters` };
    case 'minItems':
    case 'maxItems': {
      const s = e.parentSchema as { minItems?: number; maxItems?: number } | undefined;
      if (s?.minItems !== undefined && s.minItems === s.maxItems) return { path, atKey: false, message: `${subject} must have exactly ${s.minItems} items` };
      if (e.keyword === 'minItems' && params.limit === 1) return { path, atKey: false, message: `${subject} must not be empty` };
      return { path, atKey: false, message: `${subject} must have ${e.keyword === 'minItems' ? 'at least' : 'at most'} ${String(params.limit)} items` };
    }
    case 'minProperties':
      return { path, atKey: false, message: `${subject} must not be empty` };
    case 'uniqueItems': {
      const list = Array.isArray(value) ? value : [];
      return { path: [...path, Number(params.i)], atKey: false, message: `${subject} lists ${show(list[Number(params.i)])} more than once` };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { path, atKey: false, message: `${subject} must be ${String(params.comparison)} ${String(params.limit)}, not ${show(value)}` };
    default:
      return { path, atKey: false, message: `${subject} ${e.message ?? 'is not valid'}` };
  }
}
