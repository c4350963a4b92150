import { AuditOutlined, BarChartOutlined, FormOutlined, UserSwitchOutlined } from '@ant-design/icons';
import type { ModuleUi } from '../../../admin-ui/src/module-kit';

/** The approvals module's pages (see modules/approvals/README.md), under `/t/:tenant/approvals/`. */
export const approvalsUi: ModuleUi = {
  routes: [
    { path: 'requests', load: () => import('./pages/requests-page') },
    { path: 'requests/:id', load: () => import('./pages/request-page') },
    { path: 'apply', load: () => import('./pages/apply-page'), permission: 'approvals.apply' },
    { path: 'delegations', load: () => import('./pages/delegations-page') },
    { path: 'stats', load: () => import('./pages/stats-page'), permission: 'approvals.manage' },
  ],
  menu: [
    { id: 'requests', icon: <AuditOutlined /> },
    { id: 'apply', icon: <FormOutlined /> },
    { id: 'delegations', icon: <UserSwitchOutlined /> },
    { id: 'stats', icon: <BarChartOutlined /> },
  ],
};
