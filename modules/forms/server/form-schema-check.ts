import { badRequest, checkTenantSchema, compileTenantSchema, type ErrorDetail, TenantSchemaError } from '../../../core/module-kit.ts';
import type { ValidateFunction } from 'ajv';
import { FORMS_ERRORS } from '../schemas/error-codes.ts';

/**
 * A form's schema is tenant-authored: the core guard bounds it (size, depth, local $ref, no
 * $data, safe patterns) and compiles it in the tenant ajv. A form is filled in as one object,
 * so its root must be an object schema.
 */
export function checkFormSchema(
  schema: Record<string, unknown>,
  uiSchema: Record<string, unknown> | undefined,
  path = 'body',
): ValidateFunction {
  const problems: ErrorDetail[] = [];
  if (schema.type !== 'object')
    problems.push({ path: `${path}.schema.type`, message: 'must be "object": a form is filled in as one object' });
  if (uiSchema !== undefined) problems.push(...checkTenantSchema(uiSchema, `${path}.uiSchema`));
  if (problems.length > 0) throw badRequest(FORMS_ERRORS.SCHEMA_INVALID, 'The form schema was rejected', problems);
  const guardProblems = checkTenantSchema(schema, `${path}.schema`);
  if (guardProblems.length > 0) throw badRequest(FORMS_ERRORS.SCHEMA_INVALID, 'The form schema was rejected', guardProblems);
  try {
    return compileTenantSchema(schema, `${path}.schema`);
  } catch (error) {
    if (error instanceof TenantSchemaError) throw badRequest(FORMS_ERRORS.SCHEMA_INVALID, 'The form schema was rejected', error.problems);
    throw error;
  }
}

/** The validator of a frozen version (compiled once per schema text, then cached by the guard). */
export function versionValidator(schema: Record<string, unknown>): ValidateFunction {
  try {
    return compileTenantSchema(schema, 'version.schema');
  } catch (error) {
    // A version was checked when it was published; failing now means the guard got stricter.
    if (error instanceof TenantSchemaError)
      throw badRequest(
        FORMS_ERRORS.VERSION_UNUSABLE,
        'This form version no longer passes the schema checks; publish a corrected version',
        error.problems,
      );
    throw error;
  }
}
