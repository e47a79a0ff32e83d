import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

// Saved rounds are read back through a JSON Schema (schemas/saved-round.schema.json), as content
// is: a damaged or hand-edited record or journal is a one-line problem, never a crash further in.

export type SavedKind = 'record' | 'start' | 'entry';

const validators: Partial<Record<SavedKind, ValidateFunction>> = {};
let ajv: Ajv | undefined;
const SCHEMA_ID = 'https://mockloop.dev/schemas/saved-round.schema.json';

function validator(kind: SavedKind): ValidateFunction {
  let validate = validators[kind];
  if (!validate) {
    if (!ajv) {
      ajv = new Ajv({ allErrors: true, code: { optimize: false } });
      ajv.addSchema(JSON.parse(readFileSync(new URL('../../schemas/saved-round.schema.json', import.meta.url), 'utf8')) as object);
    }
    validate = ajv.getSchema(`${SCHEMA_ID}#/definitions/${kind}`)!;
    validators[kind] = validate;
  }
  return validate;
}

function describe(e: ErrorObject): string {
  const where = e.instancePath === '' ? 'the file' : e.instancePath.slice(1).replace(/\//g, '.');
  if (e.keyword === 'required') return `${where} has no ${String((e.params as { missingProperty: string }).missingProperty)}`;
  if (e.keyword === 'type') {
    const type = (e.params as { type: string }).type;
    return `${where} must be ${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
  }
  if (e.keyword === 'enum' || e.keyword === 'const') return `${where} has an unexpected value`;
  return `${where} ${e.message ?? 'is not valid'}`;
}

/** Why the value is not a valid saved `kind`, in a few words; undefined when it is. */
export function savedProblem(kind: SavedKind, value: unknown): string | undefined {
  const validate = validator(kind);
  if (validate(value)) return undefined;
  // the deepest finding names the field; a "null or a debrief" choice reports both branches
  const errors = validate.errors!.filter((e) => e.keyword !== 'oneOf' && !(e.keyword === 'type' && (e.params as { type: string }).type === 'null'));
  const deepest = (errors.length > 0 ? errors : validate.errors!).reduce((a, b) => (b.instancePath.length > a.instancePath.length ? b : a));
  return describe(deepest);
}
