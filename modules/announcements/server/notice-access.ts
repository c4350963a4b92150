import type { FastifyRequest } from 'fastify';
import type { Knex } from 'knex';
import { moduleActor, notFound, scopeOf, whereInScope, type DataScope } from '../../../core/module-kit.ts';
import { ANNOUNCEMENT_ERRORS } from '../schemas/error-codes.ts';
import { noticeRows, type NoticeRow } from './notice-row.ts';
import { PERMISSION } from './permissions.ts';

export const noticeNotFound = () => notFound(ANNOUNCEMENT_ERRORS.NOT_FOUND, 'No such notice');

/**
 * The notices a publisher manages: those of units inside their publishing scope, and those they
 * wrote themselves (a notice of a unit since moved out of their reach stays theirs).
 */
export function whereManaged(query: Knex.QueryBuilder, trx: Knex.Transaction, scope: DataScope, userId: string): Knex.QueryBuilder {
  if (scope.kind === 'tenant') return query;
  return query.where((q) => {
    q.where('a.created_by', userId).orWhere((inner) => {
      whereInScope(inner, 'a.unit_id', scope, trx);
    });
  });
}

/** A notice the signed-in publisher manages, or 404 (another county's, or outside their scope). */
export async function managedNotice(request: FastifyRequest, id: string, scope: DataScope = request.scope): Promise<NoticeRow> {
  const actor = await moduleActor(request);
  const row: NoticeRow | undefined = await whereManaged(noticeRows(request.db), request.db, scope, actor.userId).where('a.id', id).first();
  if (!row) throw noticeNotFound();
  return row;
}

/** The signed-in user's recipient row of a published notice, or undefined: what reading needs. */
export async function recipientRow(
  trx: Knex.Transaction,
  id: string,
  userId: string,
): Promise<{ read_at: Date | null; confirmed_at: Date | null } | undefined> {
  return trx('announcement_recipient as r')
    .join('announcement as a', function joinNotice() {
      this.on('a.tenant_id', 'r.tenant_id').andOn('a.id', 'r.announcement_id');
    })
    .where({ 'r.announcement_id': id, 'r.user_id': userId, 'a.status': 'published' })
    .first('r.read_at', 'r.confirmed_at');
}

/**
 * Whether the signed-in user may read a notice (and so its attachments): they are among its
 * recipients while it is published, or they manage it.
 */
export async function mayReadNotice(request: FastifyRequest, id: string): Promise<boolean> {
  if (!request.user) return false;
  if (await recipientRow(request.db, id, request.user.id)) return true;
  const scope = await scopeOf(request, PERMISSION.publish);
  if (!scope) return false;
  try {
    await managedNotice(request, id, scope);
    return true;
  } catch {
    return false;
  }
}
