import { requirePermission, type RoutePlugin } from '../../../core/module-kit.ts';
import { createExportRoute } from '../schemas/export.schema.ts';
import { createExport } from './export.service.ts';
import { exportCellContext } from './county-time.ts';
import { getForm } from './form.service.ts';
import { fieldFiltersOf } from './results-query.ts';
import { exportLanguage } from './export-language.ts';

const fieldList = (fields: string | undefined) =>
  fields
    ? fields
        .split(',')
        .map((f) => f.trim())
        .filter(Boolean)
    : [];

/**
 * Export jobs (`forms.results`): start one. It is a core export (core/exports/): its requester
 * follows its progress and downloads its file under `/exports`, where forms' runners write it.
 */
export const exportRoutes: RoutePlugin = async (app) => {
  app.post('/forms/:id/exports', { schema: createExportRoute }, async (request, reply) => {
    const scope = await requirePermission(request, 'forms.results');
    const form = await getForm(request.db, request.params.id);
    const { kind, sort, order, fields, groupBy, status, version, collectionId, periodKey, unitId, q, lang } = request.body;
    const filter = { status, version, collectionId, periodKey, unitId, q, fieldFilters: fieldFiltersOf(request.body) };
    // The language is fixed now: the job runs later, without the request.
    const params = {
      filter,
      sort,
      order: order ?? 'desc',
      fields: fieldList(fields),
      groupBy,
      lang: exportLanguage(lang, request.headers['accept-language']),
      cells: exportCellContext(request),
    };
    return reply.status(202).send(await createExport(request, form, kind, params, scope));
  });
};
