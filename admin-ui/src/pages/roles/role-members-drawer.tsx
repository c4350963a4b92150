import { Alert, App, Button, Drawer, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error';
import { useRoleMembers, useSetRoleMembers, type Role } from '../../api/role.api';
import { useHasPermission } from '../../auth/permissions';
import { useTenantSession } from '../../auth/tenant-session-context';
import { ErrorResult } from '../../components/error-result';
import { useIsPhone } from '../../layout/use-is-phone';
import { PersonPicker } from './person-picker';

/** Who holds the role: add people from the directory, remove them; each change is saved at once. */
export function RoleMembersDrawer({ role, onClose }: { role: Role; onClose: () => void }) {
  const { t } = useTranslation('roles');
  const { slug } = useTenantSession();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const hasPermission = useHasPermission();
  const members = useRoleMembers(slug, role.id);
  const setMembers = useSetRoleMembers(slug, role.id);
  const ids = (members.data ?? []).map((member) => member.personId);

  const save = (personIds: string[], done: string) =>
    setMembers.mutate(personIds, {
      onSuccess: () => message.success(done),
      onError: (error) => message.error(t('actionFailed', { code: isApiError(error) ? error.code : 'CLIENT_ERROR' })),
    });

  return (
    <Drawer open onClose={onClose} title={t('members.title', { name: role.name })} size={isPhone ? '100%' : 520}>
      {/* The picker searches the directory, which needs its own permission. */}
      {hasPermission('core.org.read') ? (
        <PersonPicker
          excludeIds={ids}
          disabled={!members.data || setMembers.isPending}
          onPick={(person) => save([...ids, person.id], t('members.added', { name: person.name }))}
        />
      ) : (
        <Alert type="info" showIcon title={t('members.needsDirectory')} />
      )}
      {members.error ? (
        <ErrorResult error={members.error} onRetry={() => void members.refetch()} />
      ) : (
        <List
          style={{ marginTop: 16 }}
          loading={members.isPending || setMembers.isPending}
          dataSource={members.data ?? []}
          locale={{ emptyText: t('members.empty') }}
          header={<Typography.Text strong>{t('members.count', { n: ids.length })}</Typography.Text>}
          data-testid="role-member-list"
          renderItem={(member) => (
            <List.Item
              actions={[
                <Button
                  key="remove"
                  type="link"
                  danger
                  onClick={() =>
                    save(
                      ids.filter((id) => id !== member.personId),
                      t('members.removed', { name: member.name }),
                    )
                  }
                >
                  {t('members.remove')}
                </Button>,
              ]}
            >
              <List.Item.Meta title={member.name} description={member.phone} />
            </List.Item>
          )}
        />
      )}
    </Drawer>
  );
}
