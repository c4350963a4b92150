import { announcementsUi } from '../../../modules/announcements/ui/index';
import { approvalsUi } from '../../../modules/approvals/ui/index';
import { dispatchUi } from '../../../modules/dispatch/ui/index';
import { formsUi } from '../../../modules/forms/ui/index';
import { gridEventsUi } from '../../../modules/grid-events/ui/index';
import type { ModuleUiRegistry } from './module-uis-context';

/**
 * Every module's web UI, by module id: the one place the shell learns about module pages
 * (explicit, like `modules/index.ts` on the server). No module has a UI yet. Adding one:
 *
 *   // modules/dispatch/ui/index.ts
 *   import type { ModuleUi } from '../../../admin-ui/src/module-kit';
 *   export const dispatchUi: ModuleUi = {
 *     routes: [
 *       { path: 'tasks', load: () => import('./pages/task-list-page') },
 *       { path: 'tasks/:id', load: () => import('./pages/task-detail-page') },
 *     ],
 *     menu: [{ id: 'tasks', icon: <ScheduleOutlined /> }],   // in index.tsx
 *     widgets: [{ id: 'overdue', title: { 'zh-CN': '逾期任务', en: 'Overdue tasks' }, load: () => import('./widgets/overdue-widget') }],
 *   };
 *
 *   // here
 *   import { announcementsUi } from '../../../modules/announcements/ui/index';
import { approvalsUi } from '../../../modules/approvals/ui/index';
import { dispatchUi } from '../../../modules/dispatch/ui/index';
 *   export const moduleUis: ModuleUiRegistry = { dispatch: dispatchUi };
 *
 * Only the small `ui/index` enters the shell's bundle; each `load()` becomes its own chunk.
 */
export const moduleUis: ModuleUiRegistry = {
  forms: formsUi,
  dispatch: dispatchUi,
  'grid-events': gridEventsUi,
  approvals: approvalsUi,
  announcements: announcementsUi,
};
