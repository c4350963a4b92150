import type { FastifyRequest } from 'fastify';
import { AppError, audit, notFound, type RoutePlugin } from '../../../core/module-kit.ts';
import { acknowledgeInstructionRoute, giveInstructionRoute, listInstructionsRoute } from '../schemas/instruction.schema.ts';
import { dispatchContext } from './dispatch-context.ts';
import { acknowledgeInstruction, giveInstruction, instructionViews } from './instruction.service.ts';
import { taskAccess, type TaskAccess } from './task-access.ts';
import { DISPATCH_ERRORS } from '../schemas/error-codes.ts';

/** Leaders' instructions (批示): give one, list them with their acknowledgements, acknowledge. */
export const instructionRoutes: RoutePlugin = async (app) => {
  app.post('/tasks/:id/instructions', { schema: giveInstructionRoute }, async (request, reply) => {
    const access = await taskAccess(request, request.params.id);
    const id = await giveInstruction(dispatchContext(request), access, request.body.text);
    await audit(request, {
      action: 'dispatch.instruction.give',
      recordType: 'dispatch_instruction',
      recordId: id,
      data: { taskId: access.task.id },
    });
    const [view] = await instructionViews(request.db, access, [id]);
    return reply.status(201).send(view);
  });

  app.get('/tasks/:id/instructions', { schema: listInstructionsRoute }, async (request) => {
    const access = await taskAccess(request, request.params.id);
    return { items: await instructionViews(request.db, access) };
  });

  app.post('/instructions/:id/acknowledge', { schema: acknowledgeInstructionRoute }, async (request) => {
    const access = await instructionAccess(request, request.params.id);
    await acknowledgeInstruction(dispatchContext(request), access, request.params.id);
    await audit(request, {
      action: 'dispatch.instruction.acknowledge',
      recordType: 'dispatch_instruction',
      recordId: request.params.id,
      data: { taskId: access.task.id },
    });
    const [view] = await instructionViews(request.db, access, [request.params.id]);
    return view;
  });
};

/** The caller's access to the task of an instruction; 404 for an instruction of a task they cannot see. */
async function instructionAccess(request: FastifyRequest, instructionId: string): Promise<TaskAccess> {
  const row: { task_id: string } | undefined = await request.db('dispatch_instruction').where({ id: instructionId }).first('task_id');
  if (!row) throw instructionNotFound();
  try {
    return await taskAccess(request, row.task_id);
  } catch (error) {
    if (error instanceof AppError && error.statusCode === 404) throw instructionNotFound();
    throw error;
  }
}

const instructionNotFound = () => notFound(DISPATCH_ERRORS.INSTRUCTION_NOT_FOUND, 'No such instruction');
