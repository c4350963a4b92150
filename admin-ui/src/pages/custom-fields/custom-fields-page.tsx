import { useState } from 'react';
import { Card, Empty, Flex, Form, Segmented, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCustomFieldSet } from '../../api/custom-field.api';
import { useTenantSession } from '../../auth/tenant-session-context';
import { ErrorResult } from '../../components/error-result';
import { PageLoading } from '../../components/page-loading';
import { useLocalized } from '../../i18n/localized';
import { enabledModules, useTenantModules } from '../../modules/use-tenant-modules';
import { ContributedFieldSetEditor, useContributedFieldSetEditor } from './contributed-field-set-editor';
import { FieldSetEditor } from './field-set-editor';
import { SchemaPreview } from './schema-preview';

/** Custom fields: pick an enabled module's record type, edit its extra fields, preview the form. */
export function CustomFieldsPage() {
  const { t } = useTranslation('customFields');
  const { t: tShell } = useTranslation('shell');
  const text = useLocalized();
  const modules = useTenantModules();
  // Only enabled modules: the server refuses custom fields of a module the county has not enabled.
  const withRecordTypes = enabledModules(modules.data).filter((module) => module.manifest.recordTypes.length > 0);
  const [moduleId, setModuleId] = useState<string>();
  const [recordType, setRecordType] = useState<string>();
  const module = withRecordTypes.find((m) => m.id === moduleId);

  let body;
  if (modules.error) body = <ErrorResult error={modules.error} onRetry={() => void modules.refetch()} />;
  else if (!modules.data) body = <PageLoading />;
  else if (withRecordTypes.length === 0)
    body = <Empty description={t('noRecordTypes')} style={{ marginTop: 48 }} data-testid="custom-fields-empty" />;
  else
    body = (
      <>
        <Card size="small" style={{ marginBottom: 16 }}>
          <Form layout="inline">
            <Form.Item label={t('module')}>
              <Select
                style={{ minWidth: 200 }}
                value={moduleId}
                placeholder={t('pickModule')}
                options={withRecordTypes.map((m) => ({ value: m.id, label: text(m.manifest.name) }))}
                onChange={(id) => {
                  setModuleId(id);
                  setRecordType(undefined);
                }}
              />
            </Form.Item>
            <Form.Item label={t('recordType')}>
              <Select
                style={{ minWidth: 200 }}
                value={recordType}
                disabled={!module}
                placeholder={t('pickRecordType')}
                options={(module?.manifest.recordTypes ?? []).map((type) => ({ value: type.id, label: text(type.name) }))}
                onChange={setRecordType}
              />
            </Form.Item>
          </Form>
        </Card>
        {moduleId && recordType ? (
          <RecordTypeFields key={`${moduleId}/${recordType}`} moduleId={moduleId} recordType={recordType} />
        ) : (
          <Empty description={t('pickFirst')} />
        )}
      </>
    );

  return (
    <>
      <Typography.Title level={3}>{tShell('menu.customFields')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      {body}
    </>
  );
}

function RecordTypeFields({ moduleId, recordType }: { moduleId: string; recordType: string }) {
  const { t } = useTranslation('customFields');
  const { slug } = useTenantSession();
  const text = useLocalized();
  const fieldSet = useCustomFieldSet(slug, moduleId, recordType);
  // A module may contribute a richer editor (the forms designer); the list editor stays one click away.
  const contributed = useContributedFieldSetEditor();
  const [useList, setUseList] = useState(false);
  if (fieldSet.error) return <ErrorResult error={fieldSet.error} onRetry={() => void fieldSet.refetch()} />;
  if (!fieldSet.data) return <PageLoading />;
  return (
    <Flex vertical>
      {contributed && (
        <Segmented
          style={{ alignSelf: 'flex-start', marginBottom: 12 }}
          value={useList ? 'list' : 'contributed'}
          onChange={(value) => setUseList(value === 'list')}
          options={[
            { value: 'contributed', label: text(contributed.name) },
            { value: 'list', label: t('listEditor') },
          ]}
          data-testid="field-editor-choice"
        />
      )}
      {contributed && !useList ? (
        <ContributedFieldSetEditor editor={contributed} fieldSet={fieldSet.data} />
      ) : (
        // A saved version remounts the editor on the stored fields (the version the next save builds on).
        <FieldSetEditor key={fieldSet.data.version} fieldSet={fieldSet.data} />
      )}
      <SchemaPreview moduleId={moduleId} recordType={recordType} />
    </Flex>
  );
}
