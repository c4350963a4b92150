import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';
import type { PlatformModule } from '../../core/module-kit.ts';
import { dispatchConfigSchema, dispatchConfigUiSchema } from './dispatch-config.ts';
import { taskRoutes } from './server/task.routes.ts';
import { taskImportRoutes } from './server/task-import.routes.ts';
import { assignmentRoutes } from './server/assignment.routes.ts';
import { reportRoutes } from './server/report.routes.ts';
import { viewRoutes } from './server/view.routes.ts';
import { reportFormRoutes } from './server/report-form.routes.ts';
import { lightsJob } from './server/lights.jobs.ts';
import { reminderRoutes } from './server/reminder.routes.ts';
import { remindersJob } from './server/reminder.jobs.ts';
import { periodRoutes } from './server/period.routes.ts';
import { periodsJob } from './server/period.jobs.ts';
import { extensionRoutes } from './server/extension.routes.ts';
import { escalationRoutes } from './server/escalation.routes.ts';
import { instructionRoutes } from './server/instruction.routes.ts';
import { followRoutes } from './server/follow.routes.ts';
import { commentRoutes } from './server/comment.routes.ts';
import { requestRoutes } from './server/request.routes.ts';
import { aggregationRoutes } from './server/aggregation.routes.ts';
import { aggregationRunner } from './server/aggregation-runner.ts';
import { AGGREGATION_KIND } from './server/aggregation.service.ts';
import { dispatchFileAccess } from './server/file-access.ts';
import { deadlineLightsJob } from './server/deadline-lights.jobs.ts';
import { dispatchMessages } from './locales/notifications.ts';

const manifest = {
  id: 'dispatch',
  version: '0.1.0',
  name: { 'zh-CN': '任务督办', en: 'Task dispatch' },
  description: {
    'zh-CN': '任务分派与再分派、定期报送、自动提醒、亮灯亮牌、延期与督办升级、领导批示、汇总下载、镇呼县应',
    en: 'Dispatch and re-dispatch tasks, recurring reports, reminders, lights and cards, extensions and escalation, leaders’ instructions, aggregation, bottom-up requests',
  },
  dependsOn: [],
  permissions: [
    {
      id: 'dispatch.supervise',
      name: { 'zh-CN': '下达和督办任务、审核报告、亮牌', en: 'Dispatch and supervise tasks, review reports, give cards' },
    },
    {
      id: 'dispatch.handle',
      name: { 'zh-CN': '办理本单位任务、报送进展、再分派', en: 'Handle the unit’s tasks, report progress, re-dispatch' },
    },
    { id: 'dispatch.instruct', name: { 'zh-CN': '领导批示', en: 'Give leaders’ instructions' } },
    { id: 'dispatch.request', name: { 'zh-CN': '镇呼县应：提出和响应诉求', en: 'Raise and answer bottom-up requests' } },
  ],
  configSchema: dispatchConfigSchema,
  configUiSchema: dispatchConfigUiSchema,
  recordTypes: [],
  // Each entry for those who can use its page: leaders find tasks, units keep their own (finished
  // ones too), supervisors read the requests of their scope.
  menu: [
    {
      id: 'pending',
      name: { 'zh-CN': '我的待办', en: 'My pending' },
      path: '/dispatch/pending',
      permission: ['dispatch.supervise', 'dispatch.handle', 'dispatch.instruct', 'dispatch.request'],
    },
    { id: 'my-tasks', name: { 'zh-CN': '本单位任务', en: 'Our unit’s tasks' }, path: '/dispatch/my-tasks', permission: 'dispatch.handle' },
    {
      id: 'tasks',
      name: { 'zh-CN': '任务督办', en: 'Tasks' },
      path: '/dispatch/tasks',
      permission: ['dispatch.supervise', 'dispatch.instruct'],
    },
    {
      id: 'following',
      name: { 'zh-CN': '我的关注', en: 'Following' },
      path: '/dispatch/following',
      permission: ['dispatch.supervise', 'dispatch.handle', 'dispatch.instruct'],
    },
    { id: 'board', name: { 'zh-CN': '督办看板', en: 'Board' }, path: '/dispatch/board', permission: 'dispatch.supervise' },
    {
      id: 'requests',
      name: { 'zh-CN': '镇呼县应', en: 'Requests' },
      path: '/dispatch/requests',
      permission: ['dispatch.request', 'dispatch.supervise'],
    },
  ],
  emits: ['dispatch.light_changed', 'dispatch.card_given'],
};

/** Every route of the module, one plugin per resource. */
const routes: FastifyPluginAsync = async (app) => {
  await app.register(taskRoutes);
  await app.register(taskImportRoutes);
  await app.register(assignmentRoutes);
  await app.register(reportRoutes);
  await app.register(viewRoutes);
  await app.register(reportFormRoutes);
  await app.register(reminderRoutes);
  await app.register(periodRoutes);
  await app.register(extensionRoutes);
  await app.register(escalationRoutes);
  await app.register(instructionRoutes);
  await app.register(followRoutes);
  await app.register(commentRoutes);
  await app.register(requestRoutes);
  await app.register(aggregationRoutes);
};

/** Task dispatch and supervision: see README.md. */
export const dispatchModule: PlatformModule = {
  manifest,
  migrations: fileURLToPath(new URL('./migrations/', import.meta.url)),
  routes,
  jobs: [lightsJob, deadlineLightsJob, remindersJob, periodsJob],
  exportRunners: { [AGGREGATION_KIND]: aggregationRunner },
  fileAccess: dispatchFileAccess,
  messages: dispatchMessages.catalogue,
};
