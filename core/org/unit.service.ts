import type { Knex } from 'knex';
import { uuidv7 } from 'uuidv7';
import { whereInScope } from '../auth/permissions.ts';
import { badRequest, conflict, notFound } from '../http/errors.ts';
import { assertUnitInScope, auditOrg, type OrgContext } from './org-context.ts';
import { escapeLike } from '../db/like.ts';
import type { UnitKind } from './org-kinds.ts';
import { CORE_ERRORS } from '../schemas/error-codes.ts';

export interface UnitRow {
  id: string;
  parent_id: string | null;
  name: string;
  kind: UnitKind;
  code: string | null;
  path: string;
  depth: number;
  sort: number;
  created_at: Date;
  updated_at: Date;
  child_count?: number;
}

export interface NewUnit {
  name: string;
  kind: UnitKind;
  parentId?: string | null;
  code?: string | null;
  sort?: number;
}

export interface UnitChanges {
  name?: string;
  kind?: UnitKind;
  code?: string | null;
  sort?: number;
}

const COLUMNS = ['u.id', 'u.parent_id', 'u.name', 'u.kind', 'u.code', 'u.path', 'u.depth', 'u.sort', 'u.created_at', 'u.updated_at'];

function selectUnits(trx: Knex.Transaction) {
  return trx('core_unit as u')
    .select(COLUMNS)
    .select(trx.raw('(select count(*) from core_unit c where c.tenant_id = u.tenant_id and c.parent_id = u.id)::int as child_count'));
}

/** The units in the caller's scope, parents before children; or the children of one unit. */
export async function listUnits(ctx: OrgContext, filter: { parentId?: string }): Promise<UnitRow[]> {
  const query = selectUnits(ctx.trx).orderBy([{ column: 'u.depth' }, { column: 'u.sort' }, { column: 'u.name' }, { column: 'u.id' }]);
  if (filter.parentId) query.where('u.parent_id', filter.parentId);
  return whereInScope(query, 'u.id', ctx.scope, ctx.trx);
}

/** A unit the caller may read; outside the read scope it is not found, like in lists. */
export async function getUnit(ctx: OrgContext, id: string): Promise<UnitRow> {
  const row = await whereInScope(selectUnits(ctx.trx).where('u.id', id), 'u.id', ctx.scope, ctx.trx).first();
  if (!row) throw unitNotFound();
  return row;
}

/** Any unit of the tenant by id (RLS hides other tenants'), for checks before a change. */
export async function findUnit(trx: Knex.Transaction, id: string): Promise<UnitRow | undefined> {
  return trx('core_unit as u').select(COLUMNS).where('u.id', id).first();
}

export async function createUnit(ctx: OrgContext, input: NewUnit): Promise<UnitRow> {
  const id = uuidv7();
  const parent = input.parentId ? await findUnit(ctx.trx, input.parentId) : undefined;
  if (input.parentId && !parent)
    throw badRequest(CORE_ERRORS.ORG_UNIT_NOT_FOUND, 'The parent unit does not exist', [
      { path: 'body.parentId', message: 'is not a unit' },
    ]);
  const path = `${parent?.path ?? '/'}${id}/`;
  assertUnitInScope(ctx, path, 'body.parentId');
  await assertNameFree(ctx.trx, parent?.id ?? null, input.name);
  if (input.code) await assertCodeFree(ctx.trx, input.code);
  await ctx.trx('core_unit').insert({
    tenant_id: ctx.tenantId,
    id,
    parent_id: parent?.id ?? null,
    name: input.name,
    kind: input.kind,
    code: input.code ?? null,
    path,
    depth: parent ? parent.depth + 1 : 0,
    sort: input.sort ?? 0,
  });
  await auditOrg(ctx, {
    action: 'org.unit.create',
    recordType: 'unit',
    recordId: id,
    data: { name: input.name, kind: input.kind, parentId: parent?.id ?? null, code: input.code ?? null },
  });
  return (await findUnitWithCount(ctx.trx, id))!;
}

export async function updateUnit(ctx: OrgContext, id: string, changes: UnitChanges): Promise<UnitRow> {
  const unit = await findUnit(ctx.trx, id);
  if (!unit) throw unitNotFound();
  assertUnitInScope(ctx, unit.path, 'params.id');
  if (changes.name !== undefined && changes.name !== unit.name) await assertNameFree(ctx.trx, unit.parent_id, changes.name, id);
  if (changes.code && changes.code !== unit.code) await assertCodeFree(ctx.trx, changes.code);
  await ctx
    .trx('core_unit')
    .where({ id })
    .update({ ...changes, updated_at: ctx.trx.fn.now() });
  await auditOrg(ctx, {
    action: 'org.unit.update',
    recordType: 'unit',
    recordId: id,
    data: { before: pick(unit, changes), after: changes },
  });
  return (await findUnitWithCount(ctx.trx, id))!;
}

/**
 * Moves a unit with its whole subtree: one UPDATE rewrites the path prefix and shifts the depth
 * of every unit under it. Refused under itself or a descendant, and outside the caller's scope.
 */
export async function moveUnit(ctx: OrgContext, id: string, parentId: string | null): Promise<UnitRow> {
  const unit = await findUnit(ctx.trx, id);
  if (!unit) throw unitNotFound();
  assertUnitInScope(ctx, unit.path, 'params.id');
  if (unit.parent_id === parentId) return (await findUnitWithCount(ctx.trx, id))!;
  const parent = parentId ? await findUnit(ctx.trx, parentId) : undefined;
  if (parentId && !parent)
    throw badRequest(CORE_ERRORS.ORG_UNIT_NOT_FOUND, 'The new parent unit does not exist', [
      { path: 'body.parentId', message: 'is not a unit' },
    ]);
  if (parent && parent.path.startsWith(unit.path)) {
    throw badRequest(CORE_ERRORS.ORG_UNIT_MOVE_INVALID, 'A unit cannot move under itself or one of its descendants', [
      { path: 'body.parentId', message: 'is the unit itself or lies below it' },
    ]);
  }
  const newPath = `${parent?.path ?? '/'}${id}/`;
  assertUnitInScope(ctx, newPath, 'body.parentId');
  await assertNameFree(ctx.trx, parentId, unit.name, id);
  const depthShift = (parent ? parent.depth + 1 : 0) - unit.depth;
  const moved = await ctx
    .trx('core_unit')
    .where('path', 'like', `${escapeLike(unit.path)}%`)
    .update({
      path: ctx.trx.raw('? || substr(path, ?)', [newPath, unit.path.length + 1]),
      depth: ctx.trx.raw('depth + ?', [depthShift]),
      parent_id: ctx.trx.raw('case when id = ? then ?::uuid else parent_id end', [id, parentId]),
      updated_at: ctx.trx.fn.now(),
    });
  await auditOrg(ctx, {
    action: 'org.unit.move',
    recordType: 'unit',
    recordId: id,
    data: { fromParentId: unit.parent_id, toParentId: parentId, unitsMoved: moved },
  });
  return (await findUnitWithCount(ctx.trx, id))!;
}

export async function deleteUnit(ctx: OrgContext, id: string): Promise<void> {
  const unit = await findUnit(ctx.trx, id);
  if (!unit) throw unitNotFound();
  assertUnitInScope(ctx, unit.path, 'params.id');
  if (await ctx.trx('core_unit').where({ parent_id: id }).first('id')) {
    throw conflict(CORE_ERRORS.ORG_UNIT_HAS_CHILDREN, 'The unit has child units; move or delete them first', [
      { path: 'params.id', message: 'has child units' },
    ]);
  }
  if (await ctx.trx('core_person').where({ unit_id: id }).first('id')) {
    throw conflict(CORE_ERRORS.ORG_UNIT_HAS_PEOPLE, 'The unit has people; move or delete them first', [
      { path: 'params.id', message: 'has people' },
    ]);
  }
  await ctx.trx('core_unit').where({ id }).delete();
  await auditOrg(ctx, {
    action: 'org.unit.delete',
    recordType: 'unit',
    recordId: id,
    data: { name: unit.name, kind: unit.kind, parentId: unit.parent_id, code: unit.code },
  });
}

function findUnitWithCount(trx: Knex.Transaction, id: string): Promise<UnitRow | undefined> {
  return selectUnits(trx).where('u.id', id).first();
}

async function assertNameFree(trx: Knex.Transaction, parentId: string | null, name: string, exceptId?: string): Promise<void> {
  const query = trx('core_unit').where({ name }).first('id');
  if (parentId) query.where({ parent_id: parentId });
  else query.whereNull('parent_id');
  if (exceptId) query.whereNot({ id: exceptId });
  if (await query)
    throw conflict(CORE_ERRORS.ORG_UNIT_NAME_TAKEN, `A unit named "${name}" already exists there`, [
      { path: 'body.name', message: 'is taken by a sibling unit' },
    ]);
}

async function assertCodeFree(trx: Knex.Transaction, code: string): Promise<void> {
  if (await trx('core_unit').where({ code }).first('id')) {
    throw conflict(CORE_ERRORS.ORG_UNIT_CODE_TAKEN, `The code "${code}" is taken`, [{ path: 'body.code', message: 'is taken' }]);
  }
}

function unitNotFound() {
  return notFound(CORE_ERRORS.ORG_UNIT_NOT_FOUND, 'No such unit');
}

function pick(unit: UnitRow, changes: UnitChanges): Record<string, unknown> {
  return Object.fromEntries(Object.keys(changes).map((key) => [key, unit[key as keyof UnitChanges]]));
}

export function unitToView(row: UnitRow) {
  return {
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    kind: row.kind,
    code: row.code,
    path: row.path,
    depth: row.depth,
    sort: row.sort,
    childCount: row.child_count ?? 0,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
