import fs from 'node:fs';
import { exitIfDataDirLocked } from '../db/data-dir-lock.ts';
import { loadConfig } from '../config.ts';
import { openMigratedDatabase } from '../db/bootstrap.ts';
import { withTenant } from '../db/tenant-transaction.ts';
import { ModuleRegistry } from '../modules/module-registry.ts';
import { installedModules } from '../../modules/index.ts';
import { CliUsageError, parseExportArgs } from './cli-args.ts';
import { exportTenantConfig } from './tenant-config-export.ts';

/** `npm run tenants:export -- <slug> [file]`: writes the tenant's configuration (to stdout without a file). */
async function runExport(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseExportArgs(argv);
  } catch (error) {
    if (error instanceof CliUsageError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  const db = await openMigratedDatabase(loadConfig(), installedModules).catch(exitIfDataDirLocked);
  try {
    const tenant: { id: string } | undefined = await withTenant(db, null, (trx) =>
      trx('core_tenant').where({ slug: args.slug }).first('id'),
    );
    if (!tenant) {
      console.error(`no tenant "${args.slug}"`);
      return 1;
    }
    const registry = new ModuleRegistry(installedModules);
    const config = await withTenant(db, tenant.id, (trx) => exportTenantConfig(trx, tenant.id, registry));
    const text = `${JSON.stringify(config, null, 2)}\n`;
    if (args.file) {
      fs.writeFileSync(args.file, text);
      console.error(`wrote ${args.file}`);
    } else process.stdout.write(text);
    return 0;
  } finally {
    await db.close();
  }
}

process.exitCode = await runExport(process.argv.slice(2));
