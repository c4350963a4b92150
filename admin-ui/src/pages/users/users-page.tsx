import { useMemo, useState } from 'react';
import { PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { Button, Empty, Flex, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUserAccounts, type UserAccount } from '../../api/users.api';
import { useTenantSession } from '../../auth/tenant-session-context';
import { ErrorResult } from '../../components/error-result';
import { useIsPhone } from '../../layout/use-is-phone';
import { useDebouncedValue } from '../../components/use-debounced-value';
import { BulkAccountsModal } from './bulk-accounts-modal';
import { ResetPasswordModal } from './reset-password-modal';
import { UserCreateModal } from './user-create-modal';
import { UserEditModal } from './user-edit-modal';
import { UsersTable } from './users-table';

/** Accounts (账号管理): search, create, edit, enable / disable, reset passwords. */
export function UsersPage() {
  const { t } = useTranslation('users');
  const { slug } = useTenantSession();
  const isPhone = useIsPhone();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim()).slice(0, 50);
  const users = useUserAccounts(slug, q);
  const rows = useMemo(() => users.data?.pages.flatMap((page) => page.items) ?? [], [users.data]);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserAccount | null>(null);
  const [resetting, setResetting] = useState<UserAccount | null>(null);
  // `?bulk=new` (the link after an org import) opens the bulk dialog at once.
  const [params, setParams] = useSearchParams();
  const [bulk, setBulk] = useState(params.get('bulk') === 'new');
  const closeBulk = () => {
    setBulk(false);
    if (params.has('bulk')) setParams({}, { replace: true });
  };

  let body;
  if (users.isError && rows.length === 0) body = <ErrorResult error={users.error} onRetry={() => void users.refetch()} />;
  else if (!users.isPending && rows.length === 0) body = <Empty description={q ? t('list.noMatch', { q }) : t('list.empty')} />;
  else
    body = (
      <UsersTable
        users={rows}
        loading={users.isPending || (users.isPlaceholderData && users.isFetching)}
        onEdit={setEditing}
        onResetPassword={setResetting}
      />
    );

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('menu.users', { ns: 'shell' })}
        </Typography.Title>
        <Flex wrap gap={8}>
          <Button icon={<TeamOutlined />} onClick={() => setBulk(true)} data-testid="bulk-accounts-open">
            {t('bulk.open', { ns: 'adminConsole' })}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('create.open')}
          </Button>
        </Flex>
      </Flex>
      <Input.Search
        allowClear
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        placeholder={t('list.searchPlaceholder')}
        aria-label={t('list.search')}
        style={{ maxWidth: isPhone ? undefined : 320, marginBottom: 12 }}
      />
      {body}
      {users.hasNextPage && (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Button onClick={() => void users.fetchNextPage()} loading={users.isFetchingNextPage}>
            {t('list.loadMore')}
          </Button>
        </Flex>
      )}
      <UserCreateModal open={creating} onClose={() => setCreating(false)} />
      <UserEditModal user={editing} onClose={() => setEditing(null)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
      <BulkAccountsModal open={bulk} onClose={closeBulk} />
    </>
  );
}
