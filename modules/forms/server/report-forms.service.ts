import type { ReportFormColumn, ReportFormsService, ReportFormVersion } from '../public-api.ts';
import { formsConfig } from '../forms-config.ts';
import { cellValue, valueAt } from './export-layout.ts';
import { formFields, type FormField } from './form-fields.ts';
import { findVersion } from './form.service.ts';
import { checkSubmissionData } from './submission-data.ts';
import { containsPattern } from '../../../core/module-kit.ts';

/** Forms as other modules' report forms: the implementation of `forms.reportForms`. */
export const reportFormsService: ReportFormsService = {
  async listPublished(trx, filter) {
    const query = trx('forms_form')
      .where('latest_version', '>', 0)
      .orderBy([{ column: 'name' }, { column: 'id' }])
      .limit(filter.limit);
    if (filter.q) query.whereILike('name', containsPattern(filter.q));
    const rows: { id: string; latest_version: number; name: string; category: string }[] = await query.select(
      'id',
      'latest_version',
      'name',
      'category',
    );
    return rows.map((r) => ({ formId: r.id, latestVersion: r.latest_version, name: r.name, category: r.category }));
  },

  async publishedVersion(trx, formId, version) {
    const form: { latest_version: number } | undefined = await trx('forms_form').where({ id: formId }).first('latest_version');
    if (!form || form.latest_version === 0) return undefined;
    const row = await findVersion(trx, formId, version ?? form.latest_version);
    if (!row) return undefined;
    return { formId: row.form_id, version: row.version, name: row.name, schema: row.schema, uiSchema: row.ui_schema };
  },

  async checkAnswers(trx, version, data) {
    const checked = await checkSubmissionData(trx, version.schema, data, { draft: false, config: await formsConfig(trx) });
    return checked.data;
  },

  columns(version: ReportFormVersion): ReportFormColumn[] {
    const all = formFields(version.schema);
    return all
      .filter((f) => !f.group)
      .map((field) => ({
        title: field.title,
        text: field.kind !== 'number',
        cell: (data) => {
          const value = valueAt(data, field.path);
          if (field.kind === 'group')
            return Array.isArray(value)
              ? groupText(
                  all.filter((f) => f.group?.join('.') === field.name),
                  value,
                )
              : null;
          return cellValue(field, value);
        },
      }));
  },
};

/** A repeating group in one cell: a line per row, `title：answer` pairs joined by '；'. */
function groupText(inner: FormField[], rows: unknown[]): string {
  return rows.map((row) => inner.map((f) => `${f.title}：${cellValue(f, valueAt(row, f.path)) ?? ''}`).join('；')).join('\n');
}
