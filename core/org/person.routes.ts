import type { RoutePlugin } from '../http/route-plugin.ts';
import { requirePermission } from '../auth/permissions.ts';
import { orgContext } from './org-context.ts';
import { createPersonRoute, deletePersonRoute, getPersonRoute, listPeopleRoute, updatePersonRoute } from './person.schema.ts';
import { createPerson, deletePerson, getPerson, listPeople, personToView, updatePerson } from './person.service.ts';

/** People (通讯录): read with `core.org.read`, change with `core.org.manage`, within the data scope. */
export const personRoutes: RoutePlugin = async (app) => {
  app.get('/people', { schema: listPeopleRoute }, async (request) => {
    const ctx = orgContext(request, await requirePermission(request, 'core.org.read'));
    const { rows, nextCursor } = await listPeople(ctx, request.query);
    return { items: rows.map(personToView), nextCursor };
  });

  app.get('/people/:id', { schema: getPersonRoute }, async (request) => {
    const ctx = orgContext(request, await requirePermission(request, 'core.org.read'));
    return personToView(await getPerson(ctx, request.params.id));
  });

  app.post('/people', { schema: createPersonRoute }, async (request, reply) => {
    const ctx = orgContext(request, await requirePermission(request, 'core.org.manage'));
    return reply.status(201).send(personToView(await createPerson(ctx, request.body)));
  });

  app.patch('/people/:id', { schema: updatePersonRoute }, async (request) => {
    const ctx = orgContext(request, await requirePermission(request, 'core.org.manage'));
    return personToView(await updatePerson(ctx, request.params.id, request.body));
  });

  app.delete('/people/:id', { schema: deletePersonRoute }, async (request, reply) => {
    const ctx = orgContext(request, await requirePermission(request, 'core.org.manage'));
    await deletePerson(ctx, request.params.id);
    return reply.status(204).send(null);
  });
};
