import { useState } from 'react';
import { SendOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import { ErrorResult, useTenantSession } from '../../../../admin-ui/src/module-kit';
import { useCollections, useUpdateCollection } from '../api/forms.api';
import type { CollectionView } from '../../schemas/collection.schema';
import { CollectionDrawer } from '../components/collections/collection-drawer';
import { PeriodStatusPanel } from '../components/collections/period-status-panel';
import { useT } from '../i18n/forms-i18n';

/** `/forms/collections`: send forms to units per period, see who is missing, remind them. */
export default function CollectionsPage() {
  const t = useT();
  const { slug } = useTenantSession();
  const { message } = App.useApp();
  const collections = useCollections(slug);
  const update = useUpdateCollection(slug);
  const [creating, setCreating] = useState(false);
  // Until the user opens or closes rows, the newest collection shows its current period.
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const first = collections.data?.[0];

  const due = (c: CollectionView) =>
    c.frequency === 'once'
      ? t('collections.dueShort', { date: c.dueOn ?? '' })
      : t(c.dueOffsetKind === 'working_days' ? 'collections.dueAfterWorking' : 'collections.dueAfterDays', { n: c.dueOffset });

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3}>{t('collections.title')}</Typography.Title>
        <Button type="primary" icon={<SendOutlined />} onClick={() => setCreating(true)} data-testid="new-collection">
          {t('collections.new')}
        </Button>
      </Flex>
      {collections.error ? (
        <ErrorResult error={collections.error} onRetry={() => void collections.refetch()} />
      ) : (
        <Table<CollectionView>
          rowKey="id"
          data-testid="collection-table"
          loading={collections.isLoading}
          dataSource={collections.data ?? []}
          pagination={false}
          scroll={{ x: 720 }}
          locale={{ emptyText: t('collections.empty') }}
          expandable={{
            expandedRowKeys: expanded ?? (first ? [first.id] : []),
            onExpandedRowsChange: (keys) => setExpanded(keys.map(String)),
            expandedRowRender: (c) => <PeriodStatusPanel collection={c} />,
            expandRowByClick: true,
          }}
          columns={[
            { title: t('collections.name'), dataIndex: 'name', render: (name: string) => <Typography.Link>{name}</Typography.Link> },
            { title: t('collections.form'), key: 'form', render: (_, c) => `${c.formName} v${c.version}` },
            {
              title: t('collections.frequency'),
              dataIndex: 'frequency',
              render: (f: CollectionView['frequency']) => <Tag color="geekblue">{t(`frequency.${f}`)}</Tag>,
            },
            { title: t('collections.due'), key: 'due', render: (_, c) => due(c) },
            {
              title: t('collections.units'),
              key: 'assignees',
              render: (_, c) => c.assignees.map((a) => a.unitName ?? a.personName).join('、'),
            },
            {
              title: t('collections.status'),
              key: 'status',
              render: (_, c) => (
                <Popconfirm
                  title={c.status === 'active' ? t('collections.closeConfirm') : t('collections.reopenConfirm')}
                  onConfirm={() =>
                    update.mutate(
                      { id: c.id, status: c.status === 'active' ? 'closed' : 'active' },
                      { onSuccess: () => message.success(t('collections.statusChanged')) },
                    )
                  }
                >
                  <Tag
                    color={c.status === 'active' ? 'green' : 'default'}
                    style={{ cursor: 'pointer' }}
                    onClick={(e) => e.stopPropagation()}
                  >
                    {t(`collections.${c.status}`)}
                  </Tag>
                </Popconfirm>
              ),
            },
          ]}
        />
      )}
      <CollectionDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(c) => {
          setCreating(false);
          setExpanded([c.id]);
          message.success(t('collections.created', { name: c.name }));
        }}
      />
    </>
  );
}
