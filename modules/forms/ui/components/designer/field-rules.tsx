import type { ReactNode } from 'react';
import { Flex, Form, Input, InputNumber, Radio, Select, Switch } from 'antd';
import type { DesignerField } from '../../designer/designer-model';
import { useT } from '../../i18n/forms-i18n';
import { numberOrUndefined, patchField } from './field-patch';
import { PATTERN_PRESETS, presetOf } from '../../designer/pattern-presets';

interface RangeProps {
  label: string;
  min: number | undefined;
  max: number | undefined;
  onChange: (min: number | undefined, max: number | undefined) => void;
  idPrefix: string;
}

function Range({ label, min, max, onChange, idPrefix }: RangeProps) {
  const t = useT();
  return (
    <Form.Item label={label}>
      <Flex gap={6} align="center">
        <InputNumber
          id={`${idPrefix}-min`}
          aria-label={`${label} ${t('inspector.min')}`}
          placeholder={t('inspector.min')}
          value={min}
          onChange={(v) => onChange(numberOrUndefined(v), max)}
          style={{ width: '100%' }}
        />
        –
        <InputNumber
          id={`${idPrefix}-max`}
          aria-label={`${label} ${t('inspector.max')}`}
          placeholder={t('inspector.max')}
          value={max}
          onChange={(v) => onChange(min, numberOrUndefined(v))}
          style={{ width: '100%' }}
        />
      </Flex>
    </Form.Item>
  );
}

/** The rules and default value that fit the field's kind. */
export function FieldRules({ field, onChange }: { field: DesignerField; onChange: (field: DesignerField) => void }) {
  const t = useT();
  const set = (patch: Partial<DesignerField>) => onChange(patchField(field, patch));
  const id = (name: string) => `inspector-${field.key}-${name}`;
  const defaultItem = (control: ReactNode) => (
    <Form.Item label={t('inspector.default')} htmlFor={id('default')}>
      {control}
    </Form.Item>
  );
  const options = (field.options ?? []).map((o) => ({ value: o.value, label: o.label }));

  switch (field.kind) {
    case 'text':
    case 'textarea':
      return (
        <>
          <Range
            label={t('inspector.length')}
            idPrefix={id('length')}
            min={field.minLength}
            max={field.maxLength}
            onChange={(minLength, maxLength) => set({ minLength, maxLength })}
          />
          <Form.Item label={t('inspector.preset')} htmlFor={id('preset')}>
            <Select
              id={id('preset')}
              data-testid="pattern-preset"
              value={presetOf(field)?.id ?? (field.pattern ? 'custom' : 'none')}
              options={[
                { value: 'none', label: t('presets.none') },
                ...PATTERN_PRESETS.map((p) => ({ value: p.id, label: t(`presets.${p.id}`) })),
                { value: 'custom', label: t('presets.custom') },
              ]}
              onChange={(choice: string) => {
                const preset = PATTERN_PRESETS.find((p) => p.id === choice);
                if (preset)
                  set({
                    pattern: preset.pattern,
                    format: preset.format,
                    maxLength: preset.maxLength,
                    patternMessage: t(`presets.${preset.id}Message`),
                  });
                else if (choice === 'none') set({ pattern: undefined, format: undefined, patternMessage: undefined });
                else set({ format: undefined });
              }}
            />
          </Form.Item>
          <Form.Item label={t('inspector.pattern')} htmlFor={id('pattern')} tooltip={t('inspector.patternHelp')}>
            <Input
              id={id('pattern')}
              value={field.pattern}
              maxLength={200}
              placeholder="^\d{11}$"
              onChange={(e) => set({ pattern: e.target.value, format: undefined })}
            />
          </Form.Item>
          {(field.pattern || field.format) && (
            <Form.Item label={t('inspector.patternMessage')} htmlFor={id('patternMessage')}>
              <Input
                id={id('patternMessage')}
                value={field.patternMessage}
                maxLength={100}
                onChange={(e) => set({ patternMessage: e.target.value })}
              />
            </Form.Item>
          )}
          {defaultItem(
            <Input
              id={id('default')}
              value={typeof field.defaultValue === 'string' ? field.defaultValue : undefined}
              onChange={(e) => set({ defaultValue: e.target.value })}
            />,
          )}
        </>
      );
    case 'number':
      return (
        <>
          <Range
            label={t('inspector.range')}
            idPrefix={id('range')}
            min={field.minimum}
            max={field.maximum}
            onChange={(minimum, maximum) => set({ minimum, maximum })}
          />
          <Form.Item label={t('inspector.integer')} htmlFor={id('integer')}>
            <Switch id={id('integer')} checked={!!field.integer} onChange={(integer) => set({ integer: integer || undefined })} />
          </Form.Item>
          {defaultItem(
            <InputNumber
              id={id('default')}
              value={typeof field.defaultValue === 'number' ? field.defaultValue : undefined}
              onChange={(v) => set({ defaultValue: numberOrUndefined(v) })}
              style={{ width: '100%' }}
            />,
          )}
        </>
      );
    case 'date':
    case 'datetime':
      return defaultItem(
        <Input
          id={id('default')}
          value={typeof field.defaultValue === 'string' ? field.defaultValue : undefined}
          placeholder={field.kind === 'date' ? '2025-01-31' : '2025-01-31T08:00:00+08:00'}
          onChange={(e) => set({ defaultValue: e.target.value })}
        />,
      );
    case 'choice':
      return defaultItem(
        <Select
          id={id('default')}
          allowClear
          options={options}
          value={typeof field.defaultValue === 'string' ? field.defaultValue : undefined}
          onChange={(v: string | undefined) => set({ defaultValue: v })}
        />,
      );
    case 'multi':
      return (
        <>
          <Range
            label={t('inspector.ticks')}
            idPrefix={id('items')}
            min={field.minItems}
            max={field.maxItems}
            onChange={(minItems, maxItems) => set({ minItems, maxItems })}
          />
          {defaultItem(
            <Select
              id={id('default')}
              mode="multiple"
              allowClear
              options={options}
              value={Array.isArray(field.defaultValue) ? field.defaultValue : []}
              onChange={(v: string[]) => set({ defaultValue: v.length ? v : undefined })}
            />,
          )}
        </>
      );
    case 'yesno':
      return defaultItem(
        <Select
          id={id('default')}
          allowClear
          value={typeof field.defaultValue === 'boolean' ? String(field.defaultValue) : undefined}
          options={[
            { value: 'true', label: t('common.yes') },
            { value: 'false', label: t('common.no') },
          ]}
          onChange={(v: string | undefined) => set({ defaultValue: v === undefined ? undefined : v === 'true' })}
        />,
      );
    case 'file':
      return (
        <Form.Item label={t('inspector.accept')}>
          <Radio.Group
            value={field.accept ?? 'image'}
            onChange={(e) => set({ accept: e.target.value === 'any' ? 'any' : 'image' })}
            options={[
              { value: 'image', label: t('inspector.acceptImage') },
              { value: 'any', label: t('inspector.acceptAny') },
            ]}
          />
        </Form.Item>
      );
    case 'group':
      return (
        <Range
          label={t('inspector.rows')}
          idPrefix={id('rows')}
          min={field.minItems}
          max={field.maxItems}
          onChange={(minItems, maxItems) => set({ minItems, maxItems })}
        />
      );
    default:
      return null;
  }
}
