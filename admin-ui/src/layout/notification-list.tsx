import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Empty, Flex, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { fetchRecentNotifications, markAllNotificationsRead, markNotificationRead, type InboxNotification } from '../api/notification.api';
import { tenantKeys } from '../api/query-keys';
import { useTenantSession } from '../auth/tenant-session-context';

const RECENT = 10;

/** A notification's link is a path in the web app; a path below the tenant is made absolute. */
function linkTarget(slug: string, link: string | null): string | null {
  if (!link || !link.startsWith('/') || link.startsWith('//')) return null;
  return link.startsWith('/t/') ? link : `/t/${slug}${link}`;
}

/** The newest notifications with mark-read and mark-all-read. */
export function NotificationList({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation('shell');
  const { slug } = useTenantSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const recent = useQuery({
    queryKey: tenantKeys.notifications(slug),
    queryFn: ({ signal }) => fetchRecentNotifications(slug, RECENT, signal),
    refetchOnMount: 'always',
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['tenant', slug, 'notifications'] });
  const markOne = useMutation({ mutationFn: (id: string) => markNotificationRead(slug, id), onSettled: refresh });
  const markAll = useMutation({ mutationFn: () => markAllNotificationsRead(slug), onSettled: refresh });

  const open = (item: InboxNotification) => {
    const target = linkTarget(slug, item.link);
    if (!item.readAt) markOne.mutate(item.id);
    if (target) {
      onNavigate();
      void navigate(target);
    }
  };

  const items = recent.data?.items ?? [];
  return (
    <div style={{ width: 'min(360px, calc(100vw - 48px))' }} data-testid="notification-list">
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('notifications.title')}</Typography.Text>
        <Button
          size="small"
          type="link"
          disabled={!items.some((n) => !n.readAt)}
          loading={markAll.isPending}
          onClick={() => markAll.mutate()}
        >
          {t('notifications.markAllRead')}
        </Button>
      </Flex>
      {recent.isPending && <Spin style={{ display: 'block', margin: '24px auto' }} />}
      {recent.isError && (
        <Alert
          type="warning"
          title={t('notifications.loadFailed')}
          action={
            <Button size="small" onClick={() => void recent.refetch()}>
              {t('actions.retry', { ns: 'common' })}
            </Button>
          }
        />
      )}
      {recent.isSuccess && items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />}
      <Flex vertical gap={4} style={{ maxHeight: 400, overflowY: 'auto' }}>
        {items.map((item) => (
          <Flex key={item.id} gap={8} align="start" style={{ padding: '8px 4px', borderBottom: '1px solid rgba(5, 5, 5, 0.06)' }}>
            <div style={{ flex: 1, minWidth: 0, cursor: linkTarget(slug, item.link) ? 'pointer' : 'default' }} onClick={() => open(item)}>
              <Typography.Text strong={!item.readAt}>{item.title}</Typography.Text>
              {item.body && (
                <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                  {item.body}
                </Typography.Paragraph>
              )}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {dayjs(item.createdAt).fromNow()}
              </Typography.Text>
            </div>
            {!item.readAt && (
              <Button size="small" type="link" onClick={() => markOne.mutate(item.id)}>
                {t('notifications.markRead')}
              </Button>
            )}
          </Flex>
        ))}
      </Flex>
    </div>
  );
}
