import { Form, Input, Switch } from 'antd';
import type { DesignerField, DesignerModel } from '../../designer/designer-model';
import { hasOptions } from '../../designer/designer-model';
import { useT } from '../../i18n/forms-i18n';
import { ColumnsEditor } from './columns-editor';
import { ConditionEditor } from './condition-editor';
import { patchField } from './field-patch';
import { FieldRules } from './field-rules';
import { OptionsEditor } from './options-editor';

interface FieldInspectorProps {
  field: DesignerField;
  /** The whole form, for the conditions (undefined for a group's column). */
  model?: DesignerModel;
  onChange: (field: DesignerField) => void;
}

/** Everything about one field: label, key, help, required, rules, options, conditions. */
export function FieldInspector({ field, model, onChange }: FieldInspectorProps) {
  const t = useT();
  const set = (patch: Partial<DesignerField>) => onChange(patchField(field, patch));
  const id = (name: string) => `inspector-${field.key}-${name}`;
  const answerless = field.kind === 'section';
  return (
    <Form layout="vertical" size="small" component="div" data-testid="field-inspector">
      <Form.Item label={t('inspector.label')} htmlFor={id('label')} required>
        <Input id={id('label')} value={field.label} maxLength={100} onChange={(e) => set({ label: e.target.value })} />
      </Form.Item>
      <Form.Item label={t('inspector.key')} htmlFor={id('key')} tooltip={t('inspector.keyHelp')}>
        <Input
          id={id('key')}
          value={field.key}
          maxLength={64}
          onChange={(e) => onChange({ ...field, key: e.target.value.replace(/[^A-Za-z0-9_]/g, '') })}
        />
      </Form.Item>
      {!answerless && (
        <>
          <Form.Item label={t('inspector.help')} htmlFor={id('help')}>
            <Input id={id('help')} value={field.help} maxLength={200} onChange={(e) => set({ help: e.target.value })} />
          </Form.Item>
          <Form.Item label={field.showWhen ? t('inspector.requiredWhenShown') : t('inspector.required')} htmlFor={id('required')}>
            <Switch id={id('required')} checked={!!field.required} onChange={(checked) => set({ required: checked || undefined })} />
          </Form.Item>
        </>
      )}
      {hasOptions(field.kind) && <OptionsEditor options={field.options ?? []} onChange={(options) => set({ options })} />}
      {field.kind === 'group' && (
        <ColumnsEditor
          columns={field.columns ?? []}
          onChange={(columns) => set({ columns })}
          inspect={(column, change) => <FieldInspector field={column} onChange={change} />}
        />
      )}
      {!answerless && <FieldRules field={field} onChange={onChange} />}
      {model && !answerless && field.kind !== 'group' && <ConditionEditor field={field} model={model} onChange={onChange} />}
    </Form>
  );
}
