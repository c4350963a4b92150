import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input } from 'antd';
import type { ChoiceOption } from '../../designer/designer-model';
import { addOption, relabelOption } from '../../designer/model-ops';
import { useT } from '../../i18n/forms-i18n';

/** The options of a choice: what is shown (label) and what is stored (value). */
export function OptionsEditor({ options, onChange }: { options: ChoiceOption[]; onChange: (options: ChoiceOption[]) => void }) {
  const t = useT();
  const set = (index: number, patch: Partial<ChoiceOption>) => onChange(options.map((o, i) => (i === index ? { ...o, ...patch } : o)));
  return (
    <Form.Item label={t('inspector.options')}>
      <Flex vertical gap={6} data-testid="options-editor">
        {options.map((option, index) => (
          <Flex key={index} gap={6}>
            <Input
              aria-label={t('inspector.optionLabel', { n: index + 1 })}
              value={option.label}
              placeholder={t('inspector.optionLabelPlaceholder')}
              onChange={(e) => onChange(relabelOption(options, index, e.target.value))}
            />
            <Input
              aria-label={t('inspector.optionValue', { n: index + 1 })}
              value={option.value}
              placeholder={t('inspector.optionValuePlaceholder')}
              style={{ width: 110 }}
              onChange={(e) => set(index, { value: e.target.value.trim() })}
            />
            <Button
              icon={<DeleteOutlined />}
              aria-label={t('inspector.removeOption')}
              disabled={options.length <= 1}
              onClick={() => onChange(options.filter((_, i) => i !== index))}
            />
          </Flex>
        ))}
        <Button
          icon={<PlusOutlined />}
          type="dashed"
          onClick={() => onChange(addOption(options, t('designer.optionN', { n: options.length + 1 })))}
        >
          {t('inspector.addOption')}
        </Button>
      </Flex>
    </Form.Item>
  );
}
