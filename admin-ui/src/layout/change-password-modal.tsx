import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error';
import { formFieldErrors } from '../components/field-errors';
import { CORE_ERRORS } from '../../../core/schemas/error-codes';

interface FormValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

// core/auth/password.ts: passwordSchema.
const MIN_PASSWORD_LENGTH = 8;

/** Who changes their password: a county user or a platform operator. */
export interface PasswordOwner {
  change: (body: { currentPassword: string; newPassword: string }) => Promise<unknown>;
  /** The session query whose `mustChangePassword` the change turns off. */
  sessionKey: QueryKey;
  signOut: { mutate: () => void; isPending: boolean };
}

/**
 * Change the own password; the server's field errors appear next to the fields. When `required`
 * (the server refuses everything else until then) it cannot be cancelled or closed: the only
 * other way out is signing out.
 */
export function ChangePasswordModal({
  open,
  onClose,
  required = false,
  owner,
}: {
  open: boolean;
  onClose: () => void;
  required?: boolean;
  owner: PasswordOwner;
}) {
  const { t } = useTranslation('auth');
  const { t: tErrors } = useTranslation('errors');
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const queryClient = useQueryClient();
  const { signOut } = owner;

  const mutation = useMutation({
    mutationFn: (values: FormValues) => owner.change({ currentPassword: values.currentPassword, newPassword: values.newPassword }),
    onSuccess: () => {
      message.success(t('changePassword.done'));
      form.resetFields();
      // The session's mustChangePassword flag is now off.
      void queryClient.invalidateQueries({ queryKey: owner.sessionKey });
      onClose();
    },
    onError: (error) => {
      if (isApiError(error) && error.code === CORE_ERRORS.AUTH_PASSWORD_WRONG) {
        form.setFields([{ name: 'currentPassword', errors: [t('changePassword.wrongCurrent')] }]);
        return;
      }
      const fields = isApiError(error) ? formFieldErrors<FormValues>(tErrors, error.details, ['currentPassword', 'newPassword']) : [];
      if (fields.length > 0) form.setFields(fields);
      else
        message.error(
          isApiError(error) && error.isNetworkError
            ? tErrors('network.title')
            : tErrors('unexpected.description', { code: isApiError(error) ? error.code : 'CLIENT_ERROR' }),
        );
    },
  });

  return (
    <Modal
      open={open}
      title={t('changePassword.title')}
      okText={t('changePassword.submit')}
      cancelText={t('actions.cancel', { ns: 'common' })}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={() => {
        if (required) return;
        form.resetFields();
        onClose();
      }}
      closable={!required}
      keyboard={!required}
      mask={{ closable: !required }}
      footer={(buttons) =>
        required ? (
          <>
            <Button onClick={() => signOut.mutate()} loading={signOut.isPending} data-testid="change-password-sign-out">
              {t('changePassword.signOutInstead')}
            </Button>
            <Button type="primary" loading={mutation.isPending} onClick={() => form.submit()}>
              {t('changePassword.submit')}
            </Button>
          </>
        ) : (
          buttons
        )
      }
      forceRender
    >
      {required && <Alert type="info" showIcon title={t('changePassword.required')} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => mutation.mutate(values)}
        requiredMark={false}
        data-testid="change-password-form"
      >
        <Form.Item
          name="currentPassword"
          label={t('changePassword.current')}
          rules={[{ required: true, message: t('changePassword.currentRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('changePassword.new')}
          rules={[
            { required: true, message: t('changePassword.newRequired') },
            { min: MIN_PASSWORD_LENGTH, message: t('changePassword.tooShort', { min: MIN_PASSWORD_LENGTH }) },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('changePassword.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('changePassword.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('changePassword.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
