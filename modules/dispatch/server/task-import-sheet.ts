import { createAjv, type ErrorDetail, type SheetSpec, type SheetTable } from '../../../core/module-kit.ts';
import { title as titleSchema } from '../schemas/common.schema.ts';

export type ImportLang = 'zh-CN' | 'en';
type Column = 'title' | 'description' | 'category' | 'lead' | 'co' | 'deadline' | 'workingDays' | 'priority' | 'cadence';

/** The template's columns in each language; a workbook may use either header set. */
export const IMPORT_COLUMNS: Record<Column, Record<ImportLang, string>> = {
  title: { 'zh-CN': '任务名称', en: 'Title' },
  description: { 'zh-CN': '任务内容', en: 'Description' },
  category: { 'zh-CN': '类别', en: 'Category' },
  lead: { 'zh-CN': '牵头单位', en: 'Lead units' },
  co: { 'zh-CN': '配合单位', en: 'Co-organisers' },
  deadline: { 'zh-CN': '截止日期', en: 'Deadline' },
  workingDays: { 'zh-CN': '工作日', en: 'Working days' },
  priority: { 'zh-CN': '优先级', en: 'Priority' },
  cadence: { 'zh-CN': '汇报周期', en: 'Report cadence' },
};

const PRIORITIES = { low: ['低', 'low'], normal: ['普通', 'normal'], high: ['高', 'high'], urgent: ['紧急', 'urgent'] } as const;
const CADENCES = { weekly: ['每周', 'weekly'], monthly: ['每月', 'monthly'], quarterly: ['每季度', 'quarterly'] } as const;
type Priority = keyof typeof PRIORITIES;
type Cadence = keyof typeof CADENCES;

/** One task as the sheet states it, units still as the names or codes typed. */
export interface ImportRow {
  row: number;
  title: string;
  description: string;
  category: string;
  lead: string[];
  co: string[];
  /** A calendar day (YYYY-MM-DD), the deadline being the end of it by the county's clock. */
  deadlineDate?: string;
  workingDays?: number;
  priority: Priority;
  cadence?: Cadence;
}

export interface ParsedImport {
  rows: ImportRow[];
  errors: ErrorDetail[];
  /** The header text of each column as the workbook has it, for error paths. */
  header: Record<Column, string>;
}

const validTitle = createAjv('body').compile(titleSchema);
const UNIT_SEPARATOR = /[、,，;；\n]+/;

/** `rows[3].牵头单位`: the row number Excel shows and the column header. */
export function rowPath(row: number, header: string): string {
  return `rows[${row}].${header}`;
}

/** The template: one sheet with the headers in the chosen language and an example row. */
export function importTemplate(lang: ImportLang): SheetSpec[] {
  const h = (c: Column) => IMPORT_COLUMNS[c][lang];
  const zh = lang === 'zh-CN';
  return [
    {
      name: zh ? '任务' : 'Tasks',
      columns: [
        { header: h('title'), width: 30 },
        { header: h('description'), width: 40 },
        { header: h('category'), width: 12 },
        { header: h('lead'), width: 30 },
        { header: h('co'), width: 30 },
        { header: h('deadline'), width: 14, text: true },
        { header: h('workingDays'), width: 10 },
        { header: h('priority'), width: 10, choices: Object.values(PRIORITIES).map((p) => p[zh ? 0 : 1]) },
        { header: h('cadence'), width: 12, choices: Object.values(CADENCES).map((p) => p[zh ? 0 : 1]) },
      ],
      rows: [
        zh
          ? ['人居环境整治', '清理房前屋后杂物，每月底前报送进展', '环境', '城关镇、新城镇', '县农业农村局', '', 10, '高', '每月']
          : [
              'Tidy up the villages',
              'Clear the yards; report progress monthly',
              'Environment',
              'Chengguan Town, Xincheng Town',
              'Agriculture Bureau',
              '',
              10,
              'high',
              'monthly',
            ],
      ],
    },
  ];
}

/** Reads the first sheet into rows, with an error for each missing or malformed cell. */
export function parseImportSheet(table: SheetTable | undefined, today: string): ParsedImport {
  const lang: ImportLang = table?.headers.includes(IMPORT_COLUMNS.title['zh-CN'])
    ? 'zh-CN'
    : table?.headers.includes(IMPORT_COLUMNS.title.en)
      ? 'en'
      : 'zh-CN';
  const header = Object.fromEntries(Object.entries(IMPORT_COLUMNS).map(([c, names]) => [c, names[lang]])) as Record<Column, string>;
  const errors: ErrorDetail[] = [];
  if (!table) return { rows: [], errors: [{ path: 'body', message: '工作簿没有工作表' }], header };
  const missing = (['title', 'lead'] as const).filter((c) => !table.headers.includes(header[c]));
  if (missing.length > 0)
    return { rows: [], errors: missing.map((c) => ({ path: `columns.${header[c]}`, message: '缺少此列（请使用导入模板）' })), header };
  if (table.rows.length === 0) return { rows: [], errors: [{ path: 'rows', message: '没有任务行' }], header };

  const rows: ImportRow[] = [];
  for (const { rowNumber: row, cells } of table.rows) {
    const cell = (c: Column) => (cells[header[c]] ?? '').trim();
    const fail = (c: Column, message: string) => errors.push({ path: rowPath(row, header[c]), message });
    const before = errors.length;

    const title = cell('title');
    if (!title) fail('title', '必填');
    else if (!validTitle(title)) fail('title', '不能超过 200 字，且不能含 < > 或控制字符');
    const description = cell('description');
    if (description.length > 10_000) fail('description', '不能超过 10000 字');
    const category = cell('category');
    if (category.length > 50 || /[<>\u0000-\u001f\u007f]/.test(category)) fail('category', '不能超过 50 字，且不能含 < > 或控制字符');
    const lead = splitUnits(cell('lead'));
    if (lead.length === 0) fail('lead', '至少填写一个单位');
    const co = splitUnits(cell('co'));

    const dateText = cell('deadline');
    const daysText = cell('workingDays');
    let deadlineDate: string | undefined;
    let workingDays: number | undefined;
    if (dateText && daysText) fail('workingDays', `与${header.deadline}只能填一个`);
    else if (dateText) {
      deadlineDate = parseDay(dateText);
      if (!deadlineDate) fail('deadline', `“${dateText}”不是日期（如 2026-12-31）`);
      else if (deadlineDate < today) fail('deadline', `${deadlineDate} 已过去`);
    } else if (daysText) {
      workingDays = /^\d{1,3}$/.test(daysText) ? Number(daysText) : NaN;
      if (!(workingDays >= 1 && workingDays <= 365)) fail('workingDays', `“${daysText}”应为 1 到 365 的整数`);
    } else fail('deadline', `必填（或填写${header.workingDays}）`);

    const priorityText = cell('priority');
    const priority: Priority | undefined = priorityText ? lookup(PRIORITIES, priorityText) : 'normal';
    if (!priority)
      fail(
        'priority',
        `应为 ${Object.values(PRIORITIES)
          .map((p) => p[0])
          .join('/')}`,
      );
    const cadenceText = cell('cadence');
    const cadence = cadenceText ? lookup(CADENCES, cadenceText) : undefined;
    if (cadenceText && !cadence)
      fail(
        'cadence',
        `应为 ${Object.values(CADENCES)
          .map((p) => p[0])
          .join('/')} 或留空`,
      );

    if (errors.length === before)
      rows.push({ row, title, description, category, lead, co, deadlineDate, workingDays, priority: priority!, cadence });
  }
  return { rows, errors, header };
}

function splitUnits(text: string): string[] {
  return text
    .split(UNIT_SEPARATOR)
    .map((s) => s.trim())
    .filter(Boolean);
}

function lookup<K extends string>(table: Record<K, readonly string[]>, text: string): K | undefined {
  const wanted = text.toLowerCase();
  return (Object.keys(table) as K[]).find((key) => table[key].some((name) => name.toLowerCase() === wanted));
}

/** `2026-12-31`, `2026/12/31`, `2026.12.31`, `2026年12月31日`, or a date cell (read as an ISO instant at midnight UTC). */
function parseDay(text: string): string | undefined {
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})(?:日|T00:00:00(?:\.000)?Z)?$/.exec(text);
  if (!match) return undefined;
  const day = `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day ? day : undefined;
}
