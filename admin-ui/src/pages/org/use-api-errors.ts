import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/api-error';
import { formFieldErrors } from '../../components/field-errors';
import { platformCodeText } from '../../components/platform-error-codes';

/** Translated texts for the error codes a page expects (e.g. `ORG_PHONE_TAKEN`); others show generically. */
export type CodeTexts = Partial<Record<string, string>>;

/**
 * How a page shows a failed mutation: field errors next to their fields, everything else as a
 * message. Known codes get the page's own wording, because the server words its messages in English.
 */
export function useApiErrors(codeTexts: CodeTexts) {
  const { t } = useTranslation('errors');
  const { message } = App.useApp();

  const textOf = (error: unknown): string => {
    if (!isApiError(error)) return t('unexpected.description', { code: 'CLIENT_ERROR' });
    if (error.isNetworkError) return t('network.description');
    const known = codeTexts[error.code] ?? platformCodeText(t, error.code);
    if (known) return known;
    if (error.status === 403) return t('forbidden.description');
    // A 4xx message names what is wrong better than a bare code; a 5xx message says nothing useful.
    return error.status < 500 && error.message ? error.message : t('unexpected.description', { code: error.code });
  };

  const showOnForm = <Values>(form: FormInstance<Values>, error: unknown, fieldNames: (keyof Values & string)[]): void => {
    if (isApiError(error)) {
      const fields = formFieldErrors<Values>(t, error.details, fieldNames);
      if (fields.length > 0) {
        const known = codeTexts[error.code] ?? platformCodeText(t, error.code);
        form.setFields(known ? fields.map((field) => ({ ...field, errors: [known] })) : fields);
        return;
      }
    }
    void message.error(textOf(error));
  };

  return { textOf, show: (error: unknown) => void message.error(textOf(error)), showOnForm };
}
