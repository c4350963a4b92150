import type { ModuleContext } from '../../../core/module-kit.ts';
import { uuidv7 } from 'uuidv7';

/** What happened to a task, as the timeline shows it. */
export type TimelineKind =
  | 'task.created'
  | 'task.updated'
  | 'task.closed'
  | 'assignment.dispatched'
  | 'assignment.opened'
  | 'assignment.redispatched'
  | 'report.submitted'
  | 'report.accepted'
  | 'report.returned'
  | 'card.given'
  | 'reminder.sent'
  | 'urge.sent'
  | 'escalation.raised'
  | 'extension.requested'
  | 'extension.granted'
  | 'extension.refused'
  | 'instruction.given'
  | 'instruction.acknowledged'
  | 'comment.added';

export interface TimelineEntry {
  taskId: string;
  assignmentId?: string | null;
  kind: TimelineKind;
  data?: Record<string, unknown>;
}

/** Appends entries to the tasks' timelines in one insert (the table is append-only). */
export async function appendTimeline(ctx: ModuleContext, entries: TimelineEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await ctx.trx('dispatch_timeline').insert(
    entries.map((e) => ({
      tenant_id: ctx.tenantId,
      id: uuidv7(),
      task_id: e.taskId,
      assignment_id: e.assignmentId ?? null,
      kind: e.kind,
      actor_id: ctx.userId,
      data: JSON.stringify(e.data ?? {}),
      created_at: ctx.now,
    })),
  );
}
