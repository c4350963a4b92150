import { useState } from 'react';
import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Popover } from 'antd';
import { useTranslation } from 'react-i18next';
import { fetchUnreadCount } from '../api/notification.api';
import { tenantKeys } from '../api/query-keys';
import { useTenantSession } from '../auth/tenant-session-context';
import { NotificationList } from './notification-list';

const UNREAD_POLL_MS = 60_000;

/** The bell: unread count polled every minute (only while the tab is visible), the inbox in a popover. */
export function NotificationBell() {
  const { t } = useTranslation('shell');
  const { slug, user } = useTenantSession();
  const [open, setOpen] = useState(false);
  const unread = useQuery({
    queryKey: tenantKeys.unreadCount(slug),
    queryFn: ({ signal }) => fetchUnreadCount(slug, signal),
    refetchInterval: UNREAD_POLL_MS,
    // The server answers nothing but the password change until then.
    enabled: !user.mustChangePassword,
    select: (data) => data.count,
  });

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      destroyOnHidden
      content={<NotificationList onNavigate={() => setOpen(false)} />}
    >
      <Button type="text" aria-label={t('notifications.open')} data-testid="notification-bell">
        <Badge count={unread.data ?? 0} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
