import type { Knex } from 'knex';

/**
 * What the forms module offers other modules (e.g. dispatch's report forms), provided as the
 * service `forms.reportForms` (see `PlatformModule.provides`). Only these types may be imported
 * by another module; the implementation stays inside modules/forms/server.
 */
export const REPORT_FORMS_SERVICE = 'forms.reportForms';

export interface ReportFormVersion {
  formId: string;
  version: number;
  name: string;
  schema: Record<string, unknown>;
  uiSchema: Record<string, unknown>;
}

/** One spreadsheet column of a version's answers: a top-level field, a repeating group counted as its rows joined. */
export interface ReportFormColumn {
  title: string;
  /** Whether the cell must be written as text (everything but numbers). */
  text: boolean;
  cell(data: unknown): string | number | null;
}

/** A form with a published version, as a picker lists it. */
export interface PublishedForm {
  formId: string;
  latestVersion: number;
  name: string;
  category: string;
}

export interface ReportFormsService {
  /** Forms with a published version, by name; `q` narrows to names containing it. At most `limit`. */
  listPublished(trx: Knex.Transaction, filter: { q?: string; limit: number }): Promise<PublishedForm[]>;
  /** The given version, or the latest published one; undefined when the form or version does not exist in the tenant. */
  publishedVersion(trx: Knex.Transaction, formId: string, version?: number): Promise<ReportFormVersion | undefined>;
  /**
   * Checks answers against the version exactly as a form submission is checked (ajv, referenced
   * files, people and units, size limits); throws the same 4xx errors with paths under `body.data`.
   * Returns the answers with the schema's defaults applied.
   */
  checkAnswers(trx: Knex.Transaction, version: ReportFormVersion, data: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** Columns of a sheet with one row per answer set, in the form's field order. */
  columns(version: ReportFormVersion): ReportFormColumn[];
}
