import { isDeepStrictEqual } from 'node:util';
import { TenantModules } from '../modules/module.service.ts';
import { CustomFieldSets } from '../custom-fields/custom-field.service.ts';
import { prepareFragment } from '../custom-fields/custom-field-fragment.ts';
import type { TenantContext } from '../auth/tenant-context.ts';
import type { ReportBuilder } from './apply-report.ts';
import type { ConfigCustomFieldSet, ConfigModule } from './tenant-config.types.ts';
import { at } from './apply-step.ts';
import { loadCustomFieldRows, loadModuleRows } from './tenant-state.ts';

/**
 * Enables the file's modules in dependency order (so the service's dependency check passes) and
 * sets each config that differs from the stored one (compared after the schema's defaults).
 */
export async function applyModules(ctx: TenantContext, modules: ConfigModule[], report: ReportBuilder): Promise<void> {
  const service = new TenantModules(ctx);
  const rows = new Map((await loadModuleRows(ctx.trx)).map((r) => [r.module_id, r]));
  const index = new Map(modules.map((m, i) => [m.id, i]));
  for (const installed of ctx.registry.topologicalOrder()) {
    const id = installed.manifest.id;
    const i = index.get(id);
    if (i === undefined) continue;
    const path = `modules[${i}]`;
    const row = rows.get(id);
    if (!row?.enabled) {
      await at(path, () => service.enable(id));
      report.add('create', 'module', id);
    }
    const wanted = modules[i].config;
    if (wanted === undefined) continue;
    const result = ctx.registry.validateConfig(id, wanted);
    const stored = { ...ctx.registry.defaultConfig(id), ...(row?.config ?? {}) };
    if (result.ok && isDeepStrictEqual(stored, result.config)) continue;
    await at(`${path}.config`, () => service.configure(id, wanted));
    report.add('update', 'module', id, ['config']);
  }
}

/** Custom fields per record type, written through the custom-fields service when they differ. */
export async function applyCustomFields(ctx: TenantContext, sets: ConfigCustomFieldSet[], report: ReportBuilder): Promise<void> {
  const service = new CustomFieldSets(ctx);
  const rows = new Map((await loadCustomFieldRows(ctx.trx)).map((r) => [`${r.module_id}/${r.record_type}`, r]));
  for (const [i, set] of sets.entries()) {
    const key = `${set.module}/${set.recordType}`;
    const row = rows.get(key);
    const prepared = prepareFragment(set.schema, set.uiSchema ?? {}, `customFields[${i}]`);
    // Without a uiSchema in the file the stored one stays, unless the fields change.
    const same =
      row &&
      isDeepStrictEqual(row.schema, prepared.schema) &&
      (set.uiSchema === undefined || isDeepStrictEqual(row.ui_schema, prepared.uiSchema));
    if (same) continue;
    await at(`customFields[${i}]`, () => service.put(set.module, set.recordType, { schema: set.schema, uiSchema: set.uiSchema ?? {} }));
    report.add(row ? 'update' : 'create', 'customFields', key);
  }
}
