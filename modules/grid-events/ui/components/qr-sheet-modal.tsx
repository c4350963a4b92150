import { useState } from 'react';
import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Modal, Segmented, Skeleton, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTenantSession } from '../../../../admin-ui/src/module-kit';
import type { BuildingView } from '../../schemas/building.schema';
import { fetchAllBuildings, qrSheetPages, qrSheetUrl, type QrSheetSelection } from '../api/buildings.api';
import { useT } from '../i18n/grid-events-i18n';
import { actionError } from './action-error';

/** What to print: the buildings ticked in the list, else every building of a grid, else all the user sees. */
export interface QrSheetTarget {
  buildings?: BuildingView[];
  gridUnitId?: string;
}

/**
 * Printing QR codes (A4, 3 × 4 with cut lines): one code per unit's door (the default: the handler
 * then knows which entrance) or per building. Each page opens as its own drawing, to print as is.
 */
export function QrSheetModal({ target, onClose }: { target: QrSheetTarget | null; onClose: () => void }) {
  const t = useT();
  const { i18n } = useTranslation();
  const { slug } = useTenantSession();
  const [per, setPer] = useState<'unit' | 'building'>('unit');
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const picked = target?.buildings;
  // Without a ticked list the page count needs the grid's buildings (a grid holds a handful).
  const all = useQuery({
    queryKey: ['grid-events-qr-sheet', slug, target?.gridUnitId ?? ''],
    queryFn: () => fetchAllBuildings(slug, target?.gridUnitId),
    enabled: target !== null && !picked?.length,
  });
  const buildings = picked?.length ? picked : all.data;
  const selection: QrSheetSelection = {
    per,
    lang,
    ...(picked?.length ? { buildingIds: picked.map((b) => b.id) } : { gridUnitId: target?.gridUnitId }),
  };
  const pages = buildings ? qrSheetPages(buildings, per) : 0;

  return (
    <Modal open={target !== null} title={t('buildings.qr.sheetTitle')} onCancel={onClose} footer={null} destroyOnHidden>
      <Flex vertical gap={12} data-testid="qr-sheet">
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('buildings.qr.sheetIntro')}
        </Typography.Paragraph>
        <Segmented<'unit' | 'building'>
          value={per}
          onChange={setPer}
          options={[
            { value: 'unit', label: t('buildings.qr.perUnit') },
            { value: 'building', label: t('buildings.qr.perBuilding') },
          ]}
        />
        {all.error ? (
          <Alert type="error" showIcon title={actionError(t, all.error)} />
        ) : !buildings ? (
          <Skeleton active />
        ) : pages === 0 ? (
          <Alert type="info" showIcon title={t('buildings.empty')} />
        ) : (
          <>
            <Typography.Text data-testid="qr-sheet-count">
              {t('buildings.qr.sheetCount', { buildings: buildings.length, pages })}
            </Typography.Text>
            <Flex wrap gap={8}>
              {Array.from({ length: pages }, (_, i) => (
                <Button
                  key={i}
                  icon={<PrinterOutlined />}
                  href={qrSheetUrl(slug, selection, i + 1)}
                  target="_blank"
                  rel="noopener"
                  data-testid="qr-sheet-page"
                >
                  {t('buildings.qr.page', { n: i + 1 })}
                </Button>
              ))}
            </Flex>
            <img
              src={qrSheetUrl(slug, selection, 1)}
              alt={t('buildings.qr.page', { n: 1 })}
              style={{ width: '100%', border: '1px solid #f0f0f0' }}
              data-testid="qr-sheet-preview"
            />
          </>
        )}
      </Flex>
    </Modal>
  );
}
