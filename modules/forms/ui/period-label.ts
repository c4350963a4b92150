import type { FormsT } from './i18n/forms-i18n';

/** A period as people say it: `2025-03 期`, and a one-time collection's only period as 一次性填报 (not "once 期"). */
export function periodLabel(t: FormsT, periodKey: string): string {
  return periodKey === 'once' ? t('period.once') : t('period.label', { key: periodKey });
}
