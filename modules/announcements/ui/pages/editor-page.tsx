import { useEffect, useMemo, useState } from 'react';
import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, DatePicker, Flex, Form, Input, Radio, Select, Space, TreeSelect, Typography, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate, useParams } from 'react-router';
import {
  countyTime,
  countyWallTimeToIso,
  ErrorResult,
  fieldMessage,
  isApiError,
  PageLoading,
  unitTreeData,
  uploadFile,
  useDirectoryUnits,
  useModuleConfig,
  useTenantSession,
  type UploadedFile,
} from '../../../../admin-ui/src/module-kit';
import type { AudienceKind, NoticeDetail, NoticeInput } from '../../schemas/notice.schema';
import { useAudienceRoles, useManagedNotice, useNoticeAction, useSaveNotice } from '../api/announcements.api';
import { actionError } from '../components/action-error';
import { RichTextEditor } from '../components/rich-text-editor';
import { pagePath } from '../components/paths';
import { useT } from '../i18n/announcements-i18n';
import { useTranslation } from 'react-i18next';

interface Values {
  title: string;
  bodyHtml: string;
  audienceKind: AudienceKind;
  unitIds: string[];
  roleIds: string[];
  flags: ('pinned' | 'requiresConfirmation' | 'sms')[];
  expiresAt: Dayjs | null;
}

/** The form's values of a stored draft (times back on the county's wall clock). */
function valuesOf(notice: NoticeDetail): Values {
  return {
    title: notice.title,
    bodyHtml: notice.bodyHtml,
    audienceKind: notice.audience.kind,
    unitIds: notice.audience.units.map((u) => u.id),
    roleIds: notice.audience.roles.map((r) => r.id),
    flags: [
      ...(notice.pinned ? (['pinned'] as const) : []),
      ...(notice.requiresConfirmation ? (['requiresConfirmation'] as const) : []),
      ...(notice.sms ? (['sms'] as const) : []),
    ],
    expiresAt: notice.expiresAt ? dayjs(countyTime(notice.expiresAt, 'YYYY-MM-DDTHH:mm:ss')) : null,
  };
}

function inputOf(values: Values, files: UploadedFile[]): NoticeInput {
  return {
    title: values.title,
    bodyHtml: values.bodyHtml ?? '',
    audience:
      values.audienceKind === 'units'
        ? { kind: 'units', unitIds: values.unitIds ?? [] }
        : values.audienceKind === 'roles'
          ? { kind: 'roles', roleIds: values.roleIds ?? [] }
          : { kind: 'county' },
    pinned: values.flags.includes('pinned'),
    requiresConfirmation: values.flags.includes('requiresConfirmation'),
    sms: values.flags.includes('sms'),
    expiresAt: values.expiresAt ? countyWallTimeToIso(values.expiresAt) : null,
    attachmentIds: files.map((f) => f.id),
  };
}

// Server paths of the notice's fields, as the form names them.
const FIELD_OF: Record<string, keyof Values> = {
  'body.title': 'title',
  'body.bodyHtml': 'bodyHtml',
  'body.audience.kind': 'audienceKind',
  'body.audience.unitIds': 'unitIds',
  'body.audience.roleIds': 'roleIds',
  'body.expiresAt': 'expiresAt',
};

/** `/announcements/manage/new` and `/manage/:id/edit`: writing a draft, saving it, publishing it. */
export default function EditorPage() {
  const { id } = useParams();
  const { slug } = useTenantSession();
  const existing = useManagedNotice(slug, id);
  if (id && existing.isLoading) return <PageLoading />;
  if (id && (existing.error || !existing.data)) return <ErrorResult error={existing.error} onRetry={() => void existing.refetch()} />;
  return <NoticeEditor key={id ?? 'new'} slug={slug} notice={existing.data} />;
}

function NoticeEditor({ slug, notice }: { slug: string; notice: NoticeDetail | undefined }) {
  const t = useT();
  const { t: errorsT } = useTranslation('errors');
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { config } = useModuleConfig('announcements');
  const units = useDirectoryUnits(slug);
  const roles = useAudienceRoles(slug);
  const save = useSaveNotice(slug, notice?.id);
  const action = useNoticeAction(slug);
  const [files, setFiles] = useState<UploadedFile[]>(notice?.attachments ?? []);
  const [uploading, setUploading] = useState(false);
  const kind = Form.useWatch('audienceKind', form);
  const tree = useMemo(() => unitTreeData(units.data ?? []), [units.data]);
  const initial = useMemo<Values>(
    () =>
      notice
        ? valuesOf(notice)
        : {
            title: '',
            bodyHtml: '',
            audienceKind: 'county',
            unitIds: [],
            roleIds: [],
            flags: [
              ...(config?.confirmationByDefault ? (['requiresConfirmation'] as const) : []),
              ...(config?.smsByDefault ? (['sms'] as const) : []),
            ],
            expiresAt: null,
          },
    [notice, config],
  );
  useEffect(() => form.setFieldsValue(initial), [form, initial]);
  const readOnly = notice !== undefined && notice.status !== 'draft';

  const submit = async (publish: boolean) => {
    const values = await form.validateFields();
    try {
      const saved = await save.mutateAsync(inputOf(values, files));
      if (publish) {
        const published = await action.mutateAsync({ id: saved.id, action: 'publish' });
        void message.success(t('manage.published', { count: published?.counts.recipients ?? 0 }));
        void navigate(pagePath(slug, `manage/${saved.id}`));
      } else {
        void message.success(t('editor.saved'));
        if (!notice) void navigate(pagePath(slug, `manage/${saved.id}/edit`), { replace: true });
      }
    } catch (error) {
      if (isApiError(error) && error.details.length > 0) {
        const fields = error.details.flatMap((d) => {
          const name = FIELD_OF[d.path.replace(/\[\d+\]$/, '')];
          return name ? [{ name, errors: [fieldMessage(errorsT, d.message)] }] : [];
        });
        form.setFields(fields);
      }
      void message.error(actionError(t, error));
    }
  };

  return (
    <Flex vertical gap={12} style={{ maxWidth: 900 }}>
      <Link to={pagePath(slug, 'manage')}>← {t('editor.cancel')}</Link>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {notice ? t('editor.editTitle') : t('editor.newTitle')}
      </Typography.Title>
      {readOnly && <Alert type="info" showIcon title={t('editor.notDraft')} />}
      <Form<Values> form={form} layout="vertical" initialValues={initial} disabled={readOnly} data-testid="notice-form">
        <Form.Item
          name="title"
          label={t('editor.title')}
          rules={[{ required: true, whitespace: true, message: t('editor.titleRequired') }]}
        >
          <Input maxLength={200} showCount data-testid="notice-title-input" />
        </Form.Item>
        <Form.Item name="bodyHtml" label={t('editor.body')}>
          <RichTextEditor />
        </Form.Item>
        <Form.Item name="audienceKind" label={t('editor.audience')}>
          <Radio.Group
            optionType="button"
            options={(['county', 'units', 'roles'] as const).map((value) => ({ value, label: t(`manage.audienceKind.${value}`) }))}
          />
        </Form.Item>
        {kind === 'units' && (
          <Form.Item name="unitIds" label={t('editor.units')} rules={[{ required: true, message: t('editor.unitsRequired') }]}>
            <TreeSelect
              multiple
              treeData={tree}
              loading={units.isLoading}
              showSearch={{ treeNodeFilterProp: 'title' }}
              treeDefaultExpandAll
              data-testid="notice-units"
            />
          </Form.Item>
        )}
        {kind === 'roles' && (
          <Form.Item name="roleIds" label={t('editor.roles')} rules={[{ required: true, message: t('editor.rolesRequired') }]}>
            <Select
              mode="multiple"
              loading={roles.isLoading}
              options={(roles.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
              optionFilterProp="label"
            />
          </Form.Item>
        )}
        <Form.Item name="flags">
          <Checkbox.Group
            options={[
              { value: 'pinned', label: t('editor.pinned') },
              { value: 'requiresConfirmation', label: t('editor.requiresConfirmation') },
              { value: 'sms', label: t('editor.sms') },
            ]}
          />
        </Form.Item>
        <Form.Item name="expiresAt" label={t('editor.expiresAt')} extra={t('editor.expiresHint')}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ minWidth: 200 }} />
        </Form.Item>
        <Form.Item label={t('editor.attachments')}>
          <Upload
            multiple
            showUploadList={false}
            customRequest={({ file, onSuccess, onError }) => {
              setUploading(true);
              uploadFile(slug, file as File)
                .then((uploaded) => {
                  setFiles((current) => [...current, uploaded]);
                  onSuccess?.(uploaded);
                })
                .catch((error: unknown) => {
                  void message.error(actionError(t, error));
                  onError?.(error as Error);
                })
                .finally(() => setUploading(false));
            }}
          >
            <Button icon={<UploadOutlined />} loading={uploading}>
              {uploading ? t('editor.uploading') : t('editor.upload')}
            </Button>
          </Upload>
          <Flex vertical gap={4} style={{ marginTop: 8 }}>
            {files.map((file) => (
              <Space key={file.id}>
                <Typography.Text>{file.name}</Typography.Text>
                {!readOnly && (
                  <Button size="small" type="link" danger onClick={() => setFiles(files.filter((f) => f.id !== file.id))}>
                    {t('manage.delete')}
                  </Button>
                )}
              </Space>
            ))}
          </Flex>
        </Form.Item>
        {!readOnly && (
          <Flex gap={8} wrap>
            <Button onClick={() => void submit(false)} loading={save.isPending && !action.isPending} data-testid="notice-save">
              {t('editor.save')}
            </Button>
            <Button type="primary" onClick={() => void submit(true)} loading={action.isPending} data-testid="notice-publish">
              {t('editor.saveAndPublish')}
            </Button>
          </Flex>
        )}
      </Form>
    </Flex>
  );
}
