import { useId, useState } from 'react';
import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Modal, Select, Typography } from 'antd';
import { useTenantSession } from '../../../../admin-ui/src/module-kit';
import { useImportAreas } from '../api/grid-events.api';
import { useT } from '../i18n/grid-events-i18n';
import { actionError } from './action-error';

interface ReadFile {
  name: string;
  collection: { type: 'FeatureCollection'; features: unknown[] };
  /** Property names the features carry, the candidates to name the grid unit by. */
  properties: string[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads a GeoJSON file in the browser: a FeatureCollection (checked by the server feature by feature). */
async function readCollection(file: File): Promise<ReadFile | 'notJson' | 'notCollection'> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await file.text());
  } catch {
    return 'notJson';
  }
  if (!isRecord(parsed) || parsed.type !== 'FeatureCollection' || !Array.isArray(parsed.features)) return 'notCollection';
  const names = new Set<string>();
  for (const feature of parsed.features)
    if (isRecord(feature) && isRecord(feature.properties)) for (const key of Object.keys(feature.properties)) names.add(key);
  return { name: file.name, collection: { type: 'FeatureCollection', features: parsed.features }, properties: [...names] };
}

/** Imports grid polygons from a GeoJSON file: all or nothing; each feature names its grid by a property. */
export function AreaImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { slug } = useTenantSession();
  const { message } = App.useApp();
  const inputId = useId();
  const importAreas = useImportAreas(slug);
  const [read, setRead] = useState<ReadFile | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [unitProperty, setUnitProperty] = useState('code');
  const [crs, setCrs] = useState<'wgs84' | 'gcj02'>('wgs84');

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setProblem(null);
    const result = await readCollection(file);
    if (typeof result === 'string') {
      setRead(null);
      setProblem(t(`areas.import.${result}`));
      return;
    }
    setRead(result);
    // The unit's code is the surest key; else its name; else the first property there is.
    setUnitProperty(['code', 'name'].find((p) => result.properties.includes(p)) ?? result.properties[0] ?? 'code');
  };
  const close = () => {
    setRead(null);
    setProblem(null);
    onClose();
  };
  const submit = () => {
    if (!read) return;
    importAreas.mutate(
      { collection: read.collection, unitProperty, crs },
      {
        onSuccess: (result) => {
          message.success(t('areas.import.done', { created: result.created, replaced: result.replaced }));
          close();
        },
        onError: (error) => setProblem(actionError(t, error)),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('areas.import.title')}
      onCancel={close}
      onOk={submit}
      okText={t('areas.import.submit')}
      okButtonProps={{ disabled: !read }}
      confirmLoading={importAreas.isPending}
      destroyOnHidden
    >
      <Flex vertical gap={12} data-testid="area-import">
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('areas.import.intro')}
        </Typography.Paragraph>
        <Button icon={<UploadOutlined />} onClick={() => document.getElementById(inputId)?.click()} style={{ alignSelf: 'flex-start' }}>
          {read ? read.name : t('areas.import.pick')}
        </Button>
        <input
          id={inputId}
          type="file"
          accept=".geojson,.json,application/geo+json,application/json"
          style={{ display: 'none' }}
          data-testid="area-import-input"
          onChange={(event) => {
            void pick(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
        {read && (
          <Form layout="vertical">
            <Typography.Text>{t('areas.import.features', { n: read.collection.features.length })}</Typography.Text>
            <Form.Item label={t('areas.import.unitProperty')} extra={t('areas.import.unitPropertyHelp')} style={{ marginTop: 12 }}>
              <Select
                value={unitProperty}
                onChange={setUnitProperty}
                options={(read.properties.length > 0 ? read.properties : ['code']).map((p) => ({ value: p, label: p }))}
              />
            </Form.Item>
            <Form.Item label={t('areas.import.crs')} extra={t('areas.import.crsHelp')}>
              <Select
                value={crs}
                onChange={setCrs}
                options={[
                  { value: 'wgs84', label: t('areas.import.wgs84') },
                  { value: 'gcj02', label: t('areas.import.gcj02') },
                ]}
              />
            </Form.Item>
          </Form>
        )}
        {problem && <Alert type="error" showIcon title={problem} />}
      </Flex>
    </Modal>
  );
}
