import { AlertOutlined, DashboardOutlined, ScheduleOutlined, SolutionOutlined, SoundOutlined, StarOutlined } from '@ant-design/icons';
import type { ModuleUi } from '../../../admin-ui/src/module-kit';

/** The dispatch module's pages, menu icons and home widget (see modules/dispatch/README.md). */
export const dispatchUi: ModuleUi = {
  routes: [
    { path: 'pending', load: () => import('./pages/pending-page') },
    { path: 'tasks', load: () => import('./pages/task-list-page') },
    { path: 'my-tasks', load: () => import('./pages/unit-tasks-page') },
    { path: 'following', load: () => import('./pages/following-page') },
    { path: 'tasks/:id', load: () => import('./pages/task-detail-page') },
    { path: 'assignments/:id', load: () => import('./pages/assignment-page') },
    { path: 'board', load: () => import('./pages/board-page'), permission: 'dispatch.supervise' },
    { path: 'requests', load: () => import('./pages/requests-page') },
    // Request notices (raised, answered, rated…) link here: the same page with that request on top.
    { path: 'requests/:id', load: () => import('./pages/requests-page') },
    // The "汇总表已生成" notice links here.
  ],
  menu: [
    { id: 'pending', icon: <AlertOutlined /> },
    { id: 'my-tasks', icon: <SolutionOutlined /> },
    { id: 'tasks', icon: <ScheduleOutlined /> },
    { id: 'following', icon: <StarOutlined /> },
    { id: 'board', icon: <DashboardOutlined /> },
    { id: 'requests', icon: <SoundOutlined /> },
  ],
  widgets: [{ id: 'pending', title: { 'zh-CN': '我的待办', en: 'My pending' }, load: () => import('./widgets/pending-widget') }],
};
