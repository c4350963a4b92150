import type { Knex } from 'knex';
import { type ColumnSpec, countyDateTime, DEFAULT_TIME_ZONE, tenantOfTransaction } from '../../../core/module-kit.ts';
import type { ReportFormColumn } from './report-form-port.ts';

export type AggregationLanguage = 'zh-CN' | 'en';

const WORDS = {
  'zh-CN': {
    sheet: '汇总',
    fileSuffix: '汇总',
    headers: [
      '单位',
      '上级单位',
      '角色',
      '责任人',
      '截止时间',
      '亮灯',
      '汇总进度(%)',
      '本单位报送进度(%)',
      '状态',
      '报告内容',
      '照片数',
      '报送时间',
      '亮牌',
    ],
    photo: '照片',
    title: (task: string, period: string | null, at: string, zone: string) =>
      `${task}${period ? ` · 报送期 ${period}` : ' · 全部报送'} · 汇总于 ${at}（${zone === DEFAULT_TIME_ZONE ? '北京时间' : zone}）`,
    role: { lead: '牵头', co: '配合' },
    light: { white: '白灯', blue: '蓝灯', green: '绿灯', yellow: '黄灯', red: '红灯' },
    status: { pending: '未签收', open: '办理中', submitted: '待验收', done: '已办结', closed: '已关闭' },
    card: { green: '绿牌', yellow: '黄牌', red: '红牌' },
  },
  en: {
    sheet: 'Summary',
    fileSuffix: 'summary',
    headers: [
      'Unit',
      'Parent unit',
      'Role',
      'Responsible person',
      'Deadline',
      'Light',
      'Rolled-up progress (%)',
      'Own reported progress (%)',
      'Status',
      'Report',
      'Photos',
      'Submitted at',
      'Card',
    ],
    photo: 'Photo',
    title: (task: string, period: string | null, at: string, zone: string) =>
      `${task}${period ? ` · period ${period}` : ' · all reports'} · compiled ${at} (${zone === DEFAULT_TIME_ZONE ? 'Beijing time' : zone})`,
    role: { lead: 'lead', co: 'co-organiser' },
    light: { white: 'white', blue: 'blue', green: 'green', yellow: 'yellow', red: 'red' },
    status: { pending: 'not acknowledged', open: 'in progress', submitted: 'awaiting acceptance', done: 'done', closed: 'closed' },
    card: { green: 'green card', yellow: 'yellow card', red: 'red card' },
  },
} as const;

/** A cell: a value, or a link (a photo) shown as its text. */
export type Cell = string | number | null | { text: string; hyperlink: string };

/** One assignment with its latest report (in the period, when one is given) and that report's card. */
export interface AggregationRow {
  id: string;
  path: string;
  unit_name: string;
  parent_unit_name: string;
  role: 'lead' | 'co';
  person_name: string | null;
  deadline: Date;
  light: keyof (typeof WORDS)['zh-CN']['light'];
  progress: number;
  own_progress: number;
  status: keyof (typeof WORDS)['zh-CN']['status'];
  report_text: string | null;
  photo_ids: string[] | null;
  submitted_at: Date | null;
  form_data: Record<string, unknown> | null;
  card_color: 'green' | 'yellow' | 'red' | null;
  card_reason: string | null;
}

/**
 * A page of the task's tree in tree order (the materialised path sorts a parent before its
 * subtasks), keyset-paged on the path. A unit's latest report is its newest one not returned
 * (a returned report is not what the unit stands by), through the (assignment, created_at) index.
 */
export async function aggregationPage(
  trx: Knex.Transaction,
  taskId: string,
  periodKey: string | null,
  afterPath: string | null,
  limit: number,
): Promise<AggregationRow[]> {
  const { rows } = await trx.raw(
    `select a.id, a.path, u.name as unit_name, coalesce(pu.name, ou.name) as parent_unit_name, a.role, p.name as person_name, a.deadline, a.light, a.progress, a.own_progress, a.status,
            r.text as report_text, r.photo_ids, r.created_at as submitted_at, r.form_data, c.color as card_color, c.reason as card_reason
       from dispatch_assignment a
       join dispatch_task t on t.tenant_id = a.tenant_id and t.id = a.task_id
       join core_unit ou on ou.tenant_id = t.tenant_id and ou.id = t.owner_unit_id
       join core_unit u on u.tenant_id = a.tenant_id and u.id = a.unit_id
       left join dispatch_assignment pa on pa.tenant_id = a.tenant_id and pa.id = a.parent_id
       left join core_unit pu on pu.tenant_id = pa.tenant_id and pu.id = pa.unit_id
       left join core_person p on p.tenant_id = a.tenant_id and p.id = a.person_id
       left join lateral (
         select r.id, r.text, r.photo_ids, r.created_at, r.form_data from dispatch_report r
          where r.tenant_id = a.tenant_id and r.assignment_id = a.id and r.status <> 'returned' and (?::text is null or r.period_key = ?::text)
          order by r.created_at desc, r.id desc limit 1) r on true
       left join dispatch_card c on c.tenant_id = a.tenant_id and c.report_id = r.id
      where a.tenant_id = ? and a.task_id = ? and (?::text is null or a.path collate "C" > ?::text)
      order by a.path collate "C"
      limit ?`,
    [periodKey, periodKey, tenantOfTransaction(trx), taskId, afterPath, afterPath, limit],
  );
  return rows as AggregationRow[];
}

export function aggregationColumns(lang: AggregationLanguage, formColumns: ReportFormColumn[]): ColumnSpec[] {
  const [unit, parent, role, person, deadline, light, progress, ownProgress, status, text, photos, submitted, card] = WORDS[lang].headers;
  return [
    { header: unit, width: 20 },
    { header: parent, width: 20 },
    { header: role, width: 8 },
    { header: person, width: 12 },
    { header: deadline, width: 18 },
    { header: light, width: 8 },
    { header: progress, width: 12 },
    { header: ownProgress, width: 14 },
    { header: status, width: 12 },
    { header: text, width: 50 },
    { header: photos, width: 8 },
    { header: submitted, width: 18 },
    { header: card, width: 30 },
    ...formColumns.map((c) => ({ header: c.title, text: c.text })),
  ];
}

/**
 * A row's cells: the fixed columns, the report form's, then one link per photo of the report
 * (`fileUrl` makes a photo's absolute address; the sheet names as many photo columns as the
 * row with the most photos needs).
 */
export function aggregationCells(
  lang: AggregationLanguage,
  row: AggregationRow,
  formColumns: ReportFormColumn[],
  fileUrl: (fileId: string) => string,
  timeZone: string,
): Cell[] {
  const words = WORDS[lang];
  return [
    row.unit_name,
    row.parent_unit_name,
    words.role[row.role],
    row.person_name,
    countyDateTime(new Date(row.deadline), timeZone),
    words.light[row.light],
    row.progress,
    row.own_progress,
    words.status[row.status],
    row.report_text,
    row.photo_ids?.length ?? 0,
    row.submitted_at ? countyDateTime(new Date(row.submitted_at), timeZone) : null,
    row.card_color ? `${words.card[row.card_color]}：${row.card_reason ?? ''}` : null,
    ...formColumns.map((c) => (row.form_data ? c.cell(row.form_data) : null)),
    ...(row.photo_ids ?? []).map((id, i) => ({ text: `${words.photo}${i + 1}`, hyperlink: fileUrl(id) })),
  ];
}

/** The sheet: a title row naming the task, the period and when it was compiled, then the header and the rows. */
export function aggregationSheet(
  lang: AggregationLanguage,
  formColumns: ReportFormColumn[],
  rows: Cell[][],
  heading: { taskTitle: string; periodKey: string | null; at: Date; timeZone: string },
): AggregationSheet {
  const columns = aggregationColumns(lang, formColumns);
  const photoColumns = Math.max(0, ...rows.map((r) => r.length - columns.length));
  for (let i = 1; i <= photoColumns; i++) columns.push({ header: `${WORDS[lang].photo}${i}`, width: 10 });
  return {
    name: WORDS[lang].sheet,
    title: WORDS[lang].title(heading.taskTitle, heading.periodKey, countyDateTime(heading.at, heading.timeZone), heading.timeZone),
    columns,
    rows,
  };
}

export interface AggregationSheet {
  name: string;
  title: string;
  columns: ColumnSpec[];
  rows: Cell[][];
}

/** `<task>-汇总[-<period>]`: what an aggregation is called (its export's title, its file's name). */
export function aggregationTitle(lang: AggregationLanguage, taskTitle: string, periodKey: string | null): string {
  return `${taskTitle}-${WORDS[lang].fileSuffix}${periodKey ? `-${periodKey}` : ''}`;
}

/** `<task>-汇总[-<period>].xlsx`, without characters a file name cannot hold. */
export function aggregationFileName(lang: AggregationLanguage, taskTitle: string, periodKey: string | null): string {
  return `${aggregationTitle(lang, taskTitle, periodKey)}.xlsx`.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
}
