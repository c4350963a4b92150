import type { RoutePlugin } from '../http/route-plugin.ts';
import { tenantContext } from './tenant-context.ts';
import { requirePermission } from './permissions.ts';
import {
  createRoleRoute,
  deleteRoleRoute,
  getRoleRoute,
  listMembersRoute,
  listPermissionsRoute,
  listRolesRoute,
  setMembersRoute,
  updateRoleRoute,
} from './role.schema.ts';
import { RoleService } from './role.service.ts';
import { CORE_MODULE_NAME } from './core-permissions.ts';

/** Roles: grant permissions with a data scope, and assign roles to people. */
export const roleRoutes: RoutePlugin = async (app) => {
  app.addHook('preHandler', async (request) => {
    await requirePermission(request, 'core.roles.manage');
  });

  app.get('/permissions', { schema: listPermissionsRoute }, async () => {
    const registry = app.platform.modules;
    const all = registry.allPermissions();
    const core = { moduleId: null, name: CORE_MODULE_NAME, permissions: all.filter((p) => p.moduleId === null) };
    const modules = registry.modules.map((m) => ({ moduleId: m.manifest.id, name: m.manifest.name, permissions: m.manifest.permissions }));
    return { groups: [core, ...modules] };
  });

  app.get('/roles', { schema: listRolesRoute }, async (request) => ({ items: await new RoleService(tenantContext(request)).list() }));
  app.get('/roles/:id', { schema: getRoleRoute }, async (request) => new RoleService(tenantContext(request)).get(request.params.id));
  app.post('/roles', { schema: createRoleRoute, config: { idempotent: true } }, async (request, reply) =>
    reply.status(201).send(await new RoleService(tenantContext(request)).create(request.body)),
  );
  app.put('/roles/:id', { schema: updateRoleRoute }, async (request) =>
    new RoleService(tenantContext(request)).update(request.params.id, request.body),
  );
  app.delete('/roles/:id', { schema: deleteRoleRoute }, async (request, reply) => {
    await new RoleService(tenantContext(request)).remove(request.params.id);
    return reply.status(204).send(null);
  });
  app.get('/roles/:id/members', { schema: listMembersRoute }, async (request) => ({
    items: await new RoleService(tenantContext(request)).members(request.params.id),
  }));
  app.put('/roles/:id/members', { schema: setMembersRoute }, async (request) => ({
    items: await new RoleService(tenantContext(request)).setMembers(request.params.id, request.body.personIds),
  }));
};
