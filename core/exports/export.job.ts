import type { Knex } from 'knex';
import { uuidv7 } from 'uuidv7';
import { writeAudit } from '../audit/audit.service.ts';
import { withTenant as withTenantTransaction } from '../db/tenant-transaction.ts';
import { attachFiles } from '../files/file-links.ts';
import type { StagedFile } from '../files/file-store.ts';
import type { JobRunner } from '../jobs/job-runner.ts';
import { moduleJobContext, type ModuleWorkDeps } from '../jobs/module-jobs.ts';
import type { ExportOutput, ExportRunContext, ExportRunner } from '../modules/contract.ts';
import { Notifier } from '../notify/notifier.ts';
import { coreMessages } from '../notify/core-messages.ts';
import { AppError, conflict } from '../http/errors.ts';
import { EXPORT_JOB, type ExportRow } from './export.service.ts';
import { CORE_ERRORS } from '../schemas/error-codes.ts';

/** What running an export needs: the job runner and the module work's deps (for the runner's context), the notifier. */
export interface ExportWork {
  runner: JobRunner;
  deps: ModuleWorkDeps;
  notifier: Notifier;
}

/** Registers the one export queue: each job runs one export through its module's runner. */
export function registerExportWork(runner: JobRunner, deps: ModuleWorkDeps): void {
  const work: ExportWork = { runner, deps, notifier: new Notifier(runner, deps.modules.messages) };
  runner.register({
    name: EXPORT_JOB,
    handler: async (data, info) => {
      if (typeof data.tenantId !== 'string' || typeof data.exportId !== 'string')
        throw new Error(`${EXPORT_JOB} needs tenantId and exportId`);
      await runExportJob(work, data.tenantId, data.exportId, info.id);
    },
  });
}

/**
 * Runs one export: claims it (a finished or failed export is left alone, so a retried job does
 * nothing twice), lets the module's runner write the file with progress committed as it goes,
 * then stores the file, links it to the export, audits and notifies the requester (the notice
 * opens the exports page with this export picked out) in one transaction. Any failure marks the
 * export failed, audited and notified: with the message of an `AppError` (the requester's to
 * fix), else a generic one, and then rethrown for the job log.
 */
export async function runExportJob(work: ExportWork, tenantId: string, exportId: string, jobId = 'direct'): Promise<void> {
  const { deps } = work;
  const row = await withTenant(work, tenantId, (db) => claim(db, exportId));
  if (!row) return;
  let output: ExportOutput | null = null;
  try {
    const runner = await runnerFor(work, tenantId, row);
    const module = moduleJobContext(work.runner, deps, row.module, jobId, work.notifier);
    const context: ExportRunContext = {
      withTenant: module.withTenant,
      files: module.files,
      service: module.service,
      progress: (done, total) => withTenant(work, tenantId, (db) => setProgress(db, exportId, done, total)),
    };
    output = await runner(
      { id: row.id, tenantId, kind: row.kind, params: row.params, requestedBy: row.requested_by, total: row.total },
      context,
    );
    await complete(work, tenantId, row, output);
  } catch (error) {
    if (output) await deps.files.discard(output.file);
    await fail(work, tenantId, row, error);
    // An expected failure (the module's AppError) is the requester's to fix; anything else is logged by the runner.
    if (!(error instanceof AppError)) throw error;
  }
}

const withTenant = <T>(work: ExportWork, tenantId: string, fn: (db: Knex.Transaction) => Promise<T>) =>
  withTenantTransaction(work.deps.db, tenantId, fn);

async function claim(db: Knex.Transaction, exportId: string): Promise<ExportRow | null> {
  const row: ExportRow | undefined = await db('core_export').where({ id: exportId }).forUpdate().first();
  if (!row || row.status === 'done' || row.status === 'failed') return null;
  const [running]: ExportRow[] = await db('core_export')
    .where({ id: exportId })
    .update({ status: 'running', started_at: new Date(), done: 0 })
    .returning('*');
  return running;
}

/** The module's runner, when the module is still installed and enabled for the tenant. */
async function runnerFor(work: ExportWork, tenantId: string, row: ExportRow): Promise<ExportRunner> {
  const runner = work.deps.modules.exportRunner(row.module, row.kind);
  const enabled = runner ? (await work.deps.enablement.enabledModules(tenantId)).has(row.module) : false;
  if (!runner || !enabled) throw conflict(CORE_ERRORS.EXPORT_MODULE_UNAVAILABLE, 'The module that writes this export is not enabled');
  return runner;
}

async function setProgress(db: Knex.Transaction, exportId: string, done: number, total?: number): Promise<void> {
  const count = Math.max(0, Math.floor(done));
  if (total === undefined) {
    await db('core_export')
      .where({ id: exportId })
      .update({ done: db.raw('least(?::integer, total)', [count]) });
    return;
  }
  const size = Math.max(0, Math.floor(total));
  await db('core_export')
    .where({ id: exportId })
    .update({ done: Math.min(count, size), total: size });
}

/** Characters no file system (or a download's name) takes. */
const fileName = (name: string) => name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');

async function complete(work: ExportWork, tenantId: string, row: ExportRow, output: ExportOutput): Promise<void> {
  const fileId = uuidv7();
  const name = fileName(output.fileName);
  const staged: StagedFile = output.file;
  try {
    await withTenant(work, tenantId, async (db) => {
      await db('core_file').insert({
        tenant_id: tenantId,
        id: fileId,
        name,
        content_type: output.contentType,
        size_bytes: staged.sizeBytes,
        sha256: staged.sha256,
        created_by: row.requested_by,
      });
      const final = output.done === undefined ? { done: db.raw('total') } : { done: output.done, total: output.done };
      await db('core_export')
        .where({ id: row.id })
        .update({ status: 'done', file_id: fileId, file_name: name, ...final, finished_at: new Date() });
      await attachFiles(db, tenantId, null, { module: 'core', kind: 'export', id: row.id }, [{ id: fileId, path: 'fileId' }]);
      await writeAudit(db, tenantId, null, {
        action: 'exports.done',
        recordType: 'export',
        recordId: row.id,
        data: { module: row.module, kind: row.kind, title: row.title, fileId, sizeBytes: staged.sizeBytes },
      });
      await work.notifier.notify(db, tenantId, {
        userIds: [row.requested_by],
        kind: 'exports.done',
        message: coreMessages.message('exports.done', { title: row.title, file: name }),
        link: `/exports?highlight=${row.id}`,
      });
      // Last: the content is in place only if everything before it was written.
      await work.deps.files.place(staged, tenantId, fileId);
    });
  } catch (error) {
    await work.deps.files.remove(tenantId, fileId);
    throw error;
  }
}

async function fail(work: ExportWork, tenantId: string, row: ExportRow, error: unknown): Promise<void> {
  const message = error instanceof AppError ? error.message : 'The export failed; please try again';
  await withTenant(work, tenantId, async (db) => {
    await db('core_export').where({ id: row.id }).update({ status: 'failed', error: message, finished_at: new Date() });
    await writeAudit(db, tenantId, null, {
      action: 'exports.fail',
      recordType: 'export',
      recordId: row.id,
      data: { module: row.module, kind: row.kind, title: row.title, error: message },
    });
    await work.notifier.notify(db, tenantId, {
      userIds: [row.requested_by],
      kind: 'exports.failed',
      message: coreMessages.message('exports.failed', { title: row.title, error: message }),
      link: `/exports?highlight=${row.id}`,
    });
  });
}
