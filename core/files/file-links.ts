import type { Knex } from 'knex';
import { badRequest } from '../http/errors.ts';
import { CORE_ERRORS } from '../schemas/error-codes.ts';

/** The record a file is attached to: the owning module decides who may read it (`PlatformModule.fileAccess`). */
export interface FileOwner {
  /** The owning module's id. */
  module: string;
  /** One of the keys of that module's `fileAccess`, e.g. `task`, `submission`, `export`. */
  kind: string;
  id: string;
}

/** A file id as sent, with where it was sent (for the 400 naming it). */
export interface FileReference {
  id: string;
  path: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `["a", "b"]` sent at `body.photoIds` as references `body.photoIds[0]`, `body.photoIds[1]`. */
export function fileReferences(ids: readonly string[], path: string): FileReference[] {
  return ids.map((id, i) => ({ id, path: `${path}[${i}]` }));
}

/**
 * Every string of a JSON value (form answers) that is the id of an uploaded file of the tenant,
 * with its path: file questions hold file ids, and a text answer that happens to be one is
 * treated the same (it could only be used to reach that file).
 */
export async function fileReferencesIn(trx: Knex.Transaction, value: unknown, path: string): Promise<FileReference[]> {
  const found: FileReference[] = [];
  const visit = (node: unknown, at: string, depth: number): void => {
    if (depth > 64) return;
    if (typeof node === 'string' && UUID.test(node)) found.push({ id: node.toLowerCase(), path: at });
    else if (Array.isArray(node)) node.forEach((item, i) => visit(item, `${at}[${i}]`, depth + 1));
    else if (typeof node === 'object' && node !== null)
      for (const [key, item] of Object.entries(node)) visit(item, `${at}.${key}`, depth + 1);
  };
  visit(value, path, 0);
  if (found.length === 0) return [];
  const files = new Set<string>(
    await trx('core_file')
      .whereIn('id', [...new Set(found.map((f) => f.id))])
      .pluck('id'),
  );
  return found.filter((f) => files.has(f.id));
}

/**
 * Makes `files` exactly the files attached to `owner` (in the caller's transaction, after the
 * record is written): links to files no longer listed are removed. Someone attaching a file must
 * have uploaded it themselves, or it must already be attached to this very record (an edit
 * keeping a colleague's attachment): so nobody can attach a file they cannot read to a record of
 * their own and read it from there. Files the caller has not checked exist are refused alike.
 * `actorUserId` null is the platform itself (a job storing the export it produced).
 */
export async function attachFiles(
  trx: Knex.Transaction,
  tenantId: string,
  actorUserId: string | null,
  owner: FileOwner,
  files: FileReference[],
): Promise<void> {
  const ids = [...new Set(files.map((f) => f.id.toLowerCase()))];
  const current = { tenant_id: tenantId, module: owner.module, record_kind: owner.kind, record_id: owner.id };
  if (ids.length > 0 && actorUserId !== null) {
    const rows: { id: string; created_by: string | null; attached_here: boolean }[] = await trx('core_file as f')
      .whereIn('f.id', ids)
      .select(
        'f.id',
        'f.created_by',
        trx.raw(
          'exists (select 1 from core_file_link l where l.tenant_id = f.tenant_id and l.file_id = f.id and l.module = ? and l.record_kind = ? and l.record_id = ?) as attached_here',
          [owner.module, owner.kind, owner.id],
        ),
      );
    const attachable = new Set(rows.filter((r) => r.created_by === actorUserId || r.attached_here).map((r) => r.id));
    const refused = files.filter((f) => !attachable.has(f.id.toLowerCase()));
    if (refused.length > 0) {
      throw badRequest(
        CORE_ERRORS.FILE_NOT_ATTACHABLE,
        'Only files you uploaded yourself can be attached',
        refused.map((f) => ({ path: f.path, message: 'is not a file you uploaded' })),
      );
    }
  }
  const stale = trx('core_file_link').where(current);
  if (ids.length > 0) stale.whereNotIn('file_id', ids);
  await stale.delete();
  if (ids.length > 0) {
    await trx('core_file_link')
      .insert(ids.map((fileId) => ({ ...current, file_id: fileId })))
      .onConflict(['tenant_id', 'file_id', 'module', 'record_kind', 'record_id'])
      .ignore();
  }
}
