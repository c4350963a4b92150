import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error';
import { CORE_ERRORS } from '../../../core/schemas/error-codes';

export interface SignInValues {
  login: string;
  password: string;
}

/** What a failed sign-in says: wrong credentials, locked, unknown county, or no connection. */
function failureText(t: ReturnType<typeof useTranslation<'auth'>>['t'], error: unknown): string {
  if (!isApiError(error)) return t('login.failed', { code: 'CLIENT_ERROR' });
  if (error.isNetworkError) return t('network.title', { ns: 'errors' });
  if (error.status === 401) return t('login.invalid');
  if (error.code === CORE_ERRORS.AUTH_RATE_LIMITED) return t('login.rateLimited');
  if (error.status === 429) return t('login.locked');
  if (error.code === CORE_ERRORS.TENANT_NOT_FOUND) return t('login.tenantNotFound');
  if (error.code === CORE_ERRORS.TENANT_SUSPENDED) return t('tenantSuspended.title', { ns: 'errors' });
  return t('login.failed', { code: error.code });
}

/** Username (or phone, for tenant users) and password. */
export function SignInForm({
  onSubmit,
  pending,
  error,
  loginLabel,
}: {
  onSubmit: (values: SignInValues) => void;
  pending: boolean;
  error: unknown;
  loginLabel: string;
}) {
  const { t } = useTranslation('auth');
  return (
    <Form<SignInValues> layout="vertical" onFinish={onSubmit} requiredMark={false} data-testid="sign-in-form">
      {error != null && (
        <Alert type="error" showIcon title={failureText(t, error)} style={{ marginBottom: 16 }} data-testid="sign-in-error" />
      )}
      <Form.Item name="login" label={loginLabel} rules={[{ required: true, whitespace: true, message: t('login.loginRequired') }]}>
        <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
      </Form.Item>
      <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={pending}>
        {t('login.submit')}
      </Button>
    </Form>
  );
}
