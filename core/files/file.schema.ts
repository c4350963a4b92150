import type { FromSchema } from 'json-schema-to-ts';
import {
  errorResponseSchema,
  errorResponses,
  responseObject,
  tenantIdParams,
  tenantParams,
  timestamp,
  uuid,
} from '../schemas/common.schema.ts';

export const fileView = responseObject({
  id: uuid,
  name: { type: 'string' },
  contentType: { type: 'string' },
  sizeBytes: { type: 'integer' },
  sha256: { type: 'string' },
  createdAt: timestamp,
});
/** A stored file's metadata (`POST /files`, `GET /files/:id/meta`). */
export type FileView = FromSchema<typeof fileView>;

export const uploadFileRoute = {
  tags: ['files'],
  summary: 'Upload one file as multipart/form-data in the field `file`; its type is checked by content',
  description:
    'Accepted by sniffed content: JPEG, PNG, GIF, WebP, PDF, DOCX, XLSX, PPTX, DOC/XLS (CFB), ZIP, MP4. ' +
    'Too large: 413 FILE_TOO_LARGE; another type: 415 FILE_TYPE_NOT_ALLOWED; a name with a path or control characters: 400.',
  consumes: ['multipart/form-data'],
  params: tenantParams,
  response: { 201: fileView, ...errorResponses, 413: errorResponseSchema, 415: errorResponseSchema },
} as const;

export const fileMetaRoute = {
  tags: ['files'],
  summary: 'A file’s metadata; 404 unless the caller may read it (the readers of a record it is attached to, else its uploader)',
  params: tenantIdParams,
  response: { 200: fileView, ...errorResponses },
} as const;

export const downloadFileRoute = {
  tags: ['files'],
  summary:
    'Download a file: images inline, everything else as an attachment; 404 unless the caller may read it (the readers of a record it is attached to, else its uploader)',
  params: tenantIdParams,
  produces: ['application/octet-stream'],
  // Untyped on purpose: the body is a stream of the stored bytes, never serialized.
  response: { 200: { description: 'The file content, with its sniffed Content-Type' }, ...errorResponses },
} as const;
