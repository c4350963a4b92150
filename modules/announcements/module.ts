import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';
import type { PlatformModule } from '../../core/module-kit.ts';
import { announcementsConfigSchema } from './announcements-config.ts';
import { announcementMessages } from './locales/notifications.ts';
import { announcementsConfigData } from './server/config-data.ts';
import { manageRoutes } from './server/manage.routes.ts';
import { mayReadNotice } from './server/notice-access.ts';
import { PERMISSION } from './server/permissions.ts';
import { readerRoutes } from './server/reader.routes.ts';
import { receiptsRoutes } from './server/receipts.routes.ts';

const manifest = {
  id: 'announcements',
  version: '0.1.0',
  name: { 'zh-CN': '通知公告', en: 'Announcements' },
  description: {
    'zh-CN': '向全县、指定单位（含下级）或角色发布通知公告，可要求确认收到；查看谁已读、谁未读，一键提醒未读',
    en: 'Notices to the whole county, to units (with those below them) or to roles, optionally confirmed; who has and has not read them, and reminding the unread in one click',
  },
  dependsOn: [],
  permissions: [
    { id: PERMISSION.publish, name: { 'zh-CN': '发布通知公告，查看阅读情况', en: 'Publish notices and follow their receipts' } },
  ],
  configSchema: announcementsConfigSchema,
  recordTypes: [],
  menu: [
    { id: 'notices', name: { 'zh-CN': '通知公告', en: 'Notices' }, path: '/announcements/notices' },
    { id: 'manage', name: { 'zh-CN': '发布通知', en: 'Publish notices' }, path: '/announcements/manage', permission: PERMISSION.publish },
  ],
};

const routes: FastifyPluginAsync = async (app) => {
  await app.register(readerRoutes);
  await app.register(manageRoutes);
  await app.register(receiptsRoutes);
};

/** Announcements (通知公告): see README.md. */
export const announcementsModule: PlatformModule = {
  manifest,
  migrations: fileURLToPath(new URL('./migrations/', import.meta.url)),
  routes,
  // A notice's attachments: its recipients while it is published, and the publishers who manage it.
  fileAccess: { notice: mayReadNotice },
  messages: announcementMessages.catalogue,
  configData: announcementsConfigData,
};
