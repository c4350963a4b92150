import type { FastifyInstance } from 'fastify';
import { uuidv7 } from 'uuidv7';
import { buildApp, type BuildAppOptions } from '../../core/app.ts';
import { hashPassword } from '../../core/auth/password.ts';
import type { Database } from '../../core/db/database.ts';
import { withTenant } from '../../core/db/tenant-transaction.ts';
import type { PlatformConfig } from '../../core/config.ts';
import type { ModuleJobContext, PlatformModule } from '../../core/modules/contract.ts';
import { FileStore } from '../../core/files/file-store.ts';
import { moduleJobContext } from '../../core/jobs/module-jobs.ts';
import { runExportJob } from '../../core/exports/export.job.ts';
import { installedModules } from '../../modules/index.ts';
import { createTestDatabase } from './test-database.ts';
import { TestClient } from './test-client.ts';
import { recordRuntimeStatements } from '../sql-check/statement-recorder.ts';
import { tenantStatementProblems } from '../sql-check/check-statements.ts';

export const OPERATOR = { username: 'test-operator', password: 'operator-pass-1' };
export const ADMIN_PASSWORD = 'admin-pass-123';

export interface TestTenant {
  id: string;
  slug: string;
  /** The tenant's first admin, signed in. */
  admin: TestClient;
  /** `/api/t/<slug>` */
  base: string;
}

/** The real app on a database of its own, with a signed-in platform operator. */
export class TestPlatform {
  private constructor(
    readonly app: FastifyInstance,
    readonly db: Database,
    readonly config: PlatformConfig,
    readonly operator: TestClient,
    private readonly dropDatabase: () => Promise<void>,
  ) {}

  /** `startJobs`: run the job workers (tests of jobs and SMS); otherwise jobs only queue up. */
  static async start(
    options: {
      modules?: PlatformModule[];
      configure?: (config: PlatformConfig) => PlatformConfig;
      startJobs?: boolean;
      logger?: BuildAppOptions['logger'];
    } = {},
  ): Promise<TestPlatform> {
    const modules = options.modules ?? installedModules;
    recordRuntimeStatements();
    const testDb = await createTestDatabase(modules);
    // Eight test runs share two cores: a slow moment is not overload here (tests/api/operations.test.ts turns it on).
    const base = { ...testDb.config, overload: { ...testDb.config.overload, maxEventLoopDelayMs: 0 } };
    const config = options.configure ? options.configure(base) : base;
    await withTenant(testDb.db, null, async (trx) => {
      await trx('core_operator').insert({
        id: uuidv7(),
        username: OPERATOR.username,
        display_name: 'Test operator',
        password_hash: await hashPassword(OPERATOR.password),
      });
    });
    const app = await buildApp({ config, db: testDb.db, modules, logger: options.logger });
    await app.ready();
    if (options.startJobs) await app.jobs.start();
    const operator = await new TestClient(app).loginOperator(OPERATOR.username, OPERATOR.password);
    return new TestPlatform(app, testDb.db, config, operator, testDb.drop);
  }

  /** Creates a tenant through the operator API and signs its admin in. */
  async createTenant(slug: string, name = `${slug} 县`): Promise<TestTenant> {
    const response = await this.operator.post('/api/platform/tenants', {
      slug,
      name,
      admin: { username: 'admin', displayName: `${name}管理员`, password: ADMIN_PASSWORD },
    });
    if (response.statusCode !== 201) throw new Error(`create tenant ${slug}: ${response.statusCode} ${response.body}`);
    // The admin's first-sign-in password change has its own tests (privilege.test.ts); here the
    // admin is a fixture that works at once.
    await withTenant(this.db, response.json().id, (trx) =>
      trx('core_user').where({ username: 'admin' }).update({ must_change_password: false }),
    );
    const admin = await this.client().loginTenant(slug, 'admin', ADMIN_PASSWORD);
    return { id: response.json().id, slug, admin, base: `/api/t/${slug}` };
  }

  /** What a module job gets when the runner starts it: for calling a job's handler directly. */
  jobContext(moduleId: string): ModuleJobContext {
    const deps = {
      db: this.db,
      modules: this.app.platform.modules,
      enablement: this.app.platform.enablement,
      retryDelaySeconds: 1,
      files: FileStore.inDataDir(this.config.dataDir),
    };
    return moduleJobContext(this.app.jobs, deps, moduleId, 'test', this.app.notifier);
  }

  /** Runs one export's job now, as the job runner would (core/exports/export.job.ts). */
  runExport(tenantId: string, exportId: string): Promise<void> {
    const deps = {
      db: this.db,
      modules: this.app.platform.modules,
      enablement: this.app.platform.enablement,
      retryDelaySeconds: 1,
      files: FileStore.inDataDir(this.config.dataDir),
    };
    return runExportJob({ runner: this.app.jobs, deps, notifier: this.app.notifier }, tenantId, exportId, 'test');
  }

  client(): TestClient {
    return new TestClient(this.app);
  }

  /** Reads as the table owner, across tenants: for assertions only. */
  ownerQuery(table: string) {
    return this.db.owner(table);
  }

  /**
   * Stops the app and drops its database; then fails when any statement the server sent breaks
   * the rules that keep it runnable on Citus (PostgreSQL runs only: there the server's own
   * connections can be told from the tests').
   */
  async stop(): Promise<void> {
    await this.app.close();
    const problems = this.db.kind === 'postgres' ? await tenantStatementProblems(this.db) : '';
    await this.dropDatabase();
    if (problems) throw new Error(problems);
  }
}
