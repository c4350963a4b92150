import { DatePicker, Form, Input, InputNumber, Radio, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import type { CadenceKind, TaskInput } from '../../schemas/task.schema';
import { useT } from '../i18n/dispatch-i18n';

export interface CadenceValues {
  cadenceKind: CadenceKind | 'none';
  cadenceRule?: string;
  cadenceDueDays?: number | null;
  cadenceUntil?: Dayjs | null;
}

export function cadenceInput(values: CadenceValues): TaskInput['cadence'] {
  if (values.cadenceKind === 'none') return undefined;
  return {
    kind: values.cadenceKind,
    ...(values.cadenceKind === 'rrule' ? { rule: values.cadenceRule?.trim() } : {}),
    ...(values.cadenceDueDays !== undefined && values.cadenceDueDays !== null ? { dueDays: values.cadenceDueDays } : {}),
    ...(values.cadenceUntil ? { until: values.cadenceUntil.format('YYYY-MM-DD') } : {}),
  };
}

/** Recurring reports: none, weekly, monthly, quarterly, or an RRULE; a period's report is due N days after it ends. */
export function CadenceFields() {
  const t = useT();
  const kind = Form.useWatch<CadenceValues['cadenceKind']>('cadenceKind');
  return (
    <>
      <Form.Item name="cadenceKind" label={t('cadence.label')} extra={kind === 'none' ? undefined : t('cadence.help')}>
        <Radio.Group
          optionType="button"
          options={(['none', 'weekly', 'monthly', 'quarterly', 'rrule'] as const).map((k) => ({ value: k, label: t(`cadence.${k}`) }))}
        />
      </Form.Item>
      {kind === 'rrule' && (
        <Form.Item
          name="cadenceRule"
          label={t('cadence.rule')}
          extra={t('cadence.ruleHelp')}
          rules={[{ required: true, pattern: /^[A-Z0-9=;,:+-]{5,300}$/, message: t('cadence.ruleInvalid') }]}
        >
          <Input placeholder="FREQ=MONTHLY;BYMONTHDAY=25" />
        </Form.Item>
      )}
      {kind !== 'none' && kind !== undefined && (
        <Space wrap align="start">
          <Form.Item name="cadenceDueDays" label={t('cadence.dueDays')}>
            <InputNumber min={0} max={90} suffix={t('cadence.daysSuffix')} />
          </Form.Item>
          <Form.Item name="cadenceUntil" label={t('cadence.until')}>
            <DatePicker />
          </Form.Item>
        </Space>
      )}
    </>
  );
}
