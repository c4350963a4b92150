import { Checkbox, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { PHONE_PATTERN, type Person } from '../../api/org.api';
import { PASSWORD_MIN_LENGTH, USERNAME_PATTERN, useCreateUserAccount, type NewUserAccount } from '../../api/users.api';
import { useTenantSession } from '../../auth/tenant-session-context';
import { PersonSearchSelect } from './person-search-select';
import { useUserErrors } from './use-user-errors';

interface FormValues {
  username: string;
  displayName: string;
  phone?: string;
  personId?: string | null;
  password: string;
  isTenantAdmin: boolean;
  mustChangePassword: boolean;
}

const INITIAL: Partial<FormValues> = { isTenantAdmin: false, mustChangePassword: true };

/** A new account, optionally linked to a person of the directory (the roles it acts with are the person's). */
export function UserCreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('users');
  const { slug } = useTenantSession();
  const [form] = Form.useForm<FormValues>();
  const createUser = useCreateUserAccount(slug);
  const errors = useUserErrors();

  // Picking a person fills in the name and phone the admin has not typed yet.
  const picked = (person: Person | null) => {
    if (!person) return;
    if (!form.getFieldValue('displayName')) form.setFieldValue('displayName', person.name);
    if (!form.getFieldValue('phone')) form.setFieldValue('phone', person.phone);
  };

  const save = (values: FormValues) => {
    const body: NewUserAccount = {
      username: values.username.trim(),
      displayName: values.displayName.trim(),
      phone: values.phone?.trim() || undefined,
      personId: values.personId ?? undefined,
      password: values.password,
      isTenantAdmin: values.isTenantAdmin,
      mustChangePassword: values.mustChangePassword,
    };
    createUser.mutate(body, {
      onSuccess: () => {
        form.resetFields();
        onClose();
      },
      onError: (error) =>
        errors.showOnForm(form, error, ['username', 'displayName', 'phone', 'personId', 'password', 'isTenantAdmin', 'mustChangePassword']),
    });
  };

  return (
    <Modal
      open={open}
      title={t('create.title')}
      okText={t('create.submit')}
      cancelText={t('actions.cancel', { ns: 'common' })}
      confirmLoading={createUser.isPending}
      onOk={() => form.submit()}
      onCancel={() => {
        form.resetFields();
        onClose();
      }}
      forceRender
    >
      <Form
        form={form}
        name="user-create-form"
        layout="vertical"
        initialValues={INITIAL}
        onFinish={save}
        requiredMark={false}
        data-testid="user-create-form"
      >
        <Form.Item name="personId" label={t('form.person')} extra={t('form.personHint')}>
          <PersonSearchSelect onPick={picked} />
        </Form.Item>
        <Form.Item
          name="username"
          label={t('form.username')}
          extra={t('form.usernameHint')}
          rules={[
            { required: true, message: t('form.usernameRequired') },
            { pattern: USERNAME_PATTERN, message: t('form.usernameInvalid') },
          ]}
        >
          <Input autoComplete="off" maxLength={40} />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('form.displayName')}
          rules={[{ required: true, whitespace: true, message: t('form.displayNameRequired') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="phone" label={t('form.phone')} rules={[{ pattern: PHONE_PATTERN, message: t('form.phoneInvalid') }]}>
          <Input inputMode="tel" maxLength={13} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('form.password')}
          rules={[
            { required: true, message: t('form.passwordRequired') },
            { min: PASSWORD_MIN_LENGTH, message: t('form.passwordTooShort', { min: PASSWORD_MIN_LENGTH }) },
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
        <Form.Item name="mustChangePassword" valuePropName="checked" style={{ marginBottom: 4 }}>
          <Checkbox>{t('form.mustChangePassword')}</Checkbox>
        </Form.Item>
        <Form.Item name="isTenantAdmin" valuePropName="checked">
          <Checkbox>{t('form.isTenantAdmin')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
