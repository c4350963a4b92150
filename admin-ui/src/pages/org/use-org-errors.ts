import { useTranslation } from 'react-i18next';
import { useApiErrors } from './use-api-errors';

/** The directory's error codes (core/org/*.service.ts) in the user's language. */
export function useOrgErrors() {
  const { t } = useTranslation('org');
  return useApiErrors({
    ORG_UNIT_HAS_CHILDREN: t('serverErrors.unitHasChildren'),
    ORG_UNIT_HAS_PEOPLE: t('serverErrors.unitHasPeople'),
    ORG_UNIT_NAME_TAKEN: t('serverErrors.unitNameTaken'),
    ORG_UNIT_CODE_TAKEN: t('serverErrors.unitCodeTaken'),
    ORG_UNIT_MOVE_INVALID: t('serverErrors.unitMoveInvalid'),
    ORG_UNIT_NOT_FOUND: t('serverErrors.unitNotFound'),
    ORG_OUT_OF_SCOPE: t('serverErrors.outOfScope'),
    ORG_PHONE_TAKEN: t('serverErrors.phoneTaken'),
    ORG_PERSON_NOT_FOUND: t('serverErrors.personNotFound'),
    ORG_POSITION_NOT_FOUND: t('serverErrors.positionNotFound'),
  });
}
