import { useState } from 'react';
import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../api/org.api';
import { useHasPermission } from '../../auth/permissions';
import { BulkAccountsModal } from '../users/bulk-accounts-modal';
import { RoleMembershipModal } from './role-membership-modal';

/** What to do with the people picked in the directory: accounts for them, a role for them. */
export function PeopleBulkBar({ people, onClear }: { people: Person[]; onClear: () => void }) {
  const { t } = useTranslation('adminConsole');
  const hasPermission = useHasPermission();
  const [accounts, setAccounts] = useState(false);
  const [roles, setRoles] = useState(false);
  return (
    <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }} data-testid="people-bulk-bar">
      <Typography.Text>{t('picked', { n: people.length })}</Typography.Text>
      {hasPermission('core.users.manage') && (
        <Button size="small" type="primary" onClick={() => setAccounts(true)} data-testid="people-bulk-accounts">
          {t('bulk.open')}
        </Button>
      )}
      {hasPermission('core.roles.manage') && (
        <Button size="small" onClick={() => setRoles(true)} data-testid="people-bulk-roles">
          {t('roles.open')}
        </Button>
      )}
      <Button size="small" type="link" onClick={onClear}>
        {t('clearPicked')}
      </Button>
      <BulkAccountsModal
        open={accounts}
        onClose={() => {
          setAccounts(false);
          onClear();
        }}
        people={people.map((p) => ({ personId: p.id, name: p.name, unitName: p.unitName }))}
      />
      <RoleMembershipModal people={roles ? people : null} onClose={() => setRoles(false)} />
    </Flex>
  );
}

/** Whether the signed-in user may do any bulk action (else the directory shows no checkboxes). */
export function usePeopleBulkAvailable(): boolean {
  const hasPermission = useHasPermission();
  return hasPermission('core.users.manage') || hasPermission('core.roles.manage');
}
