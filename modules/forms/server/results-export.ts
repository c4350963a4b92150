import type { Knex } from 'knex';
import { badRequest, type DataScope, type SheetSpec } from '../../../core/module-kit.ts';
import { listLayout, uniqueSheetName } from './export-layout.ts';
import type { ResultsFilter } from './results-query.ts';
import { sortKey, type SortRequest } from './results-sort.ts';
import { resultFields, submissionsPage } from './results.service.ts';
import type { LabelKey, statistics } from './statistics.service.ts';
import type { ExportCellContext } from './county-time.ts';
import { STATISTICS_TEXTS, type ExportLanguage } from './export-language.ts';
import { FORMS_ERRORS } from '../schemas/error-codes.ts';

/**
 * The largest list written within the request; a larger one goes through an export job
 * (`POST /forms/:id/exports`), which writes in chunks and reports its progress.
 */
export const DIRECT_EXPORT_MAX_ROWS = 2_000;

export async function resultsSheets(
  trx: Knex.Transaction,
  formId: string,
  scope: DataScope,
  filter: ResultsFilter,
  sort: SortRequest,
  context: ExportCellContext,
): Promise<SheetSpec[]> {
  const { fields } = await resultFields(trx, formId, filter.version);
  const rows = await submissionsPage(trx, formId, scope, fields, filter, sortKey(fields, sort), null, DIRECT_EXPORT_MAX_ROWS + 1);
  if (rows.length > DIRECT_EXPORT_MAX_ROWS) {
    throw badRequest(
      FORMS_ERRORS.EXPORT_TOO_LARGE,
      `More than ${DIRECT_EXPORT_MAX_ROWS} submissions match: start an export job (POST /forms/forms/:id/exports) instead`,
      [{ path: 'querystring', message: `matches more than ${DIRECT_EXPORT_MAX_ROWS} submissions` }],
    );
  }
  return listLayout(fields, context).map((layout) => ({
    name: layout.name,
    columns: layout.columns,
    rows: rows.flatMap((r) => layout.rowsOf(r)),
  }));
}

/** The statistics workbook in `lang`: a summary sheet, then one sheet per field. */
export function statisticsSheets(stats: Awaited<ReturnType<typeof statistics>>, lang: ExportLanguage = 'zh-CN'): SheetSpec[] {
  const texts = STATISTICS_TEXTS[lang];
  const label = (item: { label: string | null; labelKey?: LabelKey }) => item.label ?? texts.labels[item.labelKey ?? 'unanswered'];
  const sheets: SheetSpec[] = [
    {
      name: texts.summary,
      columns: [{ header: texts.group }, { header: texts.submissions }],
      rows: stats.groups.map((g) => [label(g), g.count]),
    },
  ];
  const taken = new Set([texts.summary]);
  stats.fields.forEach((field, i) => {
    const name = uniqueSheetName(taken, `${i + 1}-${field.title}`, i);
    if (field.kind === 'number') {
      sheets.push({
        name,
        columns: [
          { header: texts.group },
          { header: texts.answered },
          { header: texts.sum },
          { header: texts.avg },
          { header: texts.min },
          { header: texts.max },
        ],
        rows: field.groups.map((g) => [label(g), g.count, g.sum ?? null, g.avg ?? null, g.min ?? null, g.max ?? null]),
      });
    } else {
      // Yes/no answers are worded by the workbook's language, not the form's.
      const optionLabel = (o: { value: string; label: string | null; labelKey?: LabelKey }) =>
        field.kind === 'boolean' && (o.value === 'true' || o.value === 'false') ? (o.value === 'true' ? texts.yes : texts.no) : label(o);
      const options = field.groups[0]?.options ?? [];
      sheets.push({
        name,
        columns: [{ header: texts.group }, ...options.map((o) => ({ header: optionLabel(o) }))],
        rows: field.groups.map((g) => [label(g), ...options.map((o) => g.options?.find((x) => x.value === o.value)?.count ?? 0)]),
      });
    }
  });
  return sheets;
}
