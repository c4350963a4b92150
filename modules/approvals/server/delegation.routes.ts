import type { Knex } from 'knex';
import { uuidv7 } from 'uuidv7';
import { accountFacts, audit, badRequest, moduleActor, notFound, todayIn, type RoutePlugin } from '../../../core/module-kit.ts';
import { createDelegationRoute, listDelegationsRoute, revokeDelegationRoute, type DelegationView } from '../schemas/delegation.schema.ts';
import { APPROVAL_ERRORS } from '../schemas/error-codes.ts';

interface DelegationRow {
  id: string;
  user_id: string;
  deputy_user_id: string;
  starts_on: string;
  ends_on: string;
  note: string;
  revoked_at: Date | null;
  created_at: Date;
}

async function views(trx: Knex.Transaction, rows: DelegationRow[]): Promise<DelegationView[]> {
  const people = await accountFacts(
    trx,
    rows.map((r) => r.deputy_user_id),
  );
  return rows.map((r) => ({
    id: r.id,
    deputy: { id: r.deputy_user_id, name: people.get(r.deputy_user_id)?.displayName ?? '' },
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    note: r.note,
    revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

/** Delegation while away (委托): each account manages its own; nobody delegates another's approvals. */
export const delegationRoutes: RoutePlugin = async (app) => {
  app.get('/delegations', { schema: listDelegationsRoute }, async (request) => {
    const actor = await moduleActor(request);
    const rows: DelegationRow[] = await request
      .db('approval_delegation')
      .where({ user_id: actor.userId })
      .orderBy('created_at', 'desc')
      .limit(100);
    return { items: await views(request.db, rows) };
  });

  app.post('/delegations', { schema: createDelegationRoute }, async (request, reply) => {
    const actor = await moduleActor(request);
    const { deputyUserId, startsOn, endsOn } = request.body;
    const problems = [];
    if (deputyUserId === actor.userId) problems.push({ path: 'body.deputyUserId', message: 'is yourself' });
    else if (!(await accountFacts(request.db, [deputyUserId])).get(deputyUserId)?.active)
      problems.push({ path: 'body.deputyUserId', message: 'is not an active account of this county' });
    if (endsOn < startsOn) problems.push({ path: 'body.endsOn', message: 'is before startsOn' });
    if (endsOn < todayIn(request.tenant.timeZone, new Date())) problems.push({ path: 'body.endsOn', message: 'is in the past' });
    if (problems.length > 0) throw badRequest(APPROVAL_ERRORS.DELEGATION_INVALID, 'The delegation cannot be made', problems);
    const id = uuidv7();
    await request.db('approval_delegation').insert({
      tenant_id: request.tenant.id,
      id,
      user_id: actor.userId,
      deputy_user_id: deputyUserId,
      starts_on: startsOn,
      ends_on: endsOn,
      note: request.body.note ?? '',
    });
    await audit(request, { action: 'approvals.delegation.create', recordType: 'approval_delegation', recordId: id, data: request.body });
    const row: DelegationRow = await request.db('approval_delegation').where({ id }).first();
    return reply.status(201).send((await views(request.db, [row]))[0]);
  });

  app.post('/delegations/:id/revoke', { schema: revokeDelegationRoute }, async (request) => {
    const actor = await moduleActor(request);
    const row: DelegationRow | undefined = await request
      .db('approval_delegation')
      .where({ id: request.params.id, user_id: actor.userId })
      .first();
    if (!row) throw notFound(APPROVAL_ERRORS.DELEGATION_NOT_FOUND, 'No such delegation');
    if (!row.revoked_at) await request.db('approval_delegation').where({ id: row.id }).update({ revoked_at: new Date() });
    await audit(request, { action: 'approvals.delegation.revoke', recordType: 'approval_delegation', recordId: row.id });
    const saved: DelegationRow = await request.db('approval_delegation').where({ id: row.id }).first();
    return (await views(request.db, [saved]))[0];
  });
};
