/** What forms keeps with each ledger row: the period it reminded of, and how many accounts it told. */
export interface FormsReminderData {
  collectionId: string;
  periodKey: string;
  userCount: number;
}

/**
 * Forms' reminders in core's ledger are about an assignee; `auto` goes once per period (the
 * period key is its occasion), `manual` once per click (the period and the minute).
 */
export const REMINDER_SUBJECT = { module: 'forms', subjectKind: 'assignee' } as const;
