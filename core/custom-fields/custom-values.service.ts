import type { Knex } from 'knex';
import { compileTenantSchema, TenantSchemaError } from '../schemas/tenant-schema-guard.ts';
import { detailsFromAjv } from '../http/error-handler.ts';
import { AppError, badRequest } from '../http/errors.ts';
import { EMPTY_FRAGMENT } from './custom-field-fragment.ts';
import { CORE_ERRORS } from '../schemas/error-codes.ts';

/**
 * Validates a record's `custom` values against the tenant's custom fields of that record type
 * (the transaction's tenant; no fields set means no custom value is allowed). The validator is
 * compiled once per schema and cached by its hash. Returns a copy with the fields' defaults
 * filled in; throws 400 `CUSTOM_FIELDS_INVALID` naming each bad field (`body.custom.householdSize`).
 * Modules call it in their create and update handlers before writing the record.
 */
export async function validateCustomValues(
  trx: Knex.Transaction,
  moduleId: string,
  recordType: string,
  values: unknown,
  path = 'body.custom',
): Promise<Record<string, unknown>> {
  const row: { schema: Record<string, unknown> } | undefined = await trx('core_custom_field_set')
    .where({ module_id: moduleId, record_type: recordType })
    .first('schema');
  let validate;
  try {
    validate = compileTenantSchema(row?.schema ?? EMPTY_FRAGMENT, 'customFields.schema');
  } catch (error) {
    if (!(error instanceof TenantSchemaError)) throw error;
    // Stored fields passed the guard when saved; a later, stricter guard can refuse them.
    throw new AppError(
      409,
      CORE_ERRORS.CUSTOM_FIELDS_SCHEMA_INVALID,
      `The custom fields of ${moduleId}/${recordType} no longer pass the schema checks; an administrator must save them again`,
      error.problems,
    );
  }
  const copy = structuredClone(values ?? {});
  if (!validate(copy)) {
    throw badRequest(
      CORE_ERRORS.CUSTOM_FIELDS_INVALID,
      'Some custom fields have invalid values',
      detailsFromAjv(path, validate.errors ?? []),
    );
  }
  return copy as Record<string, unknown>;
}
