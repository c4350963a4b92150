import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { installedModules } from '../../modules/index.ts';
import type { IsolationSuite } from '../helpers/cross-tenant.ts';
import { coreIsolation } from './core.isolation.ts';
import { orgIsolation } from './org.isolation.ts';
import { tenantConfigIsolation } from './tenant-config.isolation.ts';
import { directoryIsolation } from './directory.isolation.ts';
import { adminConsoleIsolation } from './admin-console.isolation.ts';

/**
 * Every area's cross-tenant cases: core's here, and each installed module's from its own folder,
 * `modules/<id>/tests/<id>.isolation.ts` (exporting an `IsolationSuite`), found through the
 * module list — a module adds no line here. tests/api/cross-tenant.test.ts fails for any tenant
 * route that no suite covers, so a module without its suite fails too.
 */
async function moduleSuites(): Promise<IsolationSuite[]> {
  const suites: IsolationSuite[] = [];
  for (const module of installedModules) {
    const file = new URL(`../../modules/${module.manifest.id}/tests/${module.manifest.id}.isolation.ts`, import.meta.url);
    if (!fs.existsSync(fileURLToPath(file))) continue;
    const exported = Object.values(await import(file.href)).filter(isSuite);
    suites.push(...exported);
  }
  return suites;
}

function isSuite(value: unknown): value is IsolationSuite {
  return typeof value === 'object' && value !== null && typeof (value as IsolationSuite).setup === 'function';
}

export const isolationSuites: IsolationSuite[] = [
  coreIsolation,
  orgIsolation,
  tenantConfigIsolation,
  directoryIsolation,
  adminConsoleIsolation,
  ...(await moduleSuites()),
];
