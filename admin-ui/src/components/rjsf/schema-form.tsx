import { useCallback, useState } from 'react';
import { Button, Skeleton } from 'antd';
import Form from '@rjsf/antd';
import type { ErrorSchema, ErrorTransformer, RJSFSchema, UiSchema } from '@rjsf/utils';
import { useLanguage } from '../../i18n/use-language';
import { withoutHiddenAnswers } from '../../../../core/schemas/hidden-answers';
import { rjsfTranslator } from './rjsf-zh-cn';
import { DateTimeWidget, DateWidget } from './date-widgets';
import type { BrowserProblem, SchemaFormProps } from './schema-form-props';
import { useFormValidator } from './use-form-validator';
import './schema-form.css';

/** RJSF's `.members.0.name` (the problem's property) as `['members', 0, 'name']`. */
const propertyPath = (property: string | undefined): BrowserProblem['path'] =>
  (property ?? '')
    .split('.')
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));

// RJSF rewords these two ("must have required property 'x'"); the server's words are kept instead.
const GROUP_TITLES = { colon: false, labelAlign: 'left' } as const;

const SERVER_WORDS: Record<string, string> = { required: 'is required', additionalProperties: 'is not an allowed field' };

/**
 * A JSON Schema form (RJSF with antd widgets). Loaded only through LazySchemaForm: RJSF and ajv
 * are about 380 KB gzipped and must stay out of the shell's first load.
 */
export default function SchemaForm({
  schema,
  uiSchema,
  formData,
  extraErrors,
  onChange,
  onSubmit,
  submitText,
  submitting,
  disabled,
  testId,
  widgets,
  fields,
  templates,
  validatorUrl,
  problemText,
  omitHiddenAnswers,
  defaultFormStateBehavior,
}: SchemaFormProps) {
  const [language] = useLanguage();
  // Held here, not left to RJSF: RJSF re-reads `formData` from its props whenever any prop changes
  // (new extraErrors after a failed save), which would drop what the user typed. Callers remount
  // (React `key`) to start over from new data.
  const [data, setData] = useState(formData);
  // After a refused submit, problems clear (or appear) as the answers change.
  const [live, setLive] = useState(false);
  const rootSchema = schema as RJSFSchema;
  const { validator, validates, loading } = useFormValidator(rootSchema, language, validatorUrl, problemText !== undefined);

  // What was typed into a field its condition now hides stays in the form (it comes back with the
  // field) but is never handed out: the server refuses such answers (modules/forms/README.md).
  const visible = useCallback(
    (answers: Record<string, unknown>) =>
      omitHiddenAnswers
        ? withoutHiddenAnswers(schema, answers, (sub, value) => validator.isValid(sub as RJSFSchema, value, rootSchema))
        : answers,
    [omitHiddenAnswers, schema, validator, rootSchema],
  );
  const transformErrors: ErrorTransformer | undefined = problemText
    ? (errors) =>
        errors.flatMap((error) => {
          const keyword = error.name ?? '';
          const text = problemText({ path: propertyPath(error.property), keyword, message: SERVER_WORDS[keyword] ?? error.message ?? '' });
          return text === null ? [] : [{ ...error, message: text, stack: text }];
        })
    : undefined;

  if (loading) return <Skeleton active paragraph={{ rows: 4 }} />;
  return (
    <div data-testid={testId}>
      <Form
        schema={rootSchema}
        uiSchema={withoutRootTitle(uiSchema as UiSchema | undefined)}
        formData={data}
        validator={validator}
        // Pickers that stay on a phone's screen; callers' widgets come on top.
        widgets={{ DateWidget, DateTimeWidget, ...widgets }}
        fields={fields}
        templates={templates}
        experimental_defaultFormStateBehavior={defaultFormStateBehavior}
        // Group and list titles sit left like every other label, without antd's horizontal-form colon.
        formContext={GROUP_TITLES}
        translateString={rjsfTranslator(language)}
        extraErrors={extraErrors as ErrorSchema | undefined}
        transformErrors={transformErrors}
        onChange={(event) => {
          const next = event.formData as Record<string, unknown>;
          setData(next);
          onChange?.(visible(next));
        }}
        onSubmit={(event) => onSubmit?.(visible(event.formData as Record<string, unknown>))}
        onError={() => setLive(true)}
        liveValidate={live && validates ? 'onChange' : undefined}
        disabled={disabled}
        showErrorList={false}
        noValidate={!validates}
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

/**
 * The page around a form already names it (the form's name, the drawer's title): the schema's
 * own root title would repeat it, right-aligned with a colon. A caller may still ask for it
 * with `'ui:label': true`.
 */
function withoutRootTitle(uiSchema: UiSchema | undefined): UiSchema {
  return uiSchema && 'ui:label' in uiSchema ? uiSchema : { ...uiSchema, 'ui:label': false };
}
