import type { Knex } from 'knex';
import { badRequest, forbidden, type ModuleActor } from '../../../core/module-kit.ts';
import { FORMS_ERRORS } from '../schemas/error-codes.ts';

export interface CollectionRow {
  id: string;
  form_id: string;
  version: number;
  name: string;
  frequency: 'once' | 'weekly' | 'monthly' | 'quarterly';
  starts_on: string;
  ends_on: string | null;
  due_offset: number;
  due_offset_kind: 'days' | 'working_days';
  due_on: string | null;
  status: 'active' | 'closed';
  created_at: Date;
  updated_at: Date;
}

export interface PeriodRow {
  collection_id: string;
  period_key: string;
  starts_on: string;
  ends_on: string;
  due_on: string;
}

/** Where a collection's submission goes: the assignee it fulfils and the unit it counts for. */
export interface CollectionTarget {
  collection: CollectionRow;
  period: PeriodRow;
  assigneeId: string;
  unitId: string | null;
}

/**
 * Resolves for whom the actor submits in a collection's period. A unit assignee is served by
 * anyone of that unit who may fill forms in; a person assignee by that person. Admins may submit
 * for any assignee, naming it. Closed collections and periods not yet opened take nothing.
 */
export async function resolveCollectionTarget(
  trx: Knex.Transaction,
  actor: ModuleActor,
  input: { collectionId: string; periodKey?: string; assigneeId?: string; formId: string; version: number },
): Promise<CollectionTarget> {
  const collection: CollectionRow | undefined = await trx('forms_collection')
    .where({ id: input.collectionId, form_id: input.formId })
    .first();
  if (!collection)
    throw badRequest(FORMS_ERRORS.COLLECTION_INVALID, 'No such collection of this form', [
      { path: 'body.collectionId', message: 'is not a collection of this form' },
    ]);
  if (collection.status !== 'active')
    throw badRequest(FORMS_ERRORS.COLLECTION_CLOSED, 'The collection is closed', [{ path: 'body.collectionId', message: 'is closed' }]);
  if (collection.version !== input.version) {
    throw badRequest(FORMS_ERRORS.VERSION_MISMATCH, `This collection is filled in with version ${collection.version}`, [
      { path: 'body.version', message: `must be ${collection.version}` },
    ]);
  }
  if (!input.periodKey)
    throw badRequest(FORMS_ERRORS.PERIOD_REQUIRED, 'Name the period of the collection', [
      { path: 'body.periodKey', message: 'is required with collectionId' },
    ]);
  const period: PeriodRow | undefined = await trx('forms_period')
    .where({ collection_id: collection.id, period_key: input.periodKey })
    .first('collection_id', 'period_key', 'starts_on', 'ends_on', 'due_on');
  if (!period)
    throw badRequest(FORMS_ERRORS.PERIOD_NOT_OPEN, 'This period of the collection is not open', [
      { path: 'body.periodKey', message: 'is not an open period of the collection' },
    ]);

  const query = trx('forms_collection_assignee as a')
    .leftJoin('core_person as p', function joinPerson() {
      this.on('p.tenant_id', 'a.tenant_id').andOn('p.id', 'a.person_id');
    })
    .where('a.collection_id', collection.id)
    // Person assignees first: filling in as oneself beats filling in for one's unit.
    .orderByRaw('a.person_id is null, a.id')
    .select('a.id', trx.raw('coalesce(a.unit_id, p.unit_id) as unit_id'));
  if (input.assigneeId) query.where('a.id', input.assigneeId);
  if (!actor.isTenantAdmin) {
    query.where((w) => {
      if (actor.personId) w.where('a.person_id', actor.personId);
      if (actor.unitId) w.orWhere('a.unit_id', actor.unitId);
      if (!actor.personId && !actor.unitId) w.whereRaw('false');
    });
  }
  const matches: { id: string; unit_id: string | null }[] = await query;
  if (matches.length === 0) {
    if (input.assigneeId)
      throw badRequest(FORMS_ERRORS.ASSIGNEE_INVALID, 'Not an assignee of this collection you may fill in for', [
        { path: 'body.assigneeId', message: 'is not yours to fill in' },
      ]);
    if (actor.isTenantAdmin)
      throw badRequest(FORMS_ERRORS.ASSIGNEE_REQUIRED, 'Name the assignee to fill in for', [
        { path: 'body.assigneeId', message: 'is required' },
      ]);
    throw forbidden(FORMS_ERRORS.NOT_ASSIGNED, 'This collection was not sent to you or your unit');
  }
  if (actor.isTenantAdmin && !input.assigneeId)
    throw badRequest(FORMS_ERRORS.ASSIGNEE_REQUIRED, 'Name the assignee to fill in for', [
      { path: 'body.assigneeId', message: 'is required' },
    ]);
  return { collection, period, assigneeId: matches[0].id, unitId: matches[0].unit_id };
}
