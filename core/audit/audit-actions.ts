import type { Knex } from 'knex';

/** What core writes into the trail; modules' actions are found in the trail itself. */
export const CORE_AUDIT_ACTIONS = [
  'auth.login',
  'auth.password.change',
  'users.create',
  'users.bulk_create',
  'users.update',
  'users.password.reset',
  'roles.create',
  'roles.update',
  'roles.delete',
  'roles.members.set',
  'org.unit.create',
  'org.unit.update',
  'org.unit.move',
  'org.unit.delete',
  'org.person.create',
  'org.person.update',
  'org.person.delete',
  'org.position.create',
  'org.position.update',
  'org.position.delete',
  'org.import',
  'modules.enable',
  'modules.disable',
  'modules.configure',
  'custom_fields.put',
  'custom_fields.delete',
  'calendar.day.put',
  'calendar.day.delete',
  'files.upload',
  'exports.create',
  'exports.done',
  'exports.fail',
  'tenant.profile.update',
  'tenant_config.apply',
] as const;

/**
 * The action catalogue the trail's filter offers: core's actions and every other action this
 * tenant's trail holds, each with the installed module it belongs to (by its id prefix).
 * The distinct actions come from a skip scan over the (tenant_id, action, at) index: one probe
 * per distinct action, not a walk over the whole trail.
 */
export async function auditActionCatalogue(trx: Knex.Transaction, tenantId: string, moduleIds: string[]) {
  const { rows } = await trx.raw(
    `with recursive seen(action) as (
       (select action from core_audit_log where tenant_id = ? order by action limit 1)
       union all
       select (select l.action from core_audit_log l where l.tenant_id = ? and l.action > seen.action order by l.action limit 1)
       from seen where seen.action is not null
     )
     select action from seen where action is not null`,
    [tenantId, tenantId],
  );
  const actions = new Set<string>([...CORE_AUDIT_ACTIONS, ...(rows as { action: string }[]).map((r) => r.action)]);
  return [...actions].sort().map((action) => ({ action, moduleId: moduleIds.find((id) => action.startsWith(`${id}.`)) ?? null }));
}
