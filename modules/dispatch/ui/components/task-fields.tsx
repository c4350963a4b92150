import { DatePicker, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { countyWallTimeToIso, todayInCounty, useAddWorkingDays, useTenantSession } from '../../../../admin-ui/src/module-kit';
import type { Dayjs } from 'dayjs';
import type { Priority } from '../../schemas/common.schema';
import { PRIORITIES } from '../api/list-helpers';
import { useT } from '../i18n/dispatch-i18n';

/** The fields a task shares between "下达任务" and "编辑任务". */
export interface TaskTextValues {
  title: string;
  description?: string;
  category?: string;
  priority: Priority;
  deadlineMode: 'at' | 'workingDays';
  deadline?: Dayjs | null;
  deadlineWorkingDays?: number | null;
}

/** The deadline as the API takes it: an instant, or N working days of the tenant calendar. */
export function deadlineInput(values: Pick<TaskTextValues, 'deadlineMode' | 'deadline' | 'deadlineWorkingDays'>): {
  deadline?: string;
  deadlineWorkingDays?: number;
} {
  if (values.deadlineMode === 'workingDays') return values.deadlineWorkingDays ? { deadlineWorkingDays: values.deadlineWorkingDays } : {};
  return values.deadline ? { deadline: countyWallTimeToIso(values.deadline) } : {};
}

/** Title, description, category, priority and deadline (as Form.Items of the surrounding form). */
export function TaskTextFields({ deadlineRequired }: { deadlineRequired: boolean }) {
  const t = useT();
  const form = Form.useFormInstance<TaskTextValues>();
  const mode = Form.useWatch('deadlineMode', form);
  const workingDays = Form.useWatch('deadlineWorkingDays', form);
  return (
    <>
      <Form.Item name="title" label={t('task.title')} rules={[{ required: true, whitespace: true, message: t('task.titleRequired') }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="description" label={t('task.description')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={10_000} />
      </Form.Item>
      <Space wrap style={{ width: '100%' }} align="start">
        <Form.Item name="category" label={t('task.category')}>
          <Input maxLength={50} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="priority" label={t('task.priority')}>
          <Select style={{ width: 120 }} options={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))} />
        </Form.Item>
      </Space>
      <Form.Item label={t('task.deadline')} required={deadlineRequired}>
        <Space wrap>
          <Form.Item name="deadlineMode" noStyle>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'at', label: t('task.deadlineAt') },
                { value: 'workingDays', label: t('task.deadlineWorkingDays') },
              ]}
            />
          </Form.Item>
          {mode === 'workingDays' ? (
            <Form.Item name="deadlineWorkingDays" noStyle rules={[{ required: deadlineRequired, message: t('task.deadlineRequired') }]}>
              <InputNumber
                min={1}
                max={365}
                suffix={t('task.workingDaysSuffix')}
                style={{ width: 150 }}
                aria-label={t('task.deadlineWorkingDays')}
              />
            </Form.Item>
          ) : null}
          {mode === 'workingDays' ? (
            <WorkingDaysDate days={workingDays} />
          ) : (
            <Form.Item name="deadline" noStyle rules={[{ required: deadlineRequired, message: t('task.deadlineRequired') }]}>
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                aria-label={t('task.deadline')}
                data-testid="task-deadline"
              />
            </Form.Item>
          )}
        </Space>
      </Form.Item>
    </>
  );
}

/** "→ 2026-12-18 周五 24:00 截止": the date N working days from today comes to, by the tenant's calendar (as the server counts it). */
function WorkingDaysDate({ days }: { days: number | null | undefined }) {
  const t = useT();
  const { slug } = useTenantSession();
  const today = todayInCounty();
  const result = useAddWorkingDays(slug, days && days > 0 ? { from: today, days } : null);
  if (!result.data) return null;
  return (
    <Typography.Text type="secondary" data-testid="working-days-date">
      {t('task.workingDaysDate', { date: result.data.date, weekday: t(`weekday.${dayjs(result.data.date).day()}` as 'weekday.0') })}
    </Typography.Text>
  );
}
