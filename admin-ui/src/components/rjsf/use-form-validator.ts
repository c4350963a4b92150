import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { RJSFSchema, ValidatorType } from '@rjsf/utils';
import { customizeValidator, type Localizer } from '@rjsf/validator-ajv8';
import localizeZh from 'ajv-i18n/localize/zh';
import type { Language } from '../../i18n/languages';
import { withInterpretedIsValid } from './interpreted-is-valid';
import { loadValidatorFunctions, precompiledValidator } from './precompiled-validator';
import { tenantRegExp } from '../../../../core/schemas/tenant-regexp';

// The platform's 'tenant' ajv options (core/schemas/ajv.ts) where they matter in the browser:
// union types allowed, patterns on RE2; RJSF already sets strict: false and allErrors. Defaults are RJSF's job
// (it fills them into the form), so ajv's useDefaults stays off here. Only where the browser may
// compile (the Vite dev server) and no server-generated validator is given.
const ajvOptionsOverrides = { allowUnionTypes: true, code: { regExp: tenantRegExp } };

/**
 * ajv compiles validators with `new Function`, which the served app's CSP (`script-src 'self'`,
 * core/server/web-app.ts) forbids. There, a form validates in the browser only with the
 * validator module its server generated (`validatorUrl`); the server validates every save anyway.
 */
const canCompileValidators = (() => {
  try {
    return new Function('return true')() === true;
  } catch {
    return false;
  }
})();

// One compiling validator per language: ajv's messages ("必须是 integer 类型") follow the UI language.
const compiling = {
  'zh-CN': customizeValidator({ ajvOptionsOverrides }, localizeZh),
  en: customizeValidator({ ajvOptionsOverrides }),
};
// Without compiled validators, conditions (if/then, dependencies, oneOf) are still decided in the browser.
const fallback = canCompileValidators
  ? compiling
  : { 'zh-CN': withInterpretedIsValid(compiling['zh-CN']), en: withInterpretedIsValid(compiling.en) };

export interface FormValidator {
  validator: ValidatorType;
  /** Whether the answers are checked in the browser before `onSubmit`. */
  validates: boolean;
  /** The server's validator module is still loading. */
  loading: boolean;
}

/**
 * The validator of one form: the server-generated module when `validatorUrl` is given (messages
 * in English for `problemText` to word, or ajv-i18n's Chinese), else the compiling or interpreting
 * one. A module that fails to load leaves the form to the server's check, as without one.
 */
export function useFormValidator(
  schema: RJSFSchema,
  language: Language,
  validatorUrl: string | undefined,
  ownMessages: boolean,
): FormValidator {
  const functions = useQuery({
    queryKey: ['rjsf-validator-module', validatorUrl],
    queryFn: () => loadValidatorFunctions(validatorUrl as string),
    enabled: validatorUrl !== undefined,
    staleTime: Infinity,
    retry: 1,
  });
  const precompiled = useMemo(() => {
    if (!functions.data) return null;
    const localizer: Localizer | undefined = !ownMessages && language === 'zh-CN' ? localizeZh : undefined;
    try {
      return precompiledValidator(functions.data, schema, localizer);
    } catch {
      // The module is not of this schema (it changed since): the server still checks every save.
      return null;
    }
  }, [functions.data, schema, language, ownMessages]);
  if (precompiled) return { validator: precompiled, validates: true, loading: false };
  // Own messages are worded from ajv's English ones.
  return {
    validator: fallback[ownMessages ? 'en' : language],
    validates: canCompileValidators,
    loading: validatorUrl !== undefined && functions.isPending,
  };
}
