import { audit, moduleActor, type RoutePlugin } from '../../../core/module-kit.ts';
import {
  acceptRequestRoute,
  getRequestRoute,
  listRequestsRoute,
  raiseRequestRoute,
  rateRequestRoute,
  respondRequestRoute,
  returnRequestRoute,
  transferRequestRoute,
} from '../schemas/request.schema.ts';
import { acceptRequest, returnRequest, transferRequest } from './request-steps.service.ts';
import { dispatchContext } from './dispatch-context.ts';
import { requestPage, requestQuery, toRequestViews } from './request-view.ts';
import {
  raiseRequest,
  rateRequest,
  requestAccess,
  requestBox,
  requestViewer,
  respondRequest,
  type RequestAccess,
} from './request.service.ts';

/** 镇呼县应: a town calls, a county department answers, the town rates the answer. */
export const requestRoutes: RoutePlugin = async (app) => {
  app.post(
    '/requests',
    { schema: raiseRequestRoute, config: { idempotent: true, permission: 'dispatch.request' } },
    async (request, reply) => {
      const actor = await moduleActor(request);
      const id = await raiseRequest(dispatchContext(request), actor, request.body);
      await audit(request, {
        action: 'dispatch.request.raise',
        recordType: 'dispatch_request',
        recordId: id,
        data: { toUnitId: request.body.toUnitId, title: request.body.title },
      });
      const [view] = await toRequestViews(request.db, [await requestQuery(request.db).where('r.id', id).first()], actor.unitId, true);
      return reply.status(201).send(view);
    },
  );

  app.get('/requests', { schema: listRequestsRoute }, async (request) => {
    const viewer = await requestViewer(request);
    const query = requestBox(request.db, request.query.box, viewer);
    if (request.query.status) query.where('r.status', request.query.status);
    return requestPage(request.db, query, request.query, viewer.actor.unitId, viewer.request !== null);
  });

  app.get('/requests/:id', { schema: getRequestRoute }, async (request) => {
    return view(request.db, await requestAccess(request, request.params.id));
  });

  app.post('/requests/:id/response', { schema: respondRequestRoute }, async (request) => {
    const access = await requestAccess(request, request.params.id);
    await respondRequest(dispatchContext(request), access, request.body);
    await audit(request, { action: 'dispatch.request.respond', recordType: 'dispatch_request', recordId: access.row.id });
    return view(request.db, await requestAccess(request, access.row.id));
  });

  app.post('/requests/:id/accept', { schema: acceptRequestRoute }, async (request) => {
    const access = await requestAccess(request, request.params.id);
    await acceptRequest(dispatchContext(request), access);
    await audit(request, { action: 'dispatch.request.accept', recordType: 'dispatch_request', recordId: access.row.id });
    return view(request.db, await requestAccess(request, access.row.id));
  });

  app.post('/requests/:id/transfer', { schema: transferRequestRoute }, async (request) => {
    const access = await requestAccess(request, request.params.id);
    await transferRequest(dispatchContext(request), access, request.body);
    await audit(request, {
      action: 'dispatch.request.transfer',
      recordType: 'dispatch_request',
      recordId: access.row.id,
      data: { from: access.row.to_unit_id, to: request.body.toUnitId, reason: request.body.reason },
    });
    // The transferring department no longer deals with it: its answer is what the caller may still see.
    const [one] = await toRequestViews(
      request.db,
      [await requestQuery(request.db).where('r.id', access.row.id).first()],
      access.actor.unitId,
      access.holdsRequest,
    );
    return one;
  });

  app.post('/requests/:id/return', { schema: returnRequestRoute }, async (request) => {
    const access = await requestAccess(request, request.params.id);
    await returnRequest(dispatchContext(request), access, request.body);
    await audit(request, {
      action: 'dispatch.request.return',
      recordType: 'dispatch_request',
      recordId: access.row.id,
      data: { reason: request.body.reason },
    });
    return view(request.db, await requestAccess(request, access.row.id));
  });

  app.post('/requests/:id/rating', { schema: rateRequestRoute }, async (request) => {
    const access = await requestAccess(request, request.params.id);
    await rateRequest(dispatchContext(request), access, request.body);
    await audit(request, {
      action: 'dispatch.request.rate',
      recordType: 'dispatch_request',
      recordId: access.row.id,
      data: { rating: request.body.rating },
    });
    return view(request.db, await requestAccess(request, access.row.id));
  });
};

async function view(trx: Parameters<typeof toRequestViews>[0], access: RequestAccess) {
  const [one] = await toRequestViews(trx, [access.row], access.actor.unitId, access.holdsRequest);
  return one;
}
