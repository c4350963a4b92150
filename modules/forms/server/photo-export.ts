import type { Knex } from 'knex';
import { countyDateTime, DEFAULT_TIME_ZONE, type ExportRunContext } from '../../../core/module-kit.ts';
import { valueAt } from './export-layout.ts';
import type { FormsExportParams } from './export.service.ts';
import type { ExportLanguage } from './export-language.ts';
import type { FormField } from './form-fields.ts';
import { filteredSubmissions } from './results-query.ts';
import { sortKey, type KeysetPosition } from './results-sort.ts';
import { resultFields, submissionsPage, type KeyedRow } from './results.service.ts';
import type { ZipStream } from './zip-stream.ts';

/** Submissions per step: a step may hold many photos each, so fewer than a workbook's chunk. */
const CHUNK = 100;

const NO_UNIT: Record<ExportLanguage, string> = { 'zh-CN': '无单位', en: 'No unit' };

type Context = Pick<ExportRunContext, 'withTenant' | 'files' | 'progress'>;

/** One photo or file answer of a submission, with the words its name in the zip is made of. */
interface FileAnswer {
  fileId: string;
  /** `入户照片-1`, or inside a repeating group `家庭成员-2-照片-1`. */
  label: string;
}

interface StoredFile {
  id: string;
  name: string;
  content_type: string;
  created_at: Date;
}

/**
 * Writes the photo and file answers of the filtered submissions (the list export's filters and
 * order) into the zip: `<unit>/<submitter> <submitted at>/<field title>-<n>.<ext>`, the time on
 * the county's clock, a folder per submission (a second one of the same minute gets ` (2)`).
 * Progress counts submissions. A file whose content is gone is left out rather than failing all.
 */
export async function writePhotos(context: Context, tenantId: string, params: FormsExportParams, out: ZipStream): Promise<void> {
  const { filter } = params;
  const { fields, count } = await context.withTenant(tenantId, async ({ db }) => {
    const found = await resultFields(db, params.formId, filter.version);
    const [{ n }] = await filteredSubmissions(db, params.formId, params.scope, found.fields, filter).count({ n: '*' });
    return { fields: found.fields, count: Number(n) };
  });
  const key = sortKey(fields, params);
  const fileFields = fields.filter((f) => f.kind === 'file');
  const groupTitles = new Map(fields.filter((f) => f.kind === 'group').map((f) => [f.name, f.title]));
  const timeZone = params.cells?.timeZone ?? DEFAULT_TIME_ZONE;
  const noUnit = NO_UNIT[params.lang ?? 'zh-CN'];
  const folders = new Set<string>();
  let done = 0;
  let after: KeysetPosition | null = null;
  for (;;) {
    // Submissions made since the count could pass the total: progress stays within it.
    await context.progress(Math.min(done, count), count);
    const position: KeysetPosition | null = after;
    const { page, stored } = await context.withTenant(tenantId, async ({ db }) => {
      const rows: KeyedRow[] = await submissionsPage(db, params.formId, params.scope, fields, filter, key, position, CHUNK);
      const ids = [...new Set(rows.flatMap((r) => fileAnswers(r.data, fileFields, groupTitles).map((a) => a.fileId)))];
      return { page: rows, stored: await storedFiles(db, ids) };
    });
    for (const submission of page) {
      const answers = fileAnswers(submission.data, fileFields, groupTitles).filter((a) => stored.has(a.fileId));
      if (answers.length === 0) continue;
      const when = submission.submitted_at ? ` ${countyDateTime(submission.submitted_at, timeZone).replace(':', '')}` : '';
      const folder = uniqueName(folders, `${segment(submission.unit_name ?? noUnit)}/${segment(submission.submitter_name + when)}`);
      for (const answer of answers) {
        const file = stored.get(answer.fileId) as StoredFile;
        const content = await context.files.open(tenantId, file.id);
        if (!content) continue;
        await out.add(`${folder}/${segment(answer.label)}${extensionOf(file)}`, content, file.created_at);
      }
    }
    done += page.length;
    if (page.length < CHUNK) break;
    const last: KeyedRow = page[page.length - 1];
    after = { value: last.sort_key, id: last.id };
  }
}

/** The photo and file answers of one submission, in field order, each numbered within its field. */
export function fileAnswers(data: unknown, fileFields: FormField[], groupTitles: Map<string, string>): FileAnswer[] {
  const answers: FileAnswer[] = [];
  const push = (label: string, value: unknown) => {
    const ids = (Array.isArray(value) ? value : [value]).filter((id): id is string => typeof id === 'string' && id.length > 0);
    ids.forEach((fileId, i) => answers.push({ fileId, label: `${label}-${i + 1}` }));
  };
  for (const field of fileFields) {
    if (!field.group) {
      push(field.title, valueAt(data, field.path));
      continue;
    }
    const rows = valueAt(data, field.group);
    const groupTitle = groupTitles.get(field.group.join('.')) ?? field.group.join('.');
    if (Array.isArray(rows)) rows.forEach((item, n) => push(`${groupTitle}-${n + 1}-${field.title}`, valueAt(item, field.path)));
  }
  return answers;
}

async function storedFiles(db: Knex.Transaction, ids: string[]): Promise<Map<string, StoredFile>> {
  if (ids.length === 0) return new Map();
  const rows: StoredFile[] = await db('core_file').whereIn('id', ids).select('id', 'name', 'content_type', 'created_at');
  return new Map(rows.map((r) => [r.id, r]));
}

/** A name every system's unzip accepts: no separators, reserved or control characters, not too long. */
function segment(text: string): string {
  const clean = text
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 80);
  return clean || '_';
}

function uniqueName(taken: Set<string>, name: string): string {
  let unique = name;
  for (let n = 2; taken.has(unique); n++) unique = `${name} (${n})`;
  taken.add(unique);
  return unique;
}

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/webp': '.webp',
  'image/gif': '.gif',
  'image/heic': '.heic',
  'application/pdf': '.pdf',
};

/** The uploaded name's extension (what the phone called it), else one from the stored type. */
function extensionOf(file: StoredFile): string {
  const match = /\.([a-z0-9]{1,8})$/i.exec(file.name);
  return match ? `.${match[1].toLowerCase()}` : (EXTENSIONS[file.content_type] ?? '');
}
