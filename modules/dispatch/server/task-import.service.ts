import type { Knex } from 'knex';
import {
  AppError,
  badRequest,
  type DataScope,
  endOfDayIn,
  type ErrorDetail,
  type ModuleContext,
  setTransactionTenant,
  unitPathInScope,
} from '../../../core/module-kit.ts';
import type { AssignmentInput } from './dispatch.service.ts';
import type { ReportForms } from './report-form-port.ts';
import { rowPath, type ImportRow, type ParsedImport } from './task-import-sheet.ts';
import { createTask, type NewTask } from './task.service.ts';
import { DISPATCH_ERRORS } from '../schemas/error-codes.ts';

export type ImportedTask = {
  row: number;
  id: string;
  title: string;
  deadline: string;
  units: number;
};

interface UnitRow {
  id: string;
  name: string;
  code: string | null;
  path: string;
}

/** Rolls the whole import back after a dry run checked every row. */
class DryRun extends Error {}

/**
 * Creates one task per row through `createTask` — the single-task route's service, so every
 * rule, timeline entry, notice and light applies — all in the caller's transaction. Every row is
 * checked (each in a savepoint, so one row's failure does not hide the next row's problems);
 * any problem is a 400 naming `rows[N].<column>` and the transaction writes nothing. A dry run
 * checks the same way and rolls back what it created.
 */
export async function importTasks(
  ctx: ModuleContext,
  scope: DataScope,
  ownerUnitId: string,
  parsed: ParsedImport,
  forms: ReportForms | undefined,
  dryRun: boolean,
): Promise<ImportedTask[]> {
  const errors = [...parsed.errors];
  const units = await resolveUnits(ctx, parsed, scope, errors);
  const created: ImportedTask[] = [];
  try {
    await savepoint(ctx.trx, ctx.tenantId, async (outer) => {
      for (const row of parsed.rows) {
        const assignments = units.get(row.row);
        if (!assignments) continue;
        try {
          await savepoint(outer, ctx.tenantId, async (rowTrx) => {
            const input = newTask(row, ownerUnitId, assignments, ctx.timeZone);
            const id = await createTask({ ...ctx, trx: rowTrx }, scope, input, forms);
            const task: { deadline: Date } = await rowTrx('dispatch_task').where({ id }).first('deadline');
            created.push({
              row: row.row,
              id,
              title: row.title,
              deadline: new Date(task.deadline).toISOString(),
              units: assignments.length,
            });
          });
        } catch (error) {
          if (!(error instanceof AppError) || error.statusCode >= 500) throw error;
          errors.push(...rowErrors(error, row, parsed.header, assignments));
        }
      }
      const unique = [...new Map(errors.map((e) => [`${e.path}:${e.message}`, e])).values()].sort(byRow);
      if (unique.length > 0) throw badRequest(DISPATCH_ERRORS.IMPORT_INVALID, `${unique.length} 处问题，未导入任何任务`, unique);
      if (dryRun) throw new DryRun();
    });
  } catch (error) {
    if (!(error instanceof DryRun)) throw error;
  }
  return created;
}

/** A savepoint whose builder queries keep the tenant condition of the transaction around it. */
function savepoint(trx: Knex.Transaction, tenantId: string, work: (nested: Knex.Transaction) => Promise<void>): Promise<void> {
  return trx.transaction(async (nested) => {
    setTransactionTenant(nested, tenantId);
    await work(nested);
  });
}

function newTask(row: ImportRow, ownerUnitId: string, assignments: AssignmentInput[], timeZone: string): NewTask {
  return {
    title: row.title,
    description: row.description || undefined,
    category: row.category || undefined,
    priority: row.priority,
    ownerUnitId,
    ...(row.deadlineDate ? { deadline: endOfDayIn(timeZone, row.deadlineDate).toISOString() } : { deadlineWorkingDays: row.workingDays }),
    cadence: row.cadence ? { kind: row.cadence } : undefined,
    assignments,
  };
}

/**
 * Looks every unit name or code up once, then turns each row's lead and co-organiser lists into
 * assignments. Unknown, ambiguous, out-of-scope and repeated units are row errors.
 */
async function resolveUnits(
  ctx: ModuleContext,
  parsed: ParsedImport,
  scope: DataScope,
  errors: ErrorDetail[],
): Promise<Map<number, AssignmentInput[]>> {
  const names = [...new Set(parsed.rows.flatMap((r) => [...r.lead, ...r.co]))];
  const found: UnitRow[] =
    names.length === 0
      ? []
      : await ctx
          .trx('core_unit')
          .where((q) => q.whereIn('code', names).orWhereIn('name', names))
          .select('id', 'name', 'code', 'path');
  const byCode = new Map(found.filter((u) => u.code).map((u) => [u.code!, u]));
  const byName = new Map<string, UnitRow[]>();
  for (const unit of found) byName.set(unit.name, [...(byName.get(unit.name) ?? []), unit]);

  const result = new Map<number, AssignmentInput[]>();
  for (const row of parsed.rows) {
    const before = errors.length;
    const assignments: AssignmentInput[] = [];
    const seen = new Set<string>();
    for (const [role, column, list] of [
      ['lead', parsed.header.lead, row.lead],
      ['co', parsed.header.co, row.co],
    ] as const) {
      for (const text of list) {
        const fail = (message: string) => errors.push({ path: rowPath(row.row, column), message });
        const named = byName.get(text) ?? [];
        const unit = byCode.get(text) ?? (named.length === 1 ? named[0] : undefined);
        if (!unit) {
          fail(named.length > 1 ? `有 ${named.length} 个单位名为“${text}”，请填写单位编码` : `找不到单位“${text}”`);
          continue;
        }
        if (seen.has(unit.id)) fail(`单位“${text}”重复`);
        else if (!unitPathInScope(unit.path, scope)) fail(`单位“${text}”不在您的督办范围内`);
        seen.add(unit.id);
        assignments.push({ unitId: unit.id, role });
      }
    }
    if (errors.length === before) result.set(row.row, assignments);
  }
  return result;
}

/** Puts a problem `createTask` found on the row and column it came from. */
function rowErrors(error: AppError, row: ImportRow, header: ParsedImport['header'], assignments: AssignmentInput[]): ErrorDetail[] {
  const details = error.details.length > 0 ? error.details : [{ path: 'body', message: error.message }];
  return details.map((detail) => {
    const item = /^body\.assignments\[(\d+)\]\.(\w+)/.exec(detail.path);
    if (item)
      return { path: rowPath(row.row, assignments[Number(item[1])]?.role === 'co' ? header.co : header.lead), message: detail.message };
    if (detail.path === 'body.ownerUnitId') return { path: 'query.ownerUnitId', message: detail.message };
    const column = /deadline(WorkingDays)?$/.test(detail.path) ? (row.deadlineDate ? header.deadline : header.workingDays) : header.title;
    return { path: rowPath(row.row, column), message: `${detail.message}（${error.code}）` };
  });
}

function byRow(a: ErrorDetail, b: ErrorDetail): number {
  const row = (p: string) => Number(/^rows\[(\d+)\]/.exec(p)?.[1] ?? 0);
  return row(a.path) - row(b.path);
}
