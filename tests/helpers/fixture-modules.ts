import type { PlatformModule } from '../../core/modules/contract.ts';
import type { RoutePlugin } from '../../core/http/route-plugin.ts';
import { errorResponses, tenantParams } from '../../core/schemas/common.schema.ts';
import { audit } from '../../core/audit/audit.service.ts';
import { conflict } from '../../core/http/errors.ts';

/**
 * Small modules that exercise the module contract in tests (the real modules have their own
 * tests). `fixture-base` has config and a route; `fixture-addon` depends on it.
 */
const baseRoutes: RoutePlugin = async (app) => {
  app.get(
    '/ping',
    {
      schema: {
        tags: ['fixture'],
        summary: 'Answers when the module is enabled',
        params: tenantParams,
        response: { 200: { type: 'object', properties: { tenant: { type: 'string' } } }, ...errorResponses },
      },
    },
    async (request) => ({ tenant: request.tenant.slug }),
  );
  // Writes, then fails: proves the request transaction rolls back what a failing handler wrote.
  app.post(
    '/write-then-fail',
    {
      schema: {
        tags: ['fixture'],
        summary: 'Writes an audit entry, then fails',
        params: tenantParams,
        body: { type: 'object', additionalProperties: false, properties: {} },
        response: { ...errorResponses },
      },
    },
    async (request) => {
      await audit(request, { action: 'fixture.written', recordType: 'fixture', recordId: 'x' });
      throw conflict('FIXTURE_FAILED', 'Failed after writing');
    },
  );
};

export const fixtureBase: PlatformModule = {
  manifest: {
    id: 'fixture-base',
    version: '1.0.0',
    name: { 'zh-CN': '测试基础模块', en: 'Fixture base' },
    description: { 'zh-CN': '测试用', en: 'For tests' },
    dependsOn: [],
    permissions: [{ id: 'fixture-base.use', name: { 'zh-CN': '使用', en: 'Use' } }],
    configSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        reminderHours: { type: 'integer', minimum: 1, maximum: 240, default: 24 },
        greeting: { type: 'string', maxLength: 50, default: '您好' },
      },
    },
    recordTypes: [
      { id: 'item', name: { 'zh-CN': '事项', en: 'Item' }, schema: { type: 'object', properties: { title: { type: 'string' } } } },
    ],
    menu: [{ id: 'items', name: { 'zh-CN': '事项', en: 'Items' }, path: '/fixture-base', permission: 'fixture-base.use' }],
  },
  routes: baseRoutes,
};

export const fixtureAddon: PlatformModule = {
  manifest: {
    id: 'fixture-addon',
    version: '1.0.0',
    name: { 'zh-CN': '测试扩展模块', en: 'Fixture add-on' },
    description: { 'zh-CN': '依赖基础模块', en: 'Depends on the base' },
    dependsOn: ['fixture-base'],
    permissions: [],
    configSchema: { type: 'object', properties: {} },
    recordTypes: [],
    menu: [],
  },
};
