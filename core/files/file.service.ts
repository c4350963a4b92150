import type { MultipartFile } from '@fastify/multipart';
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
    throw badRequest('FILE_NAME_INVALID', `The file name ${nameProblem}`, [{ path: `${FILE_FIELD}.filename`, message: nameProblem }]);
  }
  const staged = await store.stage(part.file).catch((error: unknown) => {
    throw uploadError(error, request);
  });
  try {
    if (part.file.truncated) throw tooLarge(request);
    const type = await fileTypeFromFile(staged.tempPath);
    if (!type || !isAllowedFileType(type) || (options.imagesOnly && !isInlineContentType(type.mime))) {
      throw unsupportedMediaType(
        'FILE_TYPE_NOT_ALLOWED',
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
  const part = await request.file().catch((error: unknown) => {
    throw uploadError(error, request);
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
  if (!row) throw notFound('FILE_NOT_FOUND', 'No such file');
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
  return badRequest('FILE_REQUIRED', message, [{ path: FILE_FIELD, message: 'is required' }]);
}

function tooLarge(request: FastifyRequest): AppError {
  const limit = request.server.platform.config.uploadLimitBytes;
  return payloadTooLarge('FILE_TOO_LARGE', `The file is larger than ${limit} bytes`, [
    { path: FILE_FIELD, message: `must be at most ${limit} bytes` },
  ]);
}

/** Multipart and busboy failures are the client's (a malformed or cut-off body); anything else is ours. */
function uploadError(error: unknown, request: FastifyRequest): unknown {
  if (error instanceof AppError) return error;
  const { code, message } = error as { code?: string; message?: string };
  if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge(request);
  if (code?.startsWith('FST_') || /multipart|boundary|part terminated|unexpected end|malformed/i.test(message ?? '')) {
    return badRequest('FILE_UPLOAD_INVALID', 'The multipart body is malformed or incomplete', [
      { path: FILE_FIELD, message: message ?? 'is malformed' },
    ]);
  }
  return error;
}
