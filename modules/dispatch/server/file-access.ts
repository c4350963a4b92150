import type { FileAccessCheck } from '../../../core/module-kit.ts';
import { assignmentAccess } from './assignment-access.ts';
import { requestAccess } from './request.service.ts';
import { taskAccess } from './task-access.ts';

/**
 * Who may read the files attached to dispatch's records (core/files/file-access.ts): exactly who
 * may read the record through dispatch's own routes. Each access function throws dispatch's 404
 * for anyone else, which core reads as "no". Aggregation workbooks are core exports (core/exports/):
 * their requester reads them.
 */
export const dispatchFileAccess: Record<string, FileAccessCheck> = {
  /** Task attachments: whoever sees the task. */
  task: async (request, taskId) => Boolean(await taskAccess(request, taskId)),
  /** Report photos and report-form files: whoever sees the report's assignment. */
  report: async (request, reportId) => {
    const report: { assignment_id: string } | undefined = await request
      .db('dispatch_report')
      .where({ id: reportId })
      .first('assignment_id');
    return report !== undefined && Boolean(await assignmentAccess(request, report.assignment_id));
  },
  /** Comment photos: whoever sees the comment (a comment on an assignment needs that assignment). */
  comment: async (request, commentId) => {
    const comment: { task_id: string; assignment_id: string | null } | undefined = await request
      .db('dispatch_comment')
      .where({ id: commentId })
      .first('task_id', 'assignment_id');
    if (!comment) return false;
    return Boolean(
      comment.assignment_id ? await assignmentAccess(request, comment.assignment_id) : await taskAccess(request, comment.task_id),
    );
  },
  /** Photos of a bottom-up request and of its answer: both sides of the request and its supervisors. */
  request: async (request, requestId) => Boolean(await requestAccess(request, requestId)),
};
