import { jobModuleContext, type ModuleContext, type ModuleJob, type ModuleJobContext, HOUR_MS, DAY_MS } from '../../../core/module-kit.ts';
import { gridEventsConfig } from '../grid-events-config.ts';
import { findCategory } from './category.service.ts';
import { eventQuery, OPEN_STATES, type EventRow } from './event-row.ts';
import { tellHandlers } from './handler-notices.ts';
import { LEVEL, nextLevelUnit } from './routing.ts';
import { appendStep } from './timeline.ts';

export const ESCALATION_JOB = 'grid-events.escalate';
const BATCH = 100;

/**
 * Every minute: events whose deadline at their level has passed move one level up (grid →
 * village/community → town 综治中心 → department), and resolved events nobody rated within the
 * county's days are closed. Each escalation fires once: the event's row is locked (others skip
 * it) and its `escalate_at` moves on in the same transaction, so a second runner, a retry or a
 * restart finds nothing due.
 */
export const escalationJob: ModuleJob = {
  name: ESCALATION_JOB,
  cron: '* * * * *',
  async handler(data, context) {
    const now = typeof data.now === 'string' ? new Date(data.now) : new Date();
    for (const tenantId of await context.enabledTenantIds()) await sweepTenant(context, tenantId, now);
  },
};

/** Escalates what is due and auto-closes what is old in one tenant; answers how many of each. */
export async function sweepTenant(context: ModuleJobContext, tenantId: string, now: Date): Promise<{ escalated: number; closed: number }> {
  let escalated = 0;
  for (;;) {
    const done = await context.withTenant(tenantId, async ({ db }) => {
      const ctx = await jobModuleContext(context, db, tenantId, now);
      const due: EventRow[] = await eventQuery(db)
        .whereIn('e.status', OPEN_STATES)
        .where('e.escalate_at', '<=', now)
        .orderBy('e.escalate_at')
        .limit(BATCH)
        .forUpdate('e')
        .skipLocked();
      for (const event of due) await escalate(ctx, event);
      return due.length;
    });
    escalated += done;
    if (done < BATCH) break;
  }
  const closed = await context.withTenant(tenantId, async ({ db }) => {
    const ctx = await jobModuleContext(context, db, tenantId, now);
    return autoClose(ctx);
  });
  return { escalated, closed };
}

/** One level up, or — at the top — nothing more to escalate to (the event stays overdue where it is). */
async function escalate(ctx: ModuleContext, event: EventRow): Promise<void> {
  const category = await findCategory(ctx.trx, event.category_id);
  const next = event.handling_unit_id ? await nextLevelUnit(ctx.trx, event.handling_unit_id, category.department_unit_id) : null;
  if (!next) {
    await ctx.trx('grid_event').where({ id: event.id }).update({ escalate_at: null, updated_at: ctx.now });
    await appendStep(ctx, event.id, {
      action: 'overdue_top',
      actorUserId: null,
      actorName: '',
      fromStatus: event.status,
      toStatus: event.status,
      unitId: event.handling_unit_id,
    });
    return;
  }
  const config = await gridEventsConfig(ctx.trx);
  const levelHours =
    next.level === LEVEL.community
      ? config.levelHours.community
      : next.level === LEVEL.town
        ? config.levelHours.town
        : config.levelHours.department;
  const acceptDue = new Date(ctx.now.getTime() + category.accept_hours * HOUR_MS);
  await ctx
    .trx('grid_event')
    .where({ id: event.id })
    .update({
      status: 'reported',
      handling_unit_id: next.unit.id,
      level: next.level,
      routed_by: 'escalation',
      accept_due_at: acceptDue,
      resolve_due_at: new Date(ctx.now.getTime() + levelHours * HOUR_MS),
      escalate_at: acceptDue,
      accepted_at: null,
      extension_hours: null,
      extension_reason: null,
      updated_at: ctx.now,
    });
  await appendStep(ctx, event.id, {
    action: 'escalate',
    actorUserId: null,
    actorName: '',
    fromStatus: event.status,
    toStatus: 'reported',
    unitId: next.unit.id,
    note: event.handling_unit_name ?? '',
  });
  await tellHandlers(
    ctx,
    { id: event.id, code: event.code, categoryName: event.category_name, description: event.description, address: event.address },
    next.unit.id,
    { acceptBy: acceptDue, smsTemplate: category.sms_template, escalatedFrom: event.handling_unit_name ?? '' },
  );
  await ctx.emitEvent(ctx.trx, ctx.tenantId, 'grid-events.escalated', {
    eventId: event.id,
    fromUnitId: event.handling_unit_id,
    toUnitId: next.unit.id,
    level: next.level,
  });
}

/** Resolved events not rated (and not waiting for a call-back) within the county's days are closed. */
async function autoClose(ctx: ModuleContext): Promise<number> {
  const { autoCloseDays } = await gridEventsConfig(ctx.trx);
  const before = new Date(ctx.now.getTime() - autoCloseDays * DAY_MS);
  const rows: { id: string }[] = await ctx
    .trx('grid_event')
    .where('status', 'resolved')
    .andWhere('resolved_at', '<', before)
    .andWhere((q) => q.whereNull('callback_status').orWhere('callback_status', 'done'))
    .limit(500)
    .forUpdate()
    .skipLocked()
    .select('id');
  if (rows.length === 0) return 0;
  const ids = rows.map((r) => r.id);
  await ctx.trx('grid_event').whereIn('id', ids).update({ status: 'closed', closed_at: ctx.now, updated_at: ctx.now });
  for (const id of ids)
    await appendStep(ctx, id, { action: 'auto_close', actorUserId: null, actorName: '', fromStatus: 'resolved', toStatus: 'closed' });
  return ids.length;
}
