import { App, Button, Drawer, Form, Input, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error';
import { useCreateTenant, type NewTenantInput } from '../../api/tenant.api';
import { formFieldErrors } from '../../components/field-errors';
import { useIsPhone } from '../../layout/use-is-phone';
import { CORE_ERRORS } from '../../../../core/schemas/error-codes';

// The rules of core/tenancy/tenant.schema.ts, checked here first for a quick answer; the server checks again.
const SLUG_PATTERN = /^[a-z][a-z0-9-]{1,39}$/;
const USERNAME_PATTERN = /^[A-Za-z0-9_.-]{3,40}$/;
const MIN_PASSWORD_LENGTH = 8;

/** Create a county (tenant) with its first administrator; the server's field errors show in place. */
export function CreateTenantDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('tenants');
  const { t: tErrors } = useTranslation('errors');
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const [form] = Form.useForm<NewTenantInput>();
  const create = useCreateTenant();

  const close = () => {
    form.resetFields();
    onClose();
  };

  const submit = (values: NewTenantInput) =>
    create.mutate(values, {
      onSuccess: (tenant) => {
        message.success(t('create.done', { name: tenant.name }));
        close();
      },
      onError: (error) => {
        if (isApiError(error) && error.code === CORE_ERRORS.TENANT_SLUG_TAKEN) {
          form.setFields([{ name: 'slug', errors: [t('create.slugTaken')] }]);
          return;
        }
        const fields = isApiError(error)
          ? formFieldErrors<NewTenantInput>(tErrors, error.details, ['slug', 'name', 'locale', 'admin'])
          : [];
        if (fields.length > 0) form.setFields(fields);
        else message.error(t('actionFailed', { code: isApiError(error) ? error.code : 'CLIENT_ERROR' }));
      },
    });

  return (
    <Drawer
      open={open}
      onClose={close}
      title={t('create.title')}
      size={isPhone ? '100%' : 480}
      forceRender
      extra={
        <Space>
          <Button onClick={close}>{t('actions.cancel', { ns: 'common' })}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()} data-testid="create-tenant-submit">
            {t('create.submit')}
          </Button>
        </Space>
      }
    >
      <Form<NewTenantInput>
        form={form}
        layout="vertical"
        initialValues={{ locale: 'zh-CN' }}
        onFinish={submit}
        data-testid="create-tenant-form"
      >
        <Form.Item
          name="name"
          label={t('create.name')}
          rules={[{ required: true, whitespace: true, message: t('create.nameRequired') }, { max: 100 }]}
        >
          <Input placeholder={t('create.namePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="slug"
          label={t('create.slug')}
          extra={t('create.slugHelp')}
          rules={[
            { required: true, message: t('create.slugRequired') },
            { pattern: SLUG_PATTERN, message: t('create.slugInvalid') },
          ]}
        >
          <Input prefix="/t/" autoComplete="off" />
        </Form.Item>
        <Form.Item name="locale" label={t('create.locale')}>
          <Select
            options={[
              { value: 'zh-CN', label: t('language.zh-CN', { ns: 'common' }) },
              { value: 'en', label: t('language.en', { ns: 'common' }) },
            ]}
          />
        </Form.Item>
        <Typography.Title level={5}>{t('create.adminSection')}</Typography.Title>
        <Form.Item
          name={['admin', 'username']}
          label={t('create.adminUsername')}
          rules={[
            { required: true, message: t('create.adminUsernameRequired') },
            { pattern: USERNAME_PATTERN, message: t('create.adminUsernameInvalid') },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name={['admin', 'displayName']}
          label={t('create.adminDisplayName')}
          rules={[{ required: true, whitespace: true, message: t('create.adminDisplayNameRequired') }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name={['admin', 'password']}
          label={t('create.adminPassword')}
          extra={t('create.adminPasswordHelp')}
          rules={[
            { required: true, message: t('create.adminPasswordRequired') },
            { min: MIN_PASSWORD_LENGTH, message: t('create.adminPasswordTooShort', { min: MIN_PASSWORD_LENGTH }) },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
