import { assigneeUsers } from './period-status.service.ts';
import type { Knex } from 'knex';
import { uuidv7 } from 'uuidv7';
import {
  AppError,
  badRequest,
  type DataScope,
  decodeCursor,
  encodeCursor,
  type ModuleContext,
  notFound,
  tenantTimeZone,
  todayIn,
  unitsOutsideScope,
  writeAudit,
} from '../../../core/module-kit.ts';
import type { CollectionRow, PeriodRow } from './collection-assignee.ts';
import { findVersion, getForm, requirePublished } from './form.service.ts';
import { ensurePeriod, periodAt, periodToView } from './period.service.ts';
import { FORMS_ERRORS } from '../schemas/error-codes.ts';

export interface NewCollection {
  formId: string;
  version?: number;
  name: string;
  frequency: CollectionRow['frequency'];
  startsOn?: string;
  endsOn?: string;
  dueOffset?: number;
  dueOffsetKind?: CollectionRow['due_offset_kind'];
  dueOn?: string;
  unitIds?: string[];
  personIds?: string[];
}

/** Sends a published form to units and people; the current period opens at once. */
export async function createCollection(ctx: ModuleContext, scope: DataScope, input: NewCollection): Promise<string> {
  const form = await getForm(ctx.trx, input.formId).catch((error: unknown) => {
    if (error instanceof AppError && error.statusCode === 404)
      throw badRequest(FORMS_ERRORS.FORM_NOT_FOUND, 'No such form', [{ path: 'body.formId', message: 'is not a form' }]);
    throw error;
  });
  const version = input.version ?? requirePublished(form);
  if (!(await findVersion(ctx.trx, form.id, version)))
    throw badRequest(FORMS_ERRORS.VERSION_NOT_FOUND, `Form version ${version} does not exist`, [
      { path: 'body.version', message: 'is not a published version' },
    ]);
  const today = todayIn(await tenantTimeZone(ctx.trx, ctx.tenantId));
  const startsOn = input.startsOn ?? today;
  if (input.frequency === 'once' && !input.dueOn)
    throw badRequest(FORMS_ERRORS.DUE_DATE_REQUIRED, 'A one-time collection needs a due date', [
      { path: 'body.dueOn', message: 'is required for frequency "once"' },
    ]);
  if (input.frequency === 'once' && (input.dueOn as string) < startsOn)
    throw badRequest(FORMS_ERRORS.DUE_DATE_INVALID, 'The due date is before the start', [
      { path: 'body.dueOn', message: 'is before startsOn' },
    ]);
  if (input.endsOn && input.endsOn < startsOn)
    throw badRequest(FORMS_ERRORS.END_INVALID, 'The collection ends before it starts', [
      { path: 'body.endsOn', message: 'is before startsOn' },
    ]);
  const unitIds = input.unitIds ?? [];
  const personIds = input.personIds ?? [];
  if (unitIds.length + personIds.length === 0)
    throw badRequest(FORMS_ERRORS.ASSIGNEES_REQUIRED, 'Send the form to at least one unit or person', [
      { path: 'body.unitIds', message: 'or personIds must name someone' },
    ]);
  await checkAssignees(ctx.trx, scope, unitIds, personIds);

  const id = uuidv7();
  await ctx.trx('forms_collection').insert({
    tenant_id: ctx.tenantId,
    id,
    form_id: form.id,
    version,
    name: input.name,
    frequency: input.frequency,
    starts_on: startsOn,
    ends_on: input.endsOn ?? null,
    due_offset: input.dueOffset ?? 0,
    due_offset_kind: input.dueOffsetKind ?? 'days',
    due_on: input.frequency === 'once' ? input.dueOn : null,
    created_by: ctx.userId,
  });
  const assignees = [
    ...unitIds.map((unitId) => ({ unit_id: unitId, person_id: null })),
    ...personIds.map((personId) => ({ unit_id: null, person_id: personId })),
  ];
  await ctx
    .trx('forms_collection_assignee')
    .insert(assignees.map((a) => ({ tenant_id: ctx.tenantId, id: uuidv7(), collection_id: id, ...a })));
  const collection = await getCollectionRow(ctx.trx, id);
  const current = periodAt(collection, collection.frequency === 'once' ? startsOn : today);
  if (current) await ensurePeriod(ctx.trx, ctx.tenantId, collection, current);
  await writeAudit(ctx.trx, ctx.tenantId, ctx.userId, {
    action: 'forms.collection.create',
    recordType: 'forms_collection',
    recordId: id,
    data: { formId: form.id, version, frequency: input.frequency, units: unitIds.length, people: personIds.length },
  });
  return id;
}

/** Every unit and person must exist and lie in the sender's scope (a town head sends to the town's villages). */
async function checkAssignees(trx: Knex.Transaction, scope: DataScope, unitIds: string[], personIds: string[]): Promise<void> {
  const units = new Set<string>(unitIds.length ? await trx('core_unit').whereIn('id', unitIds).pluck('id') : []);
  const people: { id: string; unit_id: string }[] = personIds.length
    ? await trx('core_person').whereIn('id', personIds).select('id', 'unit_id')
    : [];
  const problems = [
    ...unitIds.map((id, i) => ({ id, path: `body.unitIds[${i}]`, ok: units.has(id), unitId: id })),
    ...personIds.map((id, i) => ({
      id,
      path: `body.personIds[${i}]`,
      ok: people.some((p) => p.id === id),
      unitId: people.find((p) => p.id === id)?.unit_id ?? '',
    })),
  ];
  const outside = new Set(
    await unitsOutsideScope(
      trx,
      problems.filter((p) => p.ok).map((p) => p.unitId),
      scope,
    ),
  );
  const bad = problems
    .filter((p) => !p.ok || outside.has(p.unitId))
    .map((p) => ({ path: p.path, message: p.ok ? 'is outside your units' : 'does not exist' }));
  if (bad.length > 0) throw badRequest(FORMS_ERRORS.ASSIGNEE_INVALID, 'Some assignees cannot receive this collection', bad);
}

export async function getCollectionRow(trx: Knex.Transaction, id: string, lock = false): Promise<CollectionRow> {
  const query = trx('forms_collection').where({ id }).first();
  if (lock) query.forUpdate();
  const row: CollectionRow | undefined = await query;
  if (!row) throw notFound(FORMS_ERRORS.COLLECTION_NOT_FOUND, 'No such collection');
  return row;
}

/** Collections reaching the scope: with a unit (or a person of a unit) inside it. */
export function whereCollectionInScope(query: Knex.QueryBuilder, trx: Knex.Transaction, scope: DataScope, alias = 'c'): Knex.QueryBuilder {
  if (scope.kind === 'tenant') return query;
  const units =
    scope.kind === 'own_unit'
      ? trx('core_unit').select('id').where('id', scope.unitId)
      : trx('core_unit').select('id').where('path', 'like', `${scope.unitPath}%`);
  return query.whereExists(
    trx('forms_collection_assignee as a')
      .leftJoin('core_person as p', function joinPerson() {
        this.on('p.tenant_id', 'a.tenant_id').andOn('p.id', 'a.person_id');
      })
      .whereRaw(`a.collection_id = ${alias}.id`)
      .where((w) => w.whereIn('a.unit_id', units.clone()).orWhereIn('p.unit_id', units.clone())),
  );
}

export async function getCollection(trx: Knex.Transaction, scope: DataScope, id: string) {
  const query = trx('forms_collection as c').where('c.id', id).first('c.id');
  if (!(await whereCollectionInScope(query, trx, scope))) throw notFound(FORMS_ERRORS.COLLECTION_NOT_FOUND, 'No such collection');
  return (await collectionViews(trx, [await getCollectionRow(trx, id)]))[0];
}

export async function listCollections(
  trx: Knex.Transaction,
  scope: DataScope,
  filter: { formId?: string; status?: CollectionRow['status']; limit: number; cursor?: string },
) {
  const query = trx('forms_collection as c')
    .select('c.*')
    .orderBy([{ column: 'c.id', order: 'desc' }])
    .limit(filter.limit + 1);
  if (filter.formId) query.where('c.form_id', filter.formId);
  if (filter.status) query.where('c.status', filter.status);
  // Ids are uuid v7, so id order is creation order.
  if (filter.cursor) query.where('c.id', '<', decodeCursor(filter.cursor, ['uuid'], FORMS_ERRORS.CURSOR_INVALID)[0]);
  const rows: CollectionRow[] = await whereCollectionInScope(query, trx, scope);
  const page = rows.slice(0, filter.limit);
  return {
    items: await collectionViews(trx, page),
    nextCursor: rows.length > filter.limit ? encodeCursor([page[page.length - 1].id]) : null,
  };
}

export async function updateCollection(
  ctx: ModuleContext,
  scope: DataScope,
  id: string,
  changes: { name?: string; status?: CollectionRow['status']; version?: number; endsOn?: string | null },
) {
  await getCollection(ctx.trx, scope, id);
  const current = await getCollectionRow(ctx.trx, id, true);
  if (changes.version !== undefined && !(await findVersion(ctx.trx, current.form_id, changes.version))) {
    throw badRequest(FORMS_ERRORS.VERSION_NOT_FOUND, `Form version ${changes.version} does not exist`, [
      { path: 'body.version', message: 'is not a published version' },
    ]);
  }
  if (changes.endsOn && changes.endsOn < current.starts_on)
    throw badRequest(FORMS_ERRORS.END_INVALID, 'The collection ends before it starts', [
      { path: 'body.endsOn', message: 'is before startsOn' },
    ]);
  const update: Record<string, unknown> = { updated_at: ctx.trx.fn.now() };
  if (changes.name !== undefined) update.name = changes.name;
  if (changes.status !== undefined) update.status = changes.status;
  if (changes.version !== undefined) update.version = changes.version;
  if (changes.endsOn !== undefined) update.ends_on = changes.endsOn;
  await ctx.trx('forms_collection').where({ id }).update(update);
  await writeAudit(ctx.trx, ctx.tenantId, ctx.userId, {
    action: 'forms.collection.update',
    recordType: 'forms_collection',
    recordId: id,
    data: changes,
  });
  return getCollection(ctx.trx, scope, id);
}

async function collectionViews(trx: Knex.Transaction, rows: CollectionRow[]) {
  const ids = rows.map((r) => r.id);
  const assignees: {
    id: string;
    collection_id: string;
    unit_id: string | null;
    unit_name: string | null;
    person_id: string | null;
    person_name: string | null;
  }[] = ids.length
    ? await trx('forms_collection_assignee as a')
        .leftJoin('core_unit as u', function joinUnit() {
          this.on('u.tenant_id', 'a.tenant_id').andOn('u.id', 'a.unit_id');
        })
        .leftJoin('core_person as p', function joinPerson() {
          this.on('p.tenant_id', 'a.tenant_id').andOn('p.id', 'a.person_id');
        })
        .whereIn('a.collection_id', ids)
        .orderBy(['u.name', 'p.name', 'a.id'])
        .select('a.id', 'a.collection_id', 'a.unit_id', 'u.name as unit_name', 'a.person_id', 'p.name as person_name')
    : [];
  const periods: PeriodRow[] = ids.length
    ? await trx('forms_period')
        .whereIn('collection_id', ids)
        .orderBy('starts_on', 'desc')
        .select('collection_id', 'period_key', 'starts_on', 'ends_on', 'due_on')
    : [];
  const fillers = await assigneeUsers(
    trx,
    assignees.map((a) => a.id),
  );
  const forms: { id: string; name: string }[] = rows.length
    ? await trx('forms_form')
        .whereIn('id', [...new Set(rows.map((r) => r.form_id))])
        .select('id', 'name')
    : [];
  return rows.map((r) => ({
    id: r.id,
    formId: r.form_id,
    formName: forms.find((f) => f.id === r.form_id)?.name ?? '',
    version: r.version,
    name: r.name,
    frequency: r.frequency,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    dueOffset: r.due_offset,
    dueOffsetKind: r.due_offset_kind,
    dueOn: r.due_on,
    status: r.status,
    assignees: assignees
      .filter((a) => a.collection_id === r.id)
      .map((a) => ({
        id: a.id,
        unitId: a.unit_id,
        unitName: a.unit_name,
        personId: a.person_id,
        personName: a.person_name,
        fillers: fillers.get(a.id)?.length ?? 0,
      })),
    periods: periods.filter((p) => p.collection_id === r.id).map(periodToView),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}
