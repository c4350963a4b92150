import type { Knex } from 'knex';
import type { DataScope } from '../../../core/auth/permissions.ts';
import { badRequest } from '../../../core/server/errors.ts';
import type { SheetSpec } from '../../../core/export/xlsx-writer.ts';
import type { FormField } from './form-fields.ts';
import { filteredSubmissions, type ResultsFilter } from './results-query.ts';
import { applySort, resultFields } from './results.service.ts';
import type { statistics } from './statistics.service.ts';
import { selectSubmissions, type SubmissionRow } from './submission-query.ts';

/** The largest export written in one request; beyond it, narrow the filters. */
export const EXPORT_MAX_ROWS = 20_000;

const STATUS_LABEL: Record<string, string> = { submitted: '已提交', returned: '已退回', draft: '草稿' };

export async function resultsSheet(trx: Knex.Transaction, formId: string, scope: DataScope, filter: ResultsFilter, sort: { sort?: string; order: 'asc' | 'desc' }): Promise<SheetSpec> {
  const { fields } = await resultFields(trx, formId, filter.version);
  const query = selectSubmissions(trx).whereIn('s.id', filteredSubmissions(trx, formId, scope, fields, filter).select('s.id'));
  applySort(query, fields, sort.sort, sort.order);
  const rows: SubmissionRow[] = await query.limit(EXPORT_MAX_ROWS + 1);
  if (rows.length > EXPORT_MAX_ROWS) throw badRequest('FORMS_EXPORT_TOO_LARGE', `More than ${EXPORT_MAX_ROWS} submissions match: narrow the filters`, [{ path: 'querystring', message: `matches more than ${EXPORT_MAX_ROWS} submissions` }]);
  return {
    name: '填报数据',
    columns: [
      { header: '编号', text: true }, { header: '版本' }, { header: '单位' }, { header: '填报人' }, { header: '状态' }, { header: '期次', text: true }, { header: '提交时间' },
      ...fields.map((f) => ({ header: f.title, text: f.kind !== 'number' })),
    ],
    rows: rows.map((r) => [
      r.id, r.version, r.unit_name ?? '', r.submitter_name, STATUS_LABEL[r.status] ?? r.status, r.period_key ?? '', r.submitted_at ? new Date(r.submitted_at) : null,
      ...fields.map((f) => cellValue(f, valueAt(r.data, f.path))),
    ]),
  };
}

function valueAt(data: unknown, path: string[]): unknown {
  return path.reduce<unknown>((node, key) => (typeof node === 'object' && node !== null && !Array.isArray(node) ? (node as Record<string, unknown>)[key] : undefined), data);
}

function cellValue(field: FormField, value: unknown): string | number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? '是' : '否';
  const label = (v: unknown) => field.options.find((o) => o.value === String(v))?.label ?? (typeof v === 'object' ? JSON.stringify(v) : String(v));
  if (Array.isArray(value)) return value.map(label).join('、');
  return label(value);
}

export function statisticsSheets(stats: Awaited<ReturnType<typeof statistics>>): SheetSpec[] {
  const sheets: SheetSpec[] = [{ name: '汇总', columns: [{ header: '分组' }, { header: '份数' }], rows: stats.groups.map((g) => [g.label, g.count]) }];
  stats.fields.forEach((field, i) => {
    // Sheet names: at most 31 characters and unique, whatever the field titles are.
    const name = `${i + 1}-${field.title}`.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31);
    if (field.kind === 'number') {
      sheets.push({ name, columns: [{ header: '分组' }, { header: '填写数' }, { header: '合计' }, { header: '平均' }, { header: '最小' }, { header: '最大' }], rows: field.groups.map((g) => [g.label, g.count, g.sum ?? null, g.avg ?? null, g.min ?? null, g.max ?? null]) });
    } else {
      const options = field.groups[0]?.options ?? [];
      sheets.push({ name, columns: [{ header: '分组' }, ...options.map((o) => ({ header: o.label }))], rows: field.groups.map((g) => [g.label, ...options.map((o) => g.options?.find((x) => x.value === o.value)?.count ?? 0)]) });
    }
  });
  return sheets;
}
