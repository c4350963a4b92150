import { ErrorResult, useCountyTime, useTenantSession } from '../../../../admin-ui/src/module-kit';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useForms, useSaveForm } from '../api/forms.api';
import type { FormSummary } from '../../schemas/form.schema';
import { ImportModal } from '../components/designer/import-modal';
import { SchemaProblems } from '../components/designer/schema-problems';
import { useT } from '../i18n/forms-i18n';

/** `/forms/designer`: the tenant's forms; create one, or import a schema written elsewhere. */
export default function DesignerListPage() {
  const t = useT();
  const countyTime = useCountyTime();
  const { slug } = useTenantSession();
  const navigate = useNavigate();
  const forms = useForms(slug);
  const save = useSaveForm(slug);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [name, setName] = useState('');
  const open = (id: string) => navigate(`/t/${slug}/forms/designer/${id}`);

  const create = async () => {
    const form = await save.mutateAsync({
      body: { name: name.trim(), schema: { type: 'object', title: name.trim(), properties: {} }, uiSchema: {} },
    });
    setCreating(false);
    open(form.id);
  };

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3}>{t('designer.title')}</Typography.Title>
        <Space>
          <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="import-form-button">
            {t('designer.import')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-form">
            {t('designer.newForm')}
          </Button>
        </Space>
      </Flex>
      {forms.error ? (
        <ErrorResult error={forms.error} onRetry={() => void forms.refetch()} />
      ) : (
        <Table<FormSummary>
          rowKey="id"
          data-testid="form-table"
          loading={forms.isLoading}
          dataSource={forms.data ?? []}
          pagination={false}
          scroll={{ x: 600 }}
          onRow={(form) => ({ onClick: () => open(form.id), style: { cursor: 'pointer' } })}
          locale={{ emptyText: t('designer.noForms') }}
          columns={[
            { title: t('designer.formName'), dataIndex: 'name', render: (value: string) => <Typography.Link>{value}</Typography.Link> },
            {
              title: t('designer.state'),
              key: 'state',
              render: (_, form) => (
                <Space size={4}>
                  {form.latestVersion > 0 ? (
                    <Tag color="blue">{t('designer.latest', { version: form.latestVersion })}</Tag>
                  ) : (
                    <Tag>{t('designer.unpublished')}</Tag>
                  )}
                  {form.draftChanged && form.latestVersion > 0 && <Tag color="orange">{t('designer.draftChanged')}</Tag>}
                </Space>
              ),
            },
            { title: t('designer.updatedAt'), dataIndex: 'updatedAt', render: (value: string) => countyTime(value) },
          ]}
        />
      )}
      <Modal
        open={creating}
        title={t('designer.newForm')}
        onCancel={() => setCreating(false)}
        onOk={() => void create().catch(() => undefined)}
        okButtonProps={{ disabled: !name.trim(), loading: save.isPending }}
        destroyOnHidden
      >
        <Form layout="vertical" component="div">
          <Form.Item label={t('designer.formName')} htmlFor="new-form-name" required>
            <Input
              id="new-form-name"
              value={name}
              maxLength={100}
              onChange={(e) => setName(e.target.value)}
              onPressEnter={() => name.trim() && void create().catch(() => undefined)}
            />
          </Form.Item>
        </Form>
        <SchemaProblems error={save.error} />
      </Modal>
      <ImportModal
        open={importing}
        withName
        onClose={() => setImporting(false)}
        onImport={async ({ name: importedName, schema, uiSchema }) => {
          const form = await save.mutateAsync({ body: { name: importedName, schema, uiSchema } });
          open(form.id);
        }}
      />
    </>
  );
}
