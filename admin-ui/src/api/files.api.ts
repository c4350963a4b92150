import { tenantApiUrl, tenantScope } from './api-scope';
import { apiRequest } from './http-client';
import type { FileView } from '../../../core/files/file.schema';

/** A stored upload as `POST /files` answers it, what the web app reads of it. */
export type UploadedFile = Pick<FileView, 'id' | 'name' | 'contentType' | 'sizeBytes'>;

/**
 * Uploads one file to core `POST /files` (multipart field `file`); the answer holds the id a
 * record then attaches. The one upload of the app: pages and module widgets alike.
 */
export function uploadFile(slug: string, file: File): Promise<UploadedFile> {
  const body = new FormData();
  body.append('file', file, file.name);
  return apiRequest<UploadedFile>(tenantScope(slug), '/files', { method: 'POST', body });
}

/** Where the browser opens or shows a file (`GET /files/:id`: images inline, the rest as downloads). */
export const fileUrl = (slug: string, fileId: string) => tenantApiUrl(slug, `/files/${encodeURIComponent(fileId)}`);
