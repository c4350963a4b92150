import type { FastifyRequest } from 'fastify';
import type { Knex } from 'knex';
import { uuidv7 } from 'uuidv7';
import { audit } from '../audit/audit.service.ts';
import { heldPermissions } from '../auth/held-permissions.ts';
import { scopeOf } from '../auth/permissions.ts';
import { currentUser } from '../http/request-context.ts';
import { notFound } from '../http/errors.ts';
import { CORE_ERRORS } from '../schemas/error-codes.ts';
import type { FileAccessCheck } from '../modules/contract.ts';

/** The one queue of every export job; the job names the export, the export names its module's runner. */
export const EXPORT_JOB = 'core.export';

export type ExportStatus = 'queued' | 'running' | 'done' | 'failed';

export interface ExportRow {
  id: string;
  requested_by: string;
  module: string;
  kind: string;
  title: string;
  params: Record<string, unknown>;
  permission: string | null;
  status: ExportStatus;
  total: number;
  done: number;
  file_id: string | null;
  file_name: string | null;
  error: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

/** What a module asks for when it queues an export (from a route, after checking the request). */
export interface ExportRequest {
  /** The module whose `exportRunners[kind]` writes it. */
  module: string;
  kind: string;
  /** What the requester sees in "my exports" and in the notice, in the export's own language. */
  title: string;
  /** The request as validated, for the runner (filters, the requester's data scope at this moment, language). */
  params: Record<string, unknown>;
  /** Units of work expected (rows), when known now. */
  total?: number;
  /** A permission the requester must still hold to see the export and read its file. */
  permission?: string;
}

/** A type, not an interface: the route schema's response type needs an index signature. */
export type ExportView = {
  id: string;
  module: string;
  kind: string;
  title: string;
  status: ExportStatus;
  done: number;
  total: number;
  progress: number;
  fileId: string | null;
  fileName: string | null;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
};

/**
 * Stores an export and queues its job in the request's transaction (the job exists if and only
 * if the export does), audited as the requester's. Answers the export as its requester sees it.
 */
export async function queueExport(request: FastifyRequest, input: ExportRequest): Promise<ExportView> {
  if (!request.server.platform.modules.exportRunner(input.module, input.kind)) {
    throw new Error(`Module "${input.module}" has no export runner for kind "${input.kind}"`);
  }
  const tenantId = request.tenant.id;
  const id = uuidv7();
  const [row]: ExportRow[] = await request
    .db('core_export')
    .insert({
      tenant_id: tenantId,
      id,
      requested_by: currentUser(request).id,
      module: input.module,
      kind: input.kind,
      title: input.title,
      params: JSON.stringify(input.params),
      permission: input.permission ?? null,
      total: Math.max(0, input.total ?? 0),
    })
    .returning('*');
  await request.server.jobs.enqueue(request.db, EXPORT_JOB, { tenantId, exportId: id });
  await audit(request, {
    action: 'exports.create',
    recordType: 'export',
    recordId: id,
    data: { module: input.module, kind: input.kind, title: input.title, total: row.total },
  });
  return exportToView(row);
}

/**
 * The modules whose exports the request's user may see: installed and enabled for the tenant
 * (a disabled module's exports are hidden, as its pages are). Read in the request's transaction.
 */
async function visibleModules(request: FastifyRequest): Promise<string[]> {
  const enabled: string[] = await request.db('core_tenant_module').where({ enabled: true }).pluck('module_id');
  return enabled.filter((id) => request.server.platform.modules.has(id));
}

/**
 * One export the signed-in user may read: their own, of an enabled module, and, when the export
 * names a permission, while they still hold it. Anyone else's (even a tenant admin's) is null.
 */
export async function readableExport(request: FastifyRequest, id: string): Promise<ExportRow | null> {
  const user = request.user;
  if (!user) return null;
  const row: ExportRow | undefined = await request.db('core_export').where({ id, requested_by: user.id }).first();
  if (!row || !(await visibleModules(request)).includes(row.module)) return null;
  if (row.permission && !(await scopeOf(request, row.permission))) return null;
  return row;
}

/** Who may read an export's file (attached as module `core`, kind `export`): whoever may read the export. */
export const exportFileAccess: FileAccessCheck = async (request, exportId) => (await readableExport(request, exportId)) !== null;

export async function requireReadableExport(request: FastifyRequest, id: string): Promise<ExportRow> {
  const row = await readableExport(request, id);
  if (!row) throw notFound(CORE_ERRORS.EXPORT_NOT_FOUND, 'No such export of yours');
  return row;
}

/**
 * The signed-in user's readable exports, newest first: keyset pages on the id (uuid v7, so in
 * creation order), served by the index (tenant_id, requested_by, id); the cursor is the last id.
 */
export async function listReadableExports(
  request: FastifyRequest,
  page: { limit: number; cursor?: string },
): Promise<{ items: ExportView[]; nextCursor: string | null }> {
  const held = await heldPermissions(request);
  const query = request
    .db('core_export')
    .where({ requested_by: currentUser(request).id })
    .whereIn('module', await visibleModules(request))
    .where((q: Knex.QueryBuilder) => q.whereNull('permission').orWhereIn('permission', held))
    .orderBy('id', 'desc')
    .limit(page.limit + 1);
  if (page.cursor) query.where('id', '<', page.cursor);
  const rows: ExportRow[] = await query;
  const shown = rows.slice(0, page.limit);
  return { items: shown.map(exportToView), nextCursor: rows.length > page.limit ? shown[shown.length - 1].id : null };
}

export function exportToView(row: ExportRow): ExportView {
  return {
    id: row.id,
    module: row.module,
    kind: row.kind,
    title: row.title,
    status: row.status,
    done: row.done,
    total: row.total,
    progress: row.status === 'done' ? 1 : row.total > 0 ? Math.min(1, Math.round((row.done / row.total) * 1000) / 1000) : 0,
    fileId: row.file_id,
    fileName: row.file_name,
    error: row.error,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}
