import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Knex } from 'knex';
import { badRequest, type ErrorDetail } from '../http/errors.ts';
import { CORE_ERRORS } from '../schemas/error-codes.ts';
import type { FileReference } from './file-links.ts';
import { fileToView, receiveUpload } from './file.service.ts';
import { registerPlacedFileCleanup } from './placed-files.ts';

/** A photo uploaded on a public page must be claimed by a report within this time. */
const CLAIM_WITHIN_MS = 2 * 60 * 60 * 1000;

/**
 * Lets a module's scope receive photos from people without an account (a citizen's report): the
 * same multipart limits and clean-up as core's `/files`. A module registers it once in the scope
 * of its public upload route (`config: { public: true, streamsBody: true }`).
 */
export async function registerPublicUploads(app: FastifyInstance): Promise<void> {
  await app.register(fastifyMultipart, {
    preservePath: true,
    limits: { fileSize: app.platform.config.uploadLimitBytes, files: 1, fields: 5, fieldSize: 1024, parts: 6, headerPairs: 20 },
  });
  registerPlacedFileCleanup(app);
}

/** Receives one photo (JPEG, PNG, GIF, WebP by its content) from an anonymous visitor; answers the file's view. */
export async function receivePublicPhoto(request: FastifyRequest) {
  const row = await receiveUpload(request, request.server.platform.files, { imagesOnly: true });
  return fileToView(row);
}

/**
 * Checks that files a public form names are photos uploaded anonymously, recently, and claimed by
 * no record yet: a visitor cannot attach (and then read through the public page) a file of the
 * county's, nor another visitor's photo once it is part of a report. 400 naming each bad one.
 */
export async function claimablePublicPhotos(trx: Knex.Transaction, files: FileReference[], now: Date): Promise<void> {
  if (files.length === 0) return;
  const rows: { id: string }[] = await trx('core_file as f')
    .whereIn(
      'f.id',
      files.map((f) => f.id),
    )
    .whereNull('f.created_by')
    .where('f.content_type', 'like', 'image/%')
    .where('f.created_at', '>', new Date(now.getTime() - CLAIM_WITHIN_MS))
    .whereNotExists(trx('core_file_link as l').whereRaw('l.tenant_id = f.tenant_id and l.file_id = f.id').select(trx.raw('1')))
    .select('f.id');
  const ok = new Set(rows.map((r) => r.id));
  const problems: ErrorDetail[] = files
    .filter((f) => !ok.has(f.id))
    .map((f) => ({ path: f.path, message: 'is not a photo uploaded for this report' }));
  if (problems.length > 0) throw badRequest(CORE_ERRORS.FILE_NOT_ATTACHABLE, 'Some photos were not uploaded for this report', problems);
}
