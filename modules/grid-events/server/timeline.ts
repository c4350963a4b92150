import { uuidv7 } from 'uuidv7';
import type { ModuleContext } from '../../../core/module-kit.ts';
import type { EventStatus } from '../schemas/common.schema.ts';

/** A step on an event's timeline (全程留痕): what was done, by whom, from which state to which, with a note and photos. */
export interface Step {
  action: string;
  /** Null: the platform (routing, escalation) or a citizen; the name says which. */
  actorUserId: string | null;
  actorName: string;
  fromStatus?: EventStatus | null;
  toStatus?: EventStatus | null;
  unitId?: string | null;
  note?: string;
  photoIds?: string[];
}

export async function appendStep(ctx: ModuleContext, eventId: string, step: Step): Promise<void> {
  await ctx.trx('grid_event_step').insert({
    tenant_id: ctx.tenantId,
    id: uuidv7(),
    event_id: eventId,
    action: step.action,
    actor_user_id: step.actorUserId,
    actor_name: step.actorName,
    from_status: step.fromStatus ?? null,
    to_status: step.toStatus ?? null,
    unit_id: step.unitId ?? null,
    note: step.note ?? '',
    photo_ids: JSON.stringify(step.photoIds ?? []),
    created_at: ctx.now,
  });
}
