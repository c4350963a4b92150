import type { Knex } from 'knex';
import type { UnitKind } from '../org/org-kinds.ts';
import type { DataScopeKind } from '../auth/auth.types.ts';

/** What the tenant holds now, in the shapes export and apply compare against. RLS scopes every read. */

export interface StateUnit {
  id: string;
  parent_id: string | null;
  name: string;
  kind: UnitKind;
  code: string | null;
  sort: number;
}

export interface StatePosition {
  id: string;
  name: string;
  sort: number;
}

export interface StatePerson {
  id: string;
  name: string;
  phone: string;
  unit_id: string;
  position_id: string | null;
}

export interface StateRole {
  id: string;
  name: string;
  description: string;
  grants: { permission: string; scope: DataScopeKind }[];
  memberPhones: string[];
}

export interface StateUser {
  id: string;
  username: string;
  display_name: string;
  phone: string | null;
  is_tenant_admin: boolean;
  person_id: string | null;
}

export function loadUnits(trx: Knex.Transaction): Promise<StateUnit[]> {
  return trx('core_unit').select('id', 'parent_id', 'name', 'kind', 'code', 'sort');
}

export function loadPositions(trx: Knex.Transaction): Promise<StatePosition[]> {
  return trx('core_position').select('id', 'name', 'sort');
}

export function loadPeople(trx: Knex.Transaction): Promise<StatePerson[]> {
  return trx('core_person').select('id', 'name', 'phone', 'unit_id', 'position_id');
}

export async function loadRoles(trx: Knex.Transaction): Promise<StateRole[]> {
  const roles: { id: string; name: string; description: string }[] = await trx('core_role').select('id', 'name', 'description');
  const grants: { role_id: string; permission: string; scope: DataScopeKind }[] = await trx('core_role_permission').select(
    'role_id',
    'permission',
    'scope',
  );
  const members: { role_id: string; phone: string }[] = await trx('core_person_role as pr')
    .join('core_person as p', function joinPerson() {
      this.on('p.tenant_id', 'pr.tenant_id').andOn('p.id', 'pr.person_id');
    })
    .select('pr.role_id', 'p.phone');
  return roles.map((role) => ({
    ...role,
    grants: grants
      .filter((g) => g.role_id === role.id)
      .map((g) => ({ permission: g.permission, scope: g.scope }))
      .sort((a, b) => compareText(a.permission, b.permission)),
    memberPhones: members
      .filter((m) => m.role_id === role.id)
      .map((m) => m.phone)
      .sort(compareText),
  }));
}

export function loadUsers(trx: Knex.Transaction): Promise<StateUser[]> {
  return trx('core_user').select('id', 'username', 'display_name', 'phone', 'is_tenant_admin', 'person_id');
}

export function loadModuleRows(trx: Knex.Transaction): Promise<{ module_id: string; enabled: boolean; config: Record<string, unknown> }[]> {
  return trx('core_tenant_module').select('module_id', 'enabled', 'config');
}

export function loadCustomFieldRows(
  trx: Knex.Transaction,
): Promise<{ module_id: string; record_type: string; schema: Record<string, unknown>; ui_schema: Record<string, unknown> }[]> {
  return trx('core_custom_field_set').select('module_id', 'record_type', 'schema', 'ui_schema');
}

/**
 * Code-unit order, the same on every machine and database collation: exports must be byte-stable.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Display order of siblings (units, positions): `sort`, then code, then name. */
export function compareDisplay(
  a: { sort: number; code?: string | null; name: string },
  b: { sort: number; code?: string | null; name: string },
): number {
  return a.sort - b.sort || compareText(a.code ?? '', b.code ?? '') || compareText(a.name, b.name);
}
