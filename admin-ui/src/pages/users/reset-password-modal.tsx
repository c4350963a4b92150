import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH, useResetUserPassword, type UserAccount } from '../../api/users.api';
import { useTenantSession } from '../../auth/tenant-session-context';
import { useUserErrors } from './use-user-errors';

interface FormValues {
  newPassword: string;
}

/** Admin reset: a new password, unlocked, signed out everywhere, to be changed at the next sign-in. */
export function ResetPasswordModal({ user, onClose }: { user: UserAccount | null; onClose: () => void }) {
  const { t } = useTranslation('users');
  const { slug } = useTenantSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const reset = useResetUserPassword(slug);
  const errors = useUserErrors();

  const close = () => {
    form.resetFields();
    onClose();
  };

  const save = ({ newPassword }: FormValues) => {
    if (!user) return;
    reset.mutate(
      { userId: user.id, newPassword },
      {
        onSuccess: () => {
          void message.success(t('reset.done', { username: user.username }));
          close();
        },
        onError: (error) => errors.showOnForm(form, error, ['newPassword']),
      },
    );
  };

  return (
    <Modal
      open={user !== null}
      title={user ? t('reset.title', { username: user.username }) : ''}
      okText={t('reset.submit')}
      cancelText={t('actions.cancel', { ns: 'common' })}
      confirmLoading={reset.isPending}
      onOk={() => form.submit()}
      onCancel={close}
      forceRender
    >
      <Alert type="info" showIcon title={t('reset.hint')} style={{ marginBottom: 16 }} />
      <Form form={form} name="reset-password-form" layout="vertical" onFinish={save} requiredMark={false} data-testid="reset-password-form">
        <Form.Item
          name="newPassword"
          label={t('reset.newPassword')}
          rules={[
            { required: true, message: t('form.passwordRequired') },
            { min: PASSWORD_MIN_LENGTH, message: t('form.passwordTooShort', { min: PASSWORD_MIN_LENGTH }) },
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
