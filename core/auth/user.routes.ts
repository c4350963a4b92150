import type { RoutePlugin } from '../http/route-plugin.ts';
import { tenantContext } from './tenant-context.ts';
import { requirePermission } from './permissions.ts';
import { createUserRoute, listUsersRoute, resetPasswordRoute, unlockUserRoute, updateUserRoute } from './user.schema.ts';
import { UserService } from './user.service.ts';

/**
 * Account administration: list, create, change, reset passwords, unlock. Who may do what to which
 * account: core/auth/grant-guard.ts, applied by the service.
 */
export const userRoutes: RoutePlugin = async (app) => {
  app.addHook('preHandler', async (request) => {
    await requirePermission(request, 'core.users.manage');
  });

  app.get('/users', { schema: listUsersRoute }, async (request) => new UserService(tenantContext(request)).list(request.query));
  app.post('/users', { schema: createUserRoute, config: { idempotent: true } }, async (request, reply) =>
    reply.status(201).send(await new UserService(tenantContext(request)).create(request.body)),
  );
  app.patch('/users/:id', { schema: updateUserRoute }, async (request) =>
    new UserService(tenantContext(request)).update(request.params.id, request.body),
  );
  app.post('/users/:id/reset-password', { schema: resetPasswordRoute }, async (request) =>
    new UserService(tenantContext(request)).resetPassword(request.params.id, request.body.newPassword),
  );
  app.post('/users/:id/unlock', { schema: unlockUserRoute }, async (request) =>
    new UserService(tenantContext(request)).unlock(request.params.id),
  );
};
