import type { RoutePlugin } from '../http/route-plugin.ts';
import { directoryPeopleRoute, directoryPersonRoute, directoryUnitsRoute } from './directory.schema.ts';
import { directoryPerson, lookUpPeople, lookUpUnits } from './directory.service.ts';

/**
 * `/directory`: names and units for pickers (a village clerk choosing a person or a unit in a form),
 * for any signed-in user of the tenant. The full directory (phones, positions, editing) stays
 * under `/org` with `core.org.read`.
 */
export const directoryRoutes: RoutePlugin = async (app) => {
  app.get('/directory/people', { schema: directoryPeopleRoute }, async (request) => {
    const { q, unitId, includeSubunits, limit, cursor } = request.query;
    return lookUpPeople(request.db, { q, unitId, includeSubunits, limit: limit ?? 20, cursor });
  });

  app.get('/directory/people/:id', { schema: directoryPersonRoute }, async (request) => directoryPerson(request.db, request.params.id));

  app.get('/directory/units', { schema: directoryUnitsRoute }, async (request) => ({
    items: await lookUpUnits(request.db, request.query.q),
  }));
};
