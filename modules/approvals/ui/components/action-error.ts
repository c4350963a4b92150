import { isApiError } from '../../../../admin-ui/src/module-kit';
import { APPROVAL_ERRORS } from '../../schemas/error-codes';
import type { ApprovalsT } from '../i18n/approvals-i18n';

// The codes a user can act on get words of their own; anything else shows its code and details.
const KNOWN = [
  APPROVAL_ERRORS.ALREADY_DECIDED,
  APPROVAL_ERRORS.NOT_APPROVER,
  APPROVAL_ERRORS.URGE_TOO_SOON,
  APPROVAL_ERRORS.NO_BRANCH,
  APPROVAL_ERRORS.STATE_CONFLICT,
] as const;

/** A failed action in a sentence. */
export function actionError(t: ApprovalsT, error: unknown): string {
  if (!isApiError(error))
    return t('errors.failed', { code: 'CLIENT_ERROR', message: error instanceof Error ? error.message : String(error) });
  if (error.isNetworkError) return t('errors.network');
  const known = KNOWN.find((code) => code === error.code);
  if (known) return t(`errors.${known}`);
  const details = error.details.map((d) => `${d.path} ${d.message}`).join('; ');
  return t('errors.failed', { code: error.code, message: details || error.message });
}
