import { App, Button, Card, DatePicker, Empty, Form, Input, List, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { ErrorResult, todayInCounty, useCountyTime, useTenantSession } from '../../../../admin-ui/src/module-kit';
import { useCreateDelegation, useDelegations, useRevokeDelegation } from '../api/approvals.api';
import { AccountSelect } from '../components/account-select';
import { actionError } from '../components/action-error';
import { useT } from '../i18n/approvals-i18n';

/** `/approvals/delegations` (委托审批): who decides my approvals while I am away, from which day to which. */
export default function DelegationsPage() {
  const t = useT();
  const { slug } = useTenantSession();
  const { message } = App.useApp();
  const time = useCountyTime();
  const delegations = useDelegations(slug);
  const create = useCreateDelegation(slug);
  const revoke = useRevokeDelegation(slug);
  const [form] = Form.useForm<{ deputyUserId: string; range: [Dayjs, Dayjs]; note?: string }>();
  const today = todayInCounty();

  const add = async () => {
    const values = await form.validateFields();
    try {
      await create.mutateAsync({
        deputyUserId: values.deputyUserId,
        startsOn: values.range[0].format('YYYY-MM-DD'),
        endsOn: values.range[1].format('YYYY-MM-DD'),
        note: values.note || undefined,
      });
      form.resetFields();
    } catch (error) {
      message.error(actionError(t, error));
    }
  };

  return (
    <>
      <Typography.Title level={3}>{t('delegation.title')}</Typography.Title>
      <Card style={{ marginBottom: 16 }}>
        <Form form={form} layout="vertical">
          <Form.Item name="deputyUserId" label={t('delegation.deputy')} rules={[{ required: true, message: t('delegation.deputy') }]}>
            <AccountSelect testId="delegation-deputy" />
          </Form.Item>
          <Form.Item name="range" label={t('delegation.range')} rules={[{ required: true, message: t('delegation.range') }]}>
            <DatePicker.RangePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') < today} />
          </Form.Item>
          <Form.Item name="note" label={t('delegation.note')}>
            <Input maxLength={200} />
          </Form.Item>
          <Button type="primary" onClick={() => void add()} loading={create.isPending}>
            {t('delegation.add')}
          </Button>
        </Form>
      </Card>
      {delegations.error ? (
        <ErrorResult error={delegations.error} onRetry={() => void delegations.refetch()} />
      ) : (
        <Card>
          <List
            loading={delegations.isLoading}
            dataSource={delegations.data ?? []}
            locale={{ emptyText: <Empty description={t('delegation.empty')} /> }}
            renderItem={(d) => (
              <List.Item
                actions={[
                  d.revokedAt ? (
                    <Tag key="revoked">{t('delegation.revoked')}</Tag>
                  ) : (
                    <Button key="revoke" size="small" onClick={() => void revoke.mutateAsync(d.id)}>
                      {t('delegation.revoke')}
                    </Button>
                  ),
                ]}
              >
                <List.Item.Meta
                  title={d.deputy.name}
                  description={
                    <Space wrap>
                      <span>
                        {d.startsOn} ~ {d.endsOn}
                      </span>
                      {d.note && <Typography.Text type="secondary">{d.note}</Typography.Text>}
                      <Typography.Text type="secondary">{time(d.createdAt)}</Typography.Text>
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      )}
    </>
  );
}
