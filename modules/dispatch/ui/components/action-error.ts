import { isApiError } from '../../../../admin-ui/src/module-kit';
import { DISPATCH_ERRORS } from '../../schemas/error-codes';
import type { DispatchT } from '../i18n/dispatch-i18n';

// The codes a user can act on get words of their own; anything else shows its code.
const KNOWN = [
  DISPATCH_ERRORS.ASSIGNMENT_CLOSED,
  DISPATCH_ERRORS.ASSIGNMENT_DONE,
  DISPATCH_ERRORS.TASK_CLOSED,
  DISPATCH_ERRORS.NOT_REVIEWER,
  DISPATCH_ERRORS.NOT_HANDLER,
  DISPATCH_ERRORS.NOT_SUPERVISOR,
  DISPATCH_ERRORS.CARD_GIVEN,
  DISPATCH_ERRORS.REPORT_REVIEWED,
  DISPATCH_ERRORS.ALREADY_DISPATCHED,
  DISPATCH_ERRORS.FORMS_UNAVAILABLE,
] as const;

/** A failed action in a sentence for a message toast. */
export function actionError(t: DispatchT, error: unknown): string {
  if (isApiError(error)) {
    if (error.isNetworkError) return t('errors.network');
    const known = KNOWN.find((code) => code === error.code);
    if (known) return t(`errors.${known}`);
    // Field problems are shown at their fields (the callers map `details` there): the toast only points to them.
    if (error.status === 400 && error.details.length > 0) return t('errors.checkFields', { count: error.details.length });
    return t('errors.failed', { code: error.code, message: error.details[0]?.message ?? error.message });
  }
  return t('errors.failed', { code: 'CLIENT_ERROR', message: error instanceof Error ? error.message : String(error) });
}
