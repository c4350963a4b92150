import type { FastifyRequest } from 'fastify';
import type { Knex } from 'knex';
import { uuidv7 } from 'uuidv7';

export interface AuditEntry {
  /** `<area>.<verb>`, e.g. `org.unit.create`, `auth.login`. */
  action: string;
  recordType: string;
  recordId: string;
  /** What changed, or what was done (never passwords or tokens). */
  data?: Record<string, unknown>;
}

/**
 * Appends to the audit trail inside the caller's transaction: the entry exists if and only if
 * the change it records was committed.
 */
export async function writeAudit(trx: Knex.Transaction, tenantId: string, actorUserId: string | null, entry: AuditEntry): Promise<void> {
  await trx('core_audit_log').insert({
    tenant_id: tenantId,
    id: uuidv7(),
    actor_user_id: actorUserId,
    action: entry.action,
    record_type: entry.recordType,
    record_id: entry.recordId,
    data: JSON.stringify(entry.data ?? {}),
  });
}

/** `writeAudit` for the request's tenant, transaction and user. */
export function audit(request: FastifyRequest, entry: AuditEntry): Promise<void> {
  return writeAudit(request.db, request.tenant.id, request.user?.id ?? null, entry);
}
