import type { FastifyRequest } from 'fastify';
import { AppError, audit, notFound, type RoutePlugin } from '../../../core/module-kit.ts';
import { assignmentReportsRoute, giveCardRoute, reviewReportRoute, submitReportRoute, taskReportsRoute } from '../schemas/report.schema.ts';
import { assignmentAccess, requireHandler, requireOpen, requireReviewer, type AssignmentAccess } from './assignment-access.ts';
import { dispatchContext } from './dispatch-context.ts';
import { reportForms } from './report-form-port.ts';
import { reportPage, reportQuery, reportView } from './report-view.ts';
import { giveCard, reviewReport, submitReport } from './report.service.ts';
import { taskAccess } from './task-access.ts';
import { assignmentQuery, toAssignmentNode, visibleNodes } from './task-view.ts';
import { DISPATCH_ERRORS } from '../schemas/error-codes.ts';

/** Progress reports: submit, list, accept or return, give a card. */
export const reportRoutes: RoutePlugin = async (app) => {
  app.post('/assignments/:id/reports', { schema: submitReportRoute, config: { idempotent: true } }, async (request, reply) => {
    const access = requireOpen(requireHandler(await assignmentAccess(request, request.params.id)));
    const id = await submitReport(dispatchContext(request), access, request.body, await reportForms(request));
    await audit(request, {
      action: 'dispatch.report.submit',
      recordType: 'dispatch_report',
      recordId: id,
      data: { assignmentId: access.node.id, progress: request.body.progress },
    });
    return reply.status(201).send(await reportView(request.db, id, await reportForms(request)));
  });

  app.get('/assignments/:id/reports', { schema: assignmentReportsRoute }, async (request) => {
    const access = await assignmentAccess(request, request.params.id);
    return reportPage(
      request.db,
      reportQuery(request.db).where('r.assignment_id', access.node.id),
      request.query,
      await reportForms(request),
    );
  });

  app.get('/tasks/:id/reports', { schema: taskReportsRoute }, async (request) => {
    const access = await taskAccess(request, request.params.id);
    const query = reportQuery(request.db).where('r.task_id', access.task.id);
    if (!access.supervise && !access.instruct) {
      const nodes = visibleNodes(access, (await assignmentQuery(request.db).where('a.task_id', access.task.id)).map(toAssignmentNode));
      query.whereIn(
        'r.assignment_id',
        nodes.map((n) => n.id),
      );
    }
    if (request.query.periodKey) query.where('r.period_key', request.query.periodKey);
    if (request.query.status) query.where('r.status', request.query.status);
    return reportPage(request.db, query, request.query, await reportForms(request));
  });

  app.post('/reports/:id/review', { schema: reviewReportRoute }, async (request) => {
    const access = requireReviewer(await reportAccess(request, request.params.id));
    await reviewReport(dispatchContext(request), access, request.params.id, request.body.decision, request.body.reason);
    await audit(request, {
      action: `dispatch.report.${request.body.decision}`,
      recordType: 'dispatch_report',
      recordId: request.params.id,
      data: { reason: request.body.reason ?? null },
    });
    return reportView(request.db, request.params.id, await reportForms(request));
  });

  app.post('/reports/:id/card', { schema: giveCardRoute }, async (request, reply) => {
    const access = requireReviewer(await reportAccess(request, request.params.id));
    await giveCard(dispatchContext(request), access, request.params.id, request.body.color, request.body.reason);
    await audit(request, {
      action: 'dispatch.card.give',
      recordType: 'dispatch_report',
      recordId: request.params.id,
      data: { color: request.body.color, reason: request.body.reason },
    });
    return reply.status(201).send(await reportView(request.db, request.params.id, await reportForms(request)));
  });
};

/** The caller's access to the assignment of a report; 404 for a report they cannot see. */
async function reportAccess(request: FastifyRequest, reportId: string): Promise<AssignmentAccess> {
  const report: { assignment_id: string } | undefined = await request.db('dispatch_report').where({ id: reportId }).first('assignment_id');
  if (!report) throw reportNotFound();
  try {
    return await assignmentAccess(request, report.assignment_id);
  } catch (error) {
    if (error instanceof AppError && error.statusCode === 404) throw reportNotFound();
    throw error;
  }
}

const reportNotFound = () => notFound(DISPATCH_ERRORS.REPORT_NOT_FOUND, 'No such report');
