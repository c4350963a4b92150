import { CORE_ERRORS, isApiError } from '../../../../admin-ui/src/module-kit';
import { GRID_ERRORS } from '../../schemas/error-codes';
import { OPEN311_ERRORS } from '../../schemas/open311-error-codes';
import type { GridT } from '../i18n/grid-events-i18n';

// The codes a user can act on get words of their own; anything else shows its code.
const KNOWN = [
  GRID_ERRORS.AREA_INVALID,
  GRID_ERRORS.BUILDING_IN_USE,
  GRID_ERRORS.BUILDING_INVALID,
  GRID_ERRORS.CATEGORY_IN_USE,
  GRID_ERRORS.EXTENSION_INVALID,
  GRID_ERRORS.FILE_INVALID,
  GRID_ERRORS.LOCATION_OUTSIDE,
  GRID_ERRORS.NOT_HANDLER,
  GRID_ERRORS.PERIOD_INVALID,
  GRID_ERRORS.PHONE_LIMIT,
  GRID_ERRORS.PUBLIC_CLOSED,
  GRID_ERRORS.RATE_LIMITED,
  GRID_ERRORS.RATING_CLOSED,
  GRID_ERRORS.STATE_CONFLICT,
  GRID_ERRORS.UNIT_INVALID,
  OPEN311_ERRORS.COUNTY_SCOPE_REQUIRED,
  CORE_ERRORS.HUMAN_CHECK_FAILED,
  CORE_ERRORS.HUMAN_CHECK_RATE_LIMITED,
] as const;

/** A failed action in a sentence: known codes in words, a 429 as "too many", field problems pointed to. */
export function actionError(t: GridT, error: unknown): string {
  if (isApiError(error)) {
    if (error.isNetworkError) return t('errors.network');
    const known = KNOWN.find((code) => code === error.code);
    if (known) {
      // A refused area or building names the field and what is wrong with it: the manager needs both to fix it.
      const detail = error.details[0];
      return detail && (known === GRID_ERRORS.AREA_INVALID || known === GRID_ERRORS.BUILDING_INVALID)
        ? `${t(`errors.${known}`)}: ${detail.path.replace(/^body\./, '')} ${detail.message}`
        : t(`errors.${known}`);
    }
    if (error.status === 429) return t('errors.tooMany');
    if (error.status === 400 && error.details.length > 0)
      return t('errors.failed', { code: error.code, message: error.details.map((d) => `${d.path} ${d.message}`).join('; ') });
    return t('errors.failed', { code: error.code, message: error.message });
  }
  return t('errors.failed', { code: 'CLIENT_ERROR', message: error instanceof Error ? error.message : String(error) });
}
