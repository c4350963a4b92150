import { type RoutePlugin } from '../../../core/module-kit.ts';
import { listReportFormsRoute } from '../schemas/report-form.schema.ts';
import { reportForms } from './report-form-port.ts';

/**
 * The forms a supervisor may pick as a task's report form. Read through dispatch, so choosing one
 * needs dispatch.supervise, not a forms permission.
 */
export const reportFormRoutes: RoutePlugin = async (app) => {
  app.get('/report-forms', { schema: listReportFormsRoute, config: { permission: 'dispatch.supervise' } }, async (request) => {
    const forms = await reportForms(request);
    if (!forms) return { available: false, items: [] };
    return { available: true, items: await forms.listPublished(request.db, request.query) };
  });
};
