import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error';
import { useDeleteRole, useRoles, type Role, type RoleInput } from '../../api/role.api';
import { useTenantSession } from '../../auth/tenant-session-context';
import { ErrorResult } from '../../components/error-result';
import { RoleEditorDrawer } from './role-editor-drawer';
import { RoleTemplateButton } from './role-template-button';
import { RoleMembersDrawer } from './role-members-drawer';

/** Roles: what each grants (permissions with a data scope) and who holds it. */
export function RolesPage() {
  const { t } = useTranslation('roles');
  const { t: tShell } = useTranslation('shell');
  const { slug } = useTenantSession();
  const { message } = App.useApp();
  const roles = useRoles(slug);
  const remove = useDeleteRole(slug);
  // undefined: closed; null: a new role.
  const [editing, setEditing] = useState<Role | null | undefined>(undefined);
  const [membersOf, setMembersOf] = useState<Role | null>(null);
  const [start, setStart] = useState<RoleInput | undefined>();

  const columns: TableColumnsType<Role> = [
    { title: t('columns.name'), dataIndex: 'name', render: (name: string) => <Typography.Text strong>{name}</Typography.Text> },
    { title: t('columns.description'), dataIndex: 'description', ellipsis: true },
    { title: t('columns.permissions'), key: 'grants', render: (_, role) => role.grants.length },
    { title: t('columns.members'), dataIndex: 'memberCount' },
    {
      title: t('columns.actions'),
      key: 'actions',
      render: (_, role) => (
        <Space size={0} wrap>
          <Button type="link" onClick={() => setEditing(role)} data-testid={`role-edit-${role.name}`}>
            {t('edit')}
          </Button>
          <Button type="link" onClick={() => setMembersOf(role)} data-testid={`role-members-${role.name}`}>
            {t('members.open')}
          </Button>
          <Popconfirm
            title={t('delete.confirmTitle', { name: role.name })}
            description={t('delete.confirmDescription', { n: role.memberCount })}
            okText={t('delete.action')}
            okButtonProps={{ danger: true }}
            cancelText={t('actions.cancel', { ns: 'common' })}
            onConfirm={() =>
              remove.mutate(role.id, {
                onSuccess: () => message.success(t('delete.done', { name: role.name })),
                onError: (error) => message.error(t('actionFailed', { code: isApiError(error) ? error.code : 'CLIENT_ERROR' })),
              })
            }
          >
            <Button type="link" danger>
              {t('delete.action')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {tShell('menu.roles')}
        </Typography.Title>
        <Space wrap>
          <RoleTemplateButton
            onPick={(input) => {
              setStart(input);
              setEditing(null);
            }}
          />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setStart(undefined);
              setEditing(null);
            }}
          >
            {t('create')}
          </Button>
        </Space>
      </Flex>
      {roles.error ? (
        <ErrorResult error={roles.error} onRetry={() => void roles.refetch()} />
      ) : (
        <Table<Role>
          rowKey="id"
          columns={columns}
          dataSource={roles.data}
          loading={roles.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('empty') }}
        />
      )}
      {editing !== undefined && <RoleEditorDrawer role={editing} start={start} onClose={() => setEditing(undefined)} />}
      {membersOf && <RoleMembersDrawer role={membersOf} onClose={() => setMembersOf(null)} />}
    </>
  );
}
