import { audit, moduleContext, type RoutePlugin } from '../../../core/module-kit.ts';
import { createOpen311ClientRoute, listOpen311ClientsRoute, revokeOpen311ClientRoute } from '../schemas/open311-client.schema.ts';
import {
  createOpen311Client,
  findOpen311Client,
  listOpen311Clients,
  requireCountyScope,
  revokeOpen311Client,
} from './open311-client.service.ts';
import { PERMISSION } from './permissions.ts';

/**
 * The systems allowed to file Open311 requests (server/open311.routes.ts), each with its key:
 * managers of the whole county issue a key (shown once), see who uses theirs, and revoke one.
 */
export const open311ClientRoutes: RoutePlugin = async (app) => {
  const manage = { permission: PERMISSION.manage } as const;

  app.get('/open311-clients', { schema: listOpen311ClientsRoute, config: manage }, async (request) => {
    requireCountyScope(request.scope);
    return { items: await listOpen311Clients(request.db) };
  });

  app.post('/open311-clients', { schema: createOpen311ClientRoute, config: manage }, async (request, reply) => {
    requireCountyScope(request.scope);
    const client = await createOpen311Client(moduleContext(request), request.body);
    // The key itself never reaches the audit trail.
    await audit(request, {
      action: 'grid-events.open311-client.create',
      recordType: 'grid_open311_client',
      recordId: client.id,
      data: { name: client.name, requestsPerHour: client.requestsPerHour },
    });
    return reply.status(201).send(client);
  });

  app.post('/open311-clients/:id/revoke', { schema: revokeOpen311ClientRoute, config: manage }, async (request) => {
    requireCountyScope(request.scope);
    if (await revokeOpen311Client(moduleContext(request), request.params.id))
      await audit(request, {
        action: 'grid-events.open311-client.revoke',
        recordType: 'grid_open311_client',
        recordId: request.params.id,
        data: { reason: request.body.reason ?? '' },
      });
    return findOpen311Client(request.db, request.params.id);
  });
};
