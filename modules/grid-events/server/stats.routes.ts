import { attachmentDisposition, writeXlsx, XLSX_MIME, type RoutePlugin } from '../../../core/module-kit.ts';
import { eventStatsExportRoute, eventStatsRoute } from '../schemas/stats.schema.ts';
import { callerScopes } from './event-access.ts';
import { PERMISSION } from './permissions.ts';
import { eventStats, statsSheet } from './stats.service.ts';

const readers = { permission: [PERMISSION.view, PERMISSION.manage, PERMISSION.handle] };

/** Outcomes by grid, community or category (the 一张图's numbers, the statistics page and its workbook). */
export const statsRoutes: RoutePlugin = async (app) => {
  app.get('/stats', { schema: eventStatsRoute, config: readers }, async (request) =>
    eventStats(request.db, await callerScopes(request), request.query, new Date()),
  );

  app.get('/stats/export', { schema: eventStatsExportRoute, config: readers }, async (request, reply) => {
    const by = request.query.by ?? 'grid';
    const lang = request.query.lang ?? 'zh-CN';
    const stats = await eventStats(request.db, await callerScopes(request), request.query, new Date());
    const file = await writeXlsx([statsSheet(stats, by, lang)]);
    return reply
      .header('content-type', XLSX_MIME)
      .header('content-disposition', attachmentDisposition(lang === 'en' ? 'grid-event-statistics.xlsx' : '网格事件统计.xlsx'))
      .send(file);
  });
};
