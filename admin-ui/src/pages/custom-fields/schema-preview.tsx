import { App, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEffectiveSchema } from '../../api/custom-field.api';
import { useTenantSession } from '../../auth/tenant-session-context';
import { ErrorResult } from '../../components/error-result';
import { PageLoading } from '../../components/page-loading';
import { LazySchemaForm } from '../../components/rjsf/lazy-schema-form';

/** The record's form as users will see it: the record type's own fields and the saved custom fields. */
export function SchemaPreview({ moduleId, recordType }: { moduleId: string; recordType: string }) {
  const { t } = useTranslation('customFields');
  const { slug } = useTenantSession();
  const { message } = App.useApp();
  const effective = useEffectiveSchema(slug, moduleId, recordType);

  return (
    <Card
      title={t('preview.title')}
      extra={effective.data ? t('version', { n: effective.data.version }) : null}
      style={{ marginTop: 24 }}
      data-testid="schema-preview"
    >
      {effective.error ? (
        <ErrorResult error={effective.error} onRetry={() => void effective.refetch()} />
      ) : effective.data ? (
        <LazySchemaForm
          // A new version is a new form: start from empty data again.
          key={effective.data.version}
          schema={effective.data.schema}
          uiSchema={effective.data.uiSchema}
          submitText={t('preview.check')}
          onSubmit={() => message.success(t('preview.valid'))}
        />
      ) : (
        <PageLoading />
      )}
    </Card>
  );
}
