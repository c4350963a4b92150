import type { Knex } from 'knex';
import { uuidv7 } from 'uuidv7';
import { whereInScope } from '../auth/permissions.ts';
import { badRequest, conflict, notFound } from '../http/errors.ts';
import { assertUnitInScope, auditOrg, type OrgContext } from './org-context.ts';
import { containsPattern, escapeLike } from '../db/like.ts';
import { decodeCursor, encodeCursor } from '../http/list-cursor.ts';
import { findUnit } from './unit.service.ts';
import { CORE_ERRORS } from '../schemas/error-codes.ts';

export interface PersonRow {
  id: string;
  name: string;
  phone: string;
  unit_id: string;
  unit_name: string;
  position_id: string | null;
  position_name: string | null;
  sort: number;
  created_at: Date;
  updated_at: Date;
}

export interface NewPerson {
  name: string;
  phone: string;
  unitId: string;
  positionId?: string | null;
  sort?: number;
}

export type PersonChanges = Partial<NewPerson>;

export interface PeopleFilter {
  limit: number;
  cursor?: string;
  unitId?: string;
  includeSubunits?: boolean;
  positionId?: string;
  q?: string;
}

function selectPeople(trx: Knex.Transaction) {
  return trx('core_person as p')
    .join('core_unit as u', function joinUnit() {
      this.on('u.tenant_id', 'p.tenant_id').andOn('u.id', 'p.unit_id');
    })
    .leftJoin('core_position as pos', function joinPosition() {
      this.on('pos.tenant_id', 'p.tenant_id').andOn('pos.id', 'p.position_id');
    })
    .select(
      'p.id',
      'p.name',
      'p.phone',
      'p.unit_id',
      'u.name as unit_name',
      'p.position_id',
      'pos.name as position_name',
      'p.sort',
      'p.created_at',
      'p.updated_at',
    );
}

/** One page of people in the caller's scope, in (name, id) order; the cursor is the last row's key. */
export async function listPeople(ctx: OrgContext, filter: PeopleFilter): Promise<{ rows: PersonRow[]; nextCursor: string | null }> {
  const query = selectPeople(ctx.trx)
    .orderBy([{ column: 'p.name' }, { column: 'p.id' }])
    .limit(filter.limit + 1);
  if (filter.cursor) {
    const [name, id] = decodeCursor(filter.cursor, ['text', 'uuid'], CORE_ERRORS.VALIDATION_FAILED);
    query.whereRaw('(p.name, p.id) > (?, ?::uuid)', [name, id]);
  }
  if (filter.unitId && filter.includeSubunits) {
    const unit = await findUnit(ctx.trx, filter.unitId);
    if (!unit) return { rows: [], nextCursor: null };
    query.where('u.path', 'like', `${escapeLike(unit.path)}%`);
  } else if (filter.unitId) {
    query.where('p.unit_id', filter.unitId);
  }
  if (filter.positionId) query.where('p.position_id', filter.positionId);
  if (filter.q) {
    // '%…%' on the trigram-indexed columns: substring search that also works for Chinese names.
    const pattern = containsPattern(filter.q);
    query.where((w) => w.whereILike('p.name', pattern).orWhereILike('p.phone', pattern));
  }
  const rows: PersonRow[] = await whereInScope(query, 'p.unit_id', ctx.scope, ctx.trx);
  const page = rows.slice(0, filter.limit);
  const last = page[page.length - 1];
  return { rows: page, nextCursor: rows.length > filter.limit ? encodeCursor([last.name, last.id]) : null };
}

/** A person the caller may read; outside the read scope they are not found, like in lists. */
export async function getPerson(ctx: OrgContext, id: string): Promise<PersonRow> {
  const row = await whereInScope(selectPeople(ctx.trx).where('p.id', id), 'p.unit_id', ctx.scope, ctx.trx).first();
  if (!row) throw personNotFound();
  return row;
}

export async function createPerson(ctx: OrgContext, input: NewPerson): Promise<PersonRow> {
  await assertUnitWritable(ctx, input.unitId);
  if (input.positionId) await assertPositionExists(ctx.trx, input.positionId);
  await assertPhoneFree(ctx.trx, input.phone);
  const id = uuidv7();
  await ctx.trx('core_person').insert({
    tenant_id: ctx.tenantId,
    id,
    name: input.name,
    phone: input.phone,
    unit_id: input.unitId,
    position_id: input.positionId ?? null,
    sort: input.sort ?? 0,
  });
  await auditOrg(ctx, {
    action: 'org.person.create',
    recordType: 'person',
    recordId: id,
    data: { name: input.name, phone: input.phone, unitId: input.unitId, positionId: input.positionId ?? null },
  });
  return (await selectPeople(ctx.trx).where('p.id', id).first())!;
}

export async function updatePerson(ctx: OrgContext, id: string, changes: PersonChanges): Promise<PersonRow> {
  const person = await findPersonForChange(ctx, id);
  if (changes.unitId !== undefined && changes.unitId !== person.unit_id) await assertUnitWritable(ctx, changes.unitId);
  if (changes.positionId) await assertPositionExists(ctx.trx, changes.positionId);
  if (changes.phone !== undefined && changes.phone !== person.phone) await assertPhoneFree(ctx.trx, changes.phone);
  const columns = {
    name: changes.name,
    phone: changes.phone,
    unit_id: changes.unitId,
    position_id: changes.positionId,
    sort: changes.sort,
  };
  const set = Object.fromEntries(Object.entries(columns).filter(([, value]) => value !== undefined));
  await ctx
    .trx('core_person')
    .where({ id })
    .update({ ...set, updated_at: ctx.trx.fn.now() });
  const before = { name: person.name, phone: person.phone, unitId: person.unit_id, positionId: person.position_id, sort: person.sort };
  await auditOrg(ctx, {
    action: 'org.person.update',
    recordType: 'person',
    recordId: id,
    data: { before: Object.fromEntries(Object.keys(changes).map((k) => [k, before[k as keyof typeof before]])), after: changes },
  });
  return (await selectPeople(ctx.trx).where('p.id', id).first())!;
}

export async function deletePerson(ctx: OrgContext, id: string): Promise<void> {
  const person = await findPersonForChange(ctx, id);
  // The account stays, unlinked; cleared here rather than by ON DELETE SET NULL, which Citus refuses.
  await ctx.trx('core_user').where({ tenant_id: ctx.tenantId, person_id: id }).update({ person_id: null });
  await ctx.trx('core_person').where({ tenant_id: ctx.tenantId, id }).delete();
  await auditOrg(ctx, {
    action: 'org.person.delete',
    recordType: 'person',
    recordId: id,
    data: { name: person.name, phone: person.phone, unitId: person.unit_id },
  });
}

/** The person (any of the tenant's) with their unit's path; 403 when the unit is outside the scope. */
async function findPersonForChange(ctx: OrgContext, id: string) {
  const person: { name: string; phone: string; unit_id: string; position_id: string | null; sort: number; unit_path: string } | undefined =
    await ctx
      .trx('core_person as p')
      .join('core_unit as u', function joinUnit() {
        this.on('u.tenant_id', 'p.tenant_id').andOn('u.id', 'p.unit_id');
      })
      .where('p.id', id)
      .first('p.name', 'p.phone', 'p.unit_id', 'p.position_id', 'p.sort', 'u.path as unit_path');
  if (!person) throw personNotFound();
  assertUnitInScope(ctx, person.unit_path, 'params.id');
  return person;
}

async function assertUnitWritable(ctx: OrgContext, unitId: string): Promise<void> {
  const unit = await findUnit(ctx.trx, unitId);
  if (!unit)
    throw badRequest(CORE_ERRORS.ORG_UNIT_NOT_FOUND, 'The unit does not exist', [{ path: 'body.unitId', message: 'is not a unit' }]);
  assertUnitInScope(ctx, unit.path, 'body.unitId');
}

async function assertPositionExists(trx: Knex.Transaction, positionId: string): Promise<void> {
  if (!(await trx('core_position').where({ id: positionId }).first('id'))) {
    throw badRequest(CORE_ERRORS.ORG_POSITION_NOT_FOUND, 'The position does not exist', [
      { path: 'body.positionId', message: 'is not a position' },
    ]);
  }
}

async function assertPhoneFree(trx: Knex.Transaction, phone: string): Promise<void> {
  if (await trx('core_person').where({ phone }).first('id')) {
    throw conflict(CORE_ERRORS.ORG_PHONE_TAKEN, `The phone number ${phone} belongs to another person`, [
      { path: 'body.phone', message: 'belongs to another person' },
    ]);
  }
}

function personNotFound() {
  return notFound(CORE_ERRORS.ORG_PERSON_NOT_FOUND, 'No such person');
}

export function personToView(row: PersonRow) {
  return {
    id: row.id,
    name: row.name,
    phone: row.phone,
    unitId: row.unit_id,
    unitName: row.unit_name,
    positionId: row.position_id,
    positionName: row.position_name,
    sort: row.sort,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
