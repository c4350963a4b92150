import { EditOutlined, KeyOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserAccount } from '../../api/users.api';
import { UserStatusTags } from './user-status-tags';
import { UnlockButton } from './unlock-button';

interface UsersTableProps {
  users: UserAccount[];
  loading: boolean;
  onEdit: (user: UserAccount) => void;
  onResetPassword: (user: UserAccount) => void;
}

/** Accounts, one row each; on a phone the table scrolls sideways with the username kept in view. */
export function UsersTable({ users, loading, onEdit, onResetPassword }: UsersTableProps) {
  const { t } = useTranslation('users');
  const columns: TableColumnsType<UserAccount> = [
    { key: 'username', title: t('form.username'), dataIndex: 'username', fixed: 'left', width: 130 },
    { key: 'displayName', title: t('form.displayName'), dataIndex: 'displayName' },
    { key: 'phone', title: t('form.phone'), dataIndex: 'phone', render: (phone: string | null) => phone ?? '—' },
    {
      key: 'person',
      title: t('form.person'),
      render: (_, user) => (user.personId ? <Tag>{t('list.linked')}</Tag> : <Tag color="warning">{t('list.notLinked')}</Tag>),
    },
    { key: 'status', title: t('list.status'), render: (_, user) => <UserStatusTags user={user} /> },
    {
      key: 'actions',
      title: t('list.actions'),
      width: 190,
      render: (_, user) => (
        <Space size={0}>
          <Button
            type="link"
            size="small"
            icon={<EditOutlined />}
            onClick={() => onEdit(user)}
            aria-label={t('list.editOf', { username: user.username })}
          >
            {t('list.edit')}
          </Button>
          <Button
            type="link"
            size="small"
            icon={<KeyOutlined />}
            onClick={() => onResetPassword(user)}
            aria-label={t('list.resetOf', { username: user.username })}
          >
            {t('list.reset')}
          </Button>
          {user.locked && <UnlockButton user={user} />}
        </Space>
      ),
    },
  ];
  return (
    <Table<UserAccount>
      rowKey="id"
      columns={columns}
      dataSource={users}
      loading={loading}
      pagination={false}
      scroll={{ x: 900 }}
      size="middle"
      data-testid="users-table"
    />
  );
}
