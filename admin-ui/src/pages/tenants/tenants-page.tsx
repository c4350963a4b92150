import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error';
import { useSetTenantStatus, useTenantList, type TenantView } from '../../api/tenant.api';
import { ErrorResult } from '../../components/error-result';
import { CreateTenantDrawer } from './create-tenant-drawer';
import { TenantProfileDrawer } from './tenant-profile-drawer';

/** Platform operators: every county with its usage; create one with its first admin, suspend, resume. */
export function TenantsPage() {
  const { t } = useTranslation('tenants');
  const { t: tShell } = useTranslation('shell');
  const { message } = App.useApp();
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const [opened, setOpened] = useState<string | undefined>();
  const tenants = useTenantList(search);
  const setStatus = useSetTenantStatus();
  const rows = tenants.data?.pages.flatMap((page) => page.items) ?? [];

  const changeStatus = (tenant: TenantView, status: TenantView['status']) =>
    setStatus.mutate(
      { id: tenant.id, status },
      {
        onSuccess: () => message.success(t(status === 'suspended' ? 'suspend.done' : 'resume.done', { name: tenant.name })),
        onError: (error) => message.error(t('actionFailed', { code: isApiError(error) ? error.code : 'CLIENT_ERROR' })),
      },
    );

  const columns: TableColumnsType<TenantView> = [
    {
      title: t('columns.name'),
      dataIndex: 'name',
      render: (name: string, tenant) => (
        <Typography.Link strong onClick={() => setOpened(tenant.id)} data-testid={`open-tenant-${tenant.slug}`}>
          {name}
        </Typography.Link>
      ),
    },
    { title: t('columns.slug'), dataIndex: 'slug', render: (slug: string) => <Typography.Text code>/t/{slug}</Typography.Text> },
    {
      title: t('columns.status'),
      dataIndex: 'status',
      render: (status: TenantView['status']) => <Tag color={status === 'active' ? 'green' : 'red'}>{t(`status.${status}`)}</Tag>,
    },
    {
      title: t('columns.usage'),
      key: 'usage',
      render: (_, tenant) =>
        tenant.usage ? (
          <Space size={4} wrap>
            <Tag>{t('usage.users', { n: tenant.usage.users })}</Tag>
            <Tag>{t('usage.people', { n: tenant.usage.people })}</Tag>
            <Tag>{t('usage.modules', { n: tenant.usage.enabledModules })}</Tag>
            <Tag>{t('usage.records', { n: tenant.usage.records })}</Tag>
          </Space>
        ) : null,
    },
    { title: t('columns.createdAt'), dataIndex: 'createdAt', render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm') },
    {
      title: t('columns.actions'),
      key: 'actions',
      render: (_, tenant) =>
        tenant.status === 'active' ? (
          <Popconfirm
            title={t('suspend.confirmTitle', { name: tenant.name })}
            description={t('suspend.confirmDescription')}
            okText={t('suspend.action')}
            okButtonProps={{ danger: true }}
            cancelText={t('actions.cancel', { ns: 'common' })}
            onConfirm={() => changeStatus(tenant, 'suspended')}
          >
            <Button danger size="small" data-testid={`suspend-${tenant.slug}`}>
              {t('suspend.action')}
            </Button>
          </Popconfirm>
        ) : (
          <Popconfirm
            title={t('resume.confirmTitle', { name: tenant.name })}
            okText={t('resume.action')}
            cancelText={t('actions.cancel', { ns: 'common' })}
            onConfirm={() => changeStatus(tenant, 'active')}
          >
            <Button size="small" data-testid={`resume-${tenant.slug}`}>
              {t('resume.action')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {tShell('menu.tenants')}
        </Typography.Title>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('searchPlaceholder')}
            onSearch={(value) => setSearch(value.trim())}
            style={{ width: 240 }}
          />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('create.open')}
          </Button>
        </Space>
      </Flex>
      {tenants.error ? (
        <ErrorResult error={tenants.error} onRetry={() => void tenants.refetch()} />
      ) : (
        <>
          <Table<TenantView>
            rowKey="id"
            columns={columns}
            dataSource={rows}
            loading={tenants.isPending || setStatus.isPending}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: search ? t('emptySearch') : t('empty') }}
            data-testid="tenant-table"
          />
          {tenants.hasNextPage && (
            <Flex justify="center" style={{ marginTop: 16 }}>
              <Button onClick={() => void tenants.fetchNextPage()} loading={tenants.isFetchingNextPage}>
                {t('loadMore')}
              </Button>
            </Flex>
          )}
        </>
      )}
      <CreateTenantDrawer open={creating} onClose={() => setCreating(false)} />
      <TenantProfileDrawer tenantId={opened} onClose={() => setOpened(undefined)} />
    </>
  );
}
