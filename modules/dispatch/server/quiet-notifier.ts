import { type Notifier, tenantTimeZone } from '../../../core/module-kit.ts';
import { dispatchConfig } from '../dispatch-config.ts';

export type DispatchNotifier = Pick<Notifier, 'notify'>;

/**
 * Every SMS dispatch writes — reminders, urges, escalations, instructions, new tasks, requests —
 * waits for the end of the tenant's quiet hours (`quietHoursFrom` → `quietHoursTo`, hours of
 * the county's clock); in-app notices go at once. The one place dispatch's messages pass through.
 */
export function quietHoursNotifier(notifier: DispatchNotifier): DispatchNotifier {
  return {
    async notify(trx, tenantId, input) {
      if (!input.sms) return notifier.notify(trx, tenantId, input);
      const config = await dispatchConfig(trx);
      return notifier.notify(trx, tenantId, {
        ...input,
        smsQuietHours: { from: config.quietHoursFrom, to: config.quietHoursTo, timeZone: await tenantTimeZone(trx, tenantId) },
      });
    },
  };
}
