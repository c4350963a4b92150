import type { RoutePlugin } from '../../../core/module-kit.ts';
import { taskPeriodsRoute } from '../schemas/period.schema.ts';
import { taskPeriods } from './period-status.service.ts';
import { taskAccess } from './task-access.ts';

/** Recurring reports: the periods of a task and who reported in each. */
export const periodRoutes: RoutePlugin = async (app) => {
  app.get('/tasks/:id/periods', { schema: taskPeriodsRoute }, async (request) => {
    const access = await taskAccess(request, request.params.id);
    return taskPeriods(request.db, access, request.query, new Date());
  });
};
