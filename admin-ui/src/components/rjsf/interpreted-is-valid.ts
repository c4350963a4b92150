import { Validator, type Schema } from '@cfworker/json-schema';
import type { RJSFSchema, ValidatorType } from '@rjsf/utils';

const cache = new Map<string, Validator>();

/**
 * RJSF decides which `if/then/else` branch, `dependencies` or `oneOf` option applies by asking
 * the validator `isValid`. ajv answers by compiling code, which the served app's CSP forbids (it
 * then answers "no" to everything: conditional fields never appear). This answers the same
 * question with an interpreting draft-07 validator (no code generation). Local `$ref`s point into
 * the root schema, so its `definitions`/`$defs` travel with the sub-schema asked about.
 */
export function interpretedIsValid(schema: RJSFSchema, formData: unknown, rootSchema: RJSFSchema): boolean {
  const combined: Record<string, unknown> = { ...schema };
  if (rootSchema.definitions && !('definitions' in schema)) combined.definitions = rootSchema.definitions;
  if (rootSchema.$defs && !('$defs' in schema)) combined.$defs = rootSchema.$defs;
  const key = JSON.stringify(combined);
  let validator = cache.get(key);
  if (!validator) {
    if (cache.size > 500) cache.clear();
    validator = new Validator(combined as Schema, '7', true);
    cache.set(key, validator);
  }
  try {
    return validator.validate(formData).valid;
  } catch {
    return false;
  }
}

/** The ajv validator with `isValid` answered by interpretation (see above); the rest unchanged. */
export function withInterpretedIsValid<T>(validator: ValidatorType<T>): ValidatorType<T> {
  return {
    validateFormData: (...args) => validator.validateFormData(...args),
    rawValidation: validator.rawValidation.bind(validator),
    reset: validator.reset?.bind(validator),
    isValid: (schema, formData, rootSchema) => interpretedIsValid(schema, formData, rootSchema),
  };
}
