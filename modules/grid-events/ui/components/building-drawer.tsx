import { useEffect, useState } from 'react';
import { Alert, App, Button, Drawer, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formFieldErrors, isApiError, useTenantSession } from '../../../../admin-ui/src/module-kit';
import { MAX_HOUSEHOLDS_PER_BUILDING, type BuildingView } from '../../schemas/building.schema';
import { useAreas } from '../api/grid-events.api';
import { useCreateBuilding, useGenerateHouseholds, useUpdateBuilding } from '../api/buildings.api';
import { useT } from '../i18n/grid-events-i18n';
import { useMapSettings } from '../map/map-settings';
import { actionError } from './action-error';
import { UnitKindSelect } from './grid-unit-select';
import { PlacePicker, type PlaceValue } from './place-picker';

interface Values {
  name: string;
  place?: PlaceValue;
  gridUnitId?: string;
  unitCount: number;
  floorCount: number;
  householdsPerFloor: number;
}

// Server field paths as this form names them (`location` is the place picker, which holds the address too).
const FIELDS: (keyof Values)[] = ['name', 'gridUnitId', 'unitCount', 'floorCount', 'householdsPerFloor'];
const PLAIN = /^[^<>]*$/;

function initialOf(editing: BuildingView | null): Values {
  if (!editing) return { name: '', unitCount: 2, floorCount: 6, householdsPerFloor: 2 };
  return {
    name: editing.name,
    place: { lon: editing.lon, lat: editing.lat, crs: 'wgs84', address: editing.address },
    gridUnitId: editing.gridUnit.id,
    unitCount: editing.unitCount,
    floorCount: editing.floorCount,
    householdsPerFloor: editing.householdsPerFloor,
  };
}

/**
 * Adds or changes a building (楼栋): its name, its place on the map with the address, its grid
 * (default: the grid whose polygon holds the place), and the floor model — units × floors ×
 * households per floor. The households are laid out as rooms 1单元-3层-301; a larger model later
 * adds only the rooms that are missing (existing ones keep their tags and visits).
 */
export function BuildingDrawer({ open, editing, onClose }: { open: boolean; editing: BuildingView | null; onClose: () => void }) {
  const t = useT();
  const { t: te } = useTranslation('errors');
  const { slug } = useTenantSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const areas = useAreas(slug);
  const settings = useMapSettings();
  const create = useCreateBuilding(slug);
  const update = useUpdateBuilding(slug);
  const generate = useGenerateHouseholds(slug);
  const [failure, setFailure] = useState<string | null>(null);
  const units = Form.useWatch('unitCount', form) ?? 0;
  const floors = Form.useWatch('floorCount', form) ?? 0;
  const perFloor = Form.useWatch('householdsPerFloor', form) ?? 0;
  const total = units * floors * perFloor;

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(initialOf(editing));
      setFailure(null);
    }
  }, [open, editing, form]);

  const onError = (error: unknown) => {
    if (isApiError(error) && error.details.length > 0) {
      form.setFields(formFieldErrors<Values>(te, error.details, FIELDS));
      const place = error.details.find((d) => d.path.startsWith('body.location'));
      if (place) form.setFields([{ name: 'place', errors: [actionError(t, error)] }]);
    }
    setFailure(actionError(t, error));
  };

  const save = async (values: Values) => {
    const place = values.place;
    if (place?.lon === undefined || place.lat === undefined) return;
    const model = { unitCount: values.unitCount, floorCount: values.floorCount, householdsPerFloor: values.householdsPerFloor };
    const location = { lon: place.lon, lat: place.lat, crs: place.crs ?? 'wgs84' };
    const common = {
      name: values.name.trim(),
      address: place.address?.trim() ?? '',
      ...(values.gridUnitId ? { gridUnitId: values.gridUnitId } : {}),
    };
    setFailure(null);
    try {
      if (!editing) {
        await create.mutateAsync({ ...common, location, ...model });
      } else {
        const moved = place.lon !== editing.lon || place.lat !== editing.lat;
        await update.mutateAsync({ id: editing.id, changes: { ...common, ...(moved ? { location } : {}), ...model } });
        // A larger model lays out the rooms it adds; rooms that exist keep their tags and visits.
        if (total > editing.households) await generate.mutateAsync(editing.id);
      }
      message.success(t('buildings.saved', { name: common.name }));
      onClose();
    } catch (error) {
      onError(error);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={editing ? t('buildings.edit', { name: editing.name }) : t('buildings.add')}
      size={Math.min(560, window.innerWidth)}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={create.isPending || update.isPending || generate.isPending}
            onClick={() => form.submit()}
            data-testid="building-save"
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void save(v)} data-testid="building-form">
        <Form.Item
          name="name"
          label={t('buildings.name')}
          rules={[
            { required: true, whitespace: true, message: t('buildings.needName') },
            { max: 100 },
            { pattern: PLAIN, message: t('categories.noBrackets') },
          ]}
        >
          <Input maxLength={100} placeholder={t('buildings.namePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="place"
          label={t('buildings.place')}
          required
          extra={t('buildings.placeHelp')}
          rules={[
            {
              validator: (_, place?: PlaceValue) =>
                place?.lon !== undefined && place.lat !== undefined ? Promise.resolve() : Promise.reject(new Error(t('report.needPlace'))),
            },
          ]}
        >
          <PlacePicker testId="building-place" map={{ settings, areas: areas.data, ready: !areas.isLoading }} />
        </Form.Item>
        <Form.Item name="gridUnitId" label={t('buildings.grid')} extra={t('buildings.gridHelp')}>
          <UnitKindSelect allowClear placeholder={t('buildings.gridByPlace')} testId="building-grid" />
        </Form.Item>
        <Typography.Title level={5}>{t('buildings.floorModel')}</Typography.Title>
        <Space wrap align="start">
          <Form.Item name="unitCount" label={t('buildings.unitCount')} rules={[{ required: true }]}>
            <InputNumber min={1} max={50} precision={0} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="floorCount" label={t('buildings.floorCount')} rules={[{ required: true }]}>
            <InputNumber min={1} max={200} precision={0} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="householdsPerFloor" label={t('buildings.householdsPerFloor')} rules={[{ required: true }]}>
            <InputNumber min={1} max={50} precision={0} style={{ width: 100 }} />
          </Form.Item>
        </Space>
        <Typography.Paragraph type={total > MAX_HOUSEHOLDS_PER_BUILDING ? 'danger' : 'secondary'} data-testid="building-total">
          {t('buildings.total', { n: total, max: MAX_HOUSEHOLDS_PER_BUILDING })}
        </Typography.Paragraph>
        {editing && <Typography.Paragraph type="secondary">{t('buildings.modelHelp')}</Typography.Paragraph>}
        {failure && <Alert type="error" showIcon title={failure} />}
      </Form>
    </Drawer>
  );
}
