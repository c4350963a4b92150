import type { FastifyRequest } from 'fastify';
import { readableFileIds } from '../files/file-access.ts';

/** What the audit viewer shows instead of the id of a file the reader may not open. */
export const HIDDEN_FILE_ID = 'hidden';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface AuditItem {
  recordId: string;
  data: Record<string, unknown>;
}

/**
 * Audit entries carry file ids (an upload's record id, an export's `fileId`, a report's photos):
 * an id is a key to `GET /files/:id`, so the viewer shows only ids of files the reader may open
 * (core/files/file-access.ts) and `"hidden"` in place of the others. One query finds which ids
 * of the page are files at all; the rest of each entry is left as it is.
 */
export async function hideUnreadableFileIds<T extends AuditItem>(request: FastifyRequest, items: T[]): Promise<T[]> {
  const candidates = new Set<string>();
  const collect = (value: unknown, depth: number): void => {
    if (depth > 32) return;
    if (typeof value === 'string' && UUID.test(value)) candidates.add(value.toLowerCase());
    else if (Array.isArray(value)) value.forEach((item) => collect(item, depth + 1));
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach((item) => collect(item, depth + 1));
  };
  for (const item of items) collect([item.recordId, item.data], 0);
  if (candidates.size === 0) return items;
  const files: string[] = await request
    .db('core_file')
    .whereIn('id', [...candidates])
    .pluck('id');
  const readable = await readableFileIds(request, files);
  const hidden = new Set(files.filter((id) => !readable.has(id)));
  if (hidden.size === 0) return items;
  const redact = (value: unknown): unknown => {
    if (typeof value === 'string') return hidden.has(value.toLowerCase()) ? HIDDEN_FILE_ID : value;
    if (Array.isArray(value)) return value.map(redact);
    if (typeof value === 'object' && value !== null)
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redact(item)]));
    return value;
  };
  return items.map((item) => ({ ...item, recordId: redact(item.recordId) as string, data: redact(item.data) as Record<string, unknown> }));
}
