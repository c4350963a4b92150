import { audit, conflict, CORE_ERRORS, forbidden, requirePermission, type RoutePlugin, scopeOf } from '../../../core/module-kit.ts';
import {
  addAssignmentsRoute,
  closeTaskRoute,
  createTaskRoute,
  getTaskRoute,
  listTasksRoute,
  timelineRoute,
  updateTaskRoute,
} from '../schemas/task.schema.ts';
import { dispatchContext } from './dispatch-context.ts';
import { dispatchAssignments } from './dispatch.service.ts';
import { recomputeTaskLights } from './light.service.ts';
import { reportForms } from './report-form-port.ts';
import { taskAccess, type TaskAccess } from './task-access.ts';
import { listTasks } from './task-list.service.ts';
import { closeTask, createTask, updateTask } from './task.service.ts';
import { taskDetail } from './task-view.ts';
import { taskTimeline } from './timeline.service.ts';
import { DISPATCH_ERRORS } from '../schemas/error-codes.ts';

/** Tasks: create and dispatch, read with their tree, change, close, dispatch to more units, timeline. */
export const taskRoutes: RoutePlugin = async (app) => {
  app.post(
    '/tasks',
    { schema: createTaskRoute, config: { idempotent: true, permission: 'dispatch.supervise' } },
    async (request, reply) => {
      const scope = request.scope;
      const forms = await reportForms(request);
      const id = await createTask(dispatchContext(request), scope, request.body, forms);
      await audit(request, {
        action: 'dispatch.task.create',
        recordType: 'dispatch_task',
        recordId: id,
        data: { title: request.body.title, units: request.body.assignments.length },
      });
      return reply.status(201).send(await taskDetail(request.db, await taskAccess(request, id), forms));
    },
  );

  app.get('/tasks', { schema: listTasksRoute }, async (request) => {
    const scopes = [await scopeOf(request, 'dispatch.supervise'), await scopeOf(request, 'dispatch.instruct')].filter((s) => s !== null);
    if (scopes.length === 0)
      throw forbidden(CORE_ERRORS.PERMISSION_DENIED, 'This needs the permission "dispatch.supervise" or "dispatch.instruct"');
    return listTasks(request.db, scopes, request.query);
  });

  app.get('/tasks/:id', { schema: getTaskRoute }, async (request) => {
    return taskDetail(request.db, await taskAccess(request, request.params.id), await reportForms(request));
  });

  app.patch('/tasks/:id', { schema: updateTaskRoute }, async (request) => {
    const access = requireSupervise(await taskAccess(request, request.params.id));
    await updateTask(dispatchContext(request), access.task.id, request.body);
    await audit(request, {
      action: 'dispatch.task.update',
      recordType: 'dispatch_task',
      recordId: access.task.id,
      data: { fields: Object.keys(request.body) },
    });
    return taskDetail(request.db, access, await reportForms(request));
  });

  app.post('/tasks/:id/close', { schema: closeTaskRoute }, async (request) => {
    const access = requireSupervise(await taskAccess(request, request.params.id));
    await closeTask(dispatchContext(request), access.task.id);
    await audit(request, { action: 'dispatch.task.close', recordType: 'dispatch_task', recordId: access.task.id });
    return taskDetail(request.db, access, await reportForms(request));
  });

  app.post('/tasks/:id/assignments', { schema: addAssignmentsRoute }, async (request) => {
    const access = requireSupervise(await taskAccess(request, request.params.id));
    if (access.task.status === 'closed') throw closedTask();
    const ctx = dispatchContext(request);
    const scope = await requirePermission(request, 'dispatch.supervise');
    await dispatchAssignments(
      ctx,
      { kind: 'task', taskId: access.task.id, taskTitle: access.task.title, deadline: new Date(access.task.deadline), scope },
      request.body.assignments,
    );
    await recomputeTaskLights(ctx, [access.task.id]);
    await audit(request, {
      action: 'dispatch.task.dispatch',
      recordType: 'dispatch_task',
      recordId: access.task.id,
      data: { units: request.body.assignments.length },
    });
    return taskDetail(request.db, access, await reportForms(request));
  });

  app.get('/tasks/:id/timeline', { schema: timelineRoute }, async (request) => {
    const access = await taskAccess(request, request.params.id);
    return { items: await taskTimeline(request.db, access, request.query.assignmentId) };
  });
};

/** Supervising actions need dispatch.supervise over the task; a unit that only handles it gets 403 (it can see the task). */
export function requireSupervise(access: TaskAccess): TaskAccess {
  if (!access.supervise) throw forbidden(DISPATCH_ERRORS.NOT_SUPERVISOR, 'Only the task’s supervisors may do this');
  return access;
}

export const closedTask = () => conflict(DISPATCH_ERRORS.TASK_CLOSED, 'The task is closed');
