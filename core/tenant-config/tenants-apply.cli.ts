import fs from 'node:fs';
import { exitIfDataDirLocked } from '../db/data-dir-lock.ts';
import { loadConfig } from '../config.ts';
import { openMigratedDatabase } from '../db/bootstrap.ts';
import { ModuleRegistry } from '../modules/module-registry.ts';
import { AppError } from '../http/errors.ts';
import { installedModules } from '../../modules/index.ts';
import { formatReport } from './apply-report.ts';
import { applyTenantConfigToDatabase } from './apply-to-database.ts';
import { CliUsageError, parseApplyArgs } from './cli-args.ts';

/**
 * `npm run tenants:apply -- <file> [--prune] [--dry-run] [--admin-password …]`: applies a tenant
 * configuration to the database `npm start` uses (DATABASE_URL, or the embedded one under
 * DATA_DIR), creating the tenant when its slug is new, in one transaction; prints the report.
 * Exit codes: 0 applied, 1 refused (nothing changed), 2 wrong arguments.
 */
async function runApply(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  let args;
  try {
    args = parseApplyArgs(argv, env);
  } catch (error) {
    if (error instanceof CliUsageError) return fail(error.message, 2);
    throw error;
  }
  let document: unknown;
  try {
    document = JSON.parse(fs.readFileSync(args.file, 'utf8'));
  } catch (error) {
    return fail(`cannot read ${args.file}: ${(error as Error).message}`, 1);
  }
  const db = await openMigratedDatabase(loadConfig(env), installedModules).catch(exitIfDataDirLocked);
  try {
    const report = await applyTenantConfigToDatabase(db, new ModuleRegistry(installedModules), document, {
      prune: args.prune,
      dryRun: args.dryRun,
      adminPassword: args.adminPassword,
    });
    console.log(formatReport(report).join('\n'));
    return 0;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return fail([`${args.file}: ${error.code}: ${error.message}`, ...error.details.map((d) => `  ${d.path}: ${d.message}`)].join('\n'), 1);
  } finally {
    await db.close();
  }
}

function fail(message: string, code: number): number {
  console.error(message);
  return code;
}

process.exitCode = await runApply(process.argv.slice(2), process.env);
