import { useTranslation } from 'react-i18next';
import { useApiErrors } from '../org/use-api-errors';

/** The account routes' error codes (core/auth/user.service.ts, unique columns) in the user's language. */
export function useUserErrors() {
  const { t } = useTranslation('users');
  return useApiErrors({
    CONFLICT_DUPLICATE: t('serverErrors.taken'),
    USER_SELF_LOCKOUT: t('serverErrors.selfLockout'),
    USER_NOT_FOUND: t('serverErrors.notFound'),
    REFERENCE_INVALID: t('serverErrors.personMissing'),
  });
}
