import type { FastifyRequest } from 'fastify';
import { moduleActor, notFound, scopeOf, unitFacts, unitPathInScope } from '../../../core/module-kit.ts';
import { APPROVAL_ERRORS } from '../schemas/error-codes.ts';
import { deputiesToday } from './delegation.ts';
import { PERMISSION } from './permissions.ts';
import type { RequestRow } from './request-row.ts';

/**
 * Whether the caller may read a request: its applicant, anyone who holds or held a task on it
 * (or decided one standing in), the people it was copied to, a deputy of a current approver, and
 * managers whose scope holds the applicant's unit. Anyone else gets a 404, as for a request that
 * does not exist. A draft is its applicant's alone.
 */
export async function assertReadable(request: FastifyRequest, row: RequestRow): Promise<void> {
  const actor = await moduleActor(request);
  if (row.applicant_user_id === actor.userId) return;
  const hidden = () => notFound(APPROVAL_ERRORS.REQUEST_NOT_FOUND, 'No such request');
  if (row.status === 'draft') throw hidden();
  const involved = await request
    .db('approval_task')
    .where({ request_id: row.id })
    .andWhere((q) => q.where('approver_user_id', actor.userId).orWhere('decided_by', actor.userId).orWhere('on_behalf_of', actor.userId))
    .first('id');
  if (involved) return;
  if (await request.db('approval_cc').where({ request_id: row.id, user_id: actor.userId }).first('user_id')) return;
  const waiting: string[] = await request.db('approval_task').where({ request_id: row.id, status: 'waiting' }).pluck('approver_user_id');
  const deputies = await deputiesToday(request.db, waiting, new Date(), request.tenant.timeZone);
  if ([...deputies.values()].includes(actor.userId)) return;
  const scope = await scopeOf(request, PERMISSION.manage);
  if (scope) {
    if (scope.kind === 'tenant') return;
    const unit = row.applicant_unit_id ? (await unitFacts(request.db, [row.applicant_unit_id])).get(row.applicant_unit_id) : undefined;
    if (unit && unitPathInScope(unit.path, scope)) return;
  }
  throw hidden();
}
