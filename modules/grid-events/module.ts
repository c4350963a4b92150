import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';
import type { PlatformModule } from '../../core/module-kit.ts';
import { gridEventsConfigSchema, gridEventsConfigUiSchema } from './grid-events-config.ts';
import { gridEventsMessages } from './locales/notifications.ts';
import { areaRoutes } from './server/area.routes.ts';
import { BUILDING_READERS } from './server/building-access.ts';
import { buildingRoutes } from './server/building.routes.ts';
import { categoryRoutes } from './server/category.routes.ts';
import { gridEventsConfigData } from './server/config-data.ts';
import { escalationJob } from './server/escalation.jobs.ts';
import { eventRoutes } from './server/event.routes.ts';
import { gridEventsFileAccess } from './server/file-access.ts';
import { open311ClientRoutes } from './server/open311-client.routes.ts';
import { open311Routes } from './server/open311.routes.ts';
import { householdRoutes } from './server/household.routes.ts';
import { visitReadable } from './server/household.service.ts';
import { PERMISSION } from './server/permissions.ts';
import { publicBuildingRoutes } from './server/public-building.routes.ts';
import { publicSettingsRoutes } from './server/public-settings.routes.ts';
import { publicRoutes } from './server/public.routes.ts';
import { qrRoutes } from './server/qr.routes.ts';
import { statsRoutes } from './server/stats.routes.ts';
import { visitRemindersJob } from './server/visit-reminder.jobs.ts';

const manifest = {
  id: 'grid-events',
  version: '0.1.0',
  name: { 'zh-CN': '网格事件', en: 'Grid events' },
  description: {
    'zh-CN': '网格员和群众上报事件，按网格自动派单，签收、办结、逐级上报，群众评价与回访，一张图',
    en: 'Grid workers and citizens report events, routed by grid; accept, resolve, escalate level by level; citizen ratings and call-backs; one map',
  },
  dependsOn: [],
  permissions: [
    { id: PERMISSION.report, name: { 'zh-CN': '上报事件（网格员）', en: 'Report events (grid workers)' } },
    { id: PERMISSION.handle, name: { 'zh-CN': '签收和办理本单位的事件', en: 'Accept and handle the unit’s events' } },
    {
      id: PERMISSION.manage,
      name: {
        'zh-CN': '管理事件分类和网格、派单、审批延期、结案、回访',
        en: 'Manage categories and grids, route, decide extensions, close, call back',
      },
    },
    { id: PERMISSION.view, name: { 'zh-CN': '查看事件和统计', en: 'View events and statistics' } },
  ],
  configSchema: gridEventsConfigSchema,
  configUiSchema: gridEventsConfigUiSchema,
  recordTypes: [],
  menu: [
    { id: 'report', name: { 'zh-CN': '上报事件', en: 'Report an event' }, path: '/grid-events/report', permission: PERMISSION.report },
    { id: 'queue', name: { 'zh-CN': '事件待办', en: 'Event queue' }, path: '/grid-events/queue', permission: PERMISSION.handle },
    {
      id: 'events',
      name: { 'zh-CN': '事件列表', en: 'Events' },
      path: '/grid-events/events',
      permission: [PERMISSION.report, PERMISSION.handle, PERMISSION.manage, PERMISSION.view],
    },
    {
      id: 'map',
      name: { 'zh-CN': '一张图', en: 'Map' },
      path: '/grid-events/map',
      permission: [PERMISSION.handle, PERMISSION.manage, PERMISSION.view],
    },
    {
      id: 'stats',
      name: { 'zh-CN': '事件统计', en: 'Statistics' },
      path: '/grid-events/stats',
      permission: [PERMISSION.view, PERMISSION.manage],
    },
    {
      id: 'visits',
      name: { 'zh-CN': '逾期走访', en: 'Overdue visits' },
      path: '/grid-events/visits',
      permission: [PERMISSION.report, PERMISSION.handle, PERMISSION.manage],
    },
    {
      id: 'buildings',
      name: { 'zh-CN': '楼栋', en: 'Buildings' },
      path: '/grid-events/buildings',
      permission: [PERMISSION.report, PERMISSION.handle, PERMISSION.manage, PERMISSION.view],
    },
    { id: 'categories', name: { 'zh-CN': '事件分类', en: 'Categories' }, path: '/grid-events/categories', permission: PERMISSION.manage },
    { id: 'grids', name: { 'zh-CN': '网格边界', en: 'Grids' }, path: '/grid-events/grids', permission: PERMISSION.manage },
    { id: 'open311', name: { 'zh-CN': 'Open311 接口', en: 'Open311' }, path: '/grid-events/open311', permission: PERMISSION.manage },
  ],
  emits: ['grid-events.reported', 'grid-events.resolved', 'grid-events.rated', 'grid-events.escalated'],
};

const routes: FastifyPluginAsync = async (app) => {
  await app.register(categoryRoutes);
  await app.register(areaRoutes);
  await app.register(eventRoutes);
  await app.register(statsRoutes);
  await app.register(publicRoutes);
  await app.register(open311ClientRoutes);
  await app.register(buildingRoutes);
  await app.register(qrRoutes);
  await app.register(householdRoutes);
  await app.register(publicBuildingRoutes);
  await app.register(publicSettingsRoutes);
};

/** Grid events: see README.md. */
export const gridEventsModule: PlatformModule = {
  manifest,
  migrations: fileURLToPath(new URL('./migrations/', import.meta.url)),
  routes,
  standardApis: [{ prefix: 'open311', routes: open311Routes }],
  jobs: [escalationJob, visitRemindersJob],
  fileAccess: {
    ...gridEventsFileAccess,
    // A visit's photos: whoever reads its household's building (grid workers, handlers, managers, viewers of its grid).
    visit: (request, visitId) => (request.user ? visitReadable(request, visitId, BUILDING_READERS) : Promise.resolve(false)),
  },
  messages: gridEventsMessages.catalogue,
  configData: gridEventsConfigData,
};
