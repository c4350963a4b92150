import {
  AppError,
  moduleContext,
  notFound,
  receivePublicPhoto,
  registerPublicUploads,
  sendStoredFile,
  type RoutePlugin,
  HOUR_MS,
} from '../../../core/module-kit.ts';
import { GRID_ERRORS } from '../schemas/error-codes.ts';
import {
  publicCategoriesRoute,
  publicEventPhotoRoute,
  publicEventRoute,
  publicPhotoRoute,
  publicRatingRoute,
  publicReportRoute,
} from '../schemas/public.schema.ts';
import { listCategories } from './category.service.ts';
import { rateEvent } from './event-flow.service.ts';
import { eventByCode, publicEventView, reportAsCitizen, requirePublicReports } from './public.service.ts';

/** Per client address an hour: a family's reports on one connection pass, a script's flood gets 429. */
const REPORTS_PER_HOUR = 20;
const PHOTOS_PER_HOUR = 120;
const READS_PER_MINUTE = 120;

/**
 * The citizens' side (no sign-in, `config.public`): categories, photo upload, the report itself
 * (behind a human check and per-address and per-phone limits), following a report by its tracking
 * code, its photos, and the rating. A tracking code is the only key to a report: nothing here
 * lists reports or reveals names and phones.
 */
export const publicRoutes: RoutePlugin = async (app) => {
  const limit = (max: number, timeWindow: number) =>
    app.rateLimit({
      max,
      timeWindow,
      errorResponseBuilder: (_request, context) =>
        new AppError(429, GRID_ERRORS.RATE_LIMITED, `Too many requests from this address; try again in ${context.after}`),
    });
  const reads = limit(READS_PER_MINUTE, 60_000);
  const open = { public: true } as const;

  app.get('/public/categories', { schema: publicCategoriesRoute, config: open, onRequest: reads }, async (request) => {
    await requirePublicReports(request.db);
    return {
      items: (await listCategories(request.db, false)).map((c) => ({
        id: c.id,
        parentId: c.parent_id,
        name: c.name,
        description: c.description,
      })),
    };
  });

  await app.register(async (uploads) => {
    await registerPublicUploads(uploads);
    uploads.post(
      '/public/photos',
      { schema: publicPhotoRoute, config: { public: true, streamsBody: true }, onRequest: limit(PHOTOS_PER_HOUR, HOUR_MS) },
      async (request, reply) => reply.status(201).send(await receivePublicPhoto(request)),
    );
  });

  app.post(
    '/public/events',
    { schema: publicReportRoute, config: open, onRequest: limit(REPORTS_PER_HOUR, HOUR_MS) },
    async (request, reply) => {
      const code = await reportAsCitizen(moduleContext(request), request.body);
      return reply.status(201).send({ code });
    },
  );

  app.get('/public/events/:code', { schema: publicEventRoute, config: open, onRequest: reads }, async (request) =>
    publicEventView(request.db, await eventByCode(request.db, request.params.code)),
  );

  app.get(
    '/public/events/:code/photos/:fileId',
    { schema: publicEventPhotoRoute, config: open, onRequest: reads },
    async (request, reply) => {
      const event = await eventByCode(request.db, request.params.code);
      const { fileId } = request.params;
      if (!event.photo_ids.includes(fileId) && !event.resolution_photo_ids.includes(fileId))
        throw notFound(GRID_ERRORS.EVENT_NOT_FOUND, 'No such photo of this report');
      return sendStoredFile(request, reply, request.server.platform.files, fileId, 'inline-if-safe');
    },
  );

  app.post(
    '/public/events/:code/rating',
    { schema: publicRatingRoute, config: open, onRequest: limit(REPORTS_PER_HOUR, HOUR_MS) },
    async (request) => {
      const event = await eventByCode(request.db, request.params.code, { forUpdate: true });
      if (event.source !== 'citizen') throw notFound(GRID_ERRORS.EVENT_NOT_FOUND, 'No report with this code');
      await rateEvent(moduleContext(request), event, request.body);
      return publicEventView(request.db, await eventByCode(request.db, request.params.code));
    },
  );
};
