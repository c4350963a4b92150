import type { Knex } from 'knex';
import type { Database } from '../db/database.ts';
import type { FileStore } from '../files/file-store.ts';
import { withTenant } from '../db/tenant-transaction.ts';
import type { ModuleJobContext } from '../modules/contract.ts';
import type { ModuleEnablement } from '../modules/module-enablement.ts';
import type { ModuleRegistry } from '../modules/module-registry.ts';
import type { JobRunner } from './job-runner.ts';
import { Notifier } from '../notify/notifier.ts';
import type { PlatformServices } from '../server/platform-services.ts';

/** One queue carries every module event; each job is one event for one subscribing module. */
export const MODULE_EVENT_QUEUE = 'core.module-event';

export interface ModuleWorkDeps {
  db: Database;
  modules: ModuleRegistry;
  enablement: ModuleEnablement;
  /** First retry delay of a failed event delivery; later ones back off exponentially. */
  retryDelaySeconds: number;
  files: FileStore;
}

interface ModuleEventJob {
  tenantId: string;
  moduleId: string;
  event: string;
  payload: Record<string, unknown>;
}

/** What module work needs, taken from the app's shared services (one file store, one registry). */
export function moduleWorkDeps(platform: PlatformServices): ModuleWorkDeps {
  const { db, modules, enablement, config, files } = platform;
  return { db, modules, enablement, retryDelaySeconds: config.jobs.retryDelaySeconds, files };
}

/** Registers every installed module's jobs (with their crons) and the delivery of module events. */
export function registerModuleWork(runner: JobRunner, deps: ModuleWorkDeps): void {
  // The notifier only needs the runner to queue SMS deliveries: module jobs get their own.
  const notifier = new Notifier(runner, deps.modules.messages);
  for (const module of deps.modules.topologicalOrder()) {
    const moduleId = module.manifest.id;
    for (const job of module.jobs ?? []) {
      if (!job.name.startsWith(`${moduleId}.`)) throw new Error(`Module "${moduleId}": job "${job.name}" must start with "${moduleId}."`);
      runner.register({
        name: job.name,
        cron: job.cron,
        handler: (data, info) => job.handler(data, moduleJobContext(runner, deps, moduleId, info.id, notifier)),
      });
    }
  }
  runner.register({
    name: MODULE_EVENT_QUEUE,
    defaults: { retryLimit: 5, retryDelay: deps.retryDelaySeconds, retryBackoff: true },
    handler: (data) => deliverModuleEvent(deps, data as unknown as ModuleEventJob),
  });
}

/**
 * Enqueues, inside `trx`, one delivery job per module that handles `event` and is enabled for
 * the tenant: the event is delivered if and only if the change that raised it commits.
 */
export async function emitModuleEvent(
  runner: JobRunner,
  modules: ModuleRegistry,
  trx: Knex.Transaction,
  tenantId: string,
  event: string,
  payload: Record<string, unknown>,
): Promise<string[]> {
  const subscribers = modules.modules.filter((m) => m.events && Object.hasOwn(m.events, event)).map((m) => m.manifest.id);
  if (subscribers.length === 0) return [];
  // RLS scopes the enablement read to the transaction's tenant: it must be the tenant named here.
  const { rows } = await trx.raw(
    `select current_setting('app.tenant_id', true) as tenant,
      array(select module_id from core_tenant_module where tenant_id = ? and enabled and module_id in (${subscribers.map(() => '?').join(', ')}) order by module_id) as modules`,
    [tenantId, ...subscribers],
  );
  const context = rows[0] as { tenant: string; modules: string[] };
  if (context.tenant !== tenantId) throw new Error(`emitEvent for tenant ${tenantId} inside a transaction of tenant "${context.tenant}"`);
  const ids: string[] = [];
  for (const moduleId of context.modules) {
    const job: ModuleEventJob = { tenantId, moduleId, event, payload };
    ids.push(await runner.enqueue(trx, MODULE_EVENT_QUEUE, { ...job }));
  }
  return ids;
}

async function deliverModuleEvent(deps: ModuleWorkDeps, job: ModuleEventJob): Promise<void> {
  const events = deps.modules.has(job.moduleId) ? deps.modules.get(job.moduleId).events : undefined;
  const handler = events && Object.hasOwn(events, job.event) ? events[job.event] : undefined;
  // The module was uninstalled or stopped listening since the event was raised: nothing to do.
  if (!handler) return;
  await withTenant(deps.db, job.tenantId, (trx) => handler({ tenantId: job.tenantId, db: trx }, job.payload ?? {}));
}

/** What a module's job handler gets; exported for tests that run a handler directly. */
export function moduleJobContext(
  runner: JobRunner,
  deps: ModuleWorkDeps,
  moduleId: string,
  jobId: string,
  notifier: Notifier,
): ModuleJobContext {
  return {
    jobId,
    notifier,
    files: deps.files,
    emitEvent: (trx, tenantId, event, payload) => emitModuleEvent(runner, deps.modules, trx, tenantId, event, payload),
    async service<T>(tenantId: string, name: string) {
      const found = deps.modules.service(name);
      if (!found || !(await deps.enablement.enabledModules(tenantId)).has(found.moduleId)) return undefined;
      return found.service as T;
    },
    withTenant: (tenantId, work) => withTenant(deps.db, tenantId, (trx) => work({ tenantId, db: trx })),
    async enabledTenantIds() {
      const tenantIds: string[] = await withTenant(deps.db, null, (trx) =>
        trx('core_tenant').where({ status: 'active' }).orderBy('id').pluck('id'),
      );
      const enabled: string[] = [];
      for (const tenantId of tenantIds) {
        if ((await deps.enablement.enabledModules(tenantId)).has(moduleId)) enabled.push(tenantId);
      }
      return enabled;
    },
  };
}
