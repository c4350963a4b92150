import type { Knex } from 'knex';
import { uuidv7 } from 'uuidv7';
import { badRequest, conflict, notFound, unitFacts, type ModuleContext } from '../../../core/module-kit.ts';
import type { CategoryChanges, CategoryInput, CategoryView } from '../schemas/category.schema.ts';
import { GRID_ERRORS } from '../schemas/error-codes.ts';

export interface CategoryRow {
  id: string;
  parent_id: string | null;
  name: string;
  code: string;
  description: string;
  keywords: string;
  department_unit_id: string | null;
  department_name: string | null;
  accept_hours: number;
  resolve_hours: number;
  sms_template: string;
  sort: number;
  active: boolean;
  updated_at: Date;
}

function categoryQuery(trx: Knex.Transaction) {
  return trx('grid_category as c')
    .leftJoin('core_unit as d', function joinDepartment() {
      this.on('d.tenant_id', 'c.tenant_id').andOn('d.id', 'c.department_unit_id');
    })
    .select('c.*', 'd.name as department_name');
}

export function toCategoryView(row: CategoryRow): CategoryView {
  return {
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    code: row.code,
    description: row.description,
    keywords: row.keywords,
    department: row.department_unit_id ? { id: row.department_unit_id, name: row.department_name ?? '' } : null,
    acceptHours: row.accept_hours,
    resolveHours: row.resolve_hours,
    smsTemplate: row.sms_template,
    sort: row.sort,
    active: row.active,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** The categories in tree order: each parent before its children, siblings by `sort` then name. */
export async function listCategories(trx: Knex.Transaction, includeInactive: boolean): Promise<CategoryRow[]> {
  const rows: CategoryRow[] = await categoryQuery(trx).orderBy([{ column: 'c.sort' }, { column: 'c.name' }]);
  const children = new Map<string | null, CategoryRow[]>();
  for (const row of rows) children.set(row.parent_id, [...(children.get(row.parent_id) ?? []), row]);
  const ordered: CategoryRow[] = [];
  const walk = (parent: string | null, parentActive: boolean) => {
    for (const row of children.get(parent) ?? []) {
      const active = parentActive && row.active;
      if (active || includeInactive) ordered.push(row);
      walk(row.id, active);
    }
  };
  walk(null, true);
  return ordered;
}

export async function findCategory(trx: Knex.Transaction, id: string): Promise<CategoryRow> {
  const row: CategoryRow | undefined = await categoryQuery(trx).where('c.id', id).first();
  if (!row) throw notFound(GRID_ERRORS.CATEGORY_NOT_FOUND, 'No such category');
  return row;
}

/** A category an event may be reported under: one of this county's, active. */
export async function reportableCategory(trx: Knex.Transaction, id: string, path: string): Promise<CategoryRow> {
  const row: CategoryRow | undefined = await categoryQuery(trx).where('c.id', id).first();
  if (!row || !row.active)
    throw badRequest(GRID_ERRORS.CATEGORY_NOT_FOUND, 'No such category to report under', [{ path, message: 'is not an active category' }]);
  return row;
}

async function checkReferences(trx: Knex.Transaction, id: string | null, input: CategoryChanges): Promise<void> {
  if (input.parentId) {
    const parent: { id: string } | undefined = await trx('grid_category').where({ id: input.parentId }).first('id');
    if (!parent)
      throw badRequest(GRID_ERRORS.CATEGORY_INVALID, 'No such parent category', [{ path: 'body.parentId', message: 'is not a category' }]);
    if (id) {
      // Walk up from the new parent: meeting the category itself would make a loop.
      let cursor: string | null = input.parentId;
      while (cursor) {
        if (cursor === id)
          throw badRequest(GRID_ERRORS.CATEGORY_INVALID, 'A category cannot sit under itself', [
            { path: 'body.parentId', message: 'is the category itself or one of its sub-categories' },
          ]);
        const up: { parent_id: string | null } | undefined = await trx('grid_category').where({ id: cursor }).first('parent_id');
        cursor = up?.parent_id ?? null;
      }
    }
  }
  if (input.departmentUnitId) {
    const unit = (await unitFacts(trx, [input.departmentUnitId])).get(input.departmentUnitId);
    if (!unit) throw badRequest(GRID_ERRORS.UNIT_INVALID, 'No such unit', [{ path: 'body.departmentUnitId', message: 'is not a unit' }]);
  }
  if (input.code) {
    const clash = await trx('grid_category')
      .where({ code: input.code })
      .modify((q) => (id ? q.whereNot({ id }) : q))
      .first('id');
    if (clash)
      throw conflict(GRID_ERRORS.CATEGORY_INVALID, 'The code is taken', [{ path: 'body.code', message: 'is taken by another category' }]);
  }
}

function columnsOf(input: CategoryChanges): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  if (input.parentId !== undefined) columns.parent_id = input.parentId;
  if (input.name !== undefined) columns.name = input.name.trim();
  if (input.code !== undefined) columns.code = input.code;
  if (input.description !== undefined) columns.description = input.description;
  if (input.keywords !== undefined) columns.keywords = input.keywords;
  if (input.departmentUnitId !== undefined) columns.department_unit_id = input.departmentUnitId;
  if (input.acceptHours !== undefined) columns.accept_hours = input.acceptHours;
  if (input.resolveHours !== undefined) columns.resolve_hours = input.resolveHours;
  if (input.smsTemplate !== undefined) columns.sms_template = input.smsTemplate;
  if (input.sort !== undefined) columns.sort = input.sort;
  if (input.active !== undefined) columns.active = input.active;
  return columns;
}

export async function createCategory(ctx: ModuleContext, input: CategoryInput): Promise<string> {
  await checkReferences(ctx.trx, null, input);
  const id = uuidv7();
  await ctx.trx('grid_category').insert({ tenant_id: ctx.tenantId, id, ...columnsOf(input), created_at: ctx.now, updated_at: ctx.now });
  return id;
}

export async function updateCategory(ctx: ModuleContext, id: string, changes: CategoryChanges): Promise<void> {
  await findCategory(ctx.trx, id);
  await checkReferences(ctx.trx, id, changes);
  await ctx
    .trx('grid_category')
    .where({ id })
    .update({ ...columnsOf(changes), updated_at: ctx.now });
}

/** Removes a category nothing uses; one with events or sub-categories is deactivated instead (409). */
export async function deleteCategory(trx: Knex.Transaction, id: string): Promise<void> {
  await findCategory(trx, id);
  const [child, event] = await Promise.all([
    trx('grid_category').where({ parent_id: id }).first('id'),
    trx('grid_event').where({ category_id: id }).first('id'),
  ]);
  if (child || event)
    throw conflict(GRID_ERRORS.CATEGORY_IN_USE, 'The category has sub-categories or events: deactivate it instead', [
      { path: 'id', message: child ? 'has sub-categories' : 'has events' },
    ]);
  await trx('grid_category').where({ id }).delete();
}
