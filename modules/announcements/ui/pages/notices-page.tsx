import { useState } from 'react';
import { Badge, Button, Card, Empty, Flex, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ErrorResult, useCountyTime, useTenantSession } from '../../../../admin-ui/src/module-kit';
import type { ReaderSummary } from '../../schemas/notice.schema';
import { useMyNotices } from '../api/announcements.api';
import { pagePath } from '../components/paths';
import { useT } from '../i18n/announcements-i18n';

/** `/announcements/notices` (通知公告): the notices addressed to the signed-in user, pinned first, unread marked. */
export default function NoticesPage() {
  const t = useT();
  const { slug } = useTenantSession();
  const time = useCountyTime();
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const current = cursors[cursors.length - 1];
  const notices = useMyNotices(slug, current);
  const [shown, setShown] = useState<ReaderSummary[]>([]);
  const items = current === undefined ? (notices.data?.items ?? []) : [...shown, ...(notices.data?.items ?? [])];

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3}>
          {t('notices.title')}{' '}
          {notices.data && notices.data.unreadCount > 0 && (
            <Badge count={t('notices.unreadCount', { count: notices.data.unreadCount })} data-testid="unread-count" />
          )}
        </Typography.Title>
      </Flex>
      <Typography.Paragraph type="secondary">{t('notices.intro')}</Typography.Paragraph>
      {notices.error ? (
        <ErrorResult error={notices.error} onRetry={() => void notices.refetch()} />
      ) : (
        <Card size="small">
          <List<ReaderSummary>
            data-testid="notice-list"
            loading={notices.isLoading}
            dataSource={items}
            locale={{ emptyText: <Empty description={t('notices.empty')} /> }}
            renderItem={(notice) => (
              <List.Item data-testid={`notice-${notice.id}`}>
                <List.Item.Meta
                  title={
                    <Space size={4} wrap>
                      {!notice.readAt && <Badge status="processing" text={<Tag color="blue">{t('notices.unread')}</Tag>} />}
                      {notice.pinned && <Tag color="red">{t('notices.pinned')}</Tag>}
                      <Link to={pagePath(slug, `notices/${notice.id}`)} style={{ fontWeight: notice.readAt ? 400 : 600 }}>
                        {notice.title}
                      </Link>
                      {notice.requiresConfirmation &&
                        (notice.confirmedAt ? (
                          <Tag color="green">{t('notices.confirmed')}</Tag>
                        ) : (
                          <Tag color="orange">{t('notices.needsConfirmation')}</Tag>
                        ))}
                    </Space>
                  }
                  description={t('notices.publishedBy', { unit: notice.unit ?? '', time: time(notice.publishedAt) })}
                />
              </List.Item>
            )}
          />
          {notices.data?.nextCursor && (
            <Flex justify="center">
              <Button
                onClick={() => {
                  setShown(items);
                  setCursors([...cursors, notices.data?.nextCursor ?? undefined]);
                }}
              >
                {t('notices.more')}
              </Button>
            </Flex>
          )}
        </Card>
      )}
    </>
  );
}
