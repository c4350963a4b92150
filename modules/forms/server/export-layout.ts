import type { ColumnSpec } from '../../../core/export/xlsx-writer.ts';
import type { FormField } from './form-fields.ts';
import type { SubmissionRow } from './submission-query.ts';

export type Cell = string | number | Date | null;

/** One sheet of a list export: its columns and how a submission becomes its rows. */
export interface SheetLayout {
  name: string;
  columns: ColumnSpec[];
  rowsOf(row: SubmissionRow): Cell[][];
}

const STATUS_LABEL: Record<string, string> = { submitted: '已提交', returned: '已退回', draft: '草稿' };

/**
 * The sheets of a list export, shared by the direct download and the export job: `填报数据` with
 * one row per submission (a repeating group's column holds its number of rows), then one sheet
 * per repeating group with one row per group row, tied to its submission by 编号 and 序号.
 */
export function listLayout(fields: FormField[]): SheetLayout[] {
  const top = fields.filter((f) => !f.group);
  const names = new Set<string>(['填报数据']);
  const main: SheetLayout = {
    name: '填报数据',
    columns: [
      { header: '编号', text: true }, { header: '版本' }, { header: '单位' }, { header: '填报人' }, { header: '状态' }, { header: '期次', text: true }, { header: '提交时间' },
      ...top.map((f) => ({ header: f.title, text: f.kind !== 'number' && f.kind !== 'group' })),
    ],
    rowsOf: (r) => [[
      r.id, r.version, r.unit_name ?? '', r.submitter_name, STATUS_LABEL[r.status] ?? r.status, r.period_key ?? '', r.submitted_at ? new Date(r.submitted_at) : null,
      ...top.map((f) => (f.kind === 'group' ? groupRows(r.data, f.path).length : cellValue(f, valueAt(r.data, f.path)))),
    ]],
  };
  const groups = top.filter((f) => f.kind === 'group').map((group, i): SheetLayout => {
    const inner = fields.filter((f) => f.group && f.group.join('.') === group.name);
    return {
      name: uniqueSheetName(names, group.title, i),
      columns: [{ header: '编号', text: true }, { header: '序号' }, ...inner.map((f) => ({ header: f.title, text: f.kind !== 'number' }))],
      rowsOf: (r) => groupRows(r.data, group.path).map((item, n) => [r.id, n + 1, ...inner.map((f) => cellValue(f, valueAt(item, f.path)))]),
    };
  });
  return [main, ...groups];
}

/** Sheet names: at most 31 characters, none of \ / ? * [ ] :, unique whatever the titles are. */
export function uniqueSheetName(taken: Set<string>, title: string, index: number): string {
  const clean = title.replace(/[\\/?*[\]:]/g, ' ').trim() || `组${index + 1}`;
  let name = clean.slice(0, 31);
  for (let n = 2; taken.has(name); n++) name = `${clean.slice(0, 26)} (${n})`;
  taken.add(name);
  return name;
}

function groupRows(data: unknown, path: string[]): unknown[] {
  const rows = valueAt(data, path);
  return Array.isArray(rows) ? rows : [];
}

export function valueAt(data: unknown, path: string[]): unknown {
  return path.reduce<unknown>((node, key) => (typeof node === 'object' && node !== null && !Array.isArray(node) ? (node as Record<string, unknown>)[key] : undefined), data);
}

export function cellValue(field: FormField, value: unknown): string | number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? '是' : '否';
  const label = (v: unknown) => field.options.find((o) => o.value === String(v))?.label ?? (typeof v === 'object' ? JSON.stringify(v) : String(v));
  if (Array.isArray(value)) return value.map(label).join('、');
  return label(value);
}
