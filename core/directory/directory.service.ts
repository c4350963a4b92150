import type { Knex } from 'knex';
import { containsPattern, escapeLike } from '../db/like.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { decodeCursor, encodeCursor } from '../http/list-cursor.ts';
import { CORE_ERRORS } from '../schemas/error-codes.ts';

const UUID = /^[0-9a-f-]{36}$/i;

/**
 * The tenant's directory as any signed-in user sees it: who is who and where (names, units, the
 * unit tree), enough to pick a person or a unit in a form. Nothing else of a person (phone,
 * position, roles) and no data scope: everyone in the county may know everyone's name and unit.
 */
export type DirectoryPerson = {
  id: string;
  name: string;
  unitId: string;
  unitName: string;
};

export type DirectoryUnit = {
  id: string;
  name: string;
  parentId: string | null;
  kind: string;
};

function selectPeople(trx: Knex.Transaction) {
  return trx('core_person as p')
    .join('core_unit as u', function joinUnit() {
      this.on('u.tenant_id', 'p.tenant_id').andOn('u.id', 'p.unit_id');
    })
    .select('p.id', 'p.name', 'p.unit_id as unitId', 'u.name as unitName');
}

/**
 * People by name, in (name, id) order with a keyset cursor: without `q` the (tenant_id, name, id)
 * index walks in order; with it the trigram index on the name finds the substring (Chinese too).
 */
export async function lookUpPeople(
  trx: Knex.Transaction,
  filter: { q?: string; unitId?: string; includeSubunits?: boolean; limit: number; cursor?: string },
): Promise<{ items: DirectoryPerson[]; nextCursor: string | null }> {
  const query = selectPeople(trx)
    .orderBy([{ column: 'p.name' }, { column: 'p.id' }])
    .limit(filter.limit + 1);
  if (filter.cursor) {
    const [name, id] = decodeCursor(filter.cursor, ['text', 'uuid'], CORE_ERRORS.DIRECTORY_CURSOR_INVALID);
    if (!UUID.test(id))
      throw badRequest(CORE_ERRORS.DIRECTORY_CURSOR_INVALID, 'The cursor is not one this list gave out', [
        { path: 'querystring.cursor', message: 'is invalid' },
      ]);
    query.whereRaw('(p.name, p.id) > (?, ?::uuid)', [name, id]);
  }
  if (filter.q) query.whereILike('p.name', containsPattern(filter.q));
  if (filter.unitId) {
    const unit: { path: string } | undefined = await trx('core_unit').where({ id: filter.unitId }).first('path');
    // An unknown unit (or another tenant's: RLS hides it) has nobody in it.
    if (!unit) return { items: [], nextCursor: null };
    if (filter.includeSubunits === false) query.where('p.unit_id', filter.unitId);
    else query.where('u.path', 'like', `${escapeLike(unit.path)}%`);
  }
  const rows: DirectoryPerson[] = await query;
  const items = rows.slice(0, filter.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > filter.limit ? encodeCursor([last.name, last.id]) : null };
}

export async function directoryPerson(trx: Knex.Transaction, id: string): Promise<DirectoryPerson> {
  const row: DirectoryPerson | undefined = await selectPeople(trx).where('p.id', id).first();
  if (!row) throw notFound(CORE_ERRORS.DIRECTORY_PERSON_NOT_FOUND, 'No such person');
  return row;
}

/**
 * The unit tree, parents first. With `q`: the units whose name contains it (trigram index) and
 * every ancestor of theirs, so the answer is still a tree that leads down to each match.
 */
export async function lookUpUnits(trx: Knex.Transaction, q?: string): Promise<DirectoryUnit[]> {
  const query = trx('core_unit as u')
    .select('u.id', 'u.name', 'u.parent_id as parentId', 'u.kind')
    .orderBy([{ column: 'u.depth' }, { column: 'u.sort' }, { column: 'u.name' }, { column: 'u.id' }]);
  if (q) {
    // Ancestors are the ids in a match's path ('/<root id>/…/<own id>/'): one lookup by primary key.
    const matches = trx('core_unit')
      .whereILike('name', containsPattern(q))
      .select(trx.raw("unnest(string_to_array(trim(both '/' from path), '/'))::uuid as id"));
    query.whereIn('u.id', matches);
  }
  return query;
}
