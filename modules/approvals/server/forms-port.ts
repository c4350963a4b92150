import type { FastifyRequest } from 'fastify';
import { badRequest, moduleService } from '../../../core/module-kit.ts';
import { REPORT_FORMS_SERVICE, type ReportFormsService } from '../../forms/public-api.ts';
import { APPROVAL_ERRORS } from '../schemas/error-codes.ts';

/** The forms module's published service: an approval type's form is a form of the forms designer. */
export async function formsService(request: FastifyRequest, path: string): Promise<ReportFormsService> {
  const service = await moduleService<ReportFormsService>(request, REPORT_FORMS_SERVICE);
  if (!service)
    throw badRequest(APPROVAL_ERRORS.FORMS_UNAVAILABLE, 'Approval forms need the forms module enabled', [
      { path, message: 'needs the forms module' },
    ]);
  return service;
}

/** The top-level fields of a form version: what a branch condition may test. */
export function formFieldNames(schema: Record<string, unknown>): Set<string> {
  const properties = schema.properties;
  return new Set(typeof properties === 'object' && properties !== null ? Object.keys(properties) : []);
}
