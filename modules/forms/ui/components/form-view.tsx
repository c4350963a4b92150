import { LazySchemaForm, type SchemaFormProps } from '../../../../admin-ui/src/components/rjsf/lazy-schema-form';
import { formFields, formWidgets } from './form-widgets/form-registry';

// A required yes/no starts unanswered (RJSF would prefill false, and "饮水安全: 否" would then be
// counted for every household nobody asked about); \`required\` flags it instead.
const defaults = { requiredBooleanDefault: 'skip' } as const;

/** A form of this module rendered by the shared RJSF wrapper, with the designer's widgets (person, unit, file, location, section). */
export function FormView(props: Omit<SchemaFormProps, 'widgets' | 'fields' | 'defaultFormStateBehavior'>) {
  return <LazySchemaForm {...props} widgets={formWidgets} fields={formFields} defaultFormStateBehavior={defaults} />;
}
