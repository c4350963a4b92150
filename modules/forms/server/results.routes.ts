import type { FastifyReply } from 'fastify';
import type { Knex } from 'knex';
import { attachmentDisposition, type RoutePlugin, writeXlsx, XLSX_MIME } from '../../../core/module-kit.ts';
import { exportResultsRoute, exportStatisticsRoute, listResultsRoute, statisticsRoute } from '../schemas/results.schema.ts';
import { exportCellContext } from './county-time.ts';
import { getForm } from './form.service.ts';
import { resultsSheets, statisticsSheets } from './results-export.ts';
import { fieldFiltersOf, type ResultsFilter } from './results-query.ts';
import { listResults } from './results.service.ts';
import { statistics } from './statistics.service.ts';
import { exportLanguage, STATISTICS_TEXTS } from './export-language.ts';

type FilterQuery = Omit<ResultsFilter, 'fieldFilters'> & Record<string, unknown>;

function filterOf(query: FilterQuery): ResultsFilter {
  return {
    status: query.status,
    version: query.version,
    collectionId: query.collectionId,
    periodKey: query.periodKey,
    unitId: query.unitId,
    q: query.q,
    fieldFilters: fieldFiltersOf(query),
  };
}

const fieldList = (fields: string | undefined) =>
  fields
    ? fields
        .split(',')
        .map((f) => f.trim())
        .filter(Boolean)
    : [];

/** Results (`forms.results`, within its data scope): list, statistics, and both as .xlsx. */
export const resultsRoutes: RoutePlugin = async (app) => {
  app.get('/forms/:id/submissions', { schema: listResultsRoute, config: { permission: 'forms.results' } }, async (request) => {
    const scope = request.scope;
    const { sort, order, limit, cursor } = request.query;
    return listResults(request.db, request.params.id, scope, filterOf(request.query), {
      sort,
      order: order ?? 'desc',
      limit: limit ?? 20,
      cursor,
    });
  });

  app.get('/forms/:id/statistics', { schema: statisticsRoute, config: { permission: 'forms.results' } }, async (request) => {
    const scope = request.scope;
    return statistics(request.db, request.params.id, scope, filterOf(request.query), {
      fields: fieldList(request.query.fields),
      groupBy: request.query.groupBy,
    });
  });

  app.get(
    '/forms/:id/submissions/export',
    { schema: exportResultsRoute, config: { permission: 'forms.results' } },
    async (request, reply) => {
      const scope = request.scope;
      const sheets = await resultsSheets(
        request.db,
        request.params.id,
        scope,
        filterOf(request.query),
        { sort: request.query.sort, order: request.query.order ?? 'desc' },
        exportCellContext(request),
      );
      return sendXlsx(request.db, request.params.id, reply, await writeXlsx(sheets), '填报数据');
    },
  );

  app.get(
    '/forms/:id/statistics/export',
    { schema: exportStatisticsRoute, config: { permission: 'forms.results' } },
    async (request, reply) => {
      const scope = request.scope;
      const stats = await statistics(request.db, request.params.id, scope, filterOf(request.query), {
        fields: fieldList(request.query.fields),
        groupBy: request.query.groupBy,
      });
      const lang = exportLanguage(request.query.lang, request.headers['accept-language']);
      return sendXlsx(
        request.db,
        request.params.id,
        reply,
        await writeXlsx(statisticsSheets(stats, lang)),
        STATISTICS_TEXTS[lang].fileName,
      );
    },
  );
};

async function sendXlsx(trx: Knex.Transaction, formId: string, reply: FastifyReply, file: Buffer, what: string) {
  const form = await getForm(trx, formId);
  return reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', attachmentDisposition(`${form.name}-${what}.xlsx`))
    .send(file);
}
