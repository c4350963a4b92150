import { useState } from 'react';
import { App, Modal, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error';
import { useChangeRoleMembers } from '../../api/bulk-access.api';
import { useRoles } from '../../api/role.api';
import { useTenantSession } from '../../auth/tenant-session-context';

/** Gives one role to the people picked in the directory, or takes it from them (others keep theirs). */
export function RoleMembershipModal({ people, onClose }: { people: { id: string; name: string }[] | null; onClose: () => void }) {
  const { t } = useTranslation('adminConsole');
  const { slug } = useTenantSession();
  const { message } = App.useApp();
  const roles = useRoles(slug);
  const change = useChangeRoleMembers(slug);
  const [roleId, setRoleId] = useState<string | undefined>();
  const [mode, setMode] = useState<'add' | 'remove'>('add');
  const roleName = roles.data?.find((r) => r.id === roleId)?.name ?? '';

  const submit = () => {
    if (!roleId || !people) return;
    change.mutate(
      { roleId, personIds: people.map((p) => p.id), change: mode },
      {
        onSuccess: () => {
          message.success(t(mode === 'add' ? 'roles.added' : 'roles.removed', { n: people.length, role: roleName }));
          onClose();
        },
        onError: (error) => message.error(t('roles.failed', { code: isApiError(error) ? error.code : 'CLIENT_ERROR' })),
      },
    );
  };

  return (
    <Modal
      open={people !== null}
      title={t('roles.title', { n: people?.length ?? 0 })}
      onCancel={onClose}
      onOk={submit}
      okText={t(mode === 'add' ? 'roles.add' : 'roles.remove')}
      okButtonProps={{
        disabled: !roleId,
        loading: change.isPending,
        danger: mode === 'remove',
        ...{ 'data-testid': 'role-membership-submit' },
      }}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {people
          ?.slice(0, 20)
          .map((p) => p.name)
          .join('、')}
        {people && people.length > 20 ? '…' : ''}
      </Typography.Paragraph>
      <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)} style={{ marginBottom: 12 }}>
        <Radio value="add">{t('roles.add')}</Radio>
        <Radio value="remove">{t('roles.remove')}</Radio>
      </Radio.Group>
      <Select
        value={roleId}
        onChange={setRoleId}
        options={(roles.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
        loading={roles.isPending}
        placeholder={t('roles.pick')}
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: '100%' }}
        data-testid="role-membership-role"
      />
    </Modal>
  );
}
