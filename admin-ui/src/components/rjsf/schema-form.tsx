import { useState } from 'react';
import { Button } from 'antd';
import Form from '@rjsf/antd';
import type { ErrorSchema, RJSFSchema, UiSchema } from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
import localizeZh from 'ajv-i18n/localize/zh';
import { useLanguage } from '../../i18n/use-language';
import { withInterpretedIsValid } from './interpreted-is-valid';
import { rjsfTranslator } from './rjsf-zh-cn';
import type { SchemaFormProps } from './schema-form-props';

// The platform's 'tenant' ajv options (core/schemas/ajv.ts) where they matter in the browser:
// union types allowed; RJSF already sets strict: false and allErrors. Defaults are RJSF's job
// (it fills them into the form), so ajv's useDefaults stays off here.
const ajvOptionsOverrides = { allowUnionTypes: true };

// One validator per language: ajv's messages ("必须是 integer 类型") follow the UI language.
const validators = {
  'zh-CN': customizeValidator({ ajvOptionsOverrides }, localizeZh),
  en: customizeValidator({ ajvOptionsOverrides }),
};

/**
 * ajv compiles validators with `new Function`, which the served app's CSP (`script-src 'self'`,
 * core/server/web-app.ts) forbids. Where it is forbidden the form does not validate in the
 * browser; the server validates every save with the same schema and its errors show in place
 * (extraErrors). Where it is allowed (the Vite dev server) the browser checks first.
 */
const canCompileValidators = (() => {
  try {
    return new Function('return true')() === true;
  } catch {
    return false;
  }
})();

// Without compiled validators, conditions (if/then, dependencies, oneOf) are still decided in the browser.
const formValidators = canCompileValidators ? validators : { 'zh-CN': withInterpretedIsValid(validators['zh-CN']), en: withInterpretedIsValid(validators.en) };

/**
 * A JSON Schema form (RJSF with antd widgets). Loaded only through LazySchemaForm: RJSF and ajv
 * are about 380 KB gzipped and must stay out of the shell's first load.
 */
export default function SchemaForm({ schema, uiSchema, formData, extraErrors, onChange, onSubmit, submitText, submitting, disabled, testId, widgets, fields, defaultFormStateBehavior }: SchemaFormProps) {
  const [language] = useLanguage();
  // Held here, not left to RJSF: RJSF re-reads `formData` from its props whenever any prop changes
  // (new extraErrors after a failed save), which would drop what the user typed. Callers remount
  // (React `key`) to start over from new data.
  const [data, setData] = useState(formData);
  return (
    <div data-testid={testId}>
      <Form
        schema={schema as RJSFSchema}
        uiSchema={uiSchema as UiSchema | undefined}
        formData={data}
        validator={formValidators[language]}
        widgets={widgets}
        fields={fields}
        experimental_defaultFormStateBehavior={defaultFormStateBehavior}
        translateString={rjsfTranslator(language)}
        extraErrors={extraErrors as ErrorSchema | undefined}
        onChange={(event) => {
          const next = event.formData as Record<string, unknown>;
          setData(next);
          onChange?.(next);
        }}
        onSubmit={(event) => onSubmit?.(event.formData as Record<string, unknown>)}
        disabled={disabled}
        showErrorList={false}
        noValidate={!canCompileValidators}
        noHtml5Validate
        focusOnFirstError
      >
        {/* Children replace RJSF's own "Submit" button; an empty fragment renders none. */}
        {submitText ? (
          <Button type="primary" htmlType="submit" loading={submitting} disabled={disabled}>
            {submitText}
          </Button>
        ) : (
          <></>
        )}
      </Form>
    </div>
  );
}
