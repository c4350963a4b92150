import { fastFormats, fullFormats } from 'ajv-formats/dist/formats.js';
import equal from 'ajv/dist/runtime/equal.js';
import ucs2length from 'ajv/dist/runtime/ucs2length.js';
import uri from 'ajv/dist/runtime/uri.js';
import ValidationError from 'ajv/dist/runtime/validation_error.js';
import { TENANT_REGEXP_SPECIFIER, tenantRegExp } from '../../../../core/schemas/tenant-regexp.js';
import { allFormats, COUNTY_FORMATS_SPECIFIER } from '../../../../core/schemas/county-formats.js';

type ModuleExports = Record<string, unknown>;

/**
 * What `require()` of a CommonJS module gives. A bundler's default import of such a module is its
 * `exports.default`; Node's is the whole `module.exports` (flagged `__esModule`): both become the latter.
 */
function asRequired(imported: unknown): ModuleExports {
  const flagged = typeof imported === 'object' && imported !== null && (imported as { __esModule?: unknown }).__esModule === true;
  return flagged ? (imported as ModuleExports) : { default: imported };
}

const modules: Record<string, ModuleExports> = {
  'ajv/dist/runtime/equal': asRequired(equal),
  'ajv/dist/runtime/ucs2length': asRequired(ucs2length),
  'ajv/dist/runtime/uri': asRequired(uri),
  'ajv/dist/runtime/validation_error': asRequired(ValidationError),
  'ajv-formats/dist/formats': { fullFormats, fastFormats },
  // Tenant patterns run on RE2 in the browser as on the server (linear time, same meaning).
  [TENANT_REGEXP_SPECIFIER]: { tenantRegExp },
  [COUNTY_FORMATS_SPECIFIER]: { allFormats },
};

/** The specifiers served validator modules may ask for (the server checks its code against the same list). */
export const validatorRuntimeSpecifiers = Object.keys(modules);

/**
 * The `require` handed to a served validator module (modules/forms/server/validator-module.ts):
 * ajv's runtime helpers, ajv-formats' checks and the RE2 pattern engine, from the very packages
 * the server validates with, bundled here because a browser cannot resolve the bare names the generated code uses.
 */
export function validatorRequire(specifier: string): ModuleExports {
  const found = modules[specifier];
  if (!found) throw new Error(`a validator module asked for an unknown runtime module: ${specifier}`);
  return found;
}
