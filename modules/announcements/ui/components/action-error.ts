import { isApiError } from '../../../../admin-ui/src/module-kit';
import { ANNOUNCEMENT_ERRORS } from '../../schemas/error-codes';
import type { AnnouncementT } from '../i18n/announcements-i18n';

// The codes a publisher can act on get words of their own; anything else shows its code and fields.
const KNOWN = [
  ANNOUNCEMENT_ERRORS.AUDIENCE_EMPTY,
  ANNOUNCEMENT_ERRORS.AUDIENCE_OUT_OF_SCOPE,
  ANNOUNCEMENT_ERRORS.NOT_DRAFT,
  ANNOUNCEMENT_ERRORS.NOT_PUBLISHED,
  ANNOUNCEMENT_ERRORS.EXPIRY_INVALID,
] as const;

/** A failed action in a sentence. */
export function actionError(t: AnnouncementT, error: unknown): string {
  if (isApiError(error)) {
    if (error.isNetworkError) return t('errors.network');
    const known = KNOWN.find((code) => code === error.code);
    if (known) return t(`errors.${known}`);
    const details = error.details.map((d) => `${d.path} ${d.message}`).join('; ');
    return t('errors.failed', { code: error.code, message: details || error.message });
  }
  return t('errors.failed', { code: 'CLIENT_ERROR', message: error instanceof Error ? error.message : String(error) });
}
