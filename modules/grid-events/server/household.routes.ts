import { audit, moduleContext, type RoutePlugin } from '../../../core/module-kit.ts';
import { gridEventsConfig } from '../grid-events-config.ts';
import {
  householdTagsRoute,
  listVisitsRoute,
  overdueVisitsRoute,
  recordVisitRoute,
  STANDARD_HOUSEHOLD_TAGS,
  updateHouseholdRoute,
} from '../schemas/household.schema.ts';
import { BUILDING_READERS, HOUSEHOLD_WORKERS, scopesOf } from './building-access.ts';
import { householdAccess, listVisits, overdueVisits, recordVisit, toHouseholdView, updateHousehold } from './household.service.ts';

const readers = { permission: BUILDING_READERS };
const workers = { permission: HOUSEHOLD_WORKERS };

/** Households of the floor models: grid workers tag them and record visits; the overdue list says who is due. */
export const householdRoutes: RoutePlugin = async (app) => {
  app.get('/households/tags', { schema: householdTagsRoute, config: readers }, async (request) => {
    const cadences = (await gridEventsConfig(request.db)).visitCadenceDays;
    const standard = new Set<string>(STANDARD_HOUSEHOLD_TAGS);
    const tags = [...STANDARD_HOUSEHOLD_TAGS, ...Object.keys(cadences).filter((tag) => !standard.has(tag))];
    return { items: tags.map((tag) => ({ tag, cadenceDays: cadences[tag] ?? 0, standard: standard.has(tag) })) };
  });

  app.patch('/households/:id', { schema: updateHouseholdRoute, config: workers }, async (request) => {
    const ctx = moduleContext(request);
    const { household } = await householdAccess(request, request.params.id, HOUSEHOLD_WORKERS, { forUpdate: true });
    const updated = await updateHousehold(ctx, household, request.body);
    await audit(request, {
      action: 'grid-events.household.update',
      recordType: 'grid_household',
      recordId: household.id,
      data: request.body,
    });
    return toHouseholdView(updated, ctx.now);
  });

  app.post('/households/:id/visits', { schema: recordVisitRoute, config: { ...workers, idempotent: true } }, async (request, reply) => {
    const ctx = moduleContext(request);
    const { household } = await householdAccess(request, request.params.id, HOUSEHOLD_WORKERS, { forUpdate: true });
    const visit = await recordVisit(
      ctx,
      household,
      { userId: request.user?.id ?? '', name: request.user?.displayName ?? '' },
      request.body,
    );
    await audit(request, {
      action: 'grid-events.household.visit',
      recordType: 'grid_household',
      recordId: household.id,
      data: { visitId: visit.id, visitedAt: visit.visitedAt },
    });
    return reply.status(201).send(visit);
  });

  app.get('/households/:id/visits', { schema: listVisitsRoute, config: readers }, async (request) => {
    const { household } = await householdAccess(request, request.params.id, BUILDING_READERS);
    return listVisits(request.db, household.id, request.query);
  });

  app.get('/visits/overdue', { schema: overdueVisitsRoute, config: readers }, async (request) =>
    overdueVisits(request.db, { ...request.query, scopes: await scopesOf(request, BUILDING_READERS) }, new Date()),
  );
};
