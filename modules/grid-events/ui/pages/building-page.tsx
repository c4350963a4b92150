import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, QrcodeOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, Modal, Popconfirm, Segmented, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorResult, PageLoading, useHasPermission, useTenantSession } from '../../../../admin-ui/src/module-kit';
import type { HouseholdView } from '../../schemas/household.schema';
import { buildingQrUrl, useBuilding, useDeleteBuilding, useHouseholds } from '../api/buildings.api';
import { actionError } from '../components/action-error';
import { BuildingDrawer } from '../components/building-drawer';
import { FloorModel } from '../components/floor-model';
import { HouseholdDrawer } from '../components/household-drawer';
import { HouseholdTag } from '../components/household-tags';
import { QrSheetModal, type QrSheetTarget } from '../components/qr-sheet-modal';
import { useT } from '../i18n/grid-events-i18n';

/** How many households carry each tag, most first: the legend above the floor model. */
function tagCounts(households: HouseholdView[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const h of households) for (const tag of h.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}

/** One building's code (the whole building or a unit's door), shown to check and opened to print. */
function QrModal({
  open,
  onClose,
  id,
  name,
  unitCount,
}: {
  open: boolean;
  onClose: () => void;
  id: string;
  name: string;
  unitCount: number;
}) {
  const t = useT();
  const { i18n } = useTranslation();
  const { slug } = useTenantSession();
  const [unit, setUnit] = useState(0);
  const url = buildingQrUrl(slug, id, unit || undefined, i18n.language === 'en' ? 'en' : 'zh-CN');
  return (
    <Modal open={open} onCancel={onClose} title={t('buildings.qr.single', { name })} footer={null} destroyOnHidden>
      <Flex vertical gap={12} align="center" data-testid="building-qr">
        <div style={{ maxWidth: '100%', overflowX: 'auto' }}>
          <Segmented<number>
            value={unit}
            onChange={setUnit}
            options={[
              { value: 0, label: t('buildings.qr.wholeBuilding') },
              ...Array.from({ length: unitCount }, (_, i) => ({ value: i + 1, label: t('buildings.unit', { n: i + 1 }) })),
            ]}
          />
        </div>
        <img src={url} alt={t('buildings.qr.single', { name })} style={{ width: 240, maxWidth: '100%' }} data-testid="building-qr-image" />
        <Button type="primary" href={url} target="_blank" rel="noopener" icon={<QrcodeOutlined />}>
          {t('buildings.qr.openToPrint')}
        </Button>
      </Flex>
    </Modal>
  );
}

/**
 * `/grid-events/buildings/:id` (楼栋平面图): the building's facts, its floor model — every household
 * by unit and floor with its tags (空房, 自住, 出租, 独居老人, 留守儿童, the county's own) and a red
 * edge when its visit is overdue —; a tap opens the household to tag it. Managers edit, delete and
 * print its QR codes; everyone who reads it may print them too.
 */
export default function BuildingPage() {
  const t = useT();
  const { id } = useParams<{ id: string }>();
  const { slug } = useTenantSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const can = useHasPermission();
  const manager = can('grid-events.manage');
  const tagger = manager || can('grid-events.report') || can('grid-events.handle');
  const building = useBuilding(slug, id);
  const households = useHouseholds(slug, id);
  const remove = useDeleteBuilding(slug);
  const [editing, setEditing] = useState(false);
  const [qr, setQr] = useState(false);
  const [printing, setPrinting] = useState<QrSheetTarget | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const counts = useMemo(() => tagCounts(households.data ?? []), [households.data]);
  // The drawer follows the refetched household, so a save shows at once behind it.
  const opened = households.data?.find((h) => h.id === openId) ?? null;

  if (building.error) return <ErrorResult error={building.error} onRetry={() => void building.refetch()} />;
  if (!building.data) return <PageLoading />;
  const b = building.data;
  const back = () => void navigate(`/t/${slug}/grid-events/buildings`);

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space align="center">
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={back} aria-label={t('buildings.back')} />
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="building-name">
            {b.name}
          </Typography.Title>
        </Space>
        <Space wrap>
          <Button icon={<QrcodeOutlined />} onClick={() => setQr(true)} data-testid="building-qr-open">
            {t('buildings.qr.code')}
          </Button>
          <Button onClick={() => setPrinting({ buildings: [b] })}>{t('buildings.qr.print')}</Button>
          {manager && (
            <>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="building-edit">
                {t('common.edit')}
              </Button>
              <Popconfirm
                title={t('buildings.deleteConfirm', { name: b.name })}
                onConfirm={() =>
                  remove.mutate(b.id, {
                    onSuccess: () => {
                      message.success(t('buildings.deleted', { name: b.name }));
                      back();
                    },
                    onError: (error) => message.error(actionError(t, error)),
                  })
                }
              >
                <Button danger icon={<DeleteOutlined />}>
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            </>
          )}
        </Space>
      </Flex>
      <Card size="small" style={{ margin: '12px 0' }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} data-testid="building-facts">
          <Descriptions.Item label={t('buildings.address')}>{b.address || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('buildings.grid')}>{b.gridUnit.name}</Descriptions.Item>
          <Descriptions.Item label={t('buildings.floorModel')}>
            {t('buildings.model', { units: b.unitCount, floors: b.floorCount, perFloor: b.householdsPerFloor })}
          </Descriptions.Item>
          <Descriptions.Item label={t('buildings.households')}>{b.households}</Descriptions.Item>
          <Descriptions.Item label={t('buildings.overdue')}>
            {b.overdue > 0 ? (
              <Typography.Link onClick={() => void navigate(`/t/${slug}/grid-events/visits?gridUnitId=${b.gridUnit.id}`)}>
                {b.overdue}
              </Typography.Link>
            ) : (
              0
            )}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {counts.length > 0 && (
        <Flex wrap gap={4} style={{ marginBottom: 12 }} data-testid="building-tag-counts">
          {counts.map(([tag, n]) => (
            <span key={tag}>
              <HouseholdTag tag={tag} />
              <Typography.Text type="secondary" style={{ marginInlineEnd: 8 }}>
                {n}
              </Typography.Text>
            </span>
          ))}
        </Flex>
      )}
      <Typography.Paragraph type="secondary">{tagger ? t('buildings.tapToTag') : t('buildings.tapToRead')}</Typography.Paragraph>
      {households.error ? (
        <ErrorResult error={households.error} onRetry={() => void households.refetch()} />
      ) : !households.data ? (
        <Skeleton active />
      ) : (
        <FloorModel households={households.data} onOpen={(h) => setOpenId(h.id)} />
      )}
      <HouseholdDrawer key={openId ?? ''} household={opened} buildingName={b.name} canEdit={tagger} onClose={() => setOpenId(null)} />
      <BuildingDrawer open={editing} editing={b} onClose={() => setEditing(false)} />
      <QrModal open={qr} onClose={() => setQr(false)} id={b.id} name={b.name} unitCount={b.unitCount} />
      <QrSheetModal target={printing} onClose={() => setPrinting(null)} />
    </>
  );
}
