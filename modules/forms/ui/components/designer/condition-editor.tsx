import { Flex, Form, Select } from 'antd';
import type { Condition, DesignerField, DesignerModel } from '../../designer/designer-model';
import { conditionSources, conditionValues } from '../../designer/model-ops';
import { useT } from '../../i18n/forms-i18n';
import { patchField } from './field-patch';
import { useDesignerCapabilities } from '../../designer/designer-capabilities';

type Mode = 'always' | 'show' | 'require';

/** "Show this field when A = x" or "required when A = x", written as if/then by model-to-schema. */
export function ConditionEditor({
  field,
  model,
  onChange,
}: {
  field: DesignerField;
  model: DesignerModel;
  onChange: (field: DesignerField) => void;
}) {
  const t = useT();
  const { conditions } = useDesignerCapabilities();
  const sources = conditionSources(model, field.key);
  const mode: Mode = field.showWhen ? 'show' : field.requireWhen ? 'require' : 'always';
  const condition = field.showWhen ?? field.requireWhen;
  const source = sources.find((s) => s.key === condition?.field);
  const values = source ? conditionValues(source) : [];
  const valueOptions =
    values === 'boolean'
      ? [
          { value: 'true', label: t('common.yes') },
          { value: 'false', label: t('common.no') },
        ]
      : values.map((o) => ({ value: o.value, label: o.label }));

  const write = (nextMode: Mode, next: Condition | undefined) =>
    onChange(
      patchField(field, { showWhen: nextMode === 'show' ? next : undefined, requireWhen: nextMode === 'require' ? next : undefined }),
    );
  const firstCondition = (key: string): Condition | undefined => {
    const s = sources.find((f) => f.key === key);
    if (!s) return undefined;
    const v = conditionValues(s);
    return { field: key, value: v === 'boolean' ? true : (v[0]?.value ?? '') };
  };

  if ((sources.length === 0 || conditions.length === 0) && mode === 'always') return null;
  const modes: Mode[] = ['always', ...conditions];
  return (
    <Form.Item label={t('condition.title')} tooltip={t('condition.help')}>
      <Flex vertical gap={6}>
        <Select
          aria-label={t('condition.mode')}
          data-testid="condition-mode"
          value={mode}
          options={modes.map((m) => ({ value: m, label: t(`condition.${m}`) }))}
          onChange={(next: Mode) => write(next, next === 'always' ? undefined : (condition ?? firstCondition(sources[0]?.key ?? '')))}
        />
        {mode !== 'always' && (
          <Flex gap={6} wrap>
            <Select
              aria-label={t('condition.field')}
              data-testid="condition-field"
              style={{ minWidth: 140, flex: 1 }}
              value={condition?.field}
              options={sources.map((s) => ({ value: s.key, label: s.label }))}
              onChange={(key: string) => write(mode, firstCondition(key))}
            />
            <Select
              aria-label={t('condition.value')}
              data-testid="condition-value"
              style={{ minWidth: 120, flex: 1 }}
              value={condition === undefined ? undefined : String(condition.value)}
              options={valueOptions}
              onChange={(value: string) =>
                condition && write(mode, { field: condition.field, value: values === 'boolean' ? value === 'true' : value })
              }
            />
          </Flex>
        )}
      </Flex>
    </Form.Item>
  );
}
