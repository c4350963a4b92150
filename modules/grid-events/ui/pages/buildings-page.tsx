import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ImportOutlined, PlusOutlined, QrcodeOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Grid, Input, List, Space, Table, Typography } from 'antd';
import { ErrorResult, useHasPermission, useTenantSession } from '../../../../admin-ui/src/module-kit';
import type { BuildingView } from '../../schemas/building.schema';
import { useBuildings } from '../api/buildings.api';
import { BuildingDrawer } from '../components/building-drawer';
import { BuildingImportModal } from '../components/building-import-modal';
import { UnitKindSelect } from '../components/grid-unit-select';
import { Pager, useCursors } from '../components/pager';
import { QrSheetModal, type QrSheetTarget } from '../components/qr-sheet-modal';
import { useT } from '../i18n/grid-events-i18n';

/**
 * `/grid-events/buildings` (楼栋): the buildings the user sees, by grid and words of the name or
 * address, each with its households and how many are due a visit; managers add, import and print
 * QR codes (for the ticked buildings, else the grid's). `?gridUnitId=` narrows it to one grid.
 */
export default function BuildingsPage() {
  const t = useT();
  const { slug } = useTenantSession();
  const navigate = useNavigate();
  const can = useHasPermission();
  const manager = can('grid-events.manage');
  const wide = Grid.useBreakpoint().md ?? false;
  const [params] = useSearchParams();
  const [gridUnitId, setGridUnitId] = useState<string | undefined>(params.get('gridUnitId') ?? undefined);
  const [q, setQ] = useState<string | undefined>();
  const paging = useCursors();
  const buildings = useBuildings(slug, { gridUnitId, q, cursor: paging.cursor });
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [printing, setPrinting] = useState<QrSheetTarget | null>(null);
  const [picked, setPicked] = useState<BuildingView[]>([]);
  const open = (building: BuildingView) => void navigate(`/t/${slug}/grid-events/buildings/${building.id}`);
  const items = buildings.data?.items ?? [];

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3}>{t('buildings.title')}</Typography.Title>
        <Space wrap>
          <Button icon={<QrcodeOutlined />} onClick={() => setPrinting({ buildings: picked, gridUnitId })} data-testid="building-print">
            {picked.length ? t('buildings.qr.printPicked', { n: picked.length }) : t('buildings.qr.print')}
          </Button>
          {manager && (
            <>
              <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="building-import-open">
                {t('buildings.import.open')}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="building-add">
                {t('buildings.add')}
              </Button>
            </>
          )}
        </Space>
      </Flex>
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          maxLength={50}
          placeholder={t('buildings.search')}
          aria-label={t('buildings.search')}
          onSearch={(words) => {
            setQ(words.trim() || undefined);
            paging.reset();
          }}
          style={{ width: wide ? 240 : '100%' }}
          data-testid="building-search"
        />
        <UnitKindSelect
          allowClear
          value={gridUnitId}
          onChange={(id) => {
            setGridUnitId(id);
            setPicked([]);
            paging.reset();
          }}
          placeholder={t('list.grid')}
          style={{ width: wide ? 220 : '100%' }}
        />
      </Flex>
      {buildings.error ? (
        <ErrorResult error={buildings.error} onRetry={() => void buildings.refetch()} />
      ) : wide ? (
        <Table<BuildingView>
          rowKey="id"
          data-testid="building-table"
          loading={buildings.isFetching}
          dataSource={items}
          pagination={false}
          scroll={{ x: 820 }}
          rowSelection={{ selectedRowKeys: picked.map((b) => b.id), onChange: (_, rows) => setPicked(rows) }}
          locale={{ emptyText: <Empty description={t('buildings.empty')} /> }}
          onRow={(building) => ({ onClick: () => open(building), style: { cursor: 'pointer' } })}
          columns={[
            {
              title: t('buildings.name'),
              dataIndex: 'name',
              width: 180,
              render: (name: string) => <Typography.Link>{name}</Typography.Link>,
            },
            { title: t('buildings.address'), dataIndex: 'address', ellipsis: true },
            { title: t('buildings.grid'), key: 'grid', width: 160, render: (_, b) => b.gridUnit.name },
            {
              title: t('buildings.floorModel'),
              key: 'model',
              width: 170,
              render: (_, b) => t('buildings.model', { units: b.unitCount, floors: b.floorCount, perFloor: b.householdsPerFloor }),
            },
            { title: t('buildings.households'), dataIndex: 'households', width: 90, align: 'right' },
            {
              title: t('buildings.overdue'),
              dataIndex: 'overdue',
              width: 90,
              align: 'right',
              render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : 0),
            },
          ]}
        />
      ) : (
        <Card size="small">
          <List<BuildingView>
            loading={buildings.isLoading}
            dataSource={items}
            locale={{ emptyText: <Empty description={t('buildings.empty')} /> }}
            renderItem={(building) => (
              <List.Item onClick={() => open(building)} style={{ cursor: 'pointer' }} data-testid="building-item">
                <List.Item.Meta
                  title={<Typography.Link>{building.name}</Typography.Link>}
                  description={
                    <>
                      <div>{building.address || building.gridUnit.name}</div>
                      <Typography.Text type="secondary">
                        {building.gridUnit.name} ·{' '}
                        {t('buildings.model', {
                          units: building.unitCount,
                          floors: building.floorCount,
                          perFloor: building.householdsPerFloor,
                        })}
                      </Typography.Text>
                    </>
                  }
                />
                {building.overdue > 0 && (
                  <Typography.Text type="danger">{t('buildings.overdueCount', { n: building.overdue })}</Typography.Text>
                )}
              </List.Item>
            )}
          />
        </Card>
      )}
      <Pager paging={paging} nextCursor={buildings.data?.nextCursor} />
      <BuildingDrawer open={adding} editing={null} onClose={() => setAdding(false)} />
      <BuildingImportModal open={importing} onClose={() => setImporting(false)} />
      <QrSheetModal target={printing} onClose={() => setPrinting(null)} />
    </>
  );
}
