import type { FastifyRequest } from 'fastify';
import { AppError, moduleContext, type RoutePlugin } from '../../../core/module-kit.ts';
import { OPEN311_ERRORS } from '../schemas/open311-error-codes.ts';
import {
  discoveryRoute,
  getRequestRoute,
  getTokenRoute,
  listRequestsRoute,
  postRequestRoute,
  serviceDefinitionRoute,
  servicesRoute,
  unknownResourceRoute,
  unknownResourceWithBodyRoute,
} from '../schemas/open311.schema.ts';
import { registerOpen311Errors } from './open311-errors.ts';
import { parseForm, withNumericCoordinates } from './open311-form.ts';
import { clientOfKey } from './open311-keys.ts';
import { activeServices, fileOpen311Request, findOpen311Request, listOpen311Requests } from './open311-requests.service.ts';
import { isoInZone } from './open311-time.ts';
import { toRequestView, toServiceView, type Open311Row, type ViewContext } from './open311-view.ts';

/** Per client address a minute, over all Open311 routes: a client syncing its requests passes, a scraper gets 429. */
const CALLS_PER_MINUTE = 240;
const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';

/** The server's own address as the client reached it (behind a proxy: as TRUST_PROXY allows). */
const origin = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

function viewContext(request: FastifyRequest): ViewContext {
  const photos = `${origin(request)}/api/t/${request.tenant.slug}/grid-events/public/events`;
  return { timeZone: request.tenant.timeZone, photoUrl: (code, fileId) => `${photos}/${code}/photos/${fileId}` };
}

/**
 * Open311 GeoReport v2 at `/open311/t/:tenant/v2/` (module.ts `standardApis`), so civic-reporting
 * apps and hotline systems built for the standard work with a county as they are. JSON only.
 * Anyone may read the services and the requests filed through Open311 (citizen-visible facts:
 * never a reporter's name, phone or e-mail); filing one needs an api_key the county issued
 * (open311-client.routes.ts). A request is recorded and routed at once, so its id, the
 * tracking code, is in the POST answer and a token is that id.
 */
export const open311Routes: RoutePlugin = async (app) => {
  registerOpen311Errors(app);
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, parseForm);
  const limited = app.rateLimit({
    max: CALLS_PER_MINUTE,
    timeWindow: 60_000,
    errorResponseBuilder: (_request, context) =>
      new AppError(429, OPEN311_ERRORS.RATE_LIMITED, `Too many requests from this address; try again in ${context.after}`),
  });
  const open = { public: true } as const;

  app.get('/v2/discovery.json', { schema: discoveryRoute, config: open, onRequest: limited }, async (request) => {
    const latest = (await request.db('grid_category').max('updated_at as at').first()) as { at: Date | null } | undefined;
    const changeset = isoInZone(latest?.at ?? new Date(), request.tenant.timeZone);
    return {
      changeset,
      contact: request.tenant.name,
      key_service: 'An api_key is issued by the county’s grid-events managers; send it as api_key with each POST',
      endpoints: [
        {
          specification: SPECIFICATION,
          url: `${origin(request)}/open311/t/${request.tenant.slug}/v2`,
          changeset,
          type: 'production',
          formats: ['application/json'],
        },
      ],
    };
  });

  app.get('/v2/services.json', { schema: servicesRoute, config: open, onRequest: limited }, async (request) => {
    const services = await activeServices(request.db);
    const names = new Map(services.map((s) => [s.id, s.name]));
    return services.map((s) => toServiceView(s, s.parent_id ? names.get(s.parent_id) : undefined));
  });

  app.get('/v2/services/:code.json', { schema: serviceDefinitionRoute, config: open, onRequest: limited }, async (request) => {
    const { code } = request.params;
    if (!(await activeServices(request.db)).some((s) => s.code === code))
      throw new AppError(404, OPEN311_ERRORS.SERVICE_NOT_FOUND, 'No service of this county has this service_code (see services.json)');
    return { service_code: code, attributes: [] };
  });

  app.get('/v2/requests.json', { schema: listRequestsRoute, config: open, onRequest: limited }, async (request) => {
    const context = viewContext(request);
    return (await listOpen311Requests(request.db, request.query, new Date())).map((row: Open311Row) => toRequestView(row, context));
  });

  app.post(
    '/v2/requests.json',
    { schema: postRequestRoute, config: open, onRequest: limited, preValidation: withNumericCoordinates },
    async (request) => {
      const client = await clientOfKey(request.db, request.body.api_key ?? request.query.api_key);
      const code = await fileOpen311Request(moduleContext(request), client, request.body);
      return [{ service_request_id: code, service_notice: '', account_id: null }];
    },
  );

  app.get('/v2/requests/:id.json', { schema: getRequestRoute, config: open, onRequest: limited }, async (request) => [
    toRequestView(await findOpen311Request(request.db, request.params.id), viewContext(request)),
  ]);

  app.get('/v2/tokens/:token.json', { schema: getTokenRoute, config: open, onRequest: limited }, async (request) => {
    const { code } = await findOpen311Request(request.db, request.params.token);
    return [{ token: code, service_request_id: code }];
  });

  // Core's web app answers every other GET with its page, and a not-found handler here would meet
  // the tenant scope's sign-in check: so any other path under this endpoint (an .xml form too) is
  // a public route answering the standard's 404.
  const unknownResource = async (request: FastifyRequest<{ Params: { '*': string } }>) => {
    throw new AppError(
      404,
      OPEN311_ERRORS.RESOURCE_NOT_FOUND,
      `No Open311 resource ${request.method} /${request.params['*']} (this server answers .json only)`,
    );
  };
  const unknown = { config: open, onRequest: limited, handler: unknownResource };
  app.route({ method: ['GET', 'DELETE'], url: '/*', schema: unknownResourceRoute, ...unknown });
  app.route({ method: ['POST', 'PUT', 'PATCH'], url: '/*', schema: unknownResourceWithBodyRoute, ...unknown });
};
