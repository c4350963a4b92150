import type { FastifyRequest } from 'fastify';
import type { Knex } from 'knex';
import { type DataScope, moduleActor, type ModuleActor, notFound, unitPathInScope } from '../../../core/module-kit.ts';
import { dispatchScopes } from './dispatch-scopes.ts';
import { DISPATCH_ERRORS } from '../schemas/error-codes.ts';

export interface TaskRow {
  id: string;
  title: string;
  description: string;
  category: string;
  priority: 'low' | 'normal' | 'high' | 'urgent';
  owner_unit_id: string;
  owner_unit_path: string;
  deadline: Date;
  status: 'active' | 'closed';
  created_by: string | null;
  report_form_id: string | null;
  report_form_version: number | null;
}

/** What the caller may do with one task, decided once per request. */
export interface TaskAccess {
  actor: ModuleActor;
  task: TaskRow;
  /** Holds dispatch.supervise over the supervising unit (or created the task). */
  supervise: boolean;
  /** Holds dispatch.instruct over the supervising unit. */
  instruct: boolean;
  /** Assignments of the task the caller answers for: their unit's (holding dispatch.handle) or as the responsible person. */
  handled: string[];
}

export async function findTaskRow(trx: Knex.Transaction, taskId: string): Promise<TaskRow | undefined> {
  return trx('dispatch_task as t')
    .join('core_unit as u', function joinUnit() {
      this.on('u.tenant_id', 't.tenant_id').andOn('u.id', 't.owner_unit_id');
    })
    .where('t.id', taskId)
    .first(
      't.id',
      't.title',
      't.description',
      't.category',
      't.priority',
      't.owner_unit_id',
      'u.path as owner_unit_path',
      't.deadline',
      't.status',
      't.created_by',
      't.report_form_id',
      't.report_form_version',
    );
}

/**
 * The caller's access to a task: supervisors and leaders over its supervising unit, its creator,
 * and the units it was dispatched to at any depth. Anyone else gets a 404, as for a task of
 * another tenant: nothing tells them it exists.
 */
export async function taskAccess(request: FastifyRequest, taskId: string): Promise<TaskAccess> {
  const task = await findTaskRow(request.db, taskId);
  if (!task) throw taskNotFound();
  const actor = await moduleActor(request);
  const { supervise: superviseScope, instruct: instructScope, handle: handleScope } = await dispatchScopes(request);
  const reaches = (scope: DataScope | null) => scope !== null && unitPathInScope(task.owner_unit_path, scope);
  const supervise = reaches(superviseScope) || (superviseScope !== null && task.created_by === actor.userId);
  const instruct = reaches(instructScope);
  const handled = await handledAssignmentIds(request.db, actor, taskId, handleScope !== null);
  if (!supervise && !instruct && handled.length === 0) throw taskNotFound();
  return { actor, task, supervise, instruct, handled };
}

async function handledAssignmentIds(trx: Knex.Transaction, actor: ModuleActor, taskId: string, holdsHandle: boolean): Promise<string[]> {
  if (!actor.personId) return [];
  return trx('dispatch_assignment')
    .where('task_id', taskId)
    .andWhere((q) => {
      q.where('person_id', actor.personId);
      if (holdsHandle && actor.unitId) q.orWhere('unit_id', actor.unitId);
    })
    .pluck('id');
}

export const taskNotFound = () => notFound(DISPATCH_ERRORS.TASK_NOT_FOUND, 'No such task');
