import type { Knex } from 'knex';
import type { ModuleRegistry } from '../modules/module-registry.ts';
import { unitIdsByCode } from './apply-modules.ts';
import type { ConfigUnit, TenantConfig } from './tenant-config.types.ts';
import {
  compareDisplay,
  compareText,
  loadCustomFieldRows,
  loadModuleRows,
  loadPeople,
  loadPositions,
  loadRoles,
  loadUnits,
  loadUsers,
  type StateUnit,
} from './tenant-state.ts';
import { unitRefsById } from './unit-refs.ts';

/**
 * The tenant's whole setup as a configuration file, deterministic (the same data gives the same
 * bytes): units in display order, people by phone, roles by name, admins by username, modules by
 * id. Empty optional fields are left out (no `children: []`, no `code: null`), as a person writes
 * the file. Module configs are complete (the schema's defaults filled in), custom fields as stored
 * (`additionalProperties: false`, `ui:order`). Only enabled, installed modules and their custom
 * fields are exported: applying anything else would be refused.
 */
export async function exportTenantConfig(trx: Knex.Transaction, tenantId: string, registry: ModuleRegistry): Promise<TenantConfig> {
  const tenant: { slug: string; name: string; locale: 'zh-CN' | 'en'; time_zone: string; logo_url: string | null } = await trx(
    'core_tenant',
  )
    .where({ id: tenantId })
    .first('slug', 'name', 'locale', 'time_zone', 'logo_url');
  const units = await loadUnits(trx);
  const refs = unitRefsById(units);
  const dataContext = { trx, tenantId, actorUserId: null, now: new Date(), unitIdsByCode: await unitIdsByCode({ trx }) };
  const positions = await loadPositions(trx);
  const positionNames = new Map(positions.map((p) => [p.id, p.name]));
  const people = await loadPeople(trx);
  const roles = await loadRoles(trx);
  const users = await loadUsers(trx);
  const admins = users.filter((u) => u.is_tenant_admin);
  const accounts = new Map(users.filter((u) => !u.is_tenant_admin && u.person_id).map((u) => [u.person_id, u.username]));
  const enabled = (await loadModuleRows(trx)).filter((m) => m.enabled && registry.has(m.module_id));
  const enabledIds = new Set(enabled.map((m) => m.module_id));
  const fieldSets = (await loadCustomFieldRows(trx)).filter((f) => enabledIds.has(f.module_id));

  return {
    version: 1,
    profile: {
      slug: tenant.slug,
      name: tenant.name,
      locale: tenant.locale,
      timeZone: tenant.time_zone,
      ...(tenant.logo_url ? { logoUrl: tenant.logo_url } : {}),
    },
    units: unitTree(childrenByParent(units), null),
    positions: [...positions].sort(compareDisplay).map((p) => p.name),
    people: [...people]
      .sort((a, b) => compareText(a.phone, b.phone))
      .map((p) => {
        const position = p.position_id ? positionNames.get(p.position_id) : undefined;
        const account = accounts.get(p.id);
        return {
          name: p.name,
          phone: p.phone,
          unit: refs.get(p.unit_id)!.ref,
          ...(position ? { position } : {}),
          ...(account ? { account } : {}),
        };
      }),
    roles: [...roles]
      .sort((a, b) => compareText(a.name, b.name))
      .map((r) => ({ name: r.name, ...(r.description ? { description: r.description } : {}), grants: r.grants, members: r.memberPhones })),
    admins: [...admins]
      .sort((a, b) => compareText(a.username, b.username))
      .map((u) => ({ username: u.username, displayName: u.display_name, ...(u.phone ? { phone: u.phone } : {}) })),
    modules: await Promise.all(
      [...enabled]
        .sort((a, b) => compareText(a.module_id, b.module_id))
        .map(async (m) => {
          const data = await registry.get(m.module_id).configData?.export(dataContext);
          return {
            id: m.module_id,
            config: { ...registry.defaultConfig(m.module_id), ...m.config },
            ...(data !== undefined ? { data } : {}),
          };
        }),
    ),
    customFields: [...fieldSets]
      .sort((a, b) => compareText(a.module_id, b.module_id) || compareText(a.record_type, b.record_type))
      .map((f) => ({ module: f.module_id, recordType: f.record_type, schema: f.schema, uiSchema: f.ui_schema })),
    forms: [],
  };
}

function childrenByParent(units: StateUnit[]): Map<string | null, StateUnit[]> {
  const children = new Map<string | null, StateUnit[]>();
  for (const unit of units) {
    const siblings = children.get(unit.parent_id) ?? [];
    siblings.push(unit);
    children.set(unit.parent_id, siblings);
  }
  return children;
}

function unitTree(children: Map<string | null, StateUnit[]>, parentId: string | null): ConfigUnit[] {
  return [...(children.get(parentId) ?? [])].sort(compareDisplay).map((u) => {
    const grandChildren = unitTree(children, u.id);
    return {
      name: u.name,
      kind: u.kind,
      ...(u.code ? { code: u.code } : {}),
      ...(grandChildren.length ? { children: grandChildren } : {}),
    };
  });
}
