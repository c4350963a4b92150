import { uuidv7 } from 'uuidv7';
import type { ModuleContext } from '../../../core/module-kit.ts';

export type RequestEventKind =
  | 'saved'
  | 'submitted'
  | 'resubmitted'
  | 'withdrawn'
  | 'step_started'
  | 'step_skipped'
  | 'approved'
  | 'auto_approved'
  | 'rejected'
  | 'returned'
  | 'returned_to_step'
  | 'transferred'
  | 'added_before'
  | 'added_after'
  | 'copied'
  | 'urged'
  | 'completed';

export interface RequestEvent {
  requestId: string;
  stepId?: string | null;
  kind: RequestEventKind;
  actorUserId?: string | null;
  onBehalfOf?: string | null;
  comment?: string;
  attachmentIds?: string[];
  data?: Record<string, unknown>;
}

/** Appends to a request's history: everyone involved reads it in order. */
export async function recordEvents(ctx: ModuleContext, events: RequestEvent[]): Promise<void> {
  if (events.length === 0) return;
  await ctx.trx('approval_event').insert(
    events.map((e, i) => ({
      tenant_id: ctx.tenantId,
      id: uuidv7(),
      request_id: e.requestId,
      step_id: e.stepId ?? null,
      kind: e.kind,
      actor_user_id: e.actorUserId === undefined ? ctx.userId : e.actorUserId,
      on_behalf_of: e.onBehalfOf ?? null,
      comment: e.comment ?? '',
      attachment_ids: JSON.stringify(e.attachmentIds ?? []),
      data: JSON.stringify(e.data ?? {}),
      // Events of one change keep their order even within the same millisecond.
      created_at: new Date(ctx.now.getTime() + i),
    })),
  );
}
