import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';
import type { PlatformModule } from '../../core/module-kit.ts';
import { approvalsConfigSchema } from './approvals-config.ts';
import { approvalsMessages } from './locales/notifications.ts';
import { accountRoutes } from './server/account.routes.ts';
import { delegationRoutes } from './server/delegation.routes.ts';
import { PERMISSION } from './server/permissions.ts';
import { taskRemindersJob } from './server/reminder.jobs.ts';
import { requestRoutes } from './server/request.routes.ts';
import { statsRoutes } from './server/stats.routes.ts';
import { typeRoutes } from './server/type.routes.ts';

const manifest = {
  id: 'approvals',
  version: '0.1.0',
  name: { 'zh-CN': '审批', en: 'Approvals' },
  description: {
    'zh-CN': '县里自定义审批类型（表单 + 流程：或签、会签、依次、条件分支、并行），申请、审批、转交、加签、退回、委托、催办',
    en: 'County-defined approval types (a form and a flow: any, all, in order, conditions, parallel branches); apply, decide, transfer, add approvers, return, delegate, urge',
  },
  dependsOn: ['forms'],
  permissions: [
    { id: PERMISSION.apply, name: { 'zh-CN': '发起审批', en: 'Apply for approval' } },
    { id: PERMISSION.manage, name: { 'zh-CN': '管理审批类型和查看全部审批', en: 'Manage approval types and see all requests' } },
  ],
  configSchema: approvalsConfigSchema,
  recordTypes: [],
  menu: [
    // Approvers need no permission: anyone may be named on a step, so the boxes are everyone's.
    { id: 'requests', name: { 'zh-CN': '审批', en: 'Approvals' }, path: '/approvals/requests' },
    { id: 'apply', name: { 'zh-CN': '发起审批', en: 'New request' }, path: '/approvals/apply', permission: PERMISSION.apply },
    { id: 'delegations', name: { 'zh-CN': '委托审批', en: 'Delegation' }, path: '/approvals/delegations' },
    { id: 'stats', name: { 'zh-CN': '审批统计', en: 'Statistics' }, path: '/approvals/stats', permission: PERMISSION.manage },
  ],
  emits: ['approvals.approved', 'approvals.rejected'],
};

const routes: FastifyPluginAsync = async (app) => {
  await app.register(typeRoutes);
  await app.register(requestRoutes);
  await app.register(delegationRoutes);
  await app.register(accountRoutes);
  await app.register(statsRoutes);
};

/** Approvals: see README.md. */
export const approvalsModule: PlatformModule = {
  manifest,
  migrations: fileURLToPath(new URL('./migrations/', import.meta.url)),
  routes,
  jobs: [taskRemindersJob],
  messages: approvalsMessages.catalogue,
};
