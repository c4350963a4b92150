import type { FastifyRequest } from 'fastify';
import { AppError, conflict, forbidden, notFound } from '../../../core/module-kit.ts';
import { taskAccess, type TaskAccess } from './task-access.ts';
import { assignmentQuery, toAssignmentNode, visibleNodes, type AssignmentNode } from './task-view.ts';
import { DISPATCH_ERRORS } from '../schemas/error-codes.ts';

export interface AssignmentAccess extends TaskAccess {
  node: AssignmentNode;
  /** The caller answers for this assignment (reports, re-dispatches, asks for more time). */
  handles: boolean;
  /** The caller reviews its reports: a supervisor of the task, or the unit that re-dispatched it. */
  reviews: boolean;
}

/** The caller's access to one assignment; 404 when it is not theirs to see (or of another tenant). */
export async function assignmentAccess(request: FastifyRequest, assignmentId: string): Promise<AssignmentAccess> {
  const row = await assignmentQuery(request.db).where('a.id', assignmentId).first();
  if (!row) throw assignmentNotFound();
  const node = toAssignmentNode(row);
  let access: TaskAccess;
  try {
    access = await taskAccess(request, node.taskId);
  } catch (error) {
    if (error instanceof AppError && error.statusCode === 404) throw assignmentNotFound();
    throw error;
  }
  if (!access.supervise && !access.instruct) {
    const nodes = (await assignmentQuery(request.db).where('a.task_id', node.taskId)).map(toAssignmentNode);
    if (!visibleNodes(access, nodes).some((n) => n.id === node.id)) throw assignmentNotFound();
  }
  const handles = access.handled.includes(node.id);
  const reviews = access.supervise || (node.parentId !== null && access.handled.includes(node.parentId));
  return { ...access, node, handles, reviews };
}

export function requireHandler(access: AssignmentAccess): AssignmentAccess {
  if (!access.handles) throw forbidden(DISPATCH_ERRORS.NOT_HANDLER, 'Only the responsible unit or person may do this');
  return access;
}

export function requireReviewer(access: AssignmentAccess): AssignmentAccess {
  if (!access.reviews) throw forbidden(DISPATCH_ERRORS.NOT_REVIEWER, 'Only the task’s supervisors or the dispatching unit may do this');
  return access;
}

/** Work on an assignment needs it open: done and closed ones take no more reports, subtasks or requests. */
export function requireOpen(access: AssignmentAccess): AssignmentAccess {
  if (access.task.status === 'closed' || access.node.status === 'closed')
    throw conflict(DISPATCH_ERRORS.ASSIGNMENT_CLOSED, 'The assignment is closed');
  if (access.node.status === 'done') throw conflict(DISPATCH_ERRORS.ASSIGNMENT_DONE, 'The assignment is done');
  return access;
}

export const assignmentNotFound = () => notFound(DISPATCH_ERRORS.ASSIGNMENT_NOT_FOUND, 'No such assignment');
