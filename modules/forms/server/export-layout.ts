import { type ColumnSpec, countyDateTime } from '../../../core/module-kit.ts';
import type { FormField } from './form-fields.ts';
import type { ExportCellContext } from './county-time.ts';
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
 * Times read as the county's clock (date and time); a photo or file answer takes two columns:
 * how many files, then a link per file (one per line).
 */
export function listLayout(fields: FormField[], context: ExportCellContext): SheetLayout[] {
  const top = fields.filter((f) => !f.group);
  const names = new Set<string>(['填报数据']);
  const main: SheetLayout = {
    name: '填报数据',
    columns: [
      { header: '编号', text: true },
      { header: '版本' },
      { header: '单位' },
      { header: '填报人' },
      { header: '状态' },
      { header: '期次', text: true },
      { header: '提交时间' },
      ...top.flatMap((f) => columnsOf(f)),
    ],
    rowsOf: (r) => [
      [
        r.id,
        r.version,
        r.unit_name ?? '',
        r.submitter_name,
        STATUS_LABEL[r.status] ?? r.status,
        r.period_key ?? '',
        r.submitted_at ? countyDateTime(r.submitted_at, context.timeZone) : null,
        ...top.flatMap((f) => (f.kind === 'group' ? [groupRows(r.data, f.path).length] : cellsOf(f, valueAt(r.data, f.path), context))),
      ],
    ],
  };
  const groups = top
    .filter((f) => f.kind === 'group')
    .map((group, i): SheetLayout => {
      const inner = fields.filter((f) => f.group && f.group.join('.') === group.name);
      return {
        name: uniqueSheetName(names, group.title, i),
        columns: [{ header: '编号', text: true }, { header: '序号' }, ...inner.flatMap((f) => columnsOf(f))],
        rowsOf: (r) =>
          groupRows(r.data, group.path).map((item, n) => [
            r.id,
            n + 1,
            ...inner.flatMap((f) => cellsOf(f, valueAt(item, f.path), context)),
          ]),
      };
    });
  return [main, ...groups];
}

function columnsOf(field: FormField): ColumnSpec[] {
  if (field.kind === 'file') return [{ header: `${field.title}（数量）` }, { header: `${field.title}（链接）`, text: true, width: 60 }];
  return [{ header: field.title, text: field.kind !== 'number' && field.kind !== 'group' }];
}

function cellsOf(field: FormField, value: unknown, context: ExportCellContext): Cell[] {
  if (field.kind === 'file') {
    const ids = (Array.isArray(value) ? value : value ? [value] : []).filter((id): id is string => typeof id === 'string');
    return [ids.length, ids.length ? ids.map((id) => context.filesBase + encodeURIComponent(id)).join('\n') : null];
  }
  if (field.format === 'date-time' && typeof value === 'string') return [countyDateTime(value, context.timeZone)];
  return [cellValue(field, value)];
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
  return path.reduce<unknown>(
    (node, key) => (typeof node === 'object' && node !== null && !Array.isArray(node) ? (node as Record<string, unknown>)[key] : undefined),
    data,
  );
}

export function cellValue(field: FormField, value: unknown): string | number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? '是' : '否';
  const label = (v: unknown) =>
    field.options.find((o) => o.value === String(v))?.label ?? (typeof v === 'object' ? JSON.stringify(v) : String(v));
  if (Array.isArray(value)) return value.map(label).join('、');
  return label(value);
}
