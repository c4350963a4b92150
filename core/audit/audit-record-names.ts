import type { Knex } from 'knex';

/** Core record types whose current name the trail can look up (one query per type and page). */
const NAMED_TABLES: Record<string, { table: string; name: string }> = {
  user: { table: 'core_user', name: 'display_name' },
  role: { table: 'core_role', name: 'name' },
  person: { table: 'core_person', name: 'name' },
  unit: { table: 'core_unit', name: 'name' },
  position: { table: 'core_position', name: 'name' },
  file: { table: 'core_file', name: 'name' },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface Entry {
  recordType: string;
  recordId: string;
  data: Record<string, unknown>;
}

/**
 * Each entry's record by name instead of id: the record's current name where core keeps it,
 * else the name, title or username the entry's own data recorded (deleted records, module
 * records), else null. Runs in the reader's tenant transaction, so RLS bounds every lookup.
 */
export async function withRecordNames<T extends Entry>(
  trx: Knex.Transaction,
  entries: T[],
): Promise<(T & { recordName: string | null })[]> {
  const found = new Map<string, string>();
  const byType = new Map<string, Set<string>>();
  for (const entry of entries) {
    if (!NAMED_TABLES[entry.recordType] || !UUID.test(entry.recordId)) continue;
    byType.set(entry.recordType, (byType.get(entry.recordType) ?? new Set()).add(entry.recordId));
  }
  for (const [type, ids] of byType) {
    const { table, name } = NAMED_TABLES[type];
    const rows: { id: string; name: string }[] = await trx(table)
      .whereIn('id', [...ids])
      .select('id', `${name} as name`);
    for (const row of rows) found.set(`${type}:${row.id}`, row.name);
  }
  const named = entries.map((entry) => ({
    ...entry,
    recordName: found.get(`${entry.recordType}:${entry.recordId}`) ?? nameFromData(entry.data),
  }));
  const unnamed = named.filter((entry) => entry.recordName === null);
  if (unnamed.length === 0) return named;
  const fromTrail = await namesFromTrail(trx, unnamed);
  return named.map((entry) =>
    entry.recordName === null ? { ...entry, recordName: fromTrail.get(`${entry.recordType}:${entry.recordId}`) ?? null } : entry,
  );
}

/**
 * A module's record (a form, a task) that this entry does not name is usually named by another
 * entry of the same record, e.g. its creation: the newest such name, through the
 * (tenant_id, record_type, record_id, at) index.
 */
async function namesFromTrail(trx: Knex.Transaction, entries: Entry[]): Promise<Map<string, string>> {
  const pairs = [...new Set(entries.map((e) => JSON.stringify([e.recordType, e.recordId])))].map((p) => JSON.parse(p) as [string, string]);
  const rows: { record_type: string; record_id: string; name: string }[] = await trx('core_audit_log')
    .whereIn(['record_type', 'record_id'], pairs)
    .whereRaw(`coalesce(data->>'name', data->>'title') is not null`)
    .distinctOn('record_type', 'record_id')
    .orderBy([{ column: 'record_type' }, { column: 'record_id' }, { column: 'at', order: 'desc' }])
    .select('record_type', 'record_id', trx.raw(`coalesce(data->>'name', data->>'title') as name`));
  return new Map(rows.map((r) => [`${r.record_type}:${r.record_id}`, r.name]));
}

function nameFromData(data: Record<string, unknown>): string | null {
  for (const key of ['name', 'title', 'displayName', 'username']) {
    const value = data[key];
    if (typeof value === 'string' && value.trim()) return value;
  }
  return null;
}
