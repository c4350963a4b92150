import { App, DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error';
import { usePutCalendarDay, type DayKind } from '../../api/calendar.api';
import { useTenantSession } from '../../auth/tenant-session-context';
import { formFieldErrors } from '../../components/field-errors';
import { todayInCounty } from '../../time/county-time';

interface Values {
  date: Dayjs;
  kind: DayKind;
  name: string;
}

/** Override one day for this county: a local holiday, or an extra working day. */
export function CalendarOverrideModal({ defaultYear, onClose }: { defaultYear: number; onClose: () => void }) {
  const { t } = useTranslation('calendar');
  const { t: tErrors } = useTranslation('errors');
  const { slug } = useTenantSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const put = usePutCalendarDay(slug);
  const today = todayInCounty();
  // Start in the year being looked at: today when it is this year, else its 1 January.
  const initialDate = dayjs(today.startsWith(String(defaultYear)) ? today : `${defaultYear}-01-01`);

  const submit = (values: Values) => {
    const date = values.date.format('YYYY-MM-DD');
    put.mutate(
      { date, kind: values.kind, name: values.name?.trim() ?? '' },
      {
        onSuccess: () => {
          message.success(t('add.done', { date }));
          onClose();
        },
        onError: (error) => {
          const fields = isApiError(error) ? formFieldErrors<Values>(tErrors, error.details, ['kind', 'name']) : [];
          if (fields.length > 0) form.setFields(fields);
          else message.error(t('actionFailed', { code: isApiError(error) ? error.code : 'CLIENT_ERROR' }));
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('add.title')}
      okText={t('add.submit')}
      cancelText={t('actions.cancel', { ns: 'common' })}
      confirmLoading={put.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ date: initialDate, kind: 'holiday', name: '' }}
        onFinish={submit}
        data-testid="calendar-override-form"
      >
        <Form.Item name="date" label={t('add.date')} rules={[{ required: true, message: t('add.dateRequired') }]}>
          <DatePicker allowClear={false} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="kind" label={t('add.kind')}>
          <Radio.Group
            options={[
              { value: 'holiday', label: t('add.holiday') },
              { value: 'workday', label: t('add.workday') },
            ]}
          />
        </Form.Item>
        <Form.Item name="name" label={t('add.name')} rules={[{ max: 50 }]}>
          <Input placeholder={t('add.namePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
