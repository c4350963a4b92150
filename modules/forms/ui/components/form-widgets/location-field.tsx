import { useState } from 'react';
import { AimOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Space, Typography } from 'antd';
import type { FieldProps } from '@rjsf/utils';
import { useT } from '../../i18n/forms-i18n';

interface Location {
  address?: string;
  latitude?: number;
  longitude?: number;
}

const errorsOf = (errorSchema: FieldProps['errorSchema'], key: keyof Location): string[] => {
  const node = (errorSchema as Record<string, { __errors?: string[] } | undefined> | undefined)?.[key];
  return node?.__errors ?? [];
};

/** A place: an address, and the point (from the phone's position or typed in). */
export function LocationField({ formData, onChange, fieldPathId, schema, required, disabled, readonly, errorSchema }: FieldProps) {
  const t = useT();
  const [locating, setLocating] = useState(false);
  const value: Location = typeof formData === 'object' && formData !== null ? (formData as Location) : {};
  const set = (patch: Partial<Location>) => {
    const next = Object.fromEntries(Object.entries({ ...value, ...patch }).filter(([, v]) => v !== undefined && v !== '' && v !== null));
    onChange(Object.keys(next).length > 0 ? next : undefined, fieldPathId.path);
  };
  const locked = disabled || readonly;
  const locate = () => {
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        set({ latitude: Number(position.coords.latitude.toFixed(6)), longitude: Number(position.coords.longitude.toFixed(6)) });
      },
      () => setLocating(false),
      { timeout: 10_000 },
    );
  };
  const status = (key: keyof Location) => (errorsOf(errorSchema, key).length ? 'error' : undefined);
  const base = fieldPathId.$id;

  return (
    <Form.Item label={schema.title} required={required} layout="vertical" style={{ marginBottom: 12 }}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Input
          id={`${base}_address`}
          value={value.address}
          disabled={locked}
          status={status('address')}
          placeholder={t('widgets.address')}
          maxLength={200}
          onChange={(e) => set({ address: e.target.value })}
        />
        <Space wrap>
          <InputNumber
            id={`${base}_latitude`}
            value={value.latitude}
            disabled={locked}
            min={-90}
            max={90}
            placeholder={t('widgets.latitude')}
            onChange={(v) => set({ latitude: v ?? undefined })}
          />
          <InputNumber
            id={`${base}_longitude`}
            value={value.longitude}
            disabled={locked}
            min={-180}
            max={180}
            placeholder={t('widgets.longitude')}
            onChange={(v) => set({ longitude: v ?? undefined })}
          />
          {!locked && 'geolocation' in navigator && (
            <Button icon={<AimOutlined />} loading={locating} onClick={locate}>
              {t('widgets.locate')}
            </Button>
          )}
        </Space>
        {(['address', 'latitude', 'longitude'] as const)
          .flatMap((key) => errorsOf(errorSchema, key))
          .map((message) => (
            <Typography.Text key={message} type="danger">
              {message}
            </Typography.Text>
          ))}
      </Space>
    </Form.Item>
  );
}
