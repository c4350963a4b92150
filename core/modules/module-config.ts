import type { Knex } from 'knex';

/**
 * A tenant's config of a module, read in its transaction, with the module's defaults filled in
 * wherever the stored config lacks a value — also inside nested objects (a stored
 * `reminderTexts` with one text keeps the defaults of the others). The platform validated the
 * stored config against the module's schema when it was saved. Arrays are values, not merged.
 */
export async function moduleConfig<T extends object>(trx: Knex.Transaction, moduleId: string, defaults: T): Promise<T> {
  const row: { config: Record<string, unknown> | null } | undefined = await trx('core_tenant_module')
    .where({ module_id: moduleId })
    .first('config');
  return withDefaults(defaults, row?.config ?? {});
}

export function withDefaults<T extends object>(defaults: T, stored: Record<string, unknown>): T {
  const merged: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
  for (const [key, value] of Object.entries(stored)) {
    const fallback = (defaults as Record<string, unknown>)[key];
    merged[key] = isPlainObject(fallback) && isPlainObject(value) ? withDefaults<Record<string, unknown>>(fallback, value) : value;
  }
  return merged as T;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
