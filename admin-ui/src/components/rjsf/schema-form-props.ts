import type { Experimental_DefaultFormStateBehavior, RegistryFieldsType, RegistryWidgetsType } from '@rjsf/utils';
import type { SchemaErrorTree } from './error-schema';

/** What the lazily loaded RJSF form takes; plain JSON in and out, so callers need no RJSF types. */
export interface SchemaFormProps {
  /** A JSON Schema (draft-07), e.g. a module's `configSchema`. */
  schema: Record<string, unknown>;
  uiSchema?: Record<string, unknown>;
  /** The starting data; the form keeps its own copy from then on (remount with a `key` to reset). */
  formData?: Record<string, unknown>;
  /** Problems found by the server, shown under their fields (see issuesToErrorTree). */
  extraErrors?: SchemaErrorTree;
  onChange?: (formData: Record<string, unknown>) => void;
  /** Called with valid data only: the browser validates first with the same schema. */
  onSubmit?: (formData: Record<string, unknown>) => void;
  /** The submit button's text; none: no button (a preview). */
  submitText?: string;
  submitting?: boolean;
  disabled?: boolean;
  /** Lets tests and callers find the form. */
  testId?: string;
  /** Extra widgets and fields by name (`ui:widget` / `ui:field`), e.g. the forms module's person or file pickers. */
  widgets?: RegistryWidgetsType;
  fields?: RegistryFieldsType;
  /** How RJSF fills defaults, e.g. `{ requiredBooleanDefault: 'skip' }` so a required yes/no starts unanswered. */
  defaultFormStateBehavior?: Experimental_DefaultFormStateBehavior;
}
