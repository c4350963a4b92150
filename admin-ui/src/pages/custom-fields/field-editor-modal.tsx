import { Checkbox, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { EDITABLE_KINDS, FIELD_NAME_PATTERN, type FieldDraft, type FieldKind } from './field-model';

interface FieldEditorModalProps {
  /** The field to change; null adds a new one. */
  field: FieldDraft | null;
  /** Names of the other fields: a name must be unique. */
  takenNames: string[];
  onSave: (field: FieldDraft) => void;
  onCancel: () => void;
}

interface Values {
  name: string;
  label: string;
  kind: Exclude<FieldKind, 'other'>;
  required: boolean;
  options: string[];
  min?: number | null;
  max?: number | null;
  integer: boolean;
}

const hasOptions = (kind: FieldKind | undefined) => kind === 'single' || kind === 'multiple';
const hasLimits = (kind: FieldKind | undefined) => kind === 'text' || kind === 'textarea' || kind === 'number' || kind === 'multiple';

/** One field: identifier, label, type, required, choices and limits, checked before it joins the list. */
export function FieldEditorModal({ field, takenNames, onSave, onCancel }: FieldEditorModalProps) {
  const { t } = useTranslation('customFields');
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const initial: Values = field
    ? {
        name: field.name,
        label: field.label,
        kind: field.kind === 'other' ? 'text' : field.kind,
        required: field.required,
        options: field.options,
        min: field.min,
        max: field.max,
        integer: field.integer,
      }
    : { name: '', label: '', kind: 'text', required: false, options: [], integer: false };

  const finish = (values: Values) => {
    const kindChanged = field !== null && field.kind !== values.kind;
    onSave({
      name: values.name,
      label: values.label.trim(),
      kind: values.kind,
      required: values.required,
      options: hasOptions(values.kind) ? values.options.map((option) => option.trim()).filter(Boolean) : [],
      min: hasLimits(values.kind) ? (values.min ?? undefined) : undefined,
      max: hasLimits(values.kind) ? (values.max ?? undefined) : undefined,
      integer: values.kind === 'number' && values.integer,
      // A new type makes old keywords (a default of the old type) meaningless: they are dropped.
      raw: field && !kindChanged ? field.raw : {},
      rawUi: field && !kindChanged ? field.rawUi : {},
    });
  };

  const minLabel = kind === 'number' ? t('field.minValue') : kind === 'multiple' ? t('field.minCount') : t('field.minLength');
  const maxLabel = kind === 'number' ? t('field.maxValue') : kind === 'multiple' ? t('field.maxCount') : t('field.maxLength');
  const wholeNumber = kind !== 'number';

  return (
    <Modal
      open
      title={field ? t('field.editTitle', { name: field.label || field.name }) : t('field.addTitle')}
      okText={t('field.ok')}
      cancelText={t('actions.cancel', { ns: 'common' })}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={finish} data-testid="field-editor-form">
        <Form.Item
          name="label"
          label={t('field.label')}
          rules={[{ required: true, whitespace: true, message: t('field.labelRequired') }, { max: 100 }]}
        >
          <Input placeholder={t('field.labelPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('field.name')}
          extra={t('field.nameHelp')}
          rules={[
            { required: true, message: t('field.nameRequired') },
            { pattern: FIELD_NAME_PATTERN, message: t('field.nameInvalid') },
            {
              validator: (_, value: string) =>
                takenNames.includes(value) ? Promise.reject(new Error(t('field.nameTaken'))) : Promise.resolve(),
            },
          ]}
        >
          <Input placeholder="householdSize" autoComplete="off" />
        </Form.Item>
        <Form.Item name="kind" label={t('field.kind')}>
          <Select options={EDITABLE_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="required" valuePropName="checked">
          <Checkbox>{t('field.required')}</Checkbox>
        </Form.Item>
        {hasOptions(kind) && (
          <Form.Item
            name="options"
            label={t('field.options')}
            extra={t('field.optionsHelp')}
            rules={[{ required: true, type: 'array', min: 1, message: t('field.optionsRequired') }]}
          >
            <Select mode="tags" open={false} tokenSeparators={[',', '，', '、']} placeholder={t('field.optionsPlaceholder')} />
          </Form.Item>
        )}
        {kind === 'number' && (
          <Form.Item name="integer" valuePropName="checked">
            <Checkbox>{t('field.integer')}</Checkbox>
          </Form.Item>
        )}
        {hasLimits(kind) && (
          <Space wrap>
            <Form.Item name="min" label={minLabel}>
              <InputNumber min={wholeNumber ? 0 : undefined} precision={wholeNumber ? 0 : undefined} />
            </Form.Item>
            <Form.Item
              name="max"
              label={maxLabel}
              dependencies={['min']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, value: number | null | undefined) => {
                    const min = getFieldValue('min') as number | null | undefined;
                    return value == null || min == null || value >= min
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('field.maxBelowMin')));
                  },
                }),
              ]}
            >
              <InputNumber min={wholeNumber ? 0 : undefined} precision={wholeNumber ? 0 : undefined} />
            </Form.Item>
          </Space>
        )}
      </Form>
    </Modal>
  );
}
