import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, Segmented, Space, Table, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { ErrorResult, useCountyTime, useTenantSession } from '../../../../admin-ui/src/module-kit';
import type { NoticeStatus, NoticeSummary } from '../../schemas/notice.schema';
import { useManagedNotices, useNoticeAction } from '../api/announcements.api';
import { actionError } from '../components/action-error';
import { StatusTag } from '../components/status-tag';
import { pagePath } from '../components/paths';
import { useT } from '../i18n/announcements-i18n';

/** `/announcements/manage` (发布通知): the publisher's notices, drafts to withdrawn, with how many have read each. */
export default function ManagePage() {
  const t = useT();
  const { slug } = useTenantSession();
  const time = useCountyTime();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [status, setStatus] = useState<NoticeStatus | 'all'>('all');
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const notices = useManagedNotices(slug, status === 'all' ? undefined : status, cursors[cursors.length - 1]);
  const action = useNoticeAction(slug);
  const run = (id: string, kind: 'publish' | 'withdraw' | 'delete') =>
    action.mutate(
      { id, action: kind },
      {
        onSuccess: (result) =>
          void message.success(
            kind === 'publish'
              ? t('manage.published', { count: result?.counts.recipients ?? 0 })
              : t(kind === 'withdraw' ? 'manage.withdrawn' : 'manage.deleted'),
          ),
        onError: (error) => void message.error(actionError(t, error)),
      },
    );

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3}>{t('manage.title')}</Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate(pagePath(slug, 'manage/new'))} data-testid="notice-add">
          {t('manage.add')}
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary">{t('manage.intro')}</Typography.Paragraph>
      <Segmented<NoticeStatus | 'all'>
        style={{ marginBottom: 12 }}
        value={status}
        onChange={(value) => {
          setStatus(value);
          setCursors([undefined]);
        }}
        options={(['all', 'draft', 'published', 'withdrawn'] as const).map((value) => ({ value, label: t(`manage.status.${value}`) }))}
      />
      {notices.error ? (
        <ErrorResult error={notices.error} onRetry={() => void notices.refetch()} />
      ) : (
        <Table<NoticeSummary>
          rowKey="id"
          data-testid="managed-table"
          loading={notices.isLoading}
          dataSource={notices.data?.items ?? []}
          locale={{ emptyText: t('manage.empty') }}
          scroll={{ x: 900 }}
          pagination={false}
          columns={[
            {
              title: t('manage.columns.title'),
              key: 'title',
              fixed: 'left',
              width: 220,
              render: (_, row) => (
                <Space size={4} wrap>
                  {row.pinned && <Tag color="red">{t('notices.pinned')}</Tag>}
                  <Link to={pagePath(slug, row.status === 'draft' ? `manage/${row.id}/edit` : `manage/${row.id}`)}>{row.title}</Link>
                </Space>
              ),
            },
            { title: t('manage.columns.status'), key: 'status', width: 90, render: (_, row) => <StatusTag notice={row} /> },
            {
              title: t('manage.columns.audience'),
              key: 'audience',
              width: 100,
              render: (_, row) => t(`manage.audienceKind.${row.audienceKind}`),
            },
            { title: t('manage.columns.unit'), key: 'unit', width: 130, render: (_, row) => row.unit?.name ?? '—' },
            { title: t('manage.columns.publishedAt'), key: 'publishedAt', width: 150, render: (_, row) => time(row.publishedAt) },
            {
              title: t('manage.columns.receipts'),
              key: 'receipts',
              width: 110,
              render: (_, row) =>
                row.status === 'draft' ? (
                  '—'
                ) : (
                  <Link to={pagePath(slug, `manage/${row.id}`)}>{`${row.counts.read} / ${row.counts.recipients}`}</Link>
                ),
            },
            {
              title: t('manage.columns.actions'),
              key: 'actions',
              width: 180,
              render: (_, row) =>
                row.status === 'draft' ? (
                  <Space size={4} wrap>
                    <Link to={pagePath(slug, `manage/${row.id}/edit`)}>{t('manage.edit')}</Link>
                    <Popconfirm title={t('manage.publishConfirm')} onConfirm={() => run(row.id, 'publish')}>
                      <Button size="small" type="link" data-testid={`publish-${row.id}`}>
                        {t('manage.publish')}
                      </Button>
                    </Popconfirm>
                    <Popconfirm title={t('manage.deleteConfirm')} onConfirm={() => run(row.id, 'delete')}>
                      <Button size="small" type="link" danger>
                        {t('manage.delete')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ) : (
                  <Space size={4} wrap>
                    <Link to={pagePath(slug, `manage/${row.id}`)}>{t('manage.receipts')}</Link>
                    {row.status === 'published' && (
                      <Popconfirm title={t('manage.withdrawConfirm')} onConfirm={() => run(row.id, 'withdraw')}>
                        <Button size="small" type="link" danger>
                          {t('manage.withdraw')}
                        </Button>
                      </Popconfirm>
                    )}
                  </Space>
                ),
            },
          ]}
        />
      )}
      {(cursors.length > 1 || notices.data?.nextCursor) && (
        <Flex justify="center" gap={8} style={{ marginTop: 12 }}>
          <Button disabled={cursors.length <= 1} onClick={() => setCursors(cursors.slice(0, -1))}>
            ‹
          </Button>
          <Button disabled={!notices.data?.nextCursor} onClick={() => setCursors([...cursors, notices.data?.nextCursor ?? undefined])}>
            ›
          </Button>
        </Flex>
      )}
    </>
  );
}
