import { Button, DatePicker, Form, Input, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AuditFilter } from '../../api/audit.api';
import { useHasPermission } from '../../auth/permissions';
import { ActionPicker } from './action-picker';
import { ActorPicker } from './actor-picker';
import { countyWallTimeToIso } from '../../time/county-time';

interface FilterValues {
  action?: string;
  recordType?: string;
  recordId?: string;
  userId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const trimmed = (value: string | undefined) => value?.trim() || undefined;

/** The audit trail's filters; applied on Search, all cleared by Reset. */
export function AuditFilters({ onApply }: { onApply: (filter: AuditFilter) => void }) {
  const { t } = useTranslation('audit');
  const hasPermission = useHasPermission();
  const [form] = Form.useForm<FilterValues>();

  const apply = (values: FilterValues) => {
    const [from, to] = values.range ?? [null, null];
    onApply({
      action: trimmed(values.action),
      recordType: trimmed(values.recordType),
      recordId: trimmed(values.recordId),
      userId: values.userId,
      from: from ? countyWallTimeToIso(from) : undefined,
      to: to ? countyWallTimeToIso(to) : undefined,
    });
  };

  return (
    <Form<FilterValues> form={form} layout="inline" onFinish={apply} style={{ rowGap: 8, marginBottom: 16 }} data-testid="audit-filters">
      <Form.Item name="action" label={t('filters.action')}>
        <ActionPicker />
      </Form.Item>
      <Form.Item name="recordType" label={t('filters.recordType')}>
        <Input placeholder="role" allowClear style={{ width: 130 }} />
      </Form.Item>
      <Form.Item name="recordId" label={t('filters.recordId')}>
        <Input allowClear style={{ width: 200 }} />
      </Form.Item>
      {/* Searching accounts needs core.users.manage; without it the actor filter is not offered. */}
      {hasPermission('core.users.manage') && (
        <Form.Item name="userId" label={t('filters.actor')}>
          <ActorPicker />
        </Form.Item>
      )}
      <Form.Item name="range" label={t('filters.time')}>
        <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowEmpty={[true, true]} />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t('filters.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onApply({});
            }}
          >
            {t('filters.reset')}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
