import { useMemo, useState } from 'react';
import { DeleteOutlined, EditOutlined, ImportOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Flex, Grid, Input, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { ErrorResult, useDirectoryUnits, useTenantSession, type DirectoryUnit } from '../../../../admin-ui/src/module-kit';
import type { AreaGeometry, AreaView } from '../../schemas/area.schema';
import { useAreas, useDeleteArea, useSaveArea } from '../api/grid-events.api';
import { actionError } from '../components/action-error';
import { AreaImportModal } from '../components/area-import-modal';
import { useT } from '../i18n/grid-events-i18n';
import { useLeafletMap } from '../map/leaflet-map';
import { useAreasLayer, useInitialFrame } from '../map/map-layers';
import { useMapSettings } from '../map/map-settings';
import { polygonOf, usePolygonEditor, verticesOf } from '../map/polygon-editor';

interface Editing {
  unit: DirectoryUnit;
  area: AreaView | undefined;
}

/** `/grid-events/grids` (网格边界): the grids' polygons — listed, imported from GeoJSON, drawn and edited on the map. */
export default function GridsPage() {
  const t = useT();
  const { slug } = useTenantSession();
  const { message } = App.useApp();
  const wide = Grid.useBreakpoint().lg ?? false;
  const units = useDirectoryUnits(slug);
  const areas = useAreas(slug);
  const settings = useMapSettings();
  const save = useSaveArea(slug);
  const remove = useDeleteArea(slug);
  const [importing, setImporting] = useState(false);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [q, setQ] = useState('');
  const { containerRef, map } = useLeafletMap(settings.tileUrl);

  const byUnit = useMemo(() => new Map((areas.data ?? []).map((a) => [a.unit.id, a])), [areas.data]);
  const unitName = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u.name])), [units.data]);
  const grids = (units.data ?? []).filter((u) => u.kind === 'grid' && (!q || u.name.includes(q)));
  const drawn = grids.filter((u) => byUnit.has(u.id)).length;

  const start = useMemo(() => verticesOf(editing?.area?.geometry as AreaGeometry | undefined), [editing]);
  const editor = usePolygonEditor(map, editing !== null, start.vertices);
  // While one grid is edited the others stay visible (to draw along their edges) but take no taps.
  const shown = useMemo(() => (areas.data ?? []).filter((a) => a.unit.id !== editing?.unit.id), [areas.data, editing]);
  useAreasLayer(map, shown, { interactive: editing === null });
  useInitialFrame(map, settings, areas.data, !areas.isLoading);

  const startEditing = (unit: DirectoryUnit) => {
    const area = byUnit.get(unit.id);
    setEditing({ unit, area });
    if (area && map) {
      const [minLon, minLat, maxLon, maxLat] = area.bbox;
      map.fitBounds(
        [
          [minLat, minLon],
          [maxLat, maxLon],
        ],
        { padding: [24, 24] },
      );
    }
  };
  const saveEditing = () => {
    if (!editing) return;
    save.mutate(
      { unitId: editing.unit.id, geometry: polygonOf(editor.vertices, start.holes) },
      {
        onSuccess: () => {
          message.success(t('areas.saved', { name: editing.unit.name }));
          setEditing(null);
        },
        onError: (error) => message.error(actionError(t, error)),
      },
    );
  };

  const mapPanel = (
    // Above the list on a phone; the same element either way, so the map is never remade.
    <Flex vertical gap={8} style={{ flex: 1, minWidth: 0, order: wide ? 0 : -1 }}>
      {editing && (
        <Flex vertical gap={8} data-testid="area-editor">
          <Alert
            type="info"
            showIcon
            title={t('areas.drawing', { name: editing.unit.name })}
            description={start.dropsParts ? `${t('areas.drawHelp')} ${t('areas.dropsParts')}` : t('areas.drawHelp')}
          />
          <Space wrap>
            <Button disabled={editor.vertices.length === 0} onClick={() => editor.setVertices((v) => v.slice(0, -1))}>
              {t('areas.undo')}
            </Button>
            <Button disabled={editor.vertices.length === 0} onClick={() => editor.setVertices([])}>
              {t('areas.clear')}
            </Button>
            <Button onClick={() => setEditing(null)}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              disabled={editor.vertices.length < 3}
              loading={save.isPending}
              onClick={saveEditing}
              data-testid="area-save"
            >
              {t('areas.save', { n: editor.vertices.length })}
            </Button>
          </Space>
        </Flex>
      )}
      <div
        ref={containerRef}
        style={{ height: wide ? 'calc(100vh - 260px)' : 320, minHeight: 320, borderRadius: 8, overflow: 'hidden' }}
        data-testid="areas-map"
      />
    </Flex>
  );

  const list = (
    <Flex vertical gap={8} style={{ width: wide ? 340 : '100%', flex: 'none' }}>
      <Input.Search
        allowClear
        placeholder={t('areas.search')}
        aria-label={t('areas.search')}
        onChange={(e) => setQ(e.target.value.trim())}
      />
      <Typography.Text type="secondary">{t('areas.count', { drawn, total: grids.length })}</Typography.Text>
      {units.error || areas.error ? (
        <ErrorResult
          error={units.error ?? areas.error}
          onRetry={() => {
            void units.refetch();
            void areas.refetch();
          }}
        />
      ) : (
        <List
          data-testid="area-list"
          loading={units.isLoading || areas.isLoading}
          dataSource={grids}
          locale={{ emptyText: <Empty description={t('areas.empty')} /> }}
          style={{ maxHeight: wide ? 'calc(100vh - 300px)' : undefined, overflowY: 'auto' }}
          renderItem={(unit) => {
            const area = byUnit.get(unit.id);
            return (
              <List.Item
                data-testid="area-item"
                data-unit={unit.name}
                actions={[
                  <Button
                    key="draw"
                    size="small"
                    type="link"
                    icon={<EditOutlined />}
                    onClick={() => startEditing(unit)}
                    data-testid="area-draw"
                  >
                    {area ? t('areas.edit') : t('areas.draw')}
                  </Button>,
                  area ? (
                    <Popconfirm
                      key="delete"
                      title={t('areas.deleteConfirm', { name: unit.name })}
                      onConfirm={() =>
                        remove.mutate(area.id, {
                          onSuccess: () => message.success(t('areas.deleted', { name: unit.name })),
                          onError: (error) => message.error(actionError(t, error)),
                        })
                      }
                    >
                      <Button size="small" type="link" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                    </Popconfirm>
                  ) : null,
                ].filter((action) => action !== null)}
              >
                <List.Item.Meta
                  title={unit.name}
                  description={
                    <Space size={4} wrap>
                      {unit.parentId && unitName.get(unit.parentId)}
                      {area ? <Tag color="blue">{t('areas.hasArea')}</Tag> : <Tag>{t('areas.noArea')}</Tag>}
                    </Space>
                  }
                />
              </List.Item>
            );
          }}
        />
      )}
    </Flex>
  );

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3}>{t('areas.title')}</Typography.Title>
        <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="area-import-open">
          {t('areas.import.title')}
        </Button>
      </Flex>
      <Flex gap={16} vertical={!wide}>
        {list}
        {mapPanel}
      </Flex>
      <AreaImportModal open={importing} onClose={() => setImporting(false)} />
    </>
  );
}
