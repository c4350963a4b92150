import type { Knex } from 'knex';
import type { DataScope } from '../../../core/auth/permissions.ts';
import { badRequest } from '../../../core/server/errors.ts';
import type { SheetSpec } from '../../../core/export/xlsx-writer.ts';
import { listLayout, uniqueSheetName } from './export-layout.ts';
import type { ResultsFilter } from './results-query.ts';
import { sortKey, type SortRequest } from './results-sort.ts';
import { resultFields, submissionsPage } from './results.service.ts';
import type { statistics } from './statistics.service.ts';

/**
 * The largest list written within the request; a larger one goes through an export job
 * (`POST /forms/:id/exports`), which writes in chunks and reports its progress.
 */
export const DIRECT_EXPORT_MAX_ROWS = 2_000;

export async function resultsSheets(trx: Knex.Transaction, formId: string, scope: DataScope, filter: ResultsFilter, sort: SortRequest): Promise<SheetSpec[]> {
  const { fields } = await resultFields(trx, formId, filter.version);
  const rows = await submissionsPage(trx, formId, scope, fields, filter, sortKey(fields, sort), null, DIRECT_EXPORT_MAX_ROWS + 1);
  if (rows.length > DIRECT_EXPORT_MAX_ROWS) {
    throw badRequest('FORMS_EXPORT_TOO_LARGE', `More than ${DIRECT_EXPORT_MAX_ROWS} submissions match: start an export job (POST /forms/forms/:id/exports) instead`, [{ path: 'querystring', message: `matches more than ${DIRECT_EXPORT_MAX_ROWS} submissions` }]);
  }
  return listLayout(fields).map((layout) => ({ name: layout.name, columns: layout.columns, rows: rows.flatMap((r) => layout.rowsOf(r)) }));
}

export function statisticsSheets(stats: Awaited<ReturnType<typeof statistics>>): SheetSpec[] {
  const sheets: SheetSpec[] = [{ name: '汇总', columns: [{ header: '分组' }, { header: '份数' }], rows: stats.groups.map((g) => [g.label, g.count]) }];
  const taken = new Set(['汇总']);
  stats.fields.forEach((field, i) => {
    const name = uniqueSheetName(taken, `${i + 1}-${field.title}`, i);
    if (field.kind === 'number') {
      sheets.push({ name, columns: [{ header: '分组' }, { header: '填写数' }, { header: '合计' }, { header: '平均' }, { header: '最小' }, { header: '最大' }], rows: field.groups.map((g) => [g.label, g.count, g.sum ?? null, g.avg ?? null, g.min ?? null, g.max ?? null]) });
    } else {
      const options = field.groups[0]?.options ?? [];
      sheets.push({ name, columns: [{ header: '分组' }, ...options.map((o) => ({ header: o.label }))], rows: field.groups.map((g) => [g.label, ...options.map((o) => g.options?.find((x) => x.value === o.value)?.count ?? 0)]) });
    }
  });
  return sheets;
}
