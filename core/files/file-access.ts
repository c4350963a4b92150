import type { FastifyRequest } from 'fastify';
import { AppError } from '../http/errors.ts';

/**
 * Who may read a stored file, the one rule for downloads, metadata and the audit viewer:
 * - a file attached to records (core_file_link, see file-links.ts) is readable by whoever may
 *   read one of those records, as the owning module decides (`PlatformModule.fileAccess`); a
 *   module not installed or not enabled for the tenant grants nothing;
 * - an export is such a file, attached to its core export record (core_export), which only
 *   its requester reads;
 * - a file attached to nothing is readable by its uploader only.
 * Everyone else is told the file does not exist (404), as for another tenant's file.
 */
export async function readableFileIds(request: FastifyRequest, fileIds: readonly string[]): Promise<Set<string>> {
  const ids = [...new Set(fileIds.map((id) => id.toLowerCase()))];
  const readable = new Set<string>();
  const userId = request.user?.id;
  if (ids.length === 0 || !userId) return readable;
  const files: { id: string; created_by: string | null }[] = await request.db('core_file').whereIn('id', ids).select('id', 'created_by');
  const links: { file_id: string; module: string; record_kind: string; record_id: string }[] = await request
    .db('core_file_link')
    .whereIn(
      'file_id',
      files.map((f) => f.id),
    )
    .select('file_id', 'module', 'record_kind', 'record_id');
  const enabled = links.length > 0 ? await request.server.platform.enablement.enabledModules(request.tenant.id) : new Set<string>();
  const decided = new Map<string, Promise<boolean>>();
  // Core's own records (module `core`) are decided as the app was wired (`app.platform.coreFileAccess`).
  const coreAccess = request.server.platform.coreFileAccess;
  const mayReadRecord = (link: (typeof links)[number]): Promise<boolean> => {
    const key = `${link.module}\u0000${link.record_kind}\u0000${link.record_id}`;
    let answer = decided.get(key);
    if (!answer) {
      const check =
        link.module === 'core'
          ? Object.hasOwn(coreAccess, link.record_kind)
            ? coreAccess[link.record_kind]
            : undefined
          : enabled.has(link.module)
            ? request.server.platform.modules.fileAccess(link.module, link.record_kind)
            : undefined;
      answer = check ? check(request, link.record_id).then((allowed) => allowed === true, refusalAsFalse) : Promise.resolve(false);
      decided.set(key, answer);
    }
    return answer;
  };
  for (const file of files) {
    const own = links.filter((l) => l.file_id === file.id);
    if (own.length === 0) {
      if (file.created_by === userId) readable.add(file.id);
      continue;
    }
    // One record at a time: most files have one, and each check may query the database.
    for (const link of own) {
      if (await mayReadRecord(link)) {
        readable.add(file.id);
        break;
      }
    }
  }
  return readable;
}

export async function mayReadFile(request: FastifyRequest, fileId: string): Promise<boolean> {
  return (await readableFileIds(request, [fileId])).has(fileId.toLowerCase());
}

// A module's access check throws its usual 403/404 for a record the user may not see.
function refusalAsFalse(error: unknown): boolean {
  if (error instanceof AppError && (error.statusCode === 403 || error.statusCode === 404)) return false;
  throw error;
}
