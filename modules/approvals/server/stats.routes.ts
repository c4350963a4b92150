import { attachmentDisposition, writeXlsx, XLSX_MIME, type RoutePlugin } from '../../../core/module-kit.ts';
import { statsExportRoute, statsRoute } from '../schemas/stats.schema.ts';
import { PERMISSION } from './permissions.ts';
import { approvalStats, statsSheets } from './stats.service.ts';

/** Managers' statistics (counts by state, time per step) and their workbook. */
export const statsRoutes: RoutePlugin = async (app) => {
  app.get('/stats', { schema: statsRoute, config: { permission: PERMISSION.manage } }, async (request) =>
    approvalStats(request, request.query),
  );

  app.get('/stats/export', { schema: statsExportRoute, config: { permission: PERMISSION.manage } }, async (request, reply) => {
    const lang = request.query.lang ?? 'zh-CN';
    const file = await writeXlsx(statsSheets(await approvalStats(request, request.query), lang));
    return reply
      .header('content-type', XLSX_MIME)
      .header('content-disposition', attachmentDisposition(lang === 'en' ? 'approval-statistics.xlsx' : '审批统计.xlsx'))
      .send(file);
  });
};
