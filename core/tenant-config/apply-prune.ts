import { RoleService } from '../auth/role.service.ts';
import { TenantModules } from '../modules/module.service.ts';
import { CustomFieldSets } from '../custom-fields/custom-field.service.ts';
import { deletePerson } from '../org/person.service.ts';
import { deleteUnit } from '../org/unit.service.ts';
import { deletePosition } from '../org/position.service.ts';
import type { OrgContext } from '../org/org-context.ts';
import type { TenantContext } from '../auth/tenant-context.ts';
import type { ReportBuilder } from './apply-report.ts';
import type { TenantConfig } from './tenant-config.types.ts';
import { at } from './apply-step.ts';
import { loadCustomFieldRows, loadModuleRows, loadPeople, loadPositions, loadRoles, loadUnits } from './tenant-state.ts';
import { unitRefsById } from './unit-refs.ts';

/**
 * `--prune`: removes what the tenant has and the file does not list, in each section the file
 * contains (a section left out of the file is left alone). Dependents go first: roles, people,
 * units (deepest first), positions, custom fields, then modules (dependents before dependencies).
 * Accounts are never removed or demoted: an apply must not lock anyone out; disable them in the
 * console. A removal a service refuses (a unit still holding people of a section not in the
 * file, a module another needs) fails the whole apply.
 */
export async function prune(
  ctx: TenantContext,
  org: OrgContext,
  config: TenantConfig,
  keptUnitIds: Set<string>,
  report: ReportBuilder,
): Promise<void> {
  if (config.roles) {
    const keep = new Set(config.roles.map((r) => r.name));
    const roles = new RoleService(ctx);
    for (const role of await loadRoles(ctx.trx)) {
      if (keep.has(role.name)) continue;
      await at('roles', () => roles.remove(role.id));
      report.add('remove', 'role', role.name);
    }
  }
  if (config.people) {
    const keep = new Set(config.people.map((p) => p.phone));
    for (const person of await loadPeople(ctx.trx)) {
      if (keep.has(person.phone)) continue;
      await at('people', () => deletePerson(org, person.id));
      report.add('remove', 'person', person.phone);
    }
  }
  if (config.units) {
    const units = await loadUnits(ctx.trx);
    const refs = unitRefsById(units);
    const depth = (id: string) => refs.get(id)!.namePath.split('/').length;
    const doomed = units.filter((u) => !keptUnitIds.has(u.id)).sort((a, b) => depth(b.id) - depth(a.id));
    for (const unit of doomed) {
      await at('units', () => deleteUnit(org, unit.id));
      report.add('remove', 'unit', refs.get(unit.id)!.ref);
    }
  }
  if (config.positions) {
    const keep = new Set(config.positions);
    for (const position of await loadPositions(ctx.trx)) {
      if (keep.has(position.name)) continue;
      await at('positions', () => deletePosition(org, position.id));
      report.add('remove', 'position', position.name);
    }
  }
  if (config.customFields) {
    const keep = new Set(config.customFields.map((f) => `${f.module}/${f.recordType}`));
    const sets = new CustomFieldSets(ctx);
    for (const row of await loadCustomFieldRows(ctx.trx)) {
      const key = `${row.module_id}/${row.record_type}`;
      if (keep.has(key)) continue;
      await at('customFields', () => sets.remove(row.module_id, row.record_type));
      report.add('remove', 'customFields', key);
    }
  }
  if (config.modules) {
    const keep = new Set(config.modules.map((m) => m.id));
    const enabled = new Set((await loadModuleRows(ctx.trx)).filter((m) => m.enabled).map((m) => m.module_id));
    const modules = new TenantModules(ctx);
    for (const installed of [...ctx.registry.topologicalOrder()].reverse()) {
      const id = installed.manifest.id;
      if (keep.has(id) || !enabled.has(id)) continue;
      await at('modules', () => modules.disable(id));
      report.add('remove', 'module', id);
    }
  }
}
