import type { FastifyRequest } from 'fastify';
import { audit, badRequest, moduleContext, type RoutePlugin } from '../../../core/module-kit.ts';
import { GRID_ERRORS } from '../schemas/error-codes.ts';
import { likelyDuplicates, mergeEvent } from './duplicates.service.ts';
import {
  acceptEventRoute,
  callbackEventRoute,
  closeEventRoute,
  decideExtensionRoute,
  eventDuplicatesRoute,
  mergeEventRoute,
  eventQueueRoute,
  getEventRoute,
  listEventsRoute,
  reportEventRoute,
  requestExtensionRoute,
  rerouteEventRoute,
  resolveEventRoute,
  returnEventRoute,
  startEventRoute,
} from '../schemas/event.schema.ts';
import { callerScopes, eventAccess, type EventAccess } from './event-access.ts';
import {
  acceptEvent,
  closeEvent,
  decideExtension,
  recordCallback,
  requestExtension,
  rerouteEvent,
  resolveEvent,
  returnEvent,
  startEvent,
  type Actor,
} from './event-flow.service.ts';
import { eventQueue, listEvents } from './event-list.service.ts';
import { toEventView } from './event-view.ts';
import { reportPlace } from './building-report.ts';
import { checkPhotoCount, checkPhotos, recordEvent } from './event.service.ts';
import { ANY_GRID_PERMISSION, PERMISSION } from './permissions.ts';

const actorOf = (request: FastifyRequest): Actor => ({ userId: request.user?.id ?? '', name: request.user?.displayName ?? '' });

async function eventPage(request: FastifyRequest, id: string) {
  return toEventView(request.db, await eventAccess(request, id), new Date());
}

/** Events in the app: grid workers report, handlers work their queue, managers route and close. */
export const eventRoutes: RoutePlugin = async (app) => {
  app.post('/events', { schema: reportEventRoute, config: { permission: PERMISSION.report, idempotent: true } }, async (request, reply) => {
    const body = request.body;
    await checkPhotoCount(request.db, body.photoIds, 'body.photoIds');
    await checkPhotos(request.db, body.photoIds, 'body.photoIds');
    const place = await reportPlace(request.db, body);
    const { id } = await recordEvent(
      moduleContext(request),
      {
        categoryId: body.categoryId,
        description: body.description,
        location: place.location,
        building: place.building,
        photoIds: body.photoIds,
        source: 'worker',
        reporter: { userId: request.user?.id ?? null, name: request.user?.displayName ?? '', phone: null },
        quick: body.quick,
      },
      place.point,
    );
    await audit(request, {
      action: 'grid-events.event.report',
      recordType: 'grid_event',
      recordId: id,
      data: { categoryId: body.categoryId, quick: !!body.quick },
    });
    return reply.status(201).send(await eventPage(request, id));
  });

  app.get('/events', { schema: listEventsRoute, config: { permission: ANY_GRID_PERMISSION } }, async (request) =>
    listEvents(request.db, await callerScopes(request), request.query, new Date()),
  );

  app.get('/events/queue', { schema: eventQueueRoute, config: { permission: PERMISSION.handle } }, async (request) =>
    eventQueue(request.db, request.scope, request.query, new Date()),
  );

  app.get('/events/:id', { schema: getEventRoute, config: { permission: ANY_GRID_PERMISSION } }, async (request) =>
    eventPage(request, request.params.id),
  );

  const handle = { permission: PERMISSION.handle };
  const manage = { permission: PERMISSION.manage };
  app.post('/events/:id/accept', { schema: acceptEventRoute, config: handle }, (request) =>
    takeStep(request, request.params.id, 'accept', {}, (a) => acceptEvent(moduleContext(request), a, actorOf(request))),
  );
  app.post('/events/:id/start', { schema: startEventRoute, config: handle }, (request) =>
    takeStep(request, request.params.id, 'start', {}, (a) => startEvent(moduleContext(request), a, actorOf(request))),
  );
  app.post('/events/:id/resolve', { schema: resolveEventRoute, config: handle }, (request) =>
    takeStep(request, request.params.id, 'resolve', request.body, (a) =>
      resolveEvent(moduleContext(request), a, actorOf(request), request.body),
    ),
  );
  app.post('/events/:id/return', { schema: returnEventRoute, config: handle }, (request) =>
    takeStep(request, request.params.id, 'return', request.body, (a) =>
      returnEvent(moduleContext(request), a, actorOf(request), request.body.reason),
    ),
  );
  app.post('/events/:id/extension', { schema: requestExtensionRoute, config: handle }, (request) =>
    takeStep(request, request.params.id, 'extension.request', request.body, (a) =>
      requestExtension(moduleContext(request), a, actorOf(request), request.body),
    ),
  );
  app.post('/events/:id/extension/decision', { schema: decideExtensionRoute, config: manage }, (request) =>
    takeStep(request, request.params.id, 'extension.decide', request.body, (a) =>
      decideExtension(moduleContext(request), a, actorOf(request), request.body),
    ),
  );
  app.post('/events/:id/reroute', { schema: rerouteEventRoute, config: manage }, (request) =>
    takeStep(request, request.params.id, 'reroute', request.body, (a) =>
      rerouteEvent(moduleContext(request), a, actorOf(request), request.body),
    ),
  );
  app.post('/events/:id/close', { schema: closeEventRoute, config: manage }, (request) =>
    takeStep(request, request.params.id, 'close', request.body ?? {}, (a) =>
      closeEvent(moduleContext(request), a, actorOf(request), request.body?.note ?? ''),
    ),
  );
  app.get(
    '/events/:id/duplicates',
    { schema: eventDuplicatesRoute, config: { permission: [PERMISSION.handle, PERMISSION.manage] } },
    async (request) => {
      const access = await eventAccess(request, request.params.id);
      return { items: await likelyDuplicates(request.db, await callerScopes(request), access.event, new Date()) };
    },
  );
  app.post(
    '/events/:id/merge',
    { schema: mergeEventRoute, config: { permission: [PERMISSION.handle, PERMISSION.manage] } },
    async (request) => {
      // The event merged must be one the caller sees (404 otherwise), before the one it goes into.
      await eventAccess(request, request.params.id);
      const survivor = await eventAccess(request, request.body.intoId, { forUpdate: true }).catch(() => {
        throw badRequest(GRID_ERRORS.EVENT_NOT_FOUND, 'No such event to merge into', [
          { path: 'body.intoId', message: 'is not an event you see' },
        ]);
      });
      return takeStep(request, request.params.id, 'merge', request.body, (a) =>
        mergeEvent(moduleContext(request), a, survivor, actorOf(request)),
      );
    },
  );
  app.post('/events/:id/callback', { schema: callbackEventRoute, config: manage }, (request) =>
    takeStep(request, request.params.id, 'callback', request.body, (a) =>
      recordCallback(moduleContext(request), a, actorOf(request), request.body),
    ),
  );
};

/** One step of the flow: lock the event, let the service check and take the step, audit it, answer the event's page. */
async function takeStep(request: FastifyRequest, id: string, action: string, data: object, take: (access: EventAccess) => Promise<void>) {
  const access = await eventAccess(request, id, { forUpdate: true });
  await take(access);
  await audit(request, { action: `grid-events.event.${action}`, recordType: 'grid_event', recordId: id, data: { ...data } });
  return eventPage(request, id);
}
