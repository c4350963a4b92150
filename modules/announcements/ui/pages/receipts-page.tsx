import { useState } from 'react';
import { BellOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Collapse, Flex, Space, Table, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { ErrorResult, PageLoading, useCountyTime, useTenantSession } from '../../../../admin-ui/src/module-kit';
import type { ReceiptsView } from '../../schemas/notice.schema';
import { useManagedNotice, useReceipts, useRemindUnread } from '../api/announcements.api';
import { actionError } from '../components/action-error';
import { AttachmentList } from '../components/attachment-list';
import { NoticeBody } from '../components/notice-body';
import { ReceiptPeople } from '../components/receipt-people';
import { StatusTag } from '../components/status-tag';
import { pagePath } from '../components/paths';
import { useT } from '../i18n/announcements-i18n';

type UnitRow = ReceiptsView['units'][number];

/** `/announcements/manage/:id` (阅读情况): who has read and confirmed a notice, per unit; reminding the unread in one click. */
export default function ReceiptsPage() {
  const t = useT();
  const { id = '' } = useParams();
  const { slug } = useTenantSession();
  const time = useCountyTime();
  const { message } = App.useApp();
  const notice = useManagedNotice(slug, id);
  const published = notice.data !== undefined && notice.data.status !== 'draft';
  const receipts = useReceipts(slug, id, published);
  const remind = useRemindUnread(slug, id);
  const [sms, setSms] = useState(true);

  if (notice.isLoading) return <PageLoading />;
  if (notice.error || !notice.data) return <ErrorResult error={notice.error} onRetry={() => void notice.refetch()} />;
  const view = notice.data;
  const totals = receipts.data?.totals;
  const confirmation = view.requiresConfirmation;

  const onRemind = () =>
    remind.mutate(sms, {
      onSuccess: (result) => {
        if (result.reminded === 0 && result.alreadyReminded === 0) void message.info(t('receipts.nothingToRemind'));
        else {
          void message.success(t('receipts.reminded', { count: result.reminded }));
          if (result.alreadyReminded > 0) void message.info(t('receipts.alreadyReminded', { count: result.alreadyReminded }));
        }
      },
      onError: (error) => void message.error(actionError(t, error)),
    });

  return (
    <Flex vertical gap={12} style={{ maxWidth: 1000 }}>
      <Link to={pagePath(slug, 'manage')}>← {t('receipts.back')}</Link>
      <Flex align="center" gap={8} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {view.title}
        </Typography.Title>
        <StatusTag notice={view} />
      </Flex>
      <Typography.Text type="secondary">
        {view.unit?.name ?? ''} · {time(view.publishedAt)}
      </Typography.Text>
      {!published ? (
        <Alert type="info" showIcon title={t('receipts.notPublished')} />
      ) : receipts.error ? (
        <ErrorResult error={receipts.error} onRetry={() => void receipts.refetch()} />
      ) : (
        <Card
          size="small"
          title={t('receipts.title')}
          extra={
            view.status === 'published' && (
              <Space wrap>
                <Checkbox checked={sms} onChange={(event) => setSms(event.target.checked)}>
                  {t('receipts.remindSms')}
                </Checkbox>
                <Button
                  type="primary"
                  icon={<BellOutlined />}
                  loading={remind.isPending}
                  disabled={!totals || totals.read === totals.recipients}
                  onClick={onRemind}
                  data-testid="remind-unread"
                >
                  {t('receipts.remind')}
                </Button>
              </Space>
            )
          }
        >
          <Flex vertical gap={8}>
            {totals && (
              <Typography.Text strong data-testid="receipt-totals">
                {t('receipts.totals', { recipients: totals.recipients, read: totals.read, unread: totals.recipients - totals.read })}
                {confirmation && t('receipts.totalsConfirmed', { confirmed: totals.confirmed })}
              </Typography.Text>
            )}
            {receipts.data?.lastRemindedAt && (
              <Typography.Text type="secondary">{t('receipts.lastReminded', { time: time(receipts.data.lastRemindedAt) })}</Typography.Text>
            )}
            <Table<UnitRow>
              size="small"
              data-testid="receipt-units"
              rowKey={(row) => row.unit?.id ?? 'none'}
              loading={receipts.isLoading}
              dataSource={receipts.data?.units ?? []}
              pagination={false}
              locale={{ emptyText: t('receipts.empty') }}
              scroll={{ x: 480 }}
              expandable={{
                expandedRowRender: (row) => (
                  <ReceiptPeople slug={slug} noticeId={id} unitId={row.unit?.id ?? ''} confirmation={confirmation} />
                ),
                rowExpandable: (row) => row.unit !== null,
              }}
              columns={[
                { title: t('receipts.columns.unit'), key: 'unit', width: 160, render: (_, row) => row.unit?.name ?? t('receipts.noUnit') },
                { title: t('receipts.columns.recipients'), dataIndex: 'recipients', width: 70, align: 'right' },
                { title: t('receipts.columns.read'), dataIndex: 'read', width: 70, align: 'right' },
                {
                  title: t('receipts.columns.unread'),
                  key: 'unread',
                  width: 70,
                  align: 'right',
                  render: (_, row) => (
                    <Typography.Text type={row.recipients > row.read ? 'danger' : undefined}>{row.recipients - row.read}</Typography.Text>
                  ),
                },
                ...(confirmation
                  ? [{ title: t('receipts.columns.confirmed'), dataIndex: 'confirmed', width: 70, align: 'right' as const }]
                  : []),
              ]}
            />
            <Collapse
              size="small"
              items={[
                {
                  key: 'people',
                  label: t('receipts.people'),
                  children: <ReceiptPeople slug={slug} noticeId={id} unitId="" confirmation={confirmation} />,
                },
              ]}
            />
          </Flex>
        </Card>
      )}
      <Card size="small" title={t('receipts.preview')}>
        <NoticeBody html={view.bodyHtml} />
        {view.attachments.length > 0 && <AttachmentList slug={slug} files={view.attachments} />}
      </Card>
    </Flex>
  );
}
