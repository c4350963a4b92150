import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error';
import { tenantKeys } from '../api/query-keys';
import { changePassword } from '../api/tenant-auth.api';
import { useTenantSession } from '../auth/tenant-session-context';
import { formFieldErrors } from '../components/field-errors';

interface FormValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

// core/auth/password.ts: passwordSchema.
const MIN_PASSWORD_LENGTH = 8;

/** Change the own password; the server's field errors appear next to the fields. */
export function ChangePasswordModal({ open, onClose, required = false }: { open: boolean; onClose: () => void; required?: boolean }) {
  const { t } = useTranslation('auth');
  const { t: tErrors } = useTranslation('errors');
  const { slug } = useTenantSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const queryClient = useQueryClient();

  const mutation = useMutation({
    mutationFn: (values: FormValues) => changePassword(slug, { currentPassword: values.currentPassword, newPassword: values.newPassword }),
    onSuccess: () => {
      message.success(t('changePassword.done'));
      form.resetFields();
      // The session's mustChangePassword flag is now off.
      void queryClient.invalidateQueries({ queryKey: tenantKeys.session(slug) });
      onClose();
    },
    onError: (error) => {
      if (isApiError(error) && error.code === 'AUTH_PASSWORD_WRONG') {
        form.setFields([{ name: 'currentPassword', errors: [t('changePassword.wrongCurrent')] }]);
        return;
      }
      const fields = isApiError(error) ? formFieldErrors<FormValues>(tErrors, error.details, ['currentPassword', 'newPassword']) : [];
      if (fields.length > 0) form.setFields(fields);
      else message.error(isApiError(error) && error.isNetworkError ? tErrors('network.title') : tErrors('unexpected.description', { code: isApiError(error) ? error.code : 'CLIENT_ERROR' }));
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
        form.resetFields();
        onClose();
      }}
      forceRender
    >
      {required && <Alert type="info" showIcon title={t('changePassword.required')} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={(values) => mutation.mutate(values)} requiredMark={false} data-testid="change-password-form">
        <Form.Item name="currentPassword" label={t('changePassword.current')} rules={[{ required: true, message: t('changePassword.currentRequired') }]}>
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
              validator: (_, value: string | undefined) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('changePassword.mismatch')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
