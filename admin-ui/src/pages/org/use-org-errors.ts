import { useTranslation } from 'react-i18next';
import { useApiErrors } from './use-api-errors';
import { CORE_ERRORS } from '../../../../core/schemas/error-codes';

/** The directory's error codes (core/org/*.service.ts) in the user's language. */
export function useOrgErrors() {
  const { t } = useTranslation('org');
  return useApiErrors({
    [CORE_ERRORS.ORG_UNIT_HAS_CHILDREN]: t('serverErrors.unitHasChildren'),
    [CORE_ERRORS.ORG_UNIT_HAS_PEOPLE]: t('serverErrors.unitHasPeople'),
    [CORE_ERRORS.ORG_UNIT_NAME_TAKEN]: t('serverErrors.unitNameTaken'),
    [CORE_ERRORS.ORG_UNIT_CODE_TAKEN]: t('serverErrors.unitCodeTaken'),
    [CORE_ERRORS.ORG_UNIT_MOVE_INVALID]: t('serverErrors.unitMoveInvalid'),
    [CORE_ERRORS.ORG_UNIT_NOT_FOUND]: t('serverErrors.unitNotFound'),
    [CORE_ERRORS.ORG_OUT_OF_SCOPE]: t('serverErrors.outOfScope'),
    [CORE_ERRORS.ORG_PHONE_TAKEN]: t('serverErrors.phoneTaken'),
    [CORE_ERRORS.ORG_PERSON_NOT_FOUND]: t('serverErrors.personNotFound'),
    [CORE_ERRORS.ORG_POSITION_NOT_FOUND]: t('serverErrors.positionNotFound'),
  });
}
