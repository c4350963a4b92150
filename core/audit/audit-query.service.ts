import type { Knex } from 'knex';
import { whereInScope, type DataScope } from '../auth/permissions.ts';
import { badRequest } from '../http/errors.ts';
import { decodeCursor, encodeCursor } from '../http/list-cursor.ts';
import { CORE_ERRORS } from '../schemas/error-codes.ts';

export interface AuditFilter {
  recordType?: string;
  recordId?: string;
  /** The acting user. */
  userId?: string;
  action?: string;
  /** Inclusive lower bound of `at`. */
  from?: string;
  /** Exclusive upper bound of `at`. */
  to?: string;
  limit: number;
  cursor?: string;
}

interface AuditRow {
  id: string;
  at: Date;
  at_key: string;
  action: string;
  record_type: string;
  record_id: string;
  data: Record<string, unknown>;
  actor_user_id: string | null;
  actor_name: string | null;
}

/**
 * One page of the audit trail, newest first by (at, id), with each actor's display name from a
 * single join. A grant narrower than the tenant shows the entries of actors whose person sits
 * in the granted units. Every filter is served by an index beginning with tenant_id
 * (migrations 004 and 020).
 */
export async function listAudit(trx: Knex.Transaction, tenantId: string, scope: DataScope, filter: AuditFilter) {
  const rows: AuditRow[] = await auditListQuery(trx, tenantId, scope, filter);
  const page = rows.slice(0, filter.limit);
  const last = page[page.length - 1];
  return { items: page.map(toView), nextCursor: rows.length > filter.limit ? encodeCursor([last.at_key, last.id]) : null };
}

/** The list query itself (one row more than the page, to know whether another follows). */
export function auditListQuery(trx: Knex.Transaction, tenantId: string, scope: DataScope, filter: AuditFilter): Knex.QueryBuilder {
  const [at, id] = filter.cursor === undefined ? [] : decodeCursor(filter.cursor, ['timestamp', 'uuid'], CORE_ERRORS.AUDIT_CURSOR_INVALID);
  const after = at === undefined ? null : { at, id };
  if (filter.from && filter.to && Date.parse(filter.from) > Date.parse(filter.to)) {
    throw badRequest(CORE_ERRORS.AUDIT_RANGE_INVALID, '"to" is before "from"', [
      { path: 'querystring.to', message: 'must not be before from' },
    ]);
  }
  const query = trx('core_audit_log as a')
    .leftJoin('core_user as u', function joinActor() {
      this.on('u.tenant_id', 'a.tenant_id').andOn('u.id', 'a.actor_user_id');
    })
    .where('a.tenant_id', tenantId)
    .select(
      'a.id',
      'a.at',
      trx.raw('a.at::text as at_key'),
      'a.action',
      'a.record_type',
      'a.record_id',
      'a.data',
      'a.actor_user_id',
      'u.display_name as actor_name',
    )
    .orderBy([
      { column: 'a.at', order: 'desc' },
      { column: 'a.id', order: 'desc' },
    ])
    .limit(filter.limit + 1);
  if (filter.recordType !== undefined) query.where('a.record_type', filter.recordType);
  if (filter.recordId !== undefined) query.where('a.record_id', filter.recordId);
  if (filter.userId !== undefined) query.where('a.actor_user_id', filter.userId);
  if (filter.action !== undefined) query.where('a.action', filter.action);
  if (filter.from !== undefined) query.where('a.at', '>=', filter.from);
  if (filter.to !== undefined) query.where('a.at', '<', filter.to);
  // The cursor keeps the database's microseconds (a JS Date would drop them and skip rows).
  if (after) query.whereRaw('(a.at, a.id) < (?::timestamptz, ?::uuid)', [after.at, after.id]);
  if (scope.kind !== 'tenant') {
    const actorsInScope = trx('core_user as su')
      .join('core_person as sp', function joinPerson() {
        this.on('sp.tenant_id', 'su.tenant_id').andOn('sp.id', 'su.person_id');
      })
      .select('su.id');
    query.whereIn('a.actor_user_id', whereInScope(actorsInScope, 'sp.unit_id', scope, trx));
  }
  return query;
}

function toView(row: AuditRow) {
  return {
    id: row.id,
    at: row.at,
    action: row.action,
    recordType: row.record_type,
    recordId: row.record_id,
    data: row.data,
    actor: row.actor_user_id === null ? null : { id: row.actor_user_id, displayName: row.actor_name },
  };
}
