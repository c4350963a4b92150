import type { PlatformConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { ModuleRegistry } from '../modules/module-registry.ts';
import type { ModuleEnablement } from '../modules/module-enablement.ts';
import type { TenantDirectory } from '../tenancy/tenant-directory.ts';
import type { SessionCache } from '../auth/session-cache.ts';
import type { FileStore } from '../files/file-store.ts';
import type { FileAccessCheck } from '../modules/contract.ts';

/** Shared services, decorated on the app as `app.platform`. */
export interface PlatformServices {
  config: PlatformConfig;
  db: Database;
  tenants: TenantDirectory;
  modules: ModuleRegistry;
  enablement: ModuleEnablement;
  sessions: SessionCache;
  /**
   * The one store of file contents: uploads, downloads, exports, the staging sweep and every
   * module's jobs use this instance, so swapping it (object storage) is one line in core/app.ts.
   */
  files: FileStore;
  /**
   * Who may read files attached to core's own records (module `core` in core_file_link), by record
   * kind, as a module declares `fileAccess` for its own (core/files/file-access.ts).
   */
  coreFileAccess: Readonly<Record<string, FileAccessCheck>>;
  /** Constraint name → its columns, for naming the field of a constraint violation. */
  constraintColumns: Map<string, string[]>;
}
