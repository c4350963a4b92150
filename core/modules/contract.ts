import type { Knex } from 'knex';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { FileStore, StagedFile } from '../files/file-store.ts';
import type { Notifier } from '../notify/notifier.ts';
import type { MessageCatalogue } from '../notify/messages.ts';

/** A text in both UI languages. */
export interface LocalizedText {
  'zh-CN': string;
  en: string;
}

export interface ModulePermission {
  /** `<module id>.<action>`, e.g. `dispatch.task.create`. */
  id: string;
  name: LocalizedText;
}

/** A record of the module that tenant admins may extend with custom fields. */
export interface ModuleRecordType {
  id: string;
  name: LocalizedText;
  /** JSON Schema of the record's built-in fields (custom fields live under `custom`). */
  schema: Record<string, unknown>;
}

export interface ModuleMenuEntry {
  id: string;
  name: LocalizedText;
  /** Web app path below the tenant, e.g. `/dispatch/tasks`. */
  path: string;
  /** Shown only to users holding this permission (a list: any one of them). */
  permission?: string | string[];
}

/** Plain JSON data: served as-is by `GET /api/t/:tenant/modules`. */
export interface ModuleManifest {
  id: string;
  version: string;
  name: LocalizedText;
  description: LocalizedText;
  dependsOn: string[];
  permissions: ModulePermission[];
  /** What a tenant admin can configure; defaults in the schema give the initial config. */
  configSchema: Record<string, unknown>;
  configUiSchema?: Record<string, unknown>;
  recordTypes: ModuleRecordType[];
  menu: ModuleMenuEntry[];
  /** Events this module emits, `<module id>.<event>`. */
  emits?: string[];
}

/** Context of a job or event handler: a tenant transaction like a request's. */
export interface TenantJobContext {
  tenantId: string;
  db: Knex.Transaction;
}

/** What a module job gets besides its data: a job is not tied to one tenant by itself. */
export interface ModuleJobContext {
  jobId: string;
  /** Runs `work` in a transaction of one tenant: committed when it resolves, rolled back when it throws. */
  withTenant<T>(tenantId: string, work: (context: TenantJobContext) => Promise<T>): Promise<T>;
  /** Active tenants that have enabled this module: what a periodic job goes through. */
  enabledTenantIds(): Promise<string[]>;
  /** In-app notifications and SMS written in a `withTenant` transaction (reminders sent by a job). */
  notifier: Notifier;
  /** Where file contents live: a job that produces a file (an export) stages and places it here, with its `core_file` row. */
  files: FileStore;
  /** Raises a module event inside `trx` (delivered only if it commits), as `app.jobs.emitEvent` does for requests. */
  emitEvent(trx: Knex.Transaction, tenantId: string, event: string, payload: Record<string, unknown>): Promise<string[]>;
  /** Another module's service (see `PlatformModule.provides`) when installed and enabled for the tenant. */
  service<T>(tenantId: string, name: string): Promise<T | undefined>;
}

export interface ModuleJob {
  /** Queue name, `<module id>.<job>`. */
  name: string;
  /** Optional cron schedule (server time zone Asia/Shanghai) for periodic work. */
  cron?: string;
  handler: (data: Record<string, unknown>, context: ModuleJobContext) => Promise<void>;
}

/**
 * Whether the request's user may read one record of the module, asked for each file attached to
 * such a record (core/files/file-access.ts). Resolves false, or throws the module's own 403/404,
 * when not. It runs in the request's tenant transaction.
 */
export type FileAccessCheck = (request: FastifyRequest, recordId: string) => Promise<boolean>;

export type ModuleEventHandler = (context: TenantJobContext, payload: Record<string, unknown>) => Promise<void>;

/** One queued export as the module's runner gets it (core/exports/, queued with `queueExport`). */
export interface ExportTask {
  id: string;
  tenantId: string;
  kind: string;
  /** What the module stored when it queued the export: its request as validated. */
  params: Record<string, unknown>;
  requestedBy: string;
  /** The size counted when it was queued; `progress` may correct it. */
  total: number;
}

/** What a runner may use: a job's tenant transactions, the file store, other modules' services, and its progress. */
export interface ExportRunContext extends Pick<ModuleJobContext, 'withTenant' | 'files' | 'service'> {
  /**
   * Commits how far the export got, in a short transaction of its own, so `GET /exports/:id`
   * shows it while the runner works; `total` corrects the size. `done` never passes the total.
   */
  progress(done: number, total?: number): Promise<void>;
}

/** The file an export wrote, staged in `context.files`: core stores it, links it to the export and tells the requester. */
export interface ExportOutput {
  file: StagedFile;
  /** Shown and downloaded under this name (characters no file system takes become `_`). */
  fileName: string;
  contentType: string;
  /** The units of work finally done when they differ from the total (rows added while it ran): both end there. */
  done?: number;
}

/**
 * Writes one export of a kind: the module's part of an export job. Core claims the export, calls
 * the runner, then stores what it returns, or marks the export failed: with the message of a
 * thrown `AppError` (shown to the requester), else a generic one. A runner discards what it
 * staged itself when it throws.
 */
export type ExportRunner = (task: ExportTask, context: ExportRunContext) => Promise<ExportOutput>;

/** Everything one module contributes to the platform. */
export interface PlatformModule {
  manifest: ModuleManifest;
  /**
   * The module's migrations folder (absolute path, `modules/<id>/migrations`): run after core's,
   * in the order modules are listed, named `<id>/<file>` in the migrations table.
   */
  migrations?: string;
  /** Mounted at `/api/t/:tenant/<id>`; core has resolved tenant, user and transaction. */
  routes?: FastifyPluginAsync;
  /**
   * APIs whose address a published standard fixes (Open311 GeoReport v2 lives at
   * `/open311/t/:tenant/v2/`): each mounted at `/<prefix>/t/:tenant`, with the tenant resolved, its
   * transaction open and the module's enablement checked as for `routes`. Their routes are public
   * (`config.public`) and check the standard's own credentials; they may answer errors in the
   * standard's shape (their own error handler).
   */
  standardApis?: { prefix: string; routes: FastifyPluginAsync }[];
  jobs?: ModuleJob[];
  /** Handlers of other modules' events, by event name. */
  events?: Record<string, ModuleEventHandler>;
  /**
   * Services this module offers other modules, by name `<module id>.<service>`. The provider
   * publishes the service's type in `modules/<id>/public-api.ts` (the one file of a module another
   * may import, and only its types); a consumer asks core for it with `moduleService()`, which
   * answers only when the provider is installed and enabled for the tenant.
   */
  provides?: Record<string, unknown>;
  /**
   * Who may read the files attached to this module's records, by record kind: a file attached
   * with `attachFiles(…, { module, kind, id }, …)` (core/files/file-links.ts) is readable by those
   * for whom `fileAccess[kind](request, id)` holds, for any record it is attached to.
   */
  fileAccess?: Record<string, FileAccessCheck>;
  /**
   * The module's server-written messages (notification titles and bodies) in both languages,
   * made with `defineMessages('<module id>', …)` in `modules/<id>/locales/notifications.ts`: a
   * notification names one by key and the reader gets it in their language.
   */
  messages?: MessageCatalogue;
  /**
   * What writes each kind of this module's exports (`queueExport(request, { module, kind, … })`):
   * core runs the job, keeps its state and progress, stores the file and tells the requester.
   */
  exportRunners?: Record<string, ExportRunner>;
}
