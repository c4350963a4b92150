import { useTranslation } from 'react-i18next';
import { useApiErrors } from '../org/use-api-errors';
import { CORE_ERRORS } from '../../../../core/schemas/error-codes';

/** The account routes' error codes (core/auth/user.service.ts, unique columns) in the user's language. */
export function useUserErrors() {
  const { t } = useTranslation('users');
  return useApiErrors({
    [CORE_ERRORS.CONFLICT_DUPLICATE]: t('serverErrors.taken'),
    [CORE_ERRORS.USER_SELF_LOCKOUT]: t('serverErrors.selfLockout'),
    [CORE_ERRORS.USER_NOT_FOUND]: t('serverErrors.notFound'),
    [CORE_ERRORS.REFERENCE_INVALID]: t('serverErrors.personMissing'),
  });
}
