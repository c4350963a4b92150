import type { Knex } from 'knex';
import { uuidv7 } from 'uuidv7';
import { AppError, conflict, notFound } from '../http/errors.ts';
import { auditOrg, type OrgContext } from './org-context.ts';
import { CORE_ERRORS } from '../schemas/error-codes.ts';

export interface PositionRow {
  id: string;
  name: string;
  sort: number;
  person_count?: number;
}

function selectPositions(trx: Knex.Transaction) {
  return trx('core_position as p').select(
    'p.id',
    'p.name',
    'p.sort',
    trx.raw('(select count(*) from core_person x where x.tenant_id = p.tenant_id and x.position_id = p.id)::int as person_count'),
  );
}

export async function listPositions(ctx: OrgContext): Promise<PositionRow[]> {
  return selectPositions(ctx.trx).orderBy([{ column: 'p.sort' }, { column: 'p.name' }, { column: 'p.id' }]);
}

/** Positions are a vocabulary shared by the tenant: anyone who manages the directory may add one. */
export async function createPosition(ctx: OrgContext, input: { name: string; sort?: number }): Promise<PositionRow> {
  await assertNameFree(ctx.trx, input.name);
  const id = uuidv7();
  await ctx.trx('core_position').insert({ tenant_id: ctx.tenantId, id, name: input.name, sort: input.sort ?? 0 });
  await auditOrg(ctx, { action: 'org.position.create', recordType: 'position', recordId: id, data: { name: input.name } });
  return (await selectPositions(ctx.trx).where('p.id', id).first())!;
}

/** Renaming changes the title of everyone holding it, so it needs the whole tenant in scope. */
export async function updatePosition(ctx: OrgContext, id: string, changes: { name?: string; sort?: number }): Promise<PositionRow> {
  const position = await findPosition(ctx.trx, id);
  assertTenantScope(ctx);
  if (changes.name !== undefined && changes.name !== position.name) await assertNameFree(ctx.trx, changes.name);
  await ctx.trx('core_position').where({ id }).update(changes);
  await auditOrg(ctx, {
    action: 'org.position.update',
    recordType: 'position',
    recordId: id,
    data: { before: { name: position.name, sort: position.sort }, after: changes },
  });
  return (await selectPositions(ctx.trx).where('p.id', id).first())!;
}

export async function deletePosition(ctx: OrgContext, id: string): Promise<void> {
  const position = await findPosition(ctx.trx, id);
  assertTenantScope(ctx);
  if (await ctx.trx('core_person').where({ position_id: id }).first('id')) {
    throw conflict(CORE_ERRORS.ORG_POSITION_IN_USE, 'People hold this position; change their position first', [
      { path: 'params.id', message: 'is held by people' },
    ]);
  }
  await ctx.trx('core_position').where({ id }).delete();
  await auditOrg(ctx, { action: 'org.position.delete', recordType: 'position', recordId: id, data: { name: position.name } });
}

/** The position with this exact name, or undefined. */
export function findPositionByName(trx: Knex.Transaction, name: string): Promise<PositionRow | undefined> {
  return trx('core_position').where({ name }).first('id', 'name', 'sort');
}

async function findPosition(trx: Knex.Transaction, id: string): Promise<PositionRow> {
  const row = await trx('core_position').where({ id }).first('id', 'name', 'sort');
  if (!row) throw notFound(CORE_ERRORS.ORG_POSITION_NOT_FOUND, 'No such position');
  return row;
}

async function assertNameFree(trx: Knex.Transaction, name: string): Promise<void> {
  if (await findPositionByName(trx, name))
    throw conflict(CORE_ERRORS.ORG_POSITION_NAME_TAKEN, `The position "${name}" exists`, [{ path: 'body.name', message: 'is taken' }]);
}

function assertTenantScope(ctx: OrgContext): void {
  if (ctx.scope.kind !== 'tenant') {
    throw new AppError(
      403,
      CORE_ERRORS.ORG_OUT_OF_SCOPE,
      'Positions are shared by the whole tenant; changing one needs the whole tenant in scope',
    );
  }
}

export function positionToView(row: PositionRow) {
  return { id: row.id, name: row.name, sort: row.sort, personCount: row.person_count ?? 0 };
}
