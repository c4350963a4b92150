import type { FastifyRequest } from 'fastify';
import { AppError, badRequest, type DataScope, type ExportView, queueExport } from '../../../core/module-kit.ts';
import { filteredSubmissions, type ResultsFilter } from './results-query.ts';
import { sortKey } from './results-sort.ts';
import { resultFields } from './results.service.ts';
import { statisticsPlan } from './statistics.service.ts';
import type { ExportCellContext } from './county-time.ts';
import { STATISTICS_TEXTS, type ExportLanguage } from './export-language.ts';
import { FORMS_ERRORS } from '../schemas/error-codes.ts';

/** A workbook of the list or of the statistics, or a `.zip` of the photo and file answers. */
export type ExportKind = 'list' | 'statistics' | 'photos';
/** The most submissions one export job writes (Excel itself stops at 1,048,576 rows a sheet). */
export const EXPORT_JOB_MAX_ROWS = 1_000_000;

export interface ExportParams {
  filter: ResultsFilter;
  sort?: string;
  order: 'asc' | 'desc';
  fields: string[];
  groupBy?: string;
  /** The workbook's own words (statistics); exports queued before it existed are Chinese. */
  lang?: ExportLanguage;
  /** The county's zone and the files address, fixed when asked for (exports queued before: Asia/Shanghai, relative links). */
  cells?: ExportCellContext;
}

/** What forms keeps in a core export's params: the request as validated, the form, and the requester's data scope then. */
export interface FormsExportParams extends ExportParams {
  formId: string;
  /** The requester's data scope when asking: the export holds what they could see then. */
  scope: DataScope;
}

const PHOTOS_NAME: Record<ExportLanguage, string> = { 'zh-CN': '照片', en: 'photos' };

/** What an export is called (its title, and its file's name without the extension): the form's name and what it holds. */
export function exportTitle(kind: ExportKind, formName: string, lang: ExportLanguage): string {
  if (kind === 'photos') return `${formName}-${PHOTOS_NAME[lang]}`;
  return `${formName}-${kind === 'list' ? '填报数据' : STATISTICS_TEXTS[lang].fileName}`;
}

export const exportFileName = (kind: ExportKind, formName: string, lang: ExportLanguage) =>
  `${exportTitle(kind, formName, lang)}${kind === 'photos' ? '.zip' : '.xlsx'}`;

/**
 * Checks an export request as the list or statistics route would (photos: as the list, on a form
 * with a photo or file question) (a 400 names `body.<field>`), counts what it matches (a list
 * over EXPORT_JOB_MAX_ROWS is refused), then queues it as a core export (core/exports/) in the
 * request's transaction: the export and its job exist together. Reading it later needs
 * `forms.results` still.
 */
export async function createExport(
  request: FastifyRequest,
  form: { id: string; name: string },
  kind: ExportKind,
  params: ExportParams,
  scope: DataScope,
): Promise<ExportView> {
  const { fields } = await asBodyErrors(() => resultFields(request.db, form.id, params.filter.version));
  let total = 1;
  if (kind === 'photos' && !fields.some((f) => f.kind === 'file')) {
    throw badRequest(FORMS_ERRORS.EXPORT_NO_FILES, 'The form has no photo or file question', [
      { path: 'body.kind', message: 'photos: the form asks for no photo or file' },
    ]);
  }
  if (kind === 'list' || kind === 'photos') {
    await asBodyErrors(async () => {
      sortKey(fields, params);
      const [{ n }] = await filteredSubmissions(request.db, form.id, scope, fields, params.filter).count({ n: '*' });
      total = Number(n);
    });
    if (total > EXPORT_JOB_MAX_ROWS) {
      throw badRequest(
        FORMS_ERRORS.EXPORT_TOO_LARGE,
        `${total} submissions match; an export holds at most ${EXPORT_JOB_MAX_ROWS}: narrow the filters`,
        [{ path: 'body', message: `matches more than ${EXPORT_JOB_MAX_ROWS} submissions` }],
      );
    }
  } else {
    await asBodyErrors(async () => statisticsPlan(fields, params));
  }
  const stored: FormsExportParams = { ...params, formId: form.id, scope };
  return queueExport(request, {
    module: 'forms',
    kind,
    title: exportTitle(kind, form.name, params.lang ?? 'zh-CN'),
    params: { ...stored },
    total,
    permission: 'forms.results',
  });
}

/** The list and statistics checks name query-string parameters; here the same values came in the body. */
async function asBodyErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const details = error.details.map((d) => ({ ...d, path: d.path.replace(/^querystring(\.|$)/, 'body$1') }));
    throw new AppError(error.statusCode, error.code, error.message, details);
  }
}
