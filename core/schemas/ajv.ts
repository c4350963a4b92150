import { _, Ajv, type CodeOptions, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import { isStorableDate, isStorableDateTime } from './storable-time.ts';
import { tenantRegExp } from './tenant-regexp.ts';
import { COUNTY_FORMATS_SPECIFIER, countyFormats } from './county-formats.ts';
import { isTimeZone } from '../time/time-zone.ts';

/**
 * The one ajv configuration of the platform, on purpose:
 * - bodies are never coerced and unknown properties are an error (no silent `removeAdditional`),
 *   so a wrong type or an unknown field is a 400 naming the field;
 * - query strings and path params are coerced, because they arrive as text;
 * - defaults are applied; every error is reported so the UI can mark every bad field.
 * - tenant-authored schemas ('tenant') are validated like bodies but tolerate unknown annotations.
 * - tenant-authored `pattern`s run on RE2 (linear time, core/schemas/tenant-regexp.ts), not on
 *   JavaScript's backtracking RegExp.
 * The browser (rjsf's validator) uses the 'tenant' options too. JSON Schema draft-07 throughout.
 */
export type AjvPurpose = 'body' | 'params' | 'tenant';

export function ajvOptions(purpose: AjvPurpose): Options {
  return {
    // Tenant-authored schemas may carry annotation keywords of other tools (rjsf's `enumNames`).
    strict: purpose === 'tenant' ? false : true,
    allErrors: true,
    useDefaults: true,
    allowUnionTypes: true,
    removeAdditional: false,
    coerceTypes: purpose === 'params' ? 'array' : false,
    ...(purpose === 'tenant' ? { code: { regExp: tenantRegExp } } : {}),
  };
}

/**
 * An ajv with the purpose's options and formats. `code` only changes how validators are emitted
 * (e.g. `{ source: true }` for standalone modules served to the browser), never what they accept.
 */
export function createAjv(purpose: AjvPurpose, code?: CodeOptions): Ajv {
  const options = ajvOptions(purpose);
  // Standalone code reads every format (ajv-formats' and the county ones) from one runtime module.
  const ajv = new Ajv(
    code ? { ...options, code: { ...options.code, formats: _`require(${COUNTY_FORMATS_SPECIFIER}).allFormats`, ...code } } : options,
  );
  addFormats.default(ajv);
  for (const [name, format] of Object.entries(countyFormats)) ajv.addFormat(name, format);
  if (purpose !== 'tenant') {
    // Route schemas accept only dates PostgreSQL stores as sent (no year 0000, no leap second).
    // Tenant schemas keep ajv-formats' own checks: the browser runs the very same code.
    ajv.addFormat('date', { type: 'string', validate: isStorableDate });
    ajv.addFormat('date-time', { type: 'string', validate: isStorableDateTime });
    // A county's clock: an IANA zone the host knows (`Asia/Shanghai`, `Asia/Urumqi`).
    ajv.addFormat('time-zone', { type: 'string', validate: isTimeZone });
  }
  return ajv;
}
