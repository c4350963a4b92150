import type { FastifyRequest } from 'fastify';
import type { Knex } from 'knex';
import { moduleService } from '../../../core/module-kit.ts';

/**
 * What dispatch needs from a forms provider for report forms: the service `forms.reportForms`
 * (published by the forms module in modules/forms/public-api.ts). Declared here rather than
 * imported, so dispatch builds and runs without the forms module installed: report forms are then
 * simply unavailable.
 */
export const REPORT_FORMS_SERVICE = 'forms.reportForms';

export interface ReportFormVersion {
  formId: string;
  version: number;
  name: string;
  schema: Record<string, unknown>;
  uiSchema: Record<string, unknown>;
}

export interface ReportFormColumn {
  title: string;
  text: boolean;
  cell(data: unknown): string | number | null;
}

export interface PublishedForm {
  formId: string;
  latestVersion: number;
  name: string;
  category: string;
}

export interface ReportForms {
  listPublished(trx: Knex.Transaction, filter: { q?: string; limit: number }): Promise<PublishedForm[]>;
  publishedVersion(trx: Knex.Transaction, formId: string, version?: number): Promise<ReportFormVersion | undefined>;
  checkAnswers(trx: Knex.Transaction, version: ReportFormVersion, data: Record<string, unknown>): Promise<Record<string, unknown>>;
  columns(version: ReportFormVersion): ReportFormColumn[];
}

export function reportForms(request: FastifyRequest): Promise<ReportForms | undefined> {
  return moduleService<ReportForms>(request, REPORT_FORMS_SERVICE);
}
