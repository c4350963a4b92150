import { useEffect, useState } from 'react';
import { Alert, App, Button, Divider, Drawer, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error';
import {
  useResetTenantAdminPassword,
  useTenantProfile,
  useUpdateTenantProfile,
  type TenantAdmin,
  type TenantProfileChange,
} from '../../api/tenant-profile.api';
import { PASSWORD_MIN_LENGTH } from '../../api/users.api';
import { ErrorResult } from '../../components/error-result';
import { formFieldErrors } from '../../components/field-errors';
import { PageLoading } from '../../components/page-loading';
import { useIsPhone } from '../../layout/use-is-phone';

interface ProfileValues {
  name: string;
  locale: 'zh-CN' | 'en';
  timeZone: string;
  logoUrl: string;
}

/** The zones this browser knows, China's first: a county picks its clock from them. */
const TIME_ZONES = (() => {
  const all: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const china = ['Asia/Shanghai', 'Asia/Urumqi'];
  return [...china, ...all.filter((zone) => !china.includes(zone))].map((zone) => ({ value: zone, label: zone }));
})();

/** The operator's view of one county: edit its profile, reset an admin's password (both audited in the county's trail). */
export function TenantProfileDrawer({ tenantId, onClose }: { tenantId: string | undefined; onClose: () => void }) {
  const { t } = useTranslation('adminConsole');
  const { t: tErrors } = useTranslation('errors');
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const profile = useTenantProfile(tenantId);
  const update = useUpdateTenantProfile(tenantId ?? '');
  const [form] = Form.useForm<ProfileValues>();
  const [resetting, setResetting] = useState<TenantAdmin | null>(null);
  const tenant = profile.data?.tenant;

  useEffect(() => {
    if (tenant)
      form.setFieldsValue({
        name: tenant.name,
        locale: tenant.locale === 'en' ? 'en' : 'zh-CN',
        timeZone: tenant.timeZone,
        logoUrl: tenant.logoUrl ?? '',
      });
  }, [tenant, form]);

  const save = (values: ProfileValues) => {
    const change: TenantProfileChange = {
      name: values.name.trim(),
      locale: values.locale,
      timeZone: values.timeZone,
      logoUrl: values.logoUrl.trim() || null,
    };
    update.mutate(change, {
      onSuccess: (saved) => message.success(t('tenant.saved', { name: saved.name })),
      onError: (error) => {
        if (isApiError(error) && error.details.length)
          form.setFields(formFieldErrors<ProfileValues>(tErrors, error.details, ['name', 'locale', 'timeZone', 'logoUrl']));
        else message.error(t('tenant.failed', { code: isApiError(error) ? error.code : 'CLIENT_ERROR' }));
      },
    });
  };

  let body;
  if (profile.error) body = <ErrorResult error={profile.error} onRetry={() => void profile.refetch()} />;
  else if (!profile.data) body = <PageLoading />;
  else {
    body = (
      <>
        <Form<ProfileValues> form={form} layout="vertical" onFinish={save} data-testid="tenant-profile-form">
          <Form.Item label={t('tenant.slug')}>
            <Typography.Text code>/t/{profile.data.tenant.slug}</Typography.Text>
          </Form.Item>
          <Form.Item
            name="name"
            label={t('tenant.name')}
            rules={[{ required: true, whitespace: true, message: t('tenant.nameRequired') }, { max: 100 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="locale" label={t('tenant.locale')}>
            <Select
              options={[
                { value: 'zh-CN', label: '中文' },
                { value: 'en', label: 'English' },
              ]}
            />
          </Form.Item>
          <Form.Item name="timeZone" label={t('tenant.timeZone')} extra={t('tenant.timeZoneHint')}>
            <Select showSearch options={TIME_ZONES} data-testid="tenant-time-zone" />
          </Form.Item>
          <Form.Item
            name="logoUrl"
            label={t('tenant.logoUrl')}
            extra={t('tenant.logoHint')}
            rules={[{ pattern: /^(https:\/\/|\/)\S+$/, message: t('tenant.logoInvalid') }]}
          >
            <Input placeholder="https://" allowClear />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="tenant-profile-save">
            {t('tenant.save')}
          </Button>
        </Form>
        <Divider />
        <Typography.Title level={5}>{t('tenant.admins')}</Typography.Title>
        <List<TenantAdmin>
          dataSource={profile.data.admins}
          renderItem={(admin) => (
            <List.Item
              actions={[
                <Button key="reset" size="small" onClick={() => setResetting(admin)} data-testid={`tenant-admin-reset-${admin.username}`}>
                  {t('tenant.resetPassword')}
                </Button>,
              ]}
            >
              <Space wrap>
                <Typography.Text strong>{admin.displayName}</Typography.Text>
                <Typography.Text type="secondary">{admin.username}</Typography.Text>
                {admin.locked && <Tag color="red">{t('tenant.locked')}</Tag>}
                {admin.status === 'disabled' && <Tag>{t('tenant.disabled')}</Tag>}
              </Space>
            </List.Item>
          )}
        />
        {resetting && tenantId && <AdminPasswordReset tenantId={tenantId} admin={resetting} onDone={() => setResetting(null)} />}
      </>
    );
  }

  return (
    <Drawer
      open={tenantId !== undefined}
      onClose={onClose}
      title={tenant ? t('tenant.title', { name: tenant.name }) : t('tenant.loading')}
      size={isPhone ? '100%' : 560}
      destroyOnHidden
    >
      {body}
    </Drawer>
  );
}

function AdminPasswordReset({ tenantId, admin, onDone }: { tenantId: string; admin: TenantAdmin; onDone: () => void }) {
  const { t } = useTranslation('adminConsole');
  const { message } = App.useApp();
  const reset = useResetTenantAdminPassword(tenantId);
  const [form] = Form.useForm<{ newPassword: string }>();
  return (
    <div style={{ marginTop: 16 }} data-testid="tenant-admin-reset-form">
      <Alert type="info" showIcon title={t('tenant.resetHint', { name: admin.displayName })} style={{ marginBottom: 12 }} />
      <Form
        form={form}
        layout="vertical"
        onFinish={({ newPassword }) =>
          reset.mutate(
            { userId: admin.id, newPassword },
            {
              onSuccess: () => {
                message.success(t('tenant.resetDone', { name: admin.displayName }));
                onDone();
              },
              onError: (error) => message.error(t('tenant.failed', { code: isApiError(error) ? error.code : 'CLIENT_ERROR' })),
            },
          )
        }
      >
        <Form.Item
          name="newPassword"
          label={t('tenant.newPassword')}
          rules={[{ required: true, min: PASSWORD_MIN_LENGTH, message: t('tenant.passwordTooShort', { min: PASSWORD_MIN_LENGTH }) }]}
        >
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
        <Space>
          <Button onClick={onDone}>{t('actions.cancel', { ns: 'common' })}</Button>
          <Button type="primary" danger htmlType="submit" loading={reset.isPending} data-testid="tenant-admin-reset-submit">
            {t('tenant.resetPassword')}
          </Button>
        </Space>
      </Form>
    </div>
  );
}
