import fastifyMultipart from '@fastify/multipart';
import type { RoutePlugin } from '../server/route-plugin.ts';
import { FileStore } from './file-store.ts';
import { downloadFileRoute, fileMetaRoute, uploadFileRoute } from './file.schema.ts';
import { fileToView, findFile, receiveUpload } from './file.service.ts';
import { registerPlacedFileCleanup } from './placed-files.ts';
import { sendStoredFile } from './send-file.ts';

/**
 * Tenant files: upload, metadata, download. Any signed-in user of the tenant may upload and
 * download: a file on its own grants nothing. Record-level checks (who may see the attachment
 * of a task, a form submission...) belong to the module that links the file to its record.
 */
export const fileRoutes: RoutePlugin = async (app) => {
  const store = FileStore.inDataDir(app.platform.config.dataDir);
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

  app.get('/files/:id/meta', { schema: fileMetaRoute }, async (request) => fileToView(await findFile(request.db, request.tenant.id, request.params.id)));

  app.get('/files/:id', { schema: downloadFileRoute }, async (request, reply) => sendStoredFile(request, reply, store, request.params.id, 'inline-if-safe'));
};
