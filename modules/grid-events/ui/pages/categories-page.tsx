import { useMemo, useState } from 'react';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { ErrorResult, useTenantSession } from '../../../../admin-ui/src/module-kit';
import type { CategoryView } from '../../schemas/category.schema';
import { useCategories, useDeleteCategory } from '../api/grid-events.api';
import { actionError } from '../components/action-error';
import { CategoryDrawer } from '../components/category-drawer';
import { useT } from '../i18n/grid-events-i18n';

interface Row extends CategoryView {
  children?: Row[];
}

/** The flat list (parents first) as table rows with children; a leaf has no `children` (no expand icon). */
function treeRows(categories: CategoryView[]): Row[] {
  const rows = new Map<string, Row>();
  const roots: Row[] = [];
  for (const category of categories) {
    const row: Row = { ...category };
    rows.set(category.id, row);
    const parent = category.parentId ? rows.get(category.parentId) : undefined;
    if (parent) (parent.children ??= []).push(row);
    else roots.push(row);
  }
  return roots;
}

/** `/grid-events/categories` (事件分类): the county's category tree, in residents' words, with departments and time limits. */
export default function CategoriesPage() {
  const t = useT();
  const { slug } = useTenantSession();
  const { message } = App.useApp();
  const categories = useCategories(slug, true);
  const remove = useDeleteCategory(slug);
  const [drawer, setDrawer] = useState<{ editing: CategoryView | null; parentId: string | null } | null>(null);
  const rows = useMemo(() => treeRows(categories.data ?? []), [categories.data]);

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3}>{t('categories.title')}</Typography.Title>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setDrawer({ editing: null, parentId: null })}
          data-testid="category-add"
        >
          {t('categories.add')}
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary">{t('categories.intro')}</Typography.Paragraph>
      {categories.error ? (
        <ErrorResult error={categories.error} onRetry={() => void categories.refetch()} />
      ) : (
        <Table<Row>
          rowKey="id"
          data-testid="category-table"
          loading={categories.isLoading}
          dataSource={rows}
          pagination={false}
          expandable={{ defaultExpandAllRows: true }}
          scroll={{ x: 820 }}
          locale={{ emptyText: t('categories.empty') }}
          columns={[
            {
              title: t('categories.name'),
              dataIndex: 'name',
              fixed: 'left',
              width: 180,
              render: (name: string, row) => (
                <Space size={4}>
                  {name}
                  {!row.active && <Tag>{t('categories.inactive')}</Tag>}
                </Space>
              ),
            },
            { title: t('categories.code'), dataIndex: 'code', width: 120 },
            { title: t('categories.department'), key: 'department', width: 150, render: (_, row) => row.department?.name ?? '—' },
            {
              title: t('categories.limits'),
              key: 'limits',
              width: 150,
              render: (_, row) => t('categories.limitsValue', { accept: row.acceptHours, resolve: row.resolveHours }),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 200,
              render: (_, row) => (
                <Space size={0} wrap>
                  <Button
                    type="link"
                    size="small"
                    icon={<EditOutlined />}
                    onClick={() => setDrawer({ editing: row, parentId: row.parentId })}
                  >
                    {t('common.edit')}
                  </Button>
                  <Button type="link" size="small" icon={<PlusOutlined />} onClick={() => setDrawer({ editing: null, parentId: row.id })}>
                    {t('categories.addChild')}
                  </Button>
                  <Popconfirm
                    title={t('categories.deleteConfirm', { name: row.name })}
                    onConfirm={() =>
                      remove.mutate(row.id, {
                        onSuccess: () => message.success(t('categories.deleted', { name: row.name })),
                        onError: (error) => message.error(actionError(t, error)),
                      })
                    }
                  >
                    <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                      {t('common.delete')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      )}
      <CategoryDrawer
        open={drawer !== null}
        editing={drawer?.editing ?? null}
        parentId={drawer?.parentId ?? null}
        categories={categories.data ?? []}
        onClose={() => setDrawer(null)}
      />
    </>
  );
}
