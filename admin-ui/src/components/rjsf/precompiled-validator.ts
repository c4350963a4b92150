import type { RJSFSchema, ValidatorType } from '@rjsf/utils';
import { createPrecompiledValidator, type CompiledValidateFunction, type Localizer, type ValidatorFunctions } from '@rjsf/validator-ajv8';
import { interpretedIsValid } from './interpreted-is-valid';
import { validatorRequire } from './validator-runtime';

interface ValidatorModule {
  default: (require: typeof validatorRequire) => ValidatorFunctions;
}

/**
 * Loads a validator module the server generated for one schema (ajv standalone code, same
 * options and formats as the server's own check) and hands it the runtime helpers. A same-origin
 * `import()` of plain code: allowed by the app's CSP (`script-src 'self'`), unlike ajv compiling
 * validators in the browser with `new Function`.
 */
export async function loadValidatorFunctions(url: string): Promise<ValidatorFunctions> {
  const module = (await import(/* @vite-ignore */ url)) as ValidatorModule;
  return module.default(validatorRequire);
}

// ajv applies schema defaults into the data it checks (the server's `useDefaults`): check a copy,
// as the server does, so that RJSF's form state never changes under it.
function onCopy(validate: CompiledValidateFunction): CompiledValidateFunction {
  const copying = ((data: unknown) => {
    const valid = validate(data === undefined ? data : structuredClone(data));
    copying.errors = validate.errors;
    return valid;
  }) as CompiledValidateFunction;
  return copying;
}

/**
 * RJSF's validator over the precompiled functions. RJSF also asks about sub-schemas it builds on
 * the fly (an option narrowed by the data, a merged `allOf`); those have no precompiled function
 * and are answered by interpretation, as before. Validation itself always has one: the root's.
 */
export function precompiledValidator(functions: ValidatorFunctions, rootSchema: RJSFSchema, localizer?: Localizer): ValidatorType {
  const copying = Object.fromEntries(Object.entries(functions).map(([key, fn]) => [key, onCopy(fn)]));
  const validator = createPrecompiledValidator(copying, rootSchema, localizer);
  return {
    validateFormData: (...args) => {
      try {
        return validator.validateFormData(...args);
      } catch {
        // Asked with a schema other than the one compiled: the server's check still runs on save.
        return { errors: [], errorSchema: {} };
      }
    },
    rawValidation: validator.rawValidation.bind(validator),
    isValid: (schema, formData, root) => {
      try {
        return validator.isValid(schema, formData, root);
      } catch {
        return interpretedIsValid(schema, formData, root);
      }
    },
  };
}
