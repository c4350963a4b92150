import type { Knex } from 'knex';

interface ExtensionRow {
  id: string;
  task_id: string;
  assignment_id: string;
  unit_id: string;
  unit_name: string;
  unit_kind: string;
  current_deadline: Date;
  requested_deadline: Date;
  reason: string;
  status: 'pending' | 'granted' | 'refused';
  decision_reason: string | null;
  requested_by_name: string | null;
  decided_by_name: string | null;
  decided_at: Date | null;
  created_at: Date;
}

/** Extension requests with their unit and the names of who asked and who decided. */
export function extensionQuery(trx: Knex.Transaction) {
  return trx('dispatch_extension as x')
    .join('dispatch_assignment as a', function joinAssignment() {
      this.on('a.tenant_id', 'x.tenant_id').andOn('a.id', 'x.assignment_id');
    })
    .join('core_unit as u', function joinUnit() {
      this.on('u.tenant_id', 'a.tenant_id').andOn('u.id', 'a.unit_id');
    })
    .leftJoin('core_user as rq', function joinRequester() {
      this.on('rq.tenant_id', 'x.tenant_id').andOn('rq.id', 'x.requested_by');
    })
    .leftJoin('core_user as dc', function joinDecider() {
      this.on('dc.tenant_id', 'x.tenant_id').andOn('dc.id', 'x.decided_by');
    })
    .orderBy([
      { column: 'x.created_at', order: 'desc' },
      { column: 'x.id', order: 'desc' },
    ])
    .select(
      'x.id',
      'x.task_id',
      'x.assignment_id',
      'a.unit_id',
      'u.name as unit_name',
      'u.kind as unit_kind',
      'x.current_deadline',
      'x.requested_deadline',
      'x.reason',
      'x.status',
      'x.decision_reason',
      'rq.display_name as requested_by_name',
      'dc.display_name as decided_by_name',
      'x.decided_at',
      'x.created_at',
    );
}

export function toExtensionView(row: ExtensionRow) {
  return {
    id: row.id,
    taskId: row.task_id,
    assignmentId: row.assignment_id,
    unit: { id: row.unit_id, name: row.unit_name, kind: row.unit_kind },
    currentDeadline: row.current_deadline,
    requestedDeadline: row.requested_deadline,
    reason: row.reason,
    status: row.status,
    decisionReason: row.decision_reason,
    requestedByName: row.requested_by_name,
    decidedByName: row.decided_by_name,
    decidedAt: row.decided_at,
    createdAt: row.created_at,
  };
}

export async function extensionView(trx: Knex.Transaction, id: string) {
  return toExtensionView(await extensionQuery(trx).where('x.id', id).first());
}
