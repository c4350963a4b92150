import fastifyMultipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { RoutePlugin } from '../http/route-plugin.ts';
import { downloadFileRoute, fileMetaRoute, uploadFileRoute } from './file.schema.ts';
import { fileToView, findFile, receiveUpload } from './file.service.ts';
import { mayReadFile } from './file-access.ts';
import { notFound } from '../http/errors.ts';
import { registerPlacedFileCleanup } from './placed-files.ts';
import { sendStoredFile } from './send-file.ts';
import { CORE_ERRORS } from '../schemas/error-codes.ts';

/**
 * Tenant files: upload, metadata, download. Any signed-in user of the tenant may upload; reading
 * follows file-access.ts: the readers of a record the file is attached to (the owning module
 * decides), else its uploader. Anyone else gets 404, as if the file did not exist.
 */
export const fileRoutes: RoutePlugin = async (app) => {
  const store = app.platform.files;
  // Registered here only: no other route of the tenant API accepts multipart bodies.
  await app.register(fastifyMultipart, {
    // Keep client paths so "../x.png" is refused rather than silently reduced to "x.png".
    preservePath: true,
    limits: { fileSize: app.platform.config.uploadLimitBytes, files: 1, fields: 5, fieldSize: 1024, parts: 6, headerPairs: 20 },
  });
  registerPlacedFileCleanup(app);

  app.post('/files', { schema: uploadFileRoute, config: { streamsBody: true } }, async (request, reply) => {
    const row = await receiveUpload(request, store);
    return reply.status(201).send(fileToView(row));
  });

  app.get('/files/:id/meta', { schema: fileMetaRoute }, async (request) => {
    await requireReadable(request, request.params.id);
    return fileToView(await findFile(request.db, request.tenant.id, request.params.id));
  });

  app.get('/files/:id', { schema: downloadFileRoute }, async (request, reply) => {
    await requireReadable(request, request.params.id);
    return sendStoredFile(request, reply, store, request.params.id, 'inline-if-safe');
  });
};

async function requireReadable(request: FastifyRequest, fileId: string): Promise<void> {
  if (!(await mayReadFile(request, fileId))) throw notFound(CORE_ERRORS.FILE_NOT_FOUND, 'No such file');
}
