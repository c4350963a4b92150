import type { PendingItem } from '../../schemas/view.schema';

/** Where a pending item is dealt with: an assignment's page, its task's page, or the requests page. */
export function pendingTarget(slug: string, item: PendingItem): string {
  const base = `/t/${slug}/dispatch`;
  // The request itself, on top of the requests page.
  if (item.kind === 'request') return `${base}/requests/${item.id}`;
  if ((item.kind === 'assignment' || item.kind === 'review' || item.kind === 'extension') && item.assignmentId)
    return `${base}/assignments/${item.assignmentId}`;
  if (item.taskId) return `${base}/tasks/${item.taskId}`;
  return `${base}/pending`;
}
