import { useMemo } from 'react';
import { LazySchemaForm, type SchemaFormProps } from '../../../../admin-ui/src/module-kit';
import { browserProblemText } from '../fill/submission-errors';
import { useT } from '../i18n/forms-i18n';
import { formFields, formTemplates, formWidgets } from './form-widgets/form-registry';

// A required yes/no starts unanswered (RJSF would prefill false, and "饮水安全: 否" would then be
// counted for every household nobody asked about); \`required\` flags it instead. Likewise a
// choice (\`oneOf\` of \`const\`s) starts unchosen: RJSF would take its first option's \`const\`.
const defaults = { requiredBooleanDefault: 'skip', constAsDefaults: 'skipOneOf' } as const;

type FormViewProps = Omit<
  SchemaFormProps,
  'widgets' | 'fields' | 'templates' | 'defaultFormStateBehavior' | 'problemText' | 'omitHiddenAnswers'
>;

/**
 * A form of this module rendered by the shared RJSF wrapper, with the designer's widgets (person,
 * unit, file, location, section) and repeating groups as tables. Problems found in the browser
 * read as the server's; answers to fields hidden by a condition are never handed out (the server
 * refuses them). Pass `validatorUrl` (a version's `validator.js`) to check answers before sending.
 */
export function FormView(props: FormViewProps) {
  const t = useT();
  const problemText = useMemo(() => browserProblemText(t, props.schema), [t, props.schema]);
  return (
    <LazySchemaForm
      {...props}
      widgets={formWidgets}
      fields={formFields}
      templates={formTemplates}
      defaultFormStateBehavior={defaults}
      problemText={problemText}
      omitHiddenAnswers
    />
  );
}
