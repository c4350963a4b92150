import type { Knex } from 'knex';
import type { ErrorObject } from 'ajv';
import { badRequest, detailsFromAjv, type ErrorDetail, payloadTooLarge } from '../../../core/module-kit.ts';
import type { FormsConfig } from '../forms-config.ts';
import { versionValidator } from './form-schema-check.ts';
import { hiddenAnswers } from './hidden-answers.ts';
import { schemaReferences, type Reference, type ReferenceKind } from './record-references.ts';
import { FORMS_ERRORS } from '../schemas/error-codes.ts';

/** Limits that hold whatever the tenant's schema says: they keep one submission cheap to store and search. */
export const DATA_LIMITS = { maxDepth: 32, maxStringLength: 20_000, maxSearchText: 100_000 };

// What a draft may still lack: missing answers, and the conditions that report them.
const MISSING_KEYWORDS = new Set(['required', 'if', 'dependencies', 'dependentRequired']);

export interface CheckedData {
  data: Record<string, unknown>;
  searchText: string;
}

/**
 * Checks answers against the exact version's schema: every problem is reported with its path
 * under `body.data`, and nothing is stored unless all pass. A draft may leave required fields
 * empty but not hold wrong types or unknown fields. Neither may answer a field its condition
 * hides (see hidden-answers.ts): the browser leaves those out. Returns the data with the schema's
 * defaults applied (as the browser form applies them) and its searchable text.
 */
export async function checkSubmissionData(
  trx: Knex.Transaction,
  schema: Record<string, unknown>,
  input: Record<string, unknown>,
  options: { draft: boolean; config: FormsConfig },
): Promise<CheckedData> {
  const text = JSON.stringify(input);
  const maxBytes = options.config.maxSubmissionKilobytes * 1024;
  if (Buffer.byteLength(text) > maxBytes) {
    throw payloadTooLarge(FORMS_ERRORS.SUBMISSION_TOO_LARGE, `The answers are larger than ${options.config.maxSubmissionKilobytes} KB`, [
      { path: 'body.data', message: `is larger than ${maxBytes} bytes` },
    ]);
  }
  const shapeProblems = checkShape(input);
  if (shapeProblems.length > 0) throw badRequest(FORMS_ERRORS.SUBMISSION_INVALID, 'The answers have invalid fields', shapeProblems);

  // ajv applies defaults in place: validate a copy, so the caller's body stays as sent.
  const data = structuredClone(input);
  const validate = versionValidator(schema);
  const valid = validate(data);
  const errors = valid ? [] : (validate.errors ?? []).filter((e: ErrorObject) => !(options.draft && MISSING_KEYWORDS.has(e.keyword)));
  const problems = [...detailsFromAjv('body.data', errors), ...hiddenAnswers(schema, data)];
  if (problems.length > 0) throw badRequest(FORMS_ERRORS.SUBMISSION_INVALID, 'The answers have invalid fields', dedupe(problems));

  const references = schemaReferences(schema, data, 'body.data');
  const files = references.filter((r) => r.kind === 'file');
  if (files.length > options.config.maxFilesPerSubmission) {
    throw badRequest(FORMS_ERRORS.TOO_MANY_FILES, `At most ${options.config.maxFilesPerSubmission} files per submission`, [
      { path: 'body.data', message: `holds ${files.length} files` },
    ]);
  }
  await checkReferences(trx, references);
  return { data, searchText: searchTextOf(data) };
}

const REFERENCE_TABLE: Record<ReferenceKind, { table: string; code: string; message: string }> = {
  file: { table: 'core_file', code: FORMS_ERRORS.FILE_NOT_FOUND, message: 'is not an uploaded file' },
  person: { table: 'core_person', code: FORMS_ERRORS.PERSON_NOT_FOUND, message: 'is not a person of the directory' },
  unit: { table: 'core_unit', code: FORMS_ERRORS.UNIT_NOT_FOUND, message: 'is not a unit of the directory' },
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Every referenced file, person and unit must exist: one query per kind, whatever the number of
 * answers. RLS limits the tables to the tenant, so another tenant's id is as unknown as a made-up
 * one. A value that is not a uuid (a schema without `format: "uuid"`) is unknown without asking.
 */
async function checkReferences(trx: Knex.Transaction, references: Reference[]): Promise<void> {
  const missing: Reference[] = [];
  for (const [kind, target] of Object.entries(REFERENCE_TABLE) as [ReferenceKind, (typeof REFERENCE_TABLE)[ReferenceKind]][]) {
    const mine = references.filter((r) => r.kind === kind);
    if (mine.length === 0) continue;
    const ids = [...new Set(mine.map((r) => r.id).filter((id) => UUID.test(id)))];
    const found = new Set<string>(ids.length > 0 ? await trx(target.table).whereIn('id', ids).pluck('id') : []);
    missing.push(...mine.filter((r) => !found.has(r.id.toLowerCase())));
  }
  if (missing.length === 0) return;
  const kinds = new Set(missing.map((r) => r.kind));
  const code = kinds.size === 1 ? REFERENCE_TABLE[missing[0].kind].code : FORMS_ERRORS.REFERENCE_NOT_FOUND;
  throw badRequest(
    code,
    'A referenced file, person or unit does not exist',
    missing.map((r) => ({ path: r.path, message: REFERENCE_TABLE[r.kind].message })),
  );
}

/** Depth and string length, whatever the schema allows. */
function checkShape(data: unknown): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const visit = (value: unknown, path: string, depth: number): void => {
    if (problems.length >= 20) return;
    if (depth > DATA_LIMITS.maxDepth) {
      problems.push({ path, message: `is nested deeper than ${DATA_LIMITS.maxDepth} levels` });
      return;
    }
    if (typeof value === 'string' && value.length > DATA_LIMITS.maxStringLength)
      problems.push({ path, message: `is longer than ${DATA_LIMITS.maxStringLength} characters` });
    if (Array.isArray(value)) value.forEach((item, i) => visit(item, `${path}[${i}]`, depth + 1));
    else if (typeof value === 'object' && value !== null)
      for (const [key, item] of Object.entries(value)) visit(item, `${path}.${key}`, depth + 1);
  };
  visit(data, 'body.data', 0);
  return problems;
}

/** Every text and number of the answers, space-separated: what the substring search runs over. */
export function searchTextOf(data: unknown): string {
  const parts: string[] = [];
  let length = 0;
  const visit = (value: unknown): void => {
    if (length > DATA_LIMITS.maxSearchText) return;
    if (typeof value === 'string' || typeof value === 'number') {
      const part = String(value);
      parts.push(part);
      length += part.length + 1;
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(visit);
  };
  visit(data);
  return parts.join(' ').slice(0, DATA_LIMITS.maxSearchText);
}

// oneOf/anyOf report a branch's problems and then the combinator itself: keep each path once per message.
function dedupe(details: ErrorDetail[]): ErrorDetail[] {
  const seen = new Set<string>();
  return details.filter((d) => {
    const key = `${d.path}\u0000${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
