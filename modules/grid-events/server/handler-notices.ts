import {
  ancestorIds,
  answeringAccounts,
  countyDateTime,
  topUnitIds,
  unitFacts,
  type ModuleContext,
  type NotificationMessage,
} from '../../../core/module-kit.ts';
import { gridEventsMessages } from '../locales/notifications.ts';
import { PERMISSION } from './permissions.ts';

const message = gridEventsMessages.message;

/** What a notice about an event needs to say. */
export interface NoticeEvent {
  id: string;
  code: string;
  categoryName: string;
  description: string;
  address: string;
}

const link = (eventId: string) => `/grid-events/events/${eventId}`;
const brief = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

/** The handlers of a unit: its people holding grid-events.handle. */
async function handlersOf(ctx: ModuleContext, unitId: string): Promise<string[]> {
  return (await answeringAccounts(ctx.trx, [{ key: unitId, unitId, personId: null }], PERMISSION.handle)).get(unitId) ?? [];
}

/**
 * The managers above a unit: people holding grid-events.manage in the unit itself or any unit
 * above it (the town's 综治中心, the county). Without a unit: the county's top units' managers.
 */
async function managersAbove(ctx: ModuleContext, unitId: string | null): Promise<string[]> {
  const unit = unitId ? (await unitFacts(ctx.trx, [unitId])).get(unitId) : undefined;
  const chain = unit ? [unit.id, ...ancestorIds(unit)] : await topUnitIds(ctx.trx);
  const targets = chain.map((id) => ({ key: id, unitId: id, personId: null }));
  const accounts = await answeringAccounts(ctx.trx, targets, PERMISSION.manage);
  return [...new Set([...accounts.values()].flat())];
}

/**
 * Tells the handlers of the unit an event has reached, in-app and by SMS at once (a handler must
 * know within seconds). A category's own SMS text is sent as the county wrote it.
 */
export async function tellHandlers(
  ctx: ModuleContext,
  event: NoticeEvent,
  unitId: string,
  options: { acceptBy: Date; smsTemplate: string; escalatedFrom?: string },
): Promise<void> {
  const userIds = await handlersOf(ctx, unitId);
  const deadline = countyDateTime(options.acceptBy, ctx.timeZone);
  const place = event.address || event.code;
  const common = { userIds, kind: 'grid-events.event.arrived', link: link(event.id), sms: true };
  if (options.smsTemplate && !options.escalatedFrom) {
    const text = options.smsTemplate.replace(/\{(code|category|address)\}/g, (_, key: string) =>
      key === 'code' ? event.code : key === 'category' ? event.categoryName : place,
    );
    await ctx.notifier.notify(ctx.trx, ctx.tenantId, { ...common, title: text });
    return;
  }
  const notice: NotificationMessage = options.escalatedFrom
    ? message('event.escalated', { category: event.categoryName, code: event.code, from: options.escalatedFrom, deadline })
    : message('event.arrived', { category: event.categoryName, code: event.code, place, description: brief(event.description), deadline });
  await ctx.notifier.notify(ctx.trx, ctx.tenantId, { ...common, message: notice });
}

/** Tells the managers above `unitId` something they must act on (a return, an unrouted event, an extension request). */
export async function tellManagers(
  ctx: ModuleContext,
  event: NoticeEvent,
  unitId: string | null,
  notice: NotificationMessage,
  kind: string,
): Promise<void> {
  const userIds = await managersAbove(ctx, unitId);
  await ctx.notifier.notify(ctx.trx, ctx.tenantId, { userIds, kind, link: link(event.id), message: notice });
}

/** Tells one account (the grid worker who reported, a handler) in-app. */
export async function tellUser(
  ctx: ModuleContext,
  event: NoticeEvent,
  userIds: string[],
  notice: NotificationMessage,
  kind: string,
): Promise<void> {
  await ctx.notifier.notify(ctx.trx, ctx.tenantId, { userIds, kind, link: link(event.id), message: notice });
}

export async function tellUnitHandlers(
  ctx: ModuleContext,
  event: NoticeEvent,
  unitId: string,
  notice: NotificationMessage,
  kind: string,
): Promise<void> {
  await tellUser(ctx, event, await handlersOf(ctx, unitId), notice, kind);
}

export { message as gridMessage };
