import { App, Button, Drawer, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError, type FieldIssue } from '../../api/api-error';
import { usePermissionGroups, useSaveRole, type Role, type RoleInput } from '../../api/role.api';
import { useTenantSession } from '../../auth/tenant-session-context';
import { ErrorResult } from '../../components/error-result';
import { fieldMessage, formFieldErrors } from '../../components/field-errors';
import { PageLoading } from '../../components/page-loading';
import { useIsPhone } from '../../layout/use-is-phone';
import { PermissionGrantsField } from './permission-grants-field';

/** Create a role (`role` null; `start`: from a template) or change one: name, description and its grants by module. */
export function RoleEditorDrawer({ role, start, onClose }: { role: Role | null; start?: RoleInput; onClose: () => void }) {
  const { t } = useTranslation('roles');
  const { t: tErrors } = useTranslation('errors');
  const { slug } = useTenantSession();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const [form] = Form.useForm<RoleInput>();
  const groups = usePermissionGroups(slug);
  const save = useSaveRole(slug);

  /** Puts the server's field issues next to their fields; false when none belongs to a field. */
  const showServerErrors = (issues: FieldIssue[]): boolean => {
    const fields = formFieldErrors<RoleInput>(tErrors, issues, ['name', 'description']);
    form.setFields(fields);
    // A bad grant (`body.grants[3].scope`) is reported on the permission list as a whole.
    const grantIssues = issues.filter((issue) => issue.path.startsWith('body.grants'));
    if (grantIssues.length > 0)
      form.setFields([
        {
          name: 'grants',
          errors: grantIssues.map((issue) => `${issue.path.replace(/^body\./, '')}: ${fieldMessage(tErrors, issue.message)}`),
        },
      ]);
    return fields.length > 0 || grantIssues.length > 0;
  };

  const submit = (values: RoleInput) =>
    save.mutate(
      { id: role?.id, input: { name: values.name.trim(), description: values.description ?? '', grants: values.grants ?? [] } },
      {
        onSuccess: (saved) => {
          message.success(t('editor.saved', { name: saved.name }));
          onClose();
        },
        onError: (error) => {
          // The only unique column of a role is its name (CONFLICT_DUPLICATE from the database).
          if (isApiError(error) && error.status === 409) form.setFields([{ name: 'name', errors: [t('editor.nameTaken')] }]);
          else if (!(isApiError(error) && showServerErrors(error.details)))
            message.error(t('actionFailed', { code: isApiError(error) ? error.code : 'CLIENT_ERROR' }));
        },
      },
    );

  return (
    <Drawer
      open
      onClose={onClose}
      title={role ? t('editor.editTitle', { name: role.name }) : t('editor.createTitle')}
      size={isPhone ? '100%' : 640}
      extra={
        <Space>
          <Button onClick={onClose}>{t('actions.cancel', { ns: 'common' })}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="role-save">
            {t('editor.save')}
          </Button>
        </Space>
      }
    >
      <Form<RoleInput>
        form={form}
        layout="vertical"
        initialValues={{
          name: role?.name ?? start?.name ?? '',
          description: role?.description ?? start?.description ?? '',
          grants: role?.grants ?? start?.grants ?? [],
        }}
        onFinish={submit}
        data-testid="role-form"
      >
        <Form.Item
          name="name"
          label={t('editor.name')}
          rules={[{ required: true, whitespace: true, message: t('editor.nameRequired') }, { max: 100 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="description" label={t('editor.description')} rules={[{ max: 500 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <Form.Item name="grants" label={t('editor.permissions')} extra={t('editor.scopeHelp')}>
          {groups.error ? (
            <ErrorResult error={groups.error} onRetry={() => void groups.refetch()} />
          ) : groups.data ? (
            <PermissionGrantsField groups={groups.data} />
          ) : (
            <PageLoading />
          )}
        </Form.Item>
      </Form>
    </Drawer>
  );
}
