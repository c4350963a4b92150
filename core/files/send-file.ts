import type { FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '../http/errors.ts';
import { contentDisposition } from './file-name.ts';
import type { FileStore } from './file-store.ts';
import { findFile } from './file.service.ts';
import { isInlineContentType } from './file-types.ts';
import { CORE_ERRORS } from '../schemas/error-codes.ts';

/**
 * Sends a stored file of the request's tenant with the platform's safe download headers: never
 * sniffed, never cached by a proxy, shown inline only when `disposition` allows it and the type is
 * safe to show. 404 for an unknown file or one whose content is missing. Modules that produce files
 * (exports, aggregations) send them through here after their own access check.
 */
export async function sendStoredFile(
  request: FastifyRequest,
  reply: FastifyReply,
  store: FileStore,
  fileId: string,
  disposition: 'inline-if-safe' | 'attachment',
): Promise<FastifyReply> {
  const row = await findFile(request.db, request.tenant.id, fileId);
  const content = await store.open(request.tenant.id, row.id);
  if (!content) {
    request.log.error({ fileId: row.id }, 'file row without stored content');
    throw notFound(CORE_ERRORS.FILE_CONTENT_MISSING, 'The file content is missing');
  }
  const kind = disposition === 'inline-if-safe' && isInlineContentType(row.content_type) ? 'inline' : 'attachment';
  return reply
    .header('content-type', row.content_type)
    .header('content-length', String(row.size_bytes))
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', contentDisposition(kind, row.name))
    .header('cache-control', 'private, no-cache')
    .send(content);
}
