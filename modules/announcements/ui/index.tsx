import { NotificationOutlined, SendOutlined } from '@ant-design/icons';
import type { ModuleUi } from '../../../admin-ui/src/module-kit';

/**
 * The announcements module's pages (see modules/announcements/README.md): every signed-in user's
 * notices, and the publishers' list, editor and receipts.
 */
export const announcementsUi: ModuleUi = {
  routes: [
    { path: 'notices', load: () => import('./pages/notices-page') },
    { path: 'notices/:id', load: () => import('./pages/notice-page') },
    { path: 'manage', load: () => import('./pages/manage-page'), permission: 'announcements.publish' },
    { path: 'manage/new', load: () => import('./pages/editor-page'), permission: 'announcements.publish' },
    { path: 'manage/:id/edit', load: () => import('./pages/editor-page'), permission: 'announcements.publish' },
    { path: 'manage/:id', load: () => import('./pages/receipts-page'), permission: 'announcements.publish' },
  ],
  menu: [
    { id: 'notices', icon: <NotificationOutlined /> },
    { id: 'manage', icon: <SendOutlined /> },
  ],
};
