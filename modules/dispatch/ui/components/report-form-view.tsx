import { ContributedSchemaForm, type FormRendererProps } from '../../../../admin-ui/src/module-kit';

/**
 * A task's report form, filled in as part of a progress report: rendered by the forms module's
 * renderer (its person, unit, file and location widgets) through the shell, which falls back to a
 * plain form when forms is not enabled.
 */
export default function ReportFormView(props: FormRendererProps) {
  return <ContributedSchemaForm {...props} />;
}
