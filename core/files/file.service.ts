import type { MultipartFile } from '@fastify/multipart';
import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import type { Knex } from 'knex';
import { fileTypeFromFile } from 'file-type';
import { uuidv7 } from 'uuidv7';
import { audit } from '../audit/audit.service.ts';
import { AppError, badRequest, notFound, payloadTooLarge, unsupportedMediaType } from '../http/errors.ts';
import { fileNameProblem } from './file-name.ts';
import { isAllowedFileType, isInlineContentType } from './file-types.ts';
import type { FileStore, StagedFile } from './file-store.ts';
import { trackPlacedFile } from './placed-files.ts';
import { openRequestTransaction } from '../tenancy/tenant-scope.ts';
import { CORE_ERRORS } from '../schemas/error-codes.ts';

/** The multipart field that carries the file. */
export const FILE_FIELD = 'file';

const FILE_COLUMNS = ['id', 'name', 'content_type', 'size_bytes', 'sha256', 'created_at'];

export interface FileRow {
  id: string;
  name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  created_at: Date;
}

/**
 * Receives one upload: the name is checked, the bytes are staged while hashed and counted, the
 * type is sniffed from the content, then the row (and its audit entry) is inserted in the
 * request transaction and the content moved into place. Any failure leaves no row and no file.
 */
export async function receiveUpload(request: FastifyRequest, store: FileStore, options: { imagesOnly?: boolean } = {}): Promise<FileRow> {
  const part = await nextFilePart(request);
  const nameProblem = fileNameProblem(part.filename);
  if (nameProblem) {
    part.file.resume();
    throw badRequest(CORE_ERRORS.FILE_NAME_INVALID, `The file name ${nameProblem}`, [
      { path: `${FILE_FIELD}.filename`, message: nameProblem },
    ]);
  }
  // Through clientBytes, so a failure of the client's stream is known as the client's.
  const staged = await store.stage(Readable.from(clientBytes(part.file))).catch((error: unknown) => {
    throw uploadError(error, request);
  });
  try {
    if (part.file.truncated) throw tooLarge(request);
    const type = await fileTypeFromFile(staged.tempPath);
    if (!type || !isAllowedFileType(type) || (options.imagesOnly && !isInlineContentType(type.mime))) {
      throw unsupportedMediaType(
        CORE_ERRORS.FILE_TYPE_NOT_ALLOWED,
        options.imagesOnly ? 'Only photos are accepted' : 'This kind of file is not accepted',
        [{ path: FILE_FIELD, message: `content of type ${type?.mime ?? 'unknown'} is not allowed` }],
      );
    }
    // Only now, with the bytes on disk, does the request take a database connection.
    await openRequestTransaction(request);
    return await storeUpload(request, store, staged, { name: part.filename, contentType: type.mime });
  } catch (error) {
    await store.discard(staged);
    throw error;
  }
}

async function storeUpload(
  request: FastifyRequest,
  store: FileStore,
  staged: StagedFile,
  meta: { name: string; contentType: string },
): Promise<FileRow> {
  const id = uuidv7();
  const tenantId = request.tenant.id;
  const [row] = await request
    .db('core_file')
    .insert({
      tenant_id: tenantId,
      id,
      name: meta.name,
      content_type: meta.contentType,
      size_bytes: staged.sizeBytes,
      sha256: staged.sha256,
      created_by: request.user?.id ?? null,
    })
    .returning(FILE_COLUMNS);
  await audit(request, {
    action: 'files.upload',
    recordType: 'file',
    recordId: id,
    data: { name: meta.name, contentType: meta.contentType, sizeBytes: staged.sizeBytes, sha256: staged.sha256 },
  });
  await store.place(staged, tenantId, id);
  trackPlacedFile(request, () => store.remove(tenantId, id));
  return row;
}

/** The request's first file part, which must be in the `file` field. */
async function nextFilePart(request: FastifyRequest): Promise<MultipartFile> {
  if (!request.isMultipart()) throw missingFile('Send the file as multipart/form-data');
  // Nothing is written yet: whatever fails while the first part is parsed is the client's body.
  const part = await request.file().catch((error: unknown) => {
    throw uploadError(new UploadBodyError(error), request);
  });
  if (!part) throw missingFile('The request carries no file');
  if (part.fieldname !== FILE_FIELD) {
    part.file.resume();
    throw missingFile(`The file must be sent in the field "${FILE_FIELD}"`);
  }
  return part;
}

export async function findFile(trx: Knex.Transaction, tenantId: string, id: string): Promise<FileRow> {
  const row: FileRow | undefined = await trx('core_file').where({ tenant_id: tenantId, id }).first(FILE_COLUMNS);
  if (!row) throw notFound(CORE_ERRORS.FILE_NOT_FOUND, 'No such file');
  return row;
}

export function fileToView(row: FileRow) {
  return {
    id: row.id,
    name: row.name,
    contentType: row.content_type,
    sizeBytes: Number(row.size_bytes),
    sha256: row.sha256,
    createdAt: row.created_at,
  };
}

function missingFile(message: string): AppError {
  return badRequest(CORE_ERRORS.FILE_REQUIRED, message, [{ path: FILE_FIELD, message: 'is required' }]);
}

function tooLarge(request: FastifyRequest): AppError {
  const limit = request.server.platform.config.uploadLimitBytes;
  return payloadTooLarge(CORE_ERRORS.FILE_TOO_LARGE, `The file is larger than ${limit} bytes`, [
    { path: FILE_FIELD, message: `must be at most ${limit} bytes` },
  ]);
}

/**
 * The client's body failed: cut off or malformed (busboy gives such a part no code). Told apart
 * from a failure of the file store by where it happened, never by the words of its message.
 */
class UploadBodyError extends Error {
  constructor(cause: unknown) {
    super('The upload body failed', { cause });
  }
}

/** The upload's bytes, with a failure of the client's stream marked as the client's. */
async function* clientBytes(file: Readable): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of file) yield chunk as Buffer;
  } catch (error) {
    throw new UploadBodyError(error);
  }
}

/** Multipart and busboy failures are the client's (a malformed or cut-off body); anything else is ours. */
function uploadError(error: unknown, request: FastifyRequest): unknown {
  if (error instanceof AppError) return error;
  const fromBody = error instanceof UploadBodyError;
  const cause = fromBody ? error.cause : error;
  if (cause instanceof AppError) return cause;
  const { code, message } = cause as { code?: string; message?: string };
  if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge(request);
  if (fromBody || code?.startsWith('FST_')) {
    return badRequest(CORE_ERRORS.FILE_UPLOAD_INVALID, 'The multipart body is malformed or incomplete', [
      { path: FILE_FIELD, message: message ?? 'is malformed' },
    ]);
  }
  return error;
}
