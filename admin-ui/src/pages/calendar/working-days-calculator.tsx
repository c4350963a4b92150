import { useState } from 'react';
import { Alert, DatePicker, Form, InputNumber, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error';
import { useAddWorkingDays } from '../../api/calendar.api';
import { useTenantSession } from '../../auth/tenant-session-context';
import { todayInCounty } from '../../time/county-time';

/** "N working days from a date": the deadline rule modules use, with the holidays it stepped over. */
export function WorkingDaysCalculator() {
  const { t } = useTranslation('calendar');
  const { slug } = useTenantSession();
  const [from, setFrom] = useState<Dayjs>(() => dayjs(todayInCounty()));
  const [days, setDays] = useState<number | null>(5);
  const result = useAddWorkingDays(slug, days === null ? null : { from: from.format('YYYY-MM-DD'), days });

  return (
    <>
      <Form layout="inline" style={{ rowGap: 8 }}>
        <Form.Item label={t('calculator.from')}>
          <DatePicker value={from} allowClear={false} onChange={(value) => value && setFrom(value)} />
        </Form.Item>
        <Form.Item label={t('calculator.days')}>
          <InputNumber<number> value={days} min={-1000} max={1000} precision={0} onChange={setDays} data-testid="calculator-days" />
        </Form.Item>
      </Form>
      <div style={{ marginTop: 16 }} data-testid="calculator-result">
        {result.error ? (
          <Alert
            type="error"
            showIcon
            title={t('calculator.failed', { code: isApiError(result.error) ? result.error.code : 'CLIENT_ERROR' })}
          />
        ) : result.data ? (
          <Space orientation="vertical">
            <Typography.Text>
              {t('calculator.result', { from: result.data.from, days: result.data.days })}{' '}
              <Typography.Text strong>{`${result.data.date} ${dayjs(result.data.date).format('ddd')}`}</Typography.Text>
            </Typography.Text>
            {result.data.skipped.length > 0 && (
              <Space size={4} wrap>
                <Typography.Text type="secondary">{t('calculator.skipped')}</Typography.Text>
                {result.data.skipped.map((day) => (
                  <Tag key={day.date}>{day.name ? `${day.date} ${day.name}` : day.date}</Tag>
                ))}
              </Space>
            )}
          </Space>
        ) : null}
      </div>
    </>
  );
}
