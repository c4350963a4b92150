import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';
import type { PlatformModule } from '../../core/module-kit.ts';
import { formsConfigSchema, formsConfigUiSchema } from './forms-config.ts';
import { formRoutes } from './server/form.routes.ts';
import { submissionRoutes } from './server/submission.routes.ts';
import { collectionRoutes } from './server/collection.routes.ts';
import { resultsRoutes } from './server/results.routes.ts';
import { dailyJob } from './server/forms.jobs.ts';
import { exportRoutes } from './server/export.routes.ts';
import { validatorRoutes } from './server/validator.routes.ts';
import { formsExportRunners } from './server/export-runners.ts';
import { reportFormsService } from './server/report-forms.service.ts';
import { REPORT_FORMS_SERVICE } from './public-api.ts';
import { formsFileAccess } from './server/file-access.ts';
import { formsMessages } from './locales/notifications.ts';

const manifest = {
  id: 'forms',
  version: '0.1.0',
  name: { 'zh-CN': '表单', en: 'Forms' },
  description: {
    'zh-CN': '自定义表单、版本管理、按期收集（一月一报）、催报、统计与导出',
    en: 'Tenant-designed forms with versions, periodic collection, reminders, statistics and export',
  },
  dependsOn: [],
  permissions: [
    { id: 'forms.design', name: { 'zh-CN': '设计和发布表单', en: 'Design and publish forms' } },
    { id: 'forms.collect', name: { 'zh-CN': '下发收集、催报和退回', en: 'Send collections, remind and return' } },
    { id: 'forms.submit', name: { 'zh-CN': '填报表单', en: 'Fill in forms' } },
    { id: 'forms.results', name: { 'zh-CN': '查看填报、统计和导出', en: 'View submissions, statistics and export' } },
  ],
  configSchema: formsConfigSchema,
  configUiSchema: formsConfigUiSchema,
  recordTypes: [],
  menu: [
    { id: 'my-due', name: { 'zh-CN': '待填报', en: 'To fill in' }, path: '/forms/my-due', permission: 'forms.submit' },
    { id: 'designer', name: { 'zh-CN': '表单设计', en: 'Form designer' }, path: '/forms/designer', permission: 'forms.design' },
    { id: 'collections', name: { 'zh-CN': '收集任务', en: 'Collections' }, path: '/forms/collections', permission: 'forms.collect' },
    { id: 'results', name: { 'zh-CN': '填报数据', en: 'Results' }, path: '/forms/results', permission: 'forms.results' },
  ],
  emits: ['forms.submission.submitted'],
};

/** Every route of the module, one plugin per resource. */
const routes: FastifyPluginAsync = async (app) => {
  await app.register(formRoutes);
  await app.register(validatorRoutes);
  await app.register(submissionRoutes);
  await app.register(collectionRoutes);
  await app.register(resultsRoutes);
  await app.register(exportRoutes);
};

/** The forms module: see README.md. */
export const formsModule: PlatformModule = {
  manifest,
  migrations: fileURLToPath(new URL('./migrations/', import.meta.url)),
  routes,
  jobs: [dailyJob],
  exportRunners: formsExportRunners,
  provides: { [REPORT_FORMS_SERVICE]: reportFormsService },
  fileAccess: formsFileAccess,
  messages: formsMessages.catalogue,
};
