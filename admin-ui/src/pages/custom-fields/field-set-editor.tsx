import { useState } from 'react';
import { ArrowDownOutlined, ArrowUpOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError, type FieldIssue } from '../../api/api-error';
import { useSaveCustomFieldSet, type CustomFieldSet } from '../../api/custom-field.api';
import { useTenantSession } from '../../auth/tenant-session-context';
import { fieldMessage } from '../../components/field-errors';
import { FieldEditorModal } from './field-editor-modal';
import { fieldOfIssue, fieldsToFragment, fragmentToFields, type FieldDraft } from './field-model';
import { CORE_ERRORS } from '../../../../core/schemas/error-codes';

/** The list editor of one record type's custom fields; nothing is stored until Save. */
export function FieldSetEditor({ fieldSet }: { fieldSet: CustomFieldSet }) {
  const { t } = useTranslation('customFields');
  const { t: tErrors } = useTranslation('errors');
  const { slug } = useTenantSession();
  const { message } = App.useApp();
  const save = useSaveCustomFieldSet(slug, fieldSet.moduleId, fieldSet.recordType);
  const [fields, setFields] = useState(() => fragmentToFields(fieldSet.schema, fieldSet.uiSchema));
  const [dirty, setDirty] = useState(false);
  // undefined: closed; null: adding; a number: editing that row.
  const [editing, setEditing] = useState<number | null | undefined>(undefined);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [failure, setFailure] = useState<string | null>(null);

  const change = (next: FieldDraft[]) => {
    setFields(next);
    setDirty(true);
  };
  const move = (index: number, by: -1 | 1) => {
    const next = [...fields];
    [next[index], next[index + by]] = [next[index + by], next[index]];
    change(next);
  };

  const submit = () => {
    setIssues([]);
    setFailure(null);
    const namesBefore = Object.keys((fieldSet.schema.properties ?? {}) as Record<string, unknown>);
    save.mutate(
      { ...fieldsToFragment(fields, fieldSet.uiSchema, namesBefore), version: fieldSet.version },
      {
        onSuccess: () => {
          message.success(t('saved'));
          setDirty(false);
        },
        onError: (error) => {
          if (isApiError(error) && error.code === CORE_ERRORS.CUSTOM_FIELDS_VERSION_CONFLICT) setFailure(t('versionConflict'));
          else if (isApiError(error) && error.details.length > 0) setIssues(error.details);
          else setFailure(t('saveFailed', { code: isApiError(error) ? error.code : 'CLIENT_ERROR' }));
        },
      },
    );
  };

  const issuesOf = (name: string) => issues.filter((issue) => fieldOfIssue(issue.path) === name);
  const generalIssues = issues.filter((issue) => fieldOfIssue(issue.path) === null);

  const columns: TableColumnsType<FieldDraft> = [
    {
      key: 'order',
      width: 80,
      render: (_, __, index) => (
        <Space size={0}>
          <Button
            type="text"
            size="small"
            icon={<ArrowUpOutlined />}
            disabled={index === 0}
            onClick={() => move(index, -1)}
            aria-label={t('moveUp')}
          />
          <Button
            type="text"
            size="small"
            icon={<ArrowDownOutlined />}
            disabled={index === fields.length - 1}
            onClick={() => move(index, 1)}
            aria-label={t('moveDown')}
          />
        </Space>
      ),
    },
    {
      title: t('columns.label'),
      key: 'label',
      render: (_, field) => (
        <Flex vertical>
          <Typography.Text strong>{field.label || '—'}</Typography.Text>
          <Typography.Text type="secondary" code>
            {field.name}
          </Typography.Text>
          {issuesOf(field.name).map((issue) => (
            <Typography.Text key={issue.path} type="danger">
              {`${issue.path.replace(/^body\./, '')}: ${fieldMessage(tErrors, issue.message)}`}
            </Typography.Text>
          ))}
        </Flex>
      ),
    },
    { title: t('columns.kind'), key: 'kind', render: (_, field) => <Tag>{t(`kinds.${field.kind}`)}</Tag> },
    { title: t('columns.required'), key: 'required', render: (_, field) => (field.required ? t('yes') : t('no')) },
    {
      title: t('columns.details'),
      key: 'details',
      render: (_, field) => (
        <Space size={4} wrap>
          {field.options.map((option) => (
            <Tag key={option}>{option}</Tag>
          ))}
          {field.min !== undefined && <Typography.Text type="secondary">{t('min', { n: field.min })}</Typography.Text>}
          {field.max !== undefined && <Typography.Text type="secondary">{t('max', { n: field.max })}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: t('columns.actions'),
      key: 'actions',
      render: (_, field, index) => (
        <Space size={0}>
          {/* A field no kind of this editor describes is kept as stored: it can move or go, not change here. */}
          <Button type="link" disabled={field.kind === 'other'} onClick={() => setEditing(index)}>
            {t('edit')}
          </Button>
          <Button type="link" danger onClick={() => change(fields.filter((_, i) => i !== index))}>
            {t('remove')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      {generalIssues.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('rejected')}
          description={generalIssues
            .map((issue) => `${issue.path.replace(/^body\./, '')}: ${fieldMessage(tErrors, issue.message)}`)
            .join('；')}
          style={{ marginBottom: 16 }}
        />
      )}
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('version', { n: fieldSet.version })}</Typography.Text>
        <Space wrap>
          <Button icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="add-field">
            {t('add')}
          </Button>
          <Button type="primary" disabled={!dirty} loading={save.isPending} onClick={submit} data-testid="save-fields">
            {t('save')}
          </Button>
        </Space>
      </Flex>
      <Table<FieldDraft>
        rowKey="name"
        columns={columns}
        dataSource={fields}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('noFields') }}
        data-testid="field-list"
      />
      {editing !== undefined && (
        <FieldEditorModal
          field={editing === null ? null : fields[editing]}
          takenNames={fields.filter((_, i) => i !== editing).map((field) => field.name)}
          onCancel={() => setEditing(undefined)}
          onSave={(field) => {
            change(editing === null ? [...fields, field] : fields.map((f, i) => (i === editing ? field : f)));
            setEditing(undefined);
          }}
        />
      )}
    </>
  );
}
