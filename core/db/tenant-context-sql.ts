/**
 * The tenant context of a transaction as SQL text. Row Level Security reads `app.tenant_id`;
 * it is set with `SET LOCAL`, not `set_config(…, true)`: on Citus (distributed PostgreSQL) only
 * `SET` commands travel to the worker nodes (with `citus.propagate_set_commands = 'local'` for the
 * runtime role), so a `set_config` would leave the workers without a tenant and RLS there would
 * show nothing and refuse every insert. `SET` takes no parameters, hence the strict uuid check.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ROLE_NAME = /^[a-z_][a-z0-9_]*$/;

/** `SET LOCAL app.tenant_id = '<uuid>'`; null clears it (a platform transaction sees no tenant rows). */
export function setTenantSql(tenantId: string | null): string {
  if (tenantId !== null && !UUID.test(tenantId)) throw new Error('tenant id is not a uuid');
  return `set local app.tenant_id = '${tenantId ?? ''}'`;
}

/** `SET LOCAL role <role>`: PGlite connects as superuser, which bypasses even forced RLS. */
export function setRoleSql(role: string): string {
  if (!ROLE_NAME.test(role)) throw new Error('runtime role name must be a plain lower-case identifier');
  return `set local role ${role}`;
}
