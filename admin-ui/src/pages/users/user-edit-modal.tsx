import { useEffect } from 'react';
import { Checkbox, Form, Input, Modal, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { PHONE_PATTERN } from '../../api/org.api';
import { useUpdateUserAccount, type UserAccount, type UserAccountChange } from '../../api/users.api';
import { useTenantSession } from '../../auth/tenant-session-context';
import { PersonSearchSelect } from './person-search-select';
import { useUserErrors } from './use-user-errors';

interface FormValues {
  displayName: string;
  phone?: string;
  personId?: string | null;
  isTenantAdmin: boolean;
  enabled: boolean;
}

/** Change an account's name, phone, linked person, admin flag, or enable / disable it. */
export function UserEditModal({ user, onClose }: { user: UserAccount | null; onClose: () => void }) {
  const { t } = useTranslation('users');
  const { slug, user: me } = useTenantSession();
  const [form] = Form.useForm<FormValues>();
  const updateUser = useUpdateUserAccount(slug);
  const errors = useUserErrors();
  const isMe = user?.id === me.id;

  useEffect(() => {
    if (user)
      form.setFieldsValue({
        displayName: user.displayName,
        phone: user.phone ?? '',
        personId: user.personId,
        isTenantAdmin: user.isTenantAdmin,
        enabled: user.status === 'active',
      });
  }, [user, form]);

  const save = (values: FormValues) => {
    if (!user) return;
    const change: UserAccountChange = {
      displayName: values.displayName.trim(),
      phone: values.phone?.trim() || null,
      personId: values.personId ?? null,
      isTenantAdmin: values.isTenantAdmin,
      status: values.enabled ? 'active' : 'disabled',
    };
    updateUser.mutate(
      { userId: user.id, change },
      // `status` errors belong to the enable switch, named `enabled` in this form.
      { onSuccess: onClose, onError: (error) => errors.showOnForm(form, error, ['displayName', 'phone', 'personId', 'isTenantAdmin']) },
    );
  };

  return (
    <Modal
      open={user !== null}
      title={user ? t('edit.title', { username: user.username }) : ''}
      okText={t('edit.submit')}
      cancelText={t('actions.cancel', { ns: 'common' })}
      confirmLoading={updateUser.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Form form={form} name="user-edit-form" layout="vertical" onFinish={save} requiredMark={false} data-testid="user-edit-form">
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
        <Form.Item name="personId" label={t('form.person')} extra={t('form.personHint')}>
          <PersonSearchSelect />
        </Form.Item>
        {/* The server refuses to let an admin disable or demote themselves; the form says so up front. */}
        <Form.Item name="isTenantAdmin" valuePropName="checked" extra={isMe ? t('edit.notYourself') : undefined}>
          <Checkbox disabled={isMe}>{t('form.isTenantAdmin')}</Checkbox>
        </Form.Item>
        <Form.Item name="enabled" label={t('form.enabled')} valuePropName="checked">
          <Switch disabled={isMe} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
