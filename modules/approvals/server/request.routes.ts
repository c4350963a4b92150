import { AppError, audit, moduleActor, moduleContext, setTransactionTenant, type RoutePlugin } from '../../../core/module-kit.ts';
import {
  applyRoute,
  batchApproveRoute,
  countsRoute,
  decideRoute,
  editRequestRoute,
  getRequestRoute,
  listRequestsRoute,
  urgeRoute,
  withdrawRoute,
} from '../schemas/request.schema.ts';
import { decide } from './decision.service.ts';
import { formsService } from './forms-port.ts';
import { PERMISSION } from './permissions.ts';
import { assertReadable } from './request-access.ts';
import { listRequests, requestCounts } from './request-list.service.ts';
import { findRequest } from './request-row.ts';
import { requestView } from './request-view.ts';
import { applyFor, editRequest, urgeRequest, withdrawRequest } from './request.service.ts';

/**
 * Requests (审批单): applicants apply, edit drafts and returned requests, withdraw and urge;
 * approvers decide their tasks; everyone involved reads the whole request. Deciding needs no
 * permission: being the task's approver (or their deputy) is the right, checked per task.
 */
export const requestRoutes: RoutePlugin = async (app) => {
  app.post('/requests', { schema: applyRoute, config: { permission: PERMISSION.apply, idempotent: true } }, async (request, reply) => {
    const id = await applyFor(request, moduleContext(request), await formsService(request, 'body.typeId'), request.body);
    await audit(request, {
      action: 'approvals.request.apply',
      recordType: 'approval_request',
      recordId: id,
      data: { typeId: request.body.typeId },
    });
    return reply.status(201).send(await requestView(request, await findRequest(request.db, id)));
  });

  app.put('/requests/:id', { schema: editRequestRoute, config: { permission: PERMISSION.apply } }, async (request) => {
    const row = await findRequest(request.db, request.params.id);
    await assertReadable(request, row);
    await editRequest(moduleContext(request), await formsService(request, 'body.data'), row.id, request.body);
    await audit(request, {
      action: 'approvals.request.edit',
      recordType: 'approval_request',
      recordId: row.id,
      data: { submit: request.body.submit ?? true },
    });
    return requestView(request, await findRequest(request.db, row.id));
  });

  app.get('/requests', { schema: listRequestsRoute }, async (request) =>
    listRequests(request, (await moduleActor(request)).userId, request.query),
  );

  app.get('/requests/counts', { schema: countsRoute }, async (request) => requestCounts(request, (await moduleActor(request)).userId));

  app.get('/requests/:id', { schema: getRequestRoute }, async (request) => {
    const row = await findRequest(request.db, request.params.id);
    await assertReadable(request, row);
    const actor = await moduleActor(request);
    await request
      .db('approval_cc')
      .where({ request_id: row.id, user_id: actor.userId })
      .whereNull('read_at')
      .update({ read_at: new Date() });
    return requestView(request, row);
  });

  app.post('/requests/:id/withdraw', { schema: withdrawRoute }, async (request) => {
    const row = await findRequest(request.db, request.params.id);
    await assertReadable(request, row);
    await withdrawRequest(moduleContext(request), row.id, request.body?.reason ?? '');
    await audit(request, { action: 'approvals.request.withdraw', recordType: 'approval_request', recordId: row.id });
    return requestView(request, await findRequest(request.db, row.id));
  });

  app.post('/requests/:id/urge', { schema: urgeRoute }, async (request) => {
    const row = await findRequest(request.db, request.params.id);
    await assertReadable(request, row);
    await urgeRequest(moduleContext(request), row.id);
    return requestView(request, await findRequest(request.db, row.id));
  });

  app.post('/tasks/:id/decision', { schema: decideRoute, config: { idempotent: true } }, async (request) => {
    const decided = await decide(moduleContext(request), request.params.id, request.body);
    await audit(request, {
      action: `approvals.task.${request.body.action}`,
      recordType: 'approval_request',
      recordId: decided.id,
      data: { taskId: request.params.id, toUserId: request.body.toUserId ?? null, toStepId: request.body.toStepId ?? null },
    });
    return requestView(request, await findRequest(request.db, decided.id));
  });

  app.post('/tasks/batch-approve', { schema: batchApproveRoute }, async (request) => {
    const approved: string[] = [];
    const failed: { taskId: string; code: string; message: string }[] = [];
    for (const taskId of request.body.taskIds) {
      // Each in its own savepoint: one task decided meanwhile by someone else does not undo the others.
      try {
        await request.db.transaction(async (trx) => {
          setTransactionTenant(trx, request.tenant.id);
          await decide({ ...moduleContext(request), trx }, taskId, { action: 'approve', comment: request.body.comment });
        });
        approved.push(taskId);
      } catch (error) {
        if (!(error instanceof AppError) || error.statusCode >= 500) throw error;
        failed.push({ taskId, code: error.code, message: error.message });
      }
    }
    if (approved.length > 0)
      await audit(request, {
        action: 'approvals.task.batch-approve',
        recordType: 'approval_task',
        recordId: approved[0],
        data: { approved },
      });
    return { approved, failed };
  });
};
